/** Cases and messages: types, queries and the mutations that act on them. */
import { CASE_STATUSES, CaseEventRecord, Customer, type ICase, PRIORITIES } from '../db/entities/index.js';
import type { CaseRow } from '../db/sql/case-rows.js';
import { encodeCursor, REQUEST_TYPES, toMessageView } from '../desk/case.service.js';
import type { MessageView } from '../events.js';
import { builder, me } from './builder.js';

export const CaseStatusEnum = builder.enumType('CaseStatus', { values: CASE_STATUSES });
export const PriorityEnum = builder.enumType('Priority', { values: PRIORITIES });
export const RouteEnum = builder.enumType('Route', {
  values: {
    BILLING: { value: 'billing' },
    TECHNICAL: { value: 'technical' },
    ESCALATION: { value: 'escalation' },
    GENERAL: { value: 'general' },
  } as const,
});
const RequestTypeEnum = builder.enumType('RequestType', { values: REQUEST_TYPES });
const AuthorKindEnum = builder.enumType('AuthorKind', { values: ['CUSTOMER', 'AGENT', 'OPERATOR', 'SYSTEM'] as const });
const MessageStatusEnum = builder.enumType('MessageStatus', {
  values: ['COMPLETE', 'STREAMING', 'INCOMPLETE'] as const,
});

const CitationType = builder.simpleObject('Citation', {
  description: 'A help article an answer drew on',
  fields: (t) => ({ id: t.string(), title: t.string(), snippet: t.string() }),
});

const ToolCallType = builder.simpleObject('ToolCall', {
  description: 'A tool an agent called while writing a message',
  fields: (t) => ({
    id: t.string(),
    agent: t.string(),
    name: t.string(),
    input: t.field({ type: 'JSON' }),
    output: t.field({ type: 'JSON' }),
    ok: t.boolean(),
    durationMs: t.int(),
  }),
});

const TokenUsageType = builder.simpleObject('TokenUsage', {
  fields: (t) => ({ promptTokens: t.int(), completionTokens: t.int(), totalTokens: t.int() }),
});

export const MessageType = builder.objectRef<MessageView>('Message').implement({
  description: 'A message on a case',
  fields: (t) => ({
    id: t.exposeID('id'),
    caseId: t.exposeID('caseId'),
    authorKind: t.field({ type: AuthorKindEnum, resolve: (m) => m.authorKind }),
    authorName: t.exposeString('authorName', { nullable: true }),
    agentName: t.exposeString('agentName', {
      nullable: true,
      description: 'The agent (or crew, as billing+technical) that wrote it',
    }),
    content: t.string({
      description: 'The text; for a message still streaming, the tokens so far',
      resolve: (m, _a, ctx) =>
        m.status === 'STREAMING' && !m.content ? ctx.desk.log.liveText(m.caseId, m.id) : m.content,
    }),
    status: t.field({ type: MessageStatusEnum, resolve: (m) => m.status }),
    citations: t.field({ type: [CitationType], resolve: (m) => m.citations }),
    toolCalls: t.field({ type: [ToolCallType], resolve: (m) => m.toolCalls }),
    usage: t.field({ type: TokenUsageType, nullable: true, resolve: (m) => m.usage }),
    model: t.exposeString('model', { nullable: true, description: 'The model(s) that wrote it' }),
    costUsd: t.exposeFloat('costUsd', { nullable: true, description: 'What writing it cost, from the price table' }),
    latencyMs: t.exposeInt('latencyMs', { nullable: true }),
    timeToFirstTokenMs: t.exposeInt('timeToFirstTokenMs', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (m) => m.createdAt }),
  }),
});

const CustomerType = builder.objectRef<{ id: string; name: string; isGuest: boolean }>('Customer').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), isGuest: t.exposeBoolean('isGuest') }),
});

/** A case. */
/** A case as the API shows it: an entity, or a row the hot path wrote. */
export type CaseView = ICase | CaseRow;

