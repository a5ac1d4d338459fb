/** Canned responses (macros): admins manage them, operators preview and apply them. */
import type { ICannedResponse } from '../db/entities/index.js';
import { TEMPLATE_VARIABLES } from '../desk/canned-responses.service.js';
import { toMessageView } from '../desk/case.service.js';
import { builder, me } from './builder.js';
import { CaseStatusEnum, CaseType, MessageType } from './case.schema.js';

const CannedActionsType = builder.simpleObject('CannedActions', {
  fields: (t) => ({
    status: t.field({ type: CaseStatusEnum, nullable: true }),
    addLabel: t.string({ nullable: true }),
  }),
});

const CannedResponseType = builder.objectRef<ICannedResponse>('CannedResponse').implement({
  description: `A reply template; the body may use ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    actions: t.field({
      type: CannedActionsType,
      resolve: (r) => ({
        status: (r.actions.status as 'RESOLVED' | undefined) ?? null,
        addLabel: r.actions.addLabel ?? null,
      }),
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
  }),
});

const CannedActionsInput = builder.inputType('CannedActionsInput', {
  fields: (t) => ({
    status: t.field({ type: CaseStatusEnum, required: false, description: 'Status to set after replying' }),
    addLabel: t.string({ required: false, description: 'Label (of the set) to add' }),
  }),
});

const CannedResponseInput = builder.inputType('CannedResponseInput', {
  fields: (t) => ({
    id: t.id({ required: false, description: 'Set to change an existing one' }),
    title: t.string({ required: true }),
    body: t.string({ required: true }),
    actions: t.field({ type: CannedActionsInput, required: false }),
  }),
});

const AppliedCannedResponse = builder.simpleObject('AppliedCannedResponse', {
  fields: (t) => ({ message: t.field({ type: MessageType }), case: t.field({ type: CaseType }) }),
});

builder.queryFields((t) => ({
  cannedResponses: t.field({
    type: [CannedResponseType],
    authScopes: { staff: true },
    resolve: (_r, _a, ctx) => ctx.desk.ops.canned.list(ctx.em),
  }),
  renderCannedResponse: t.string({
    description: 'A canned response rendered for a case, for the reply box (nothing is posted)',
    authScopes: { staff: true },
    args: { caseId: t.arg.id({ required: true }), id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => ctx.desk.ops.canned.preview(me(ctx), String(args.caseId), String(args.id)),
  }),
}));

builder.mutationFields((t) => ({
  saveCannedResponse: t.field({
    type: CannedResponseType,
    description: 'Adds (no id) or changes a canned response (admins)',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CannedResponseInput, required: true }) },
    resolve: async (_r, { input }, ctx, info) => {
      await ctx.rateLimit('saveCannedResponse', info, { input });
      return ctx.desk.ops.canned.save(me(ctx), {
        id: input.id ? String(input.id) : null,
        title: input.title,
        body: input.body,
        actions: input.actions,
      });
    },
  }),
  deleteCannedResponse: t.boolean({
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('deleteCannedResponse', info, args);
      return ctx.desk.ops.canned.delete(String(args.id));
    },
  }),
  applyCannedResponse: t.field({
    type: AppliedCannedResponse,
    description: 'Posts a canned response as your reply on a case, then runs its actions',
    authScopes: { staff: true },
    args: { caseId: t.arg.id({ required: true }), id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('replyAsOperator', info, args);
      const r = await ctx.desk.ops.canned.apply(me(ctx), String(args.caseId), String(args.id));
      return { message: toMessageView(r.message), case: r.case };
    },
  }),
}));
