/**
 * Where a case's SLA clock stands at a moment, as a filter of case queries: computed in SQL from
 * the stored due and warning times (case_slas) and the case's first response, so it holds between
 * the scheduler's passes. The same states as the workspace shows: the target that runs is the first
 * response until one was given, then the resolution.
 */
import type { EntityManager, FilterQuery, QBFilterQuery } from '@mikro-orm/sqlite';
import { CaseSla, type ICase, type ICaseSla } from '../db/entities/index.js';

export const SLA_STATES = ['ON_TRACK', 'WARNING', 'BREACHED', 'PAUSED', 'MET'] as const;
/** Where an SLA clock stands. */
export type SlaState = (typeof SLA_STATES)[number];

type Target = { due: 'firstResponseDueAt' | 'resolutionDueAt'; warnAt: 'firstResponseWarnAt' | 'resolutionWarnAt' };
const FIRST: Target = { due: 'firstResponseDueAt', warnAt: 'firstResponseWarnAt' };
const RESOLUTION: Target = { due: 'resolutionDueAt', warnAt: 'resolutionWarnAt' };
const WARNED = { firstResponseDueAt: 'firstResponseWarned', resolutionDueAt: 'resolutionWarned' } as const;

/** Cases whose SLA clock is in one of `states` at `now`. */
export function slaStateFilter(em: EntityManager, states: readonly SlaState[], now: Date): FilterQuery<ICase> {
  // A subquery: the clocks are never read into memory (a busy desk has many on track).
  const clocks = (where: QBFilterQuery<ICaseSla>): FilterQuery<ICase> => ({
    id: { $in: em.createQueryBuilder(CaseSla).select('caseId').where(where).getKnexQuery() as never },
  });
  /** The clock runs on this target: the first response until one was given. */
  const on = (target: Target, where: QBFilterQuery<ICaseSla>): FilterQuery<ICase> => ({
    $and: [{ firstResponseAt: target === FIRST ? null : { $ne: null } }, clocks(where)],
  });
  const running = { stoppedAt: null, pausedAt: null };
  const missed = { $or: [{ firstResponseBreached: true }, { resolutionBreached: true }] };
  const inTime = { firstResponseBreached: false, resolutionBreached: false };
  const notDue = (t: Target) => ({ ...running, ...inTime, [t.due]: { $gte: now } });
  const warned = (t: Target) => ({ $or: [{ [WARNED[t.due]]: true }, { [t.warnAt]: { $lte: now } }] });
  const quiet = (t: Target) => ({ [WARNED[t.due]]: false, $or: [{ [t.warnAt]: null }, { [t.warnAt]: { $gt: now } }] });
  const byState: Record<SlaState, FilterQuery<ICase>[]> = {
    ON_TRACK: [FIRST, RESOLUTION].map((t) => on(t, { ...notDue(t), ...quiet(t) })),
    WARNING: [FIRST, RESOLUTION].map((t) => on(t, { $and: [notDue(t), warned(t)] })),
    BREACHED: [
      clocks({ stoppedAt: { $ne: null }, ...missed }),
      clocks({ ...running, ...missed }),
      ...[FIRST, RESOLUTION].map((t) => on(t, { ...running, [t.due]: { $lt: now } })),
    ],
    PAUSED: [clocks({ stoppedAt: null, pausedAt: { $ne: null } })],
    MET: [clocks({ stoppedAt: { $ne: null }, ...inTime })],
  };
  return { $or: [...new Set(states)].flatMap((s) => byState[s]) };
}
