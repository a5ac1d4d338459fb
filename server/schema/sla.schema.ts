/** SLA: policies per priority and business hours (admins set them), each case's SLA clock, and the SLA desk events. */
import type { ICaseSla, WeeklyHours } from '../db/entities/index.js';
import type { DeskEvent } from '../events.js';
import { builder, me } from './builder.js';
import { CaseType, PriorityEnum } from './case.schema.js';
import { DeskEventInterface, eventType } from './events.schema.js';
import { loaderFor } from './loaders.js';

type SlaEv = Extract<DeskEvent, { type: 'SLA_WARNING' | 'SLA_BREACHED' }>;

const SlaTargetEnum = builder.enumType('SlaTarget', { values: ['FIRST_RESPONSE', 'RESOLUTION'] as const });
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

const SlaPolicyType = builder.simpleObject('SlaPolicy', {
  description: 'The SLA targets of a priority, in business minutes',
  fields: (t) => ({
    priority: t.field({ type: PriorityEnum }),
    firstResponseMinutes: t.int(),
    resolutionMinutes: t.int(),
    warningPercent: t.int({ description: 'SLA_WARNING goes out when this share of a target has elapsed' }),
    custom: t.boolean({ description: 'False while the built-in default applies' }),
  }),
});

const OpenIntervalType = builder.simpleObject('OpenInterval', {
  fields: (t) => ({
    from: t.string({ description: 'HH:MM' }),
    to: t.string({ description: 'HH:MM (24:00: midnight)' }),
  }),
});
const OpeningDayType = builder.simpleObject('OpeningDay', {
  fields: (t) => ({
    weekday: t.int({ description: '1 (Monday) to 7 (Sunday)' }),
    intervals: t.field({ type: [OpenIntervalType] }),
  }),
});
const BusinessHoursType = builder.simpleObject('BusinessHours', {
  description: 'When SLA clocks run: a time zone, weekly hours and holidays',
  fields: (t) => ({
    timezone: t.string(),
    days: t.field({ type: [OpeningDayType] }),
    holidays: t.stringList({ description: 'yyyy-mm-dd, closed all day' }),
  }),
});

function daysOf(weekly: WeeklyHours) {
  return WEEKDAYS.map((d) => ({
    weekday: Number(d),
    intervals: (weekly[d] ?? []).map(([from, to]) => ({ from, to })),
  }));
}

const CaseSlaType = builder.objectRef<ICaseSla>('CaseSla').implement({
  description: 'A case’s SLA clock: due times and what has been warned or breached',
  fields: (t) => ({
    priority: t.field({ type: PriorityEnum, resolve: (s) => s.priority }),
    firstResponseDueAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.firstResponseDueAt ?? null }),
    resolutionDueAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.resolutionDueAt ?? null }),
    firstResponseWarnAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the first response is warned of (its warning share elapsed)',
      resolve: (s) => s.firstResponseWarnAt ?? null,
    }),
    resolutionWarnAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the resolution is warned of',
      resolve: (s) => s.resolutionWarnAt ?? null,
    }),
    firstResponseWarned: t.exposeBoolean('firstResponseWarned'),
    firstResponseBreached: t.exposeBoolean('firstResponseBreached'),
    resolutionWarned: t.exposeBoolean('resolutionWarned'),
    resolutionBreached: t.exposeBoolean('resolutionBreached'),
    paused: t.boolean({ description: 'Waiting on the customer', resolve: (s) => !!s.pausedAt }),
    pausedSeconds: t.int({ description: 'Business time spent paused', resolve: (s) => Math.round(s.pausedMs / 1000) }),
    stoppedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.stoppedAt ?? null }),
  }),
});

for (const [name, description] of [
  ['SlaWarning', 'An SLA target of a case is close (its warning share has elapsed)'],
  ['SlaBreached', 'An SLA target of a case was missed'],
] as const) {
  builder.objectRef<SlaEv>(name).implement({
    description,
    interfaces: [DeskEventInterface],
    fields: (t) => ({
      caseId: t.exposeID('caseId'),
      target: t.field({ type: SlaTargetEnum, resolve: (e) => e.target }),
      dueAt: t.field({ type: 'DateTime', resolve: (e) => e.dueAt }),
      priority: t.field({ type: PriorityEnum, resolve: (e) => e.priority }),
    }),
  });
}

