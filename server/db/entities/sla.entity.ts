import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { PRIORITIES } from './case.entity.js';

/** Opening hours of one weekday: `[["09:00","17:00"], …]` in the desk's time zone. */
export type DayHours = [string, string][];
/** Opening hours by ISO weekday (1 = Monday … 7 = Sunday); a missing day is closed. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayHours>>;

/** The SLA targets of one priority, in business minutes. */
export const SlaPolicy = defineEntity({
  name: 'SlaPolicy',
  tableName: 'sla_policies',
  properties: {
    priority: p.enum([...PRIORITIES]).primary(),
    firstResponseMinutes: p.integer(),
    resolutionMinutes: p.integer(),
    /** A warning goes out when this share of a target has elapsed. */
    warningPercent: p.integer().default(80),
    updatedBy: p.string(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ISlaPolicy = InferEntity<typeof SlaPolicy>;

/** The desk's business hours (one row, id "desk"): time zone, weekly hours, holidays. */
export const BusinessHours = defineEntity({
  name: 'BusinessHours',
  tableName: 'business_hours',
  properties: {
    id: p.string().primary(),
    timezone: p.string(),
    weekly: p.json<WeeklyHours>(),
    /** Closed days, as yyyy-mm-dd in the time zone. */
    holidays: p.json<string[]>(),
    updatedBy: p.string(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** A case's SLA clock: due times, what was announced, the pause while waiting on the customer. */
export const CaseSla = defineEntity({
  name: 'CaseSla',
  tableName: 'case_slas',
  indexes: [{ properties: ['nextCheckAt'] }],
  properties: {
    caseId: p.string().primary(),
    priority: p.enum([...PRIORITIES]),
    /** When this clock started: the case's creation, or when a resolved case was opened again. */
    startedAt: p.datetime(),
    firstResponseDueAt: p.datetime().nullable(),
    resolutionDueAt: p.datetime().nullable(),
    firstResponseWarnAt: p.datetime().nullable(),
    resolutionWarnAt: p.datetime().nullable(),
    firstResponseWarned: p.boolean().default(false),
    firstResponseBreached: p.boolean().default(false),
    resolutionWarned: p.boolean().default(false),
    resolutionBreached: p.boolean().default(false),
    /** Set while the case waits on the customer (the clock is paused). */
    pausedAt: p.datetime().nullable(),
    /** Business milliseconds spent paused so far (added to the targets). */
    pausedMs: p.bigint('number').default(0),
    /** Set when both targets are met or the case is done. */
    stoppedAt: p.datetime().nullable(),
    /** When the scheduler must look at this case next (null: nothing pending). */
    nextCheckAt: p.datetime().nullable(),
  },
});
export type ICaseSla = InferEntity<typeof CaseSla>;
