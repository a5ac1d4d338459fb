/** Operators and teams: the operator list, availability, and each case's team. */
import { AVAILABILITIES, type IOperator, TEAMS } from '../db/entities/index.js';
import { builder, me } from './builder.js';
import { CaseType } from './case.schema.js';

export const TeamEnum = builder.enumType('Team', {
  values: Object.fromEntries(TEAMS.map((t) => [t.toUpperCase(), { value: t }])) as {
    BILLING: { value: 'billing' };
    TECHNICAL: { value: 'technical' };
    ESCALATIONS: { value: 'escalations' };
  },
});
const AvailabilityEnum = builder.enumType('Availability', {
  values: Object.fromEntries(AVAILABILITIES.map((a) => [a.toUpperCase(), { value: a }])) as {
    ONLINE: { value: 'online' };
    AWAY: { value: 'away' };
    OFFLINE: { value: 'offline' };
  },
});
const OperatorRoleEnum = builder.enumType('OperatorRole', {
  values: { OPERATOR: { value: 'operator' }, ADMIN: { value: 'admin' } } as const,
});

const OperatorType = builder.objectRef<IOperator>('Operator').implement({
  description: 'A person who works cases (id: the sub of their token)',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    email: t.exposeString('email', { nullable: true }),
    role: t.field({ type: OperatorRoleEnum, resolve: (o) => o.role }),
    team: t.field({ type: TeamEnum, nullable: true, resolve: (o) => o.team ?? null }),
    availability: t.field({ type: AvailabilityEnum, resolve: (o) => o.availability }),
    capacity: t.exposeInt('capacity', { description: 'Open cases auto-assignment may give them at once' }),
    openCases: t.int({
      description: 'Open cases assigned to them now',
      resolve: (o, _a, ctx) => ctx.desk.ops.operators.openCount(ctx.em, o.id),
    }),
    lastAssignedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.lastAssignedAt ?? null }),
  }),
});

const OperatorInput = builder.inputType('OperatorInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'The sub of their token' }),
    name: t.string({ required: true }),
    email: t.string({ required: false }),
    role: t.field({ type: OperatorRoleEnum, required: false }),
    team: t.field({ type: TeamEnum, required: false }),
    capacity: t.int({ required: false }),
    availability: t.field({ type: AvailabilityEnum, required: false }),
  }),
});

builder.objectField(CaseType, 'team', (t) =>
  t.string({
    nullable: true,
    description: 'The team working the case (set when it is assigned)',
    resolve: (c) => c.team ?? null,
  }),
);

builder.queryFields((t) => ({
  operators: t.field({
    type: [OperatorType],
    description: 'Every operator, by name (the assignee picker)',
    authScopes: { staff: true },
    resolve: (_r, _a, ctx) => ctx.desk.ops.operators.list(ctx.em),
  }),
}));

builder.mutationFields((t) => ({
  saveOperator: t.field({
    type: OperatorType,
    description: 'Adds or changes an operator (admins)',
    authScopes: { admin: true },
    args: { input: t.arg({ type: OperatorInput, required: true }) },
    resolve: async (_r, { input }, ctx, info) => {
      await ctx.rateLimit('saveOperator', info, { input });
      return ctx.desk.ops.operators.upsert({ ...input, id: String(input.id) });
    },
  }),
  setAvailability: t.field({
    type: OperatorType,
    description:
      'Sets an operator’s availability (yours by default; admins anyone’s). Going offline hands their open cases to others of the team; coming online takes waiting escalations',
    authScopes: { staff: true },
    args: {
      availability: t.arg({ type: AvailabilityEnum, required: true }),
      operatorId: t.arg.id({ required: false }),
    },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('setAvailability', info, args);
      const actor = me(ctx);
      return ctx.desk.ops.operators.setAvailability(actor, String(args.operatorId ?? actor.id), args.availability);
    },
  }),
}));
