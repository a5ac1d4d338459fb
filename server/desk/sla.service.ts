/**
 * SLA policies (first response and resolution targets per priority, in business minutes) and the
 * desk's business hours; admins set them, staff read them and each case's SLA clock.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import {
  BusinessHours,
  CaseSla,
  type ICaseSla,
  type ISlaPolicy,
  PRIORITIES,
  type Priority,
  SlaPolicy,
  type WeeklyHours,
} from '../db/entities/index.js';
import { BadInputError } from '../errors.js';
import type { Actor } from './case.service.js';
import { ALWAYS_OPEN, type BusinessCalendar, checkCalendar } from './sla-calendar.js';

/** A priority's targets as the desk applies them. */
export interface SlaTargets {
  priority: Priority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  warningPercent: number;
  /** False while the built-in default applies (no admin has set this priority). */
  custom: boolean;
}

/** The targets that apply until an admin sets a priority's policy. */
const DEFAULT_TARGETS: Record<Priority, [number, number]> = {
  URGENT: [30, 240],
  HIGH: [60, 480],
  NORMAL: [240, 1440],
  LOW: [480, 2880],
};
const HOURS_ID = 'desk';
const MAX_MINUTES = 525_600;

function targetsOf(priority: Priority, row: ISlaPolicy | null | undefined): SlaTargets {
  if (row)
    return {
      priority,
      firstResponseMinutes: row.firstResponseMinutes,
      resolutionMinutes: row.resolutionMinutes,
      warningPercent: row.warningPercent,
      custom: true,
    };
  const [fr, res] = DEFAULT_TARGETS[priority];
  return { priority, firstResponseMinutes: fr, resolutionMinutes: res, warningPercent: 80, custom: false };
}

/** Creates the SLA policy service. */
export function createSlaService(deps: { orm: MikroORM }) {
  return {
    /** The targets of every priority (stored, else the default). */
    async policies(em: EntityManager): Promise<SlaTargets[]> {
      const rows = await em.find(SlaPolicy, {});
      return PRIORITIES.map((p) =>
        targetsOf(
          p,
          rows.find((r) => r.priority === p),
        ),
      );
    },

    /** The targets of one priority. */
    async policyFor(em: EntityManager, priority: Priority): Promise<SlaTargets> {
      return targetsOf(priority, await em.findOne(SlaPolicy, { priority }));
    },

    /** Sets a priority's targets (admins). */
    async setPolicy(
      actor: Actor,
      input: {
        priority: Priority;
        firstResponseMinutes: number;
        resolutionMinutes: number;
        warningPercent?: number | null;
      },
    ): Promise<SlaTargets> {
      if (!PRIORITIES.includes(input.priority)) throw new BadInputError('unknown priority', 'priority');
      for (const f of ['firstResponseMinutes', 'resolutionMinutes'] as const)
        if (!Number.isInteger(input[f]) || input[f] < 1 || input[f] > MAX_MINUTES)
          throw new BadInputError(`${f} must be 1 to ${MAX_MINUTES}`, f);
      if (input.resolutionMinutes < input.firstResponseMinutes)
        throw new BadInputError('resolutionMinutes must not be shorter than firstResponseMinutes', 'resolutionMinutes');
      const warningPercent = input.warningPercent ?? 80;
      if (!Number.isInteger(warningPercent) || warningPercent < 1 || warningPercent > 99)
        throw new BadInputError('warningPercent must be 1 to 99', 'warningPercent');
      const em = deps.orm.em.fork();
      const row = await em.upsert(SlaPolicy, {
        priority: input.priority,
        firstResponseMinutes: input.firstResponseMinutes,
        resolutionMinutes: input.resolutionMinutes,
        warningPercent,
        updatedBy: actor.id,
        updatedAt: new Date(),
      });
      return targetsOf(input.priority, row);
    },

    /** The desk's business hours (round the clock in UTC until set). */
    async calendar(em: EntityManager): Promise<BusinessCalendar> {
      const row = await em.findOne(BusinessHours, { id: HOURS_ID });
      return row ? { timezone: row.timezone, weekly: row.weekly, holidays: row.holidays } : ALWAYS_OPEN;
    },

    /** Sets the desk's business hours (admins). */
    async setCalendar(
      actor: Actor,
      input: { timezone: string; weekly: WeeklyHours; holidays: string[] },
    ): Promise<BusinessCalendar> {
      const cal = checkCalendar(input);
      const em = deps.orm.em.fork();
      await em.upsert(BusinessHours, { id: HOURS_ID, ...cal, updatedBy: actor.id, updatedAt: new Date() });
      return cal;
    },

    /** A case's SLA clock, or null before the scheduler has seen the case. */
    /** The SLA clocks of several cases in one query, by case id. */
    async clocksOf(em: EntityManager, caseIds: readonly string[]): Promise<Map<string, ICaseSla>> {
      const rows = await em.find(CaseSla, { caseId: { $in: [...caseIds] } });
      return new Map(rows.map((r) => [r.caseId, r]));
    },
  };
}

/** The SLA policy service. */
export type SlaService = ReturnType<typeof createSlaService>;
