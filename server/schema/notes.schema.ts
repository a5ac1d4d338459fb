/** Internal notes on cases (staff only). */
import type { ICaseNote } from '../db/entities/index.js';
import { builder, me } from './builder.js';
import { CaseType } from './case.schema.js';

const CaseNoteType = builder.objectRef<ICaseNote>('CaseNote').implement({
  description: 'An internal note: staff only, never shown to the customer nor sent to a model',
  fields: (t) => ({
    id: t.exposeID('id'),
    caseId: t.id({ resolve: (n) => n.case.id }),
    authorId: t.exposeString('authorId'),
    authorName: t.exposeString('authorName'),
    body: t.exposeString('body'),
    createdAt: t.field({ type: 'DateTime', resolve: (n) => n.createdAt }),
  }),
});

builder.objectField(CaseType, 'notes', (t) =>
  t.field({
    type: [CaseNoteType],
    description: 'Internal notes, oldest first (staff only)',
    authScopes: { staff: true },
    resolve: (c, _a, ctx) => ctx.desk.ops.notes.notes(ctx.em, c.id),
  }),
);

builder.mutationFields((t) => ({
  addNote: t.field({
    type: CaseNoteType,
    description: 'Adds an internal note to a case (staff only; announced on deskEvents, never on caseEvents)',
    authScopes: { staff: true },
    args: { caseId: t.arg.id({ required: true }), body: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('addNote', info, args);
      return ctx.desk.ops.notes.addNote(me(ctx), String(args.caseId), args.body);
    },
  }),
}));
