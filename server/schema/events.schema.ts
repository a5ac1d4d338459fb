/** The case event stream and the desk stream (subscriptions over graphql-ws and SSE). */

import { untilExpiry } from '../auth/expiring.js';
import { StreamCloser } from '../desk/case-event-log.js';
import { BadInputError } from '../errors.js';
import type { CaseEvent, CaseEventType, DeskEvent } from '../events.js';
import { ActionKindEnum, ActionStatusEnum } from './actions.schema.js';
import { builder, me, tokenExpiry } from './builder.js';
import { CaseStatusEnum, MessageType, PriorityEnum, RouteEnum } from './case.schema.js';

type Ev<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

const TYPE_NAMES: Record<CaseEventType, string> = {
  CASE_OPENED: 'CaseOpened',
  MESSAGE_ADDED: 'MessageAdded',
  CASE_ROUTED: 'CaseRouted',
  AGENT_STARTED: 'AgentStarted',
  TOKEN_DELTA: 'TokenDelta',
  TOOL_CALLED: 'ToolCalled',
  AGENT_HANDOFF: 'AgentHandoff',
  MESSAGE_COMPLETED: 'MessageCompleted',
  STATUS_CHANGED: 'StatusChanged',
  PRIORITY_CHANGED: 'PriorityChanged',
  ASSIGNEE_CHANGED: 'AssigneeChanged',
  CASE_ESCALATED: 'CaseEscalated',
  CASE_ERROR: 'CaseError',
  GUARDRAIL_TRIPPED: 'GuardrailTripped',
  ACTION_UPDATED: 'ActionUpdated',
  SLA_WARNING: 'CaseSlaWarning',
  SLA_BREACHED: 'CaseSlaBreached',
};

const CaseEventInterface = builder.interfaceRef<CaseEvent>('CaseEvent').implement({
  description: 'An event of a case; seq is strictly increasing per case (numbers may be skipped)',
  resolveType: (ev) => TYPE_NAMES[ev.type],
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    caseId: t.exposeID('caseId'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  }),
});

const RoutingMethodEnum = builder.enumType('RoutingMethod', {
  values: ['CLASSIFIER', 'EXPLICIT', 'RULE', 'LOW_CONFIDENCE', 'FOLLOW_UP', 'LLM'] as const,
});
const RouteScoreType = builder.simpleObject('RouteScore', {
  fields: (t) => ({ route: t.field({ type: RouteEnum }), score: t.float() }),
});
const RoutedPartType = builder.simpleObject('RoutedPart', {
  fields: (t) => ({ route: t.field({ type: RouteEnum }), intent: t.string(), confidence: t.float() }),
});

/** Defines the GraphQL type of a case event (feature schemas define theirs with it). */
export function eventType<T extends CaseEventType>(
  type: T,
  description: string,
  fields: Parameters<ReturnType<typeof builder.objectRef<Ev<T>>>['implement']>[0]['fields'],
) {
  return builder
    .objectRef<Ev<T>>(TYPE_NAMES[type])
    .implement({ description, interfaces: [CaseEventInterface], fields });
}

