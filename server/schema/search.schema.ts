/** Case search (full text and filters) and saved views per operator (staff only). */
import type { ISavedView } from '../db/entities/index.js';
import { encodeCursor } from '../desk/case.service.js';
import type { CaseSearch } from '../desk/search.service.js';
import { SLA_STATES } from '../desk/sla-state.js';
import { builder, me } from './builder.js';
import { CaseConnection, CaseStatusEnum, PriorityEnum, RouteEnum } from './case.schema.js';
import { TeamEnum } from './operators.schema.js';

const SlaStateEnum = builder.enumType('SlaState', {
  description:
    'Where a case’s SLA clock stands: the target that runs (first response, then resolution) on track, past its warning time, missed, paused while waiting on the customer, or stopped with both met',
  values: SLA_STATES,
});

const CaseSearchInput = builder.inputType('CaseSearchInput', {
  fields: (t) => ({
    text: t.string({ required: false, description: 'Words in the subject or any message (the last one as a prefix)' }),
    assignee: t.string({ required: false }),
    unassigned: t.boolean({ required: false, description: 'Only cases nobody is assigned to' }),
    team: t.field({ type: TeamEnum, required: false }),
    label: t.string({ required: false }),
    status: t.field({ type: [CaseStatusEnum], required: false }),
    priority: t.field({ type: [PriorityEnum], required: false }),
    route: t.field({ type: [RouteEnum], required: false }),
    customerId: t.id({ required: false }),
    emergency: t.boolean({ required: false }),
    createdFrom: t.field({ type: 'DateTime', required: false, description: 'Created at or after' }),
    createdTo: t.field({ type: 'DateTime', required: false, description: 'Created before' }),
    slaState: t.field({
      type: [SlaStateEnum],
      required: false,
      description: 'Where the SLA clock stands now (any of these; a case with no clock yet has none)',
    }),
  }),
});

const SavedViewType = builder.objectRef<ISavedView>('SavedView').implement({
  description: 'A search an operator saved',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    search: t.field({ type: 'JSON', description: 'The CaseSearchInput it runs', resolve: (v) => v.filter }),
    createdAt: t.field({ type: 'DateTime', resolve: (v) => v.createdAt }),
  }),
});

builder.queryFields((t) => ({
  searchCases: t.field({
    type: CaseConnection,
    description: 'Cases matching a search, newest first, with cursor pagination (staff only)',
    authScopes: { staff: true },
    args: {
      search: t.arg({ type: CaseSearchInput, required: true }),
      first: t.arg.int({ required: false, defaultValue: 20 }),
      after: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const s = args.search;
      const search: CaseSearch = { ...s, customerId: s.customerId ? String(s.customerId) : null };
      const page = await ctx.desk.ops.search.search(ctx.em, search, args.first ?? 20, args.after);
      return {
        edges: page.cases.map((c) => ({ cursor: encodeCursor(c), node: c })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
        totalCount: page.totalCount,
      };
    },
  }),
  savedViews: t.field({
    type: [SavedViewType],
    description: 'Your saved views, by name',
    authScopes: { staff: true },
    resolve: (_r, _a, ctx) => ctx.desk.ops.search.views(ctx.em, me(ctx)),
  }),
}));

builder.mutationFields((t) => ({
  saveView: t.field({
    type: SavedViewType,
    description: 'Saves a search under a name (replacing your view of that name)',
    authScopes: { staff: true },
    args: { name: t.arg.string({ required: true }), search: t.arg({ type: CaseSearchInput, required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('saveView', info, args);
      const search = JSON.parse(JSON.stringify(args.search)) as Record<string, unknown>;
      return ctx.desk.ops.search.saveView(me(ctx), args.name, search);
    },
  }),
  deleteView: t.boolean({
    authScopes: { staff: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('deleteView', info, args);
      return ctx.desk.ops.search.deleteView(me(ctx), String(args.id));
    },
  }),
}));
