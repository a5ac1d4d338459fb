/** A case's SLA clock as the workspace shows it: the next target, its time left, warned or breached. */
import type { CaseSla, SlaState as SearchSlaState } from '../../generated/graphql.js';

type Clock = Pick<
  CaseSla,
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
  | 'firstResponseWarnAt'
  | 'resolutionWarnAt'
  | 'firstResponseWarned'
  | 'firstResponseBreached'
  | 'resolutionWarned'
  | 'resolutionBreached'
  | 'paused'
  | 'stoppedAt'
>;

type SlaState = 'none' | 'ok' | 'warned' | 'breached' | 'paused' | 'met';

/** The SLA states the case search filters by, as the inbox offers them. */
export const SLA_FILTERS: { value: SearchSlaState; text: string }[] = [
  { value: 'ON_TRACK', text: 'On track' },
  { value: 'WARNING', text: 'Warned' },
  { value: 'BREACHED', text: 'Breached' },
  { value: 'PAUSED', text: 'Paused' },
  { value: 'MET', text: 'Met' },
];

export interface SlaView {
  state: SlaState;
  /** The target the clock runs for now. */
  target: 'first response' | 'resolution' | null;
  /** Milliseconds left (negative once past due); null when no clock runs. */
  leftMs: number | null;
  text: string;
}

/** "12m", "3h 5m", "2d" for a duration; "-" in front once overdue. */
export function shortDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const m = Math.floor(Math.abs(ms) / 60_000);
  if (m < 60) return `${sign}${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${sign}${h}h ${m % 60}m`;
  return `${sign}${Math.floor(h / 24)}d`;
}

/** Where the clock of a case stands at `now`. */
export function slaView(
  sla: Clock | null | undefined,
  firstResponseAt: string | null | undefined,
  now: number,
): SlaView {
  if (!sla) return { state: 'none', target: null, leftMs: null, text: '—' };
  const breached = sla.firstResponseBreached || sla.resolutionBreached;
  if (sla.stoppedAt)
    return { state: breached ? 'breached' : 'met', target: null, leftMs: null, text: breached ? 'missed' : 'met' };
  const first = !firstResponseAt && sla.firstResponseDueAt;
  const target = first ? 'first response' : sla.resolutionDueAt ? 'resolution' : null;
  const due = first ? sla.firstResponseDueAt : sla.resolutionDueAt;
  const leftMs = due ? Date.parse(due) - now : null;
  const prefix = target === 'first response' ? 'FR' : 'Res';
  if (sla.paused) return { state: 'paused', target, leftMs, text: 'paused' };
  const time = leftMs === null ? '' : ` ${shortDuration(leftMs)}`;
  if (breached || (leftMs !== null && leftMs < 0))
    return { state: 'breached', target, leftMs, text: `${prefix}${time}` };
  // Warned once the warning time has passed, also before the scheduler announced it (as the search counts it).
  const warnAt = first ? sla.firstResponseWarnAt : sla.resolutionWarnAt;
  const warned = (first ? sla.firstResponseWarned : sla.resolutionWarned) || (!!warnAt && Date.parse(warnAt) <= now);
  return { state: warned ? 'warned' : 'ok', target, leftMs, text: `${prefix}${time}` };
}