export const CaseType = builder.objectRef<CaseView>('Case').implement({
  description: 'A support case: one customer’s conversation with the desk',
  fields: (t) => ({
    id: t.exposeID('id'),
    subject: t.exposeString('subject'),
    status: t.field({ type: CaseStatusEnum, resolve: (c) => c.status }),
    priority: t.field({ type: PriorityEnum, resolve: (c) => c.priority }),
    route: t.field({ type: RouteEnum, nullable: true, resolve: (c) => c.route ?? null }),
    intent: t.exposeString('intent', { nullable: true }),
    requestType: t.field({ type: RequestTypeEnum, resolve: (c) => c.requestType as (typeof REQUEST_TYPES)[number] }),
    agentName: t.exposeString('agentName', { nullable: true }),
    emergency: t.exposeBoolean('emergency'),
    assignee: t.exposeString('assignee', { nullable: true }),
    context: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.context ?? null }),
    usage: t.field({
      type: TokenUsageType,
      description: 'Tokens spent on the case so far (answers, routing and guardrails)',
      resolve: (c) => ({
        promptTokens: c.promptTokens ?? 0,
        completionTokens: c.completionTokens ?? 0,
        totalTokens: (c.promptTokens ?? 0) + (c.completionTokens ?? 0),
      }),
    }),
    costUsd: t.float({ description: 'What the case has cost so far', resolve: (c) => c.costUsd ?? 0 }),
    securityFlag: t.boolean({
      description: 'Set when a security event touched the case',
      resolve: (c) => c.securityFlag ?? false,
    }),
    customer: t.field({
      type: CustomerType,
      resolve: async (c, _a, ctx) =>
        ctx.em.findOneOrFail(Customer, { id: 'customerId' in c ? c.customerId : c.customer.id }),
    }),
    messages: t.field({
      type: [MessageType],
      resolve: async (c, _a, ctx) => (await ctx.desk.cases.messages(ctx.em, c.id)).map((m) => toMessageView(m)),
    }),
    lastEventSeq: t.int({
      description:
        'Sequence number of the latest stored event; subscribe with after: lastEventSeq to get only what follows',
      resolve: async (c, _a, ctx) => {
        const last = await ctx.em.findOne(
          CaseEventRecord,
          { case: c.id },
          { orderBy: { seq: 'desc' }, fields: ['seq'] },
        );
        return last?.seq ?? 0;
      },
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (c) => c.updatedAt }),
    firstResponseAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.firstResponseAt ?? null }),
    resolvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.resolvedAt ?? null }),
  }),
});

const CaseEdge = builder.simpleObject('CaseEdge', {
  fields: (t) => ({ cursor: t.string(), node: t.field({ type: CaseType }) }),
});
const PageInfo = builder.simpleObject('PageInfo', {
  fields: (t) => ({ hasNextPage: t.boolean(), endCursor: t.string({ nullable: true }) }),
});
/** A page of cases. */
export const CaseConnection = builder.simpleObject('CaseConnection', {
  fields: (t) => ({ edges: t.field({ type: [CaseEdge] }), pageInfo: t.field({ type: PageInfo }), totalCount: t.int() }),
});

const CaseFilterInput = builder.inputType('CaseFilterInput', {
  fields: (t) => ({
    status: t.field({ type: [CaseStatusEnum], required: false }),
    route: t.field({ type: [RouteEnum], required: false }),
    priority: t.field({ type: [PriorityEnum], required: false }),
    emergency: t.boolean({ required: false }),
    customerId: t.id({ required: false, description: 'Staff only: one customer’s cases' }),
  }),
});

