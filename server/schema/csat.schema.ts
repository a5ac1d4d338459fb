/** CSAT: the customer rates a resolved case; staff see the rating on the case. */
import type { ICaseRating } from '../db/entities/index.js';
import { builder, me } from './builder.js';
import { CaseType } from './case.schema.js';

const CaseRatingType = builder.objectRef<ICaseRating>('CaseRating').implement({
  description: 'A customer’s rating of a resolution',
  fields: (t) => ({
    score: t.exposeInt('score', { description: '1 (poor) to 5 (great)' }),
    comment: t.exposeString('comment', { nullable: true }),
    resolvedAt: t.field({ type: 'DateTime', description: 'The resolution it rates', resolve: (r) => r.resolvedAt }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
  }),
});

builder.objectField(CaseType, 'rating', (t) =>
  t.field({
    type: CaseRatingType,
    nullable: true,
    description: 'The rating of the current resolution (null until the customer rates it)',
    resolve: (c, _a, ctx) => ctx.desk.ops.csat.ratingOf(ctx.em, c),
  }),
);

builder.mutationFields((t) => ({
  rateCase: t.field({
    type: CaseRatingType,
    description: 'Rates a resolved case of yours, once per resolution (customers only)',
    authScopes: { customer: true },
    args: {
      caseId: t.arg.id({ required: true }),
      score: t.arg.int({ required: true }),
      comment: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('rateCase', info, args);
      return ctx.desk.ops.csat.rate(me(ctx), String(args.caseId), args.score, args.comment);
    },
  }),
}));
