/** Labels: the label set (admins manage it) and labels on cases (staff). */
import type { ILabel } from '../db/entities/index.js';
import { builder, me } from './builder.js';
import { CaseType } from './case.schema.js';
import { loaderFor } from './loaders.js';

const LabelType = builder.objectRef<ILabel>('Label').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    color: t.exposeString('color'),
    description: t.exposeString('description', { nullable: true }),
  }),
});

const LabelInput = builder.inputType('LabelInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1-40 letters, digits, spaces, - or _ (stored in lower case)' }),
    color: t.string({ required: false, description: '#rrggbb' }),
    description: t.string({ required: false }),
  }),
});

builder.objectField(CaseType, 'labels', (t) =>
  t.stringList({
    description: 'The case’s labels, by name (staff only)',
    authScopes: { staff: true },
    // Batched: a page of cases reads its labels in one query.
    resolve: (c, _a, ctx) =>
      loaderFor(ctx, 'case.labels', async (ids) => {
        const by = await ctx.desk.ops.labels.labelsOfMany(ctx.em, ids);
        return ids.map((id) => by.get(id) ?? []);
      }).load(c.id),
  }),
);

builder.queryFields((t) => ({
  labels: t.field({
    type: [LabelType],
    description: 'The label set',
    authScopes: { staff: true },
    resolve: (_r, _a, ctx) => ctx.desk.ops.labels.labels(ctx.em),
  }),
}));

builder.mutationFields((t) => ({
  saveLabel: t.field({
    type: LabelType,
    description: 'Adds or changes a label of the set (admins)',
    authScopes: { admin: true },
    args: { input: t.arg({ type: LabelInput, required: true }) },
    resolve: async (_r, { input }, ctx, info) => {
      await ctx.rateLimit('saveLabel', info, { input });
      return ctx.desk.ops.labels.saveLabel(input);
    },
  }),
  deleteLabel: t.boolean({
    description: 'Removes a label from the set and from every case (admins)',
    authScopes: { admin: true },
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('deleteLabel', info, args);
      return ctx.desk.ops.labels.deleteLabel(args.name);
    },
  }),
  addCaseLabel: t.stringList({
    description: 'Adds a label of the set to a case; returns the case’s labels',
    authScopes: { staff: true },
    args: { caseId: t.arg.id({ required: true }), label: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('addCaseLabel', info, args);
      return ctx.desk.ops.labels.addLabel(me(ctx), String(args.caseId), args.label);
    },
  }),
  removeCaseLabel: t.stringList({
    description: 'Removes a label from a case; returns the case’s labels',
    authScopes: { staff: true },
    args: { caseId: t.arg.id({ required: true }), label: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('removeCaseLabel', info, args);
      return ctx.desk.ops.labels.removeLabel(me(ctx), String(args.caseId), args.label);
    },
  }),
}));