builder.queryFields((t) => ({
  case: t.field({
    type: CaseType,
    description: 'One case (NOT_FOUND when it does not exist or is not yours)',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => ctx.desk.cases.getCase(ctx.em, me(ctx), String(args.id), ctx),
  }),
  cases: t.field({
    type: CaseConnection,
    description: 'Cases, newest first, with cursor pagination (customers see their own)',
    authScopes: { authenticated: true },
    args: {
      filter: t.arg({ type: CaseFilterInput, required: false }),
      first: t.arg.int({ required: false, defaultValue: 20 }),
      after: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const f = args.filter ?? {};
      const page = await ctx.desk.cases.listCases(
        ctx.em,
        me(ctx),
        {
          status: f.status ?? undefined,
          route: f.route ?? undefined,
          priority: f.priority ?? undefined,
          emergency: f.emergency ?? undefined,
          customerId: f.customerId ? String(f.customerId) : undefined,
        },
        args.first ?? 20,
        args.after,
      );
      return {
        edges: page.cases.map((c) => ({ cursor: encodeCursor(c), node: c })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
        totalCount: page.totalCount,
      };
    },
  }),
}));

const SubmitRequestInput = builder.inputType('SubmitRequestInput', {
  fields: (t) => ({
    message: t.string({ required: true, description: 'What the customer asks (1 to MAX_MESSAGE_LENGTH characters)' }),
    requestType: t.field({ type: RequestTypeEnum, required: false, defaultValue: 'AUTO' }),
    emergency: t.boolean({ required: false, defaultValue: false }),
    caseId: t.id({ required: false, description: 'Set for a follow-up on an existing case' }),
    context: t.field({
      type: 'JSON',
      required: false,
      description: 'Extra context from the calling app (a JSON object)',
    }),
    idempotencyKey: t.string({
      required: false,
      description: 'A retried submit with the same key returns the same case and message',
    }),
  }),
});

const SubmitRequestPayload = builder.simpleObject('SubmitRequestPayload', {
  fields: (t) => ({
    case: t.field({ type: CaseType }),
    message: t.field({ type: MessageType }),
    duplicate: t.boolean({ description: 'True when this is a retry answered from the first submit' }),
  }),
});

const UpdateCaseInput = builder.inputType('UpdateCaseInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    status: t.field({ type: CaseStatusEnum, required: false }),
    priority: t.field({ type: PriorityEnum, required: false }),
    assignee: t.string({ required: false, description: 'Operator to assign; null unassigns' }),
  }),
});

builder.mutationFields((t) => ({
  submitRequest: t.field({
    type: SubmitRequestPayload,
    description: 'Stores a request (new case or follow-up) and returns at once; agents answer on the caseEvents stream',
    authScopes: { customer: true },
    args: { input: t.arg({ type: SubmitRequestInput, required: true }) },
    resolve: async (_r, { input }, ctx, info) => {
      await ctx.rateLimit('submitRequest', info, { input });
      const r = await ctx.desk.cases.submitRequest(
        () => ctx.em,
        me(ctx),
        {
          message: input.message,
          requestType: input.requestType ?? 'AUTO',
          emergency: input.emergency ?? false,
          caseId: input.caseId ? String(input.caseId) : null,
          context: input.context,
          idempotencyKey: input.idempotencyKey,
        },
        ctx,
      );
      return { case: r.case, message: toMessageView(r.message), duplicate: r.duplicate };
    },
  }),
  replyAsOperator: t.field({
    type: MessageType,
    description: 'An operator’s reply on a case; it stops any agent still answering',
    authScopes: { staff: true },
    args: { caseId: t.arg.id({ required: true }), message: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('replyAsOperator', info, args);
      return toMessageView(await ctx.desk.cases.replyAsOperator(me(ctx), String(args.caseId), args.message));
    },
  }),
  updateCase: t.field({
    type: CaseType,
    description: 'Changes a case’s status, priority or assignee',
    authScopes: { staff: true },
    args: { input: t.arg({ type: UpdateCaseInput, required: true }) },
    resolve: async (_r, { input }, ctx, info) => {
      await ctx.rateLimit('updateCase', info, { input });
      return ctx.desk.cases.updateCase(
        me(ctx),
        String(input.caseId),
        { status: input.status, priority: input.priority, assignee: input.assignee ?? undefined },
        input.assignee === null,
        {},
        ctx,
      );
    },
  }),
}));