for (const [type, description] of [
  ['SLA_WARNING', 'An SLA target of the case is close (staff only: never on a customer’s stream)'],
  ['SLA_BREACHED', 'An SLA target of the case was missed (staff only: never on a customer’s stream)'],
] as const)
  eventType(type, description, (t) => ({
    target: t.field({ type: SlaTargetEnum, resolve: (e) => e.target }),
    dueAt: t.field({ type: 'DateTime', resolve: (e) => e.dueAt }),
    priority: t.field({ type: PriorityEnum, resolve: (e) => e.priority }),
  }));

builder.objectField(CaseType, 'sla', (t) =>
  t.field({
    type: CaseSlaType,
    nullable: true,
    description: 'The case’s SLA clock (staff only; null until the scheduler has seen the case)',
    authScopes: { staff: true },
    // Batched: a page of cases reads its clocks in one query.
    resolve: (c, _a, ctx) =>
      loaderFor(ctx, 'case.sla', async (ids) => {
        const by = await ctx.desk.sla.service.clocksOf(ctx.em, ids);
        return ids.map((id) => by.get(id) ?? null);
      }).load(c.id),
  }),
);

const SlaPolicyInput = builder.inputType('SlaPolicyInput', {
  fields: (t) => ({
    priority: t.field({ type: PriorityEnum, required: true }),
    firstResponseMinutes: t.int({ required: true, description: 'Business minutes' }),
    resolutionMinutes: t.int({ required: true, description: 'Business minutes' }),
    warningPercent: t.int({ required: false, description: '1-99, default 80' }),
  }),
});
const OpenIntervalInput = builder.inputType('OpenIntervalInput', {
  fields: (t) => ({ from: t.string({ required: true }), to: t.string({ required: true }) }),
});
const OpeningDayInput = builder.inputType('OpeningDayInput', {
  fields: (t) => ({
    weekday: t.int({ required: true, description: '1 (Monday) to 7 (Sunday)' }),
    intervals: t.field({ type: [OpenIntervalInput], required: true }),
  }),
});
const BusinessHoursInput = builder.inputType('BusinessHoursInput', {
  fields: (t) => ({
    timezone: t.string({ required: true, description: 'IANA zone, e.g. Europe/Berlin' }),
    days: t.field({ type: [OpeningDayInput], required: true, description: 'A weekday left out is closed' }),
    holidays: t.stringList({ required: false, description: 'yyyy-mm-dd' }),
  }),
});

builder.queryFields((t) => ({
  slaPolicies: t.field({
    type: [SlaPolicyType],
    description: 'The SLA targets of each priority (staff)',
    authScopes: { staff: true },
    resolve: (_r, _a, ctx) => ctx.desk.sla.service.policies(ctx.em),
  }),
  businessHours: t.field({
    type: BusinessHoursType,
    description: 'The desk’s business hours (staff)',
    authScopes: { staff: true },
    resolve: async (_r, _a, ctx) => {
      const cal = await ctx.desk.sla.service.calendar(ctx.em);
      return { timezone: cal.timezone, days: daysOf(cal.weekly), holidays: cal.holidays };
    },
  }),
}));

builder.mutationFields((t) => ({
  setSlaPolicy: t.field({
    type: SlaPolicyType,
    description: 'Sets a priority’s SLA targets (admins); open cases get new due times on their next check',
    authScopes: { admin: true },
    args: { input: t.arg({ type: SlaPolicyInput, required: true }) },
    resolve: async (_r, { input }, ctx, info) => {
      await ctx.rateLimit('setSlaPolicy', info, { input });
      return ctx.desk.sla.service.setPolicy(me(ctx), input);
    },
  }),
  setBusinessHours: t.field({
    type: BusinessHoursType,
    description: 'Sets the desk’s business hours (admins)',
    authScopes: { admin: true },
    args: { input: t.arg({ type: BusinessHoursInput, required: true }) },
    resolve: async (_r, { input }, ctx, info) => {
      await ctx.rateLimit('setBusinessHours', info, { input });
      const weekly: WeeklyHours = {};
      for (const d of input.days) {
        const key = String(d.weekday) as keyof WeeklyHours;
        weekly[key] = [...(weekly[key] ?? []), ...d.intervals.map((i) => [i.from, i.to] as [string, string])];
      }
      const cal = await ctx.desk.sla.service.setCalendar(me(ctx), {
        timezone: input.timezone,
        weekly,
        holidays: input.holidays ?? [],
      });
      return { timezone: cal.timezone, days: daysOf(cal.weekly), holidays: cal.holidays };
    },
  }),
}));