eventType('CASE_OPENED', 'The case was opened', (t) => ({
  subject: t.exposeString('subject'),
  customerId: t.exposeID('customerId'),
  priority: t.field({ type: PriorityEnum, resolve: (e) => e.priority }),
  emergency: t.exposeBoolean('emergency'),
  requestType: t.exposeString('requestType'),
}));
eventType('MESSAGE_ADDED', 'A customer or operator message was stored', (t) => ({
  message: t.field({ type: MessageType, resolve: (e) => e.message }),
}));
eventType('CASE_ROUTED', 'The router decided who answers', (t) => ({
  route: t.field({ type: RouteEnum, resolve: (e) => e.route as 'billing' }),
  intent: t.exposeString('intent'),
  confidence: t.exposeFloat('confidence'),
  scores: t.field({ type: [RouteScoreType], resolve: (e) => e.scores as { route: 'billing'; score: number }[] }),
  reason: t.exposeString('reason'),
  method: t.field({ type: RoutingMethodEnum, resolve: (e) => e.method as 'CLASSIFIER' }),
  parts: t.field({
    type: [RoutedPartType],
    description: 'The crew’s parts when the request spans several routes',
    resolve: (e) => e.parts as { route: 'billing'; intent: string; confidence: number }[],
  }),
}));
eventType('AGENT_STARTED', 'An agent started writing a message', (t) => ({
  agent: t.exposeString('agent'),
  messageId: t.exposeID('messageId'),
}));
eventType('TOKEN_DELTA', 'A piece of an answer as it is written', (t) => ({
  agent: t.exposeString('agent'),
  messageId: t.exposeID('messageId'),
  text: t.exposeString('text'),
}));
eventType('TOOL_CALLED', 'An agent called a tool', (t) => ({
  agent: t.exposeString('agent'),
  messageId: t.exposeID('messageId'),
  tool: t.exposeString('tool'),
  input: t.exposeString('input', { description: 'Short rendering of the arguments' }),
  output: t.exposeString('output', { description: 'Short rendering of the result' }),
  ok: t.exposeBoolean('ok'),
  durationMs: t.exposeInt('durationMs'),
}));
eventType('AGENT_HANDOFF', 'The case moved to another agent', (t) => ({
  fromAgent: t.string({ resolve: (e) => e.from }),
  toAgent: t.string({ resolve: (e) => e.to }),
  reason: t.exposeString('reason'),
}));
eventType('MESSAGE_COMPLETED', 'A message is finished (status INCOMPLETE when it was cut short)', (t) => ({
  message: t.field({ type: MessageType, resolve: (e) => e.message }),
}));
eventType('STATUS_CHANGED', 'The case status changed', (t) => ({
  fromStatus: t.field({ type: CaseStatusEnum, resolve: (e) => e.from }),
  toStatus: t.field({ type: CaseStatusEnum, resolve: (e) => e.to }),
  by: t.exposeString('by'),
}));
eventType('PRIORITY_CHANGED', 'The case priority changed', (t) => ({
  fromPriority: t.field({ type: PriorityEnum, resolve: (e) => e.from }),
  toPriority: t.field({ type: PriorityEnum, resolve: (e) => e.to }),
  by: t.exposeString('by'),
}));
eventType('ASSIGNEE_CHANGED', 'The case was (un)assigned', (t) => ({
  fromAssignee: t.string({ nullable: true, resolve: (e) => e.from }),
  toAssignee: t.string({ nullable: true, resolve: (e) => e.to }),
  by: t.exposeString('by'),
}));
eventType('CASE_ESCALATED', 'The case was handed to a human', (t) => ({
  reason: t.exposeString('reason'),
  by: t.exposeString('by'),
  priority: t.field({ type: PriorityEnum, resolve: (e) => e.priority }),
}));
eventType('CASE_ERROR', 'Something went wrong while working the case', (t) => ({
  code: t.exposeString('code'),
  detail: t.string({ resolve: (e) => e.message }),
  recoverable: t.exposeBoolean('recoverable'),
}));

eventType(
  'GUARDRAIL_TRIPPED',
  'A guardrail stopped the answer; the customer got a polite refusal and a security event was stored',
  (t) => ({
    guardrail: t.exposeString('guardrail'),
    reason: t.exposeString('reason'),
  }),
);
eventType('ACTION_UPDATED', 'A proposed action (a refund) was confirmed, declined, reviewed or carried out', (t) => ({
  actionId: t.exposeID('actionId'),
  kind: t.field({ type: ActionKindEnum, resolve: (e) => e.kind }),
  status: t.field({ type: ActionStatusEnum, resolve: (e) => e.status }),
  by: t.exposeString('by'),
  summary: t.exposeString('summary'),
}));

const DESK_NAMES: Record<DeskEvent['type'], string> = {
  CASE_CREATED: 'CaseCreated',
  CASE_UPDATED: 'CaseUpdated',
  AGENT_STATUS: 'AgentStatusChanged',
  EMERGENCY_ALERT: 'EmergencyAlert',
  SECURITY_EVENT: 'SecurityEventRaised',
  NOTE_ADDED: 'NoteAdded',
  LABELS_CHANGED: 'LabelsChanged',
  CASE_RATED: 'CaseRated',
  OPERATOR_CHANGED: 'OperatorChanged',
  SLA_WARNING: 'SlaWarning',
  SLA_BREACHED: 'SlaBreached',
};
type DEv<T extends DeskEvent['type']> = Extract<DeskEvent, { type: T }>;

