/** Actions with consent: what agents proposed on a case, the customer's yes or no, and the operators' review queue. */

import { ACTION_KINDS, ACTION_STATUSES, type IPendingAction } from '../db/entities/index.js';
import { actionAmount, actionQuestion } from '../desk/actions.service.js';
import { builder, me } from './builder.js';

export const ActionKindEnum = builder.enumType('ActionKind', { values: ACTION_KINDS });
export const ActionStatusEnum = builder.enumType('ActionStatus', { values: ACTION_STATUSES });
const ReviewDecisionEnum = builder.enumType('ReviewDecision', { values: ['APPROVE', 'REJECT'] as const });
const VerdictDecisionEnum = builder.enumType('PolicyDecision', {
  values: { CONSENT: { value: 'consent' }, REVIEW: { value: 'review' } } as const,
});

const PolicyVerdictType = builder.simpleObject('PolicyVerdict', {
  description: 'What the policy said when the action was proposed',
  fields: (t) => ({
    decision: t.field({
      type: VerdictDecisionEnum,
      description: 'CONSENT: the customer’s yes carries it out; REVIEW: an operator approves after the yes',
    }),
    reason: t.string(),
    duplicateOf: t.string({
      nullable: true,
      description: 'The payment this one duplicates, when it is a duplicate charge',
    }),
  }),
});

const PendingActionType = builder.objectRef<IPendingAction>('PendingAction').implement({
  description:
    'An action that moves money or changes a contract, carried out only after the customer’s yes (and an operator’s review when the policy asks)',
  fields: (t) => ({
    id: t.exposeID('id'),
    caseId: t.exposeID('caseId'),
    customerId: t.id({ resolve: (a) => a.customer.id }),
    kind: t.field({ type: ActionKindEnum, resolve: (a) => a.kind }),
    status: t.field({ type: ActionStatusEnum, resolve: (a) => a.status }),
    paymentRef: t.exposeString('paymentRef', { nullable: true }),
    invoiceNumber: t.exposeString('invoiceNumber', { nullable: true }),
    orderNumber: t.exposeString('orderNumber', { nullable: true }),
    amountCents: t.exposeInt('amountCents'),
    currency: t.exposeString('currency'),
    amount: t.string({
      description: 'The amount as shown to people',
      resolve: (a) => actionAmount(a),
    }),
    reason: t.exposeString('reason'),
    verdict: t.field({ type: PolicyVerdictType, resolve: (a) => a.verdict }),
    question: t.string({
      description: 'The yes/no question the customer is asked',
      resolve: (a) => actionQuestion(a),
    }),
    decidedBy: t.exposeString('decidedBy', { nullable: true }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.decidedAt ?? null }),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.reviewedAt ?? null }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
    refundId: t.exposeString('refundId', { nullable: true, description: 'The refund made when it was carried out' }),
    executedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.executedAt ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
  }),
});

builder.queryFields((t) => ({
  caseActions: t.field({
    type: [PendingActionType],
    description: 'The actions proposed on a case, oldest first (NOT_FOUND when the case is not yours)',
    authScopes: { authenticated: true },
    args: { caseId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      await ctx.desk.cases.authorizeCase(() => ctx.em, me(ctx), String(args.caseId), ctx);
      return ctx.desk.actions.forCase(ctx.em, String(args.caseId));
    },
  }),
  pendingReviews: t.field({
    type: [PendingActionType],
    description: 'Actions the customer confirmed that the policy sends to an operator, oldest first',
    authScopes: { staff: true },
    resolve: (_r, _a, ctx) => ctx.desk.actions.pendingReviews(ctx.em),
  }),
}));

builder.mutationFields((t) => ({
  confirmAction: t.field({
    type: PendingActionType,
    description:
      'Yes to a proposed action, by the case’s customer or an operator: carried out (or sent to review); confirming again changes nothing',
    authScopes: { authenticated: true },
    args: { actionId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('confirmAction', info, args);
      return ctx.desk.actions.confirm(me(ctx), String(args.actionId), ctx);
    },
  }),
  declineAction: t.field({
    type: PendingActionType,
    description: 'No to a proposed action: nothing is carried out',
    authScopes: { authenticated: true },
    args: { actionId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('declineAction', info, args);
      return ctx.desk.actions.decline(me(ctx), String(args.actionId), ctx);
    },
  }),
  decideReview: t.field({
    type: PendingActionType,
    description:
      'An operator approves (and so carries out) or rejects an action in review; the customer is told on the case',
    authScopes: { staff: true },
    args: {
      actionId: t.arg.id({ required: true }),
      decision: t.arg({ type: ReviewDecisionEnum, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('decideReview', info, args);
      return ctx.desk.actions.decideReview(me(ctx), String(args.actionId), args.decision, args.note ?? null, ctx);
    },
  }),
}));
