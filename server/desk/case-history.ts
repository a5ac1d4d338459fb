/**
 * The events this process published for each case lately, in seq order: resumes and replays are
 * served from memory when it covers them (no database read for a case that is being answered), and
 * token deltas of a completed message stay replayable for a grace period, so a subscriber that
 * attaches just after a fast answer still sees it arrive. Bounded: idle cases are dropped first.
 */
import type { CaseEvent } from '../events.js';

/** How the history is bounded. */
export interface CaseHistoryLimits {
  /** Token deltas of a completed message are kept this long. */
  deltaGraceMs: number;
  /** Cases kept at most (least recently published dropped first). */
  maxCases: number;
  /** Events kept per case at most; past it the case's history is dropped (the database still has it). */
  maxEventsPerCase: number;
  /** Events kept in all (least recently published cases dropped first). */
  maxEvents: number;
}

const DEFAULTS: CaseHistoryLimits = {
  deltaGraceMs: 3_000,
  maxCases: 2_000,
  maxEventsPerCase: 1_000,
  maxEvents: 100_000,
};

interface Entry {
  /** Seq of the first event held; the history covers every event with seq >= from. */
  from: number;
  events: CaseEvent[];
  /** Messages whose deltas may be pruned after the given time. */
  prune: { messageId: string; at: number }[];
}

/** Recent events per case. */
export class CaseHistory {
  private readonly cases = new Map<string, Entry>();
  /** Events held across all cases. */
  private total = 0;
  private readonly limits: CaseHistoryLimits;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(limits: Partial<CaseHistoryLimits> = {}) {
    this.limits = { ...DEFAULTS, ...limits };
  }

  /**
   * Appends a published event (in seq order). A case's history covers it from the first event
   * appended, so a case created by this process (first event seq 1) is covered whole.
   */
  append(ev: CaseEvent): void {
    let e = this.cases.get(ev.caseId);
    if (e) {
      // Most recently published last: the Map's order is the eviction order.
      this.cases.delete(ev.caseId);
    } else {
      e = { from: ev.seq, events: [], prune: [] };
    }
    this.cases.set(ev.caseId, e);
    e.events.push(ev);
    this.total++;
    if (ev.type === 'MESSAGE_COMPLETED') {
      e.prune.push({ messageId: ev.message.id, at: Date.now() + this.limits.deltaGraceMs });
      this.armSweeper();
    }
    if (e.events.length > this.limits.maxEventsPerCase) this.drop(ev.caseId);
    while (this.cases.size > this.limits.maxCases || this.total > this.limits.maxEvents) {
      const oldest = this.cases.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  /** Events held across all cases (for tests and metrics). */
  get size(): number {
    return this.total;
  }

  /** Events with seq > after, when this process holds all of them; null when the database must be read. */
  after(caseId: string, after: number): CaseEvent[] | null {
    const e = this.cases.get(caseId);
    if (!e || after + 1 < e.from) return null;
    return e.events.filter((ev) => ev.seq > after);
  }

  /** Every event held for a case (possibly not from its start), for merging with a database read. */
  held(caseId: string): CaseEvent[] {
    return this.cases.get(caseId)?.events ?? [];
  }

  /** Drops completed messages' deltas whose grace period is over. */
  sweep(now = Date.now()): void {
    for (const [caseId, e] of this.cases) {
      if (e.prune.length === 0 || e.prune[0].at > now) continue;
      const due = new Set<string>();
      while (e.prune.length && e.prune[0].at <= now) due.add(e.prune.shift()?.messageId ?? '');
      const kept = e.events.filter((ev) => !(ev.type === 'TOKEN_DELTA' && due.has(ev.messageId)));
      this.total -= e.events.length - kept.length;
      e.events = kept;
      if (e.events.length === 0) this.cases.delete(caseId);
    }
  }

  /** Stops the sweeper (on shutdown). */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    this.cases.clear();
    this.total = 0;
  }

  private drop(caseId: string): void {
    const e = this.cases.get(caseId);
    if (!e) return;
    this.total -= e.events.length;
    this.cases.delete(caseId);
  }

  private armSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), Math.max(250, Math.min(this.limits.deltaGraceMs, 5_000)));
    this.sweeper.unref();
  }
}