/** The interface of desk events (the desk operations' events implement it in desk-ops-events.schema.ts). */
export const DeskEventInterface = builder.interfaceRef<DeskEvent>('DeskEvent').implement({
  description: 'A desk-wide event for dashboards',
  resolveType: (ev) => DESK_NAMES[ev.type],
  fields: (t) => ({ at: t.field({ type: 'DateTime', resolve: (e) => e.at }) }),
});

builder.objectRef<DEv<'CASE_CREATED'>>('CaseCreated').implement({
  interfaces: [DeskEventInterface],
  fields: (t) => ({
    caseId: t.exposeID('caseId'),
    subject: t.exposeString('subject'),
    status: t.field({ type: CaseStatusEnum, resolve: (e) => e.status }),
    priority: t.field({ type: PriorityEnum, resolve: (e) => e.priority }),
    route: t.field({ type: RouteEnum, nullable: true, resolve: (e) => (e.route as 'billing' | null) ?? null }),
    emergency: t.exposeBoolean('emergency'),
  }),
});
builder.objectRef<DEv<'CASE_UPDATED'>>('CaseUpdated').implement({
  interfaces: [DeskEventInterface],
  fields: (t) => ({
    caseId: t.exposeID('caseId'),
    status: t.field({ type: CaseStatusEnum, resolve: (e) => e.status }),
    priority: t.field({ type: PriorityEnum, resolve: (e) => e.priority }),
    route: t.field({ type: RouteEnum, nullable: true, resolve: (e) => (e.route as 'billing' | null) ?? null }),
    emergency: t.exposeBoolean('emergency'),
    assignee: t.exposeString('assignee', { nullable: true }),
    agentName: t.exposeString('agentName', { nullable: true }),
  }),
});
builder.objectRef<DEv<'AGENT_STATUS'>>('AgentStatusChanged').implement({
  interfaces: [DeskEventInterface],
  fields: (t) => ({
    agent: t.exposeString('agent'),
    active: t.exposeInt('active'),
    handled: t.exposeInt('handled'),
    errors: t.exposeInt('errors'),
  }),
});
builder.objectRef<DEv<'EMERGENCY_ALERT'>>('EmergencyAlert').implement({
  interfaces: [DeskEventInterface],
  fields: (t) => ({ caseId: t.exposeID('caseId'), reason: t.exposeString('reason') }),
});

builder.objectRef<DEv<'SECURITY_EVENT'>>('SecurityEventRaised').implement({
  description: 'A security or authentication event was recorded in the audit trail',
  interfaces: [DeskEventInterface],
  fields: (t) => ({
    category: t.exposeString('category'),
    event: t.exposeString('event'),
    caseId: t.exposeID('caseId', { nullable: true }),
    actorId: t.exposeString('actorId', { nullable: true }),
  }),
});

builder.subscriptionFields((t) => ({
  caseEvents: t.field({
    type: CaseEventInterface,
    description:
      'Events of one case: every stored event with seq > after (default 0: the whole history), then live events',
    authScopes: { authenticated: true },
    args: { caseId: t.arg.id({ required: true }), after: t.arg.int({ required: false }) },
    subscribe: async (_r, args, ctx) => {
      if (args.after !== null && args.after !== undefined && args.after < 0)
        throw new BadInputError('after must be 0 or more', 'after');
      // NOT_FOUND for a case that does not exist or that the caller may not see.
      const caseId = await ctx.desk.cases.authorizeCase(() => ctx.em, me(ctx), String(args.caseId), ctx);
      const closer = new StreamCloser();
      // Customers never see the staff-only events (SLA warnings and breaches).
      const audience = me(ctx).kind === 'customer' ? 'customer' : 'staff';
      const events = ctx.desk.log.stream(caseId, args.after ?? 0, closer, audience);
      return untilExpiry(events, tokenExpiry(ctx), () => closer.close());
    },
    resolve: (ev) => ev,
  }),
  deskEvents: t.field({
    type: DeskEventInterface,
    description: 'Case and agent changes and security events across the desk, for staff dashboards',
    authScopes: { staff: true },
    subscribe: (_r, _a, ctx) => {
      const events = ctx.desk.deskEvents();
      const stop = () => events.close();
      return untilExpiry(events, tokenExpiry(ctx), stop);
    },
    resolve: (ev) => ev,
  }),
}));
