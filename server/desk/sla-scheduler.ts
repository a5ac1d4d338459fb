/**
 * The SLA scheduler: keeps each open case's SLA clock (due times stored in `case_slas`), pauses it
 * while the case waits on the customer, and fires `SLA_WARNING` / `SLA_BREACHED` when a stored due
 * time passes: as case events (staff only) stored in the transaction that marks the clock warned or
 * breached (the webhook outbox is fed from them), then as desk events. It polls the stored times, so
 * a restart loses no alert; the desk stream only tells it which cases changed.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { type EntityManager, LockMode, type MikroORM } from '@mikro-orm/sqlite';
import { LRUCache } from 'lru-cache';
import { Case, CaseSla, type ICase, type ICaseSla } from '../db/entities/index.js';
import { dialectOf } from '../db/orm.js';
import { type DeskEvent, type SlaTarget, topics } from '../events.js';
import type { Logger } from '../logger.js';
import type { PubSub, Subscription } from '../pubsub.js';
import type { CaseEventLog } from './case-event-log.js';
import type { SlaService, SlaTargets } from './sla.service.js';
import { addBusinessMs, type BusinessCalendar, businessMsBetween } from './sla-calendar.js';

type SlaEvent = Extract<DeskEvent, { type: 'SLA_WARNING' | 'SLA_BREACHED' }>;
const DONE = ['RESOLVED', 'CLOSED'];
const BATCH = 200;
const STOP_WAIT_MS = 3000;
const CHANGE_DEBOUNCE_MS = 500;

const CLOCK_FIELDS = [
  'caseId',
  'priority',
  'startedAt',
  'firstResponseDueAt',
  'resolutionDueAt',
  'firstResponseWarnAt',
  'resolutionWarnAt',
  'firstResponseWarned',
  'firstResponseBreached',
  'resolutionWarned',
  'resolutionBreached',
  'pausedAt',
  'pausedMs',
  'stoppedAt',
  'nextCheckAt',
] as const satisfies readonly (keyof ICaseSla)[];

/** A stored clock's fields as a plain object, to work out its next state on. */
function copyClock(r: ICaseSla): ICaseSla {
  return Object.fromEntries(CLOCK_FIELDS.map((f) => [f, r[f]])) as ICaseSla;
}

/** A new clock started at `startedAt`, nothing announced. */
function newClock(caseId: string, priority: ICaseSla['priority'], startedAt: Date): ICaseSla {
  return {
    caseId,
    priority,
    startedAt,
    firstResponseDueAt: null,
    resolutionDueAt: null,
    firstResponseWarnAt: null,
    resolutionWarnAt: null,
    firstResponseWarned: false,
    firstResponseBreached: false,
    resolutionWarned: false,
    resolutionBreached: false,
    pausedAt: null,
    pausedMs: 0,
    stoppedAt: null,
    nextCheckAt: null,
  } as ICaseSla;
}

/** Creates the scheduler (started by the desk); `now` is its clock. */
export function createSlaScheduler(deps: {
  orm: MikroORM;
  pubsub: PubSub;
  logger: Logger;
  sla: SlaService;
  /** The case event log the SLA events are recorded on. */
  log: CaseEventLog;
  pollMs: number;
  now?: () => Date;
}) {
  const { orm } = deps;
  // SQLite has one writer at a time already (and no row locks).
  const locked = dialectOf(orm) === 'postgresql';
  let clock = deps.now ?? (() => new Date());
  const dirty = new Set<string>();
  let sub: Subscription<DeskEvent> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let soon: NodeJS.Timeout | null = null;
  let stopped = true;
  /** The status and priority last seen per case (bounded), so updates that cannot move a clock cost nothing. */
  const seen = new LRUCache<string, string>({ max: 20_000 });

  /**
   * Brings these cases' clocks up to date at `now`; returns the events it fires. Clocks that fire
   * nothing (nearly all) are written without the cases' locks, so answers being written on them go
   * on; a case whose clock fires is synced again under its lock, the warned or breached mark stored
   * in one transaction with its events.
   */
  async function syncAll(caseIds: string[], now: Date): Promise<SlaEvent[]> {
    const firing = await orm.em.fork().transactional((tx) => syncIn(tx, caseIds, now, null));
    if (!firing.length) return [];
    const fired: SlaEvent[] = [];
    await deps.log.transactionOn(firing, (tx, record) =>
      syncIn(tx, firing, now, (c, e) => {
        fired.push(e);
        record(c, { type: e.type, target: e.target, dueAt: e.dueAt, priority: e.priority });
      }),
    );
    return fired;
  }

  /**
   * Syncs the clocks of `caseIds` in `tx`. With `fire`, stores every clock and passes on its events;
   * without, leaves the clocks that would fire as they are and returns their cases.
   */
  async function syncIn(
    tx: EntityManager,
    caseIds: string[],
    now: Date,
    fire: ((c: ICase, e: SlaEvent) => void) | null,
  ): Promise<string[]> {
    // Locked on PostgreSQL (in id order, so two instances cannot deadlock): with several
    // instances, each hears of every case, and one at a time brings a clock up to date (the next
    // one sees the clock the first made, and what it fired).
    const cases = await tx.find(
      Case,
      { id: { $in: caseIds } },
      locked ? { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } } : {},
    );
    if (!cases.length) return [];
    const clocks = new Map((await tx.find(CaseSla, { caseId: { $in: caseIds } })).map((r) => [r.caseId, r]));
    const cal = await deps.sla.calendar(tx);
    const policies = new Map<string, SlaTargets>();
    const firing: string[] = [];
    for (const c of cases) {
      let t = policies.get(c.priority);
      if (!t) {
        t = await deps.sla.policyFor(tx, c.priority);
        policies.set(c.priority, t);
      }
      const found = clocks.get(c.id);
      const events: SlaEvent[] = [];
      const next = syncOne(c, found ? copyClock(found) : undefined, t, cal, now, (e) => events.push(e));
      if (!next) continue;
      if (events.length && !fire) {
        firing.push(c.id);
        continue;
      }
      if (found) Object.assign(found, next);
      else tx.create(CaseSla, next);
      for (const e of events) fire?.(c, e);
    }
    return firing;
  }

  /** One case's clock brought up to date at `now` (null: nothing to keep); passes on the events it fires. */
  function syncOne(
    c: ICase,
    found: ICaseSla | undefined,
    t: SlaTargets,
    cal: BusinessCalendar,
    now: Date,
    fire: (e: SlaEvent) => void,
  ): ICaseSla | null {
    const caseId = c.id;
    let r = found;
    const done = DONE.includes(c.status);
    if (!r) {
      if (done) return null;
      r = newClock(caseId, c.priority, c.createdAt);
    }
    if (r.stoppedAt) {
      if (done) return null;
      // Opened again after a resolution: a new resolution clock from now (the first response stays met).
      Object.assign(r, {
        startedAt: now,
        stoppedAt: null,
        pausedAt: null,
        pausedMs: 0,
        resolutionWarned: false,
        resolutionBreached: false,
      });
    }
    const waiting = c.status === 'WAITING_ON_CUSTOMER';
    if (waiting && !r.pausedAt) r.pausedAt = now;
    if (!waiting && r.pausedAt) {
      r.pausedMs += businessMsBetween(r.pausedAt, now, cal);
      r.pausedAt = null;
    }
    r.priority = c.priority;
    const clock = r;
    const at = (minutes: number) => addBusinessMs(clock.startedAt, minutes * 60_000 + clock.pausedMs, cal);
    // Once answered, the first response's due time is history: it no longer moves.
    if (!c.firstResponseAt || !r.firstResponseDueAt || !r.firstResponseWarnAt) {
      r.firstResponseDueAt = at(t.firstResponseMinutes);
      r.firstResponseWarnAt = at((t.firstResponseMinutes * t.warningPercent) / 100);
    }
    r.resolutionDueAt = at(t.resolutionMinutes);
    r.resolutionWarnAt = at((t.resolutionMinutes * t.warningPercent) / 100);

    const announce = (type: SlaEvent['type'], target: SlaTarget, dueAt: Date) =>
      fire({ type, caseId, at: now, target, dueAt, priority: c.priority });
    const check = (target: SlaTarget, metAt: Date | null, warnAt: Date, dueAt: Date) => {
      const key = target === 'FIRST_RESPONSE' ? 'firstResponse' : 'resolution';
      // Met: only a late answer counts as a breach (when the scheduler had not fired it yet).
      const until = metAt ?? (clock.pausedAt ? null : now);
      if (!until) return;
      if (!metAt && !clock[`${key}Warned`] && warnAt <= until) {
        clock[`${key}Warned`] = true;
        announce('SLA_WARNING', target, dueAt);
      }
      if (!clock[`${key}Breached`] && dueAt < until) {
        clock[`${key}Breached`] = true;
        announce('SLA_BREACHED', target, dueAt);
      }
    };
    check('FIRST_RESPONSE', c.firstResponseAt ?? null, r.firstResponseWarnAt, r.firstResponseDueAt);
    check('RESOLUTION', done ? (c.resolvedAt ?? now) : null, r.resolutionWarnAt, r.resolutionDueAt);
    r.nextCheckAt = done || r.pausedAt ? null : nextCheck(r, c);
    if (done) r.stoppedAt = now;
    return r;
  }

  /** The earliest threshold not yet announced (null: nothing left to announce). */
  function nextCheck(r: ICaseSla, c: ICase): Date | null {
    // A warning fires at its time, a breach once its due time has passed (a millisecond after).
    const times: number[] = [];
    if (!c.firstResponseAt) {
      if (!r.firstResponseWarned && r.firstResponseWarnAt) times.push(r.firstResponseWarnAt.getTime());
      if (!r.firstResponseBreached && r.firstResponseDueAt) times.push(r.firstResponseDueAt.getTime() + 1);
    }
    if (!r.resolutionWarned && r.resolutionWarnAt) times.push(r.resolutionWarnAt.getTime());
    if (!r.resolutionBreached && r.resolutionDueAt) times.push(r.resolutionDueAt.getTime() + 1);
    return times.length ? new Date(Math.min(...times)) : null;
  }

  /** Open cases with no clock yet (created while the scheduler was down). */
  async function unseen(): Promise<string[]> {
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `select c.id from cases c left join case_slas s on s.case_id = c.id where s.case_id is null and c.status not in ('RESOLVED', 'CLOSED') limit ${BATCH}`,
      );
    return rows.map((r) => r.id);
  }

  /** Syncs the changed cases, and when `full` also the due ones and those with no clock yet. */
  async function pass(now: Date, full: boolean): Promise<SlaEvent[]> {
    const ids = new Set([...dirty, ...(full ? await unseen() : [])]);
    dirty.clear();
    if (full) {
      const due = await orm.em
        .fork()
        .find(
          CaseSla,
          { nextCheckAt: { $lte: now } },
          { orderBy: { nextCheckAt: 'asc' }, limit: BATCH, fields: ['caseId'] },
        );
      for (const d of due) ids.add(d.caseId);
    }
    if (!ids.size) return [];
    const all = [...ids];
    const fired: SlaEvent[] = [];
    const syncAndPublish = async (batch: string[]) => {
      const events = await syncAll(batch, now);
      for (const e of events) deps.pubsub.publish<DeskEvent>(topics.desk, e);
      fired.push(...events);
    };
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      try {
        await syncAndPublish(batch);
      } catch (err) {
        if (batch.length === 1) {
          deps.logger.error({ err, caseId: batch[0] }, 'SLA check failed');
          dirty.add(batch[0]);
          continue;
        }
        // One case that cannot be synced must not hold up the others: each on its own.
        for (const id of batch) {
          try {
            await syncAndPublish([id]);
          } catch (one) {
            deps.logger.error({ err: one, caseId: id }, 'SLA check failed');
            dirty.add(id);
          }
        }
      }
    }
    return fired;
  }

  /**
   * Runs a pass at the clock's time (after the one in progress); returns what it fired. Only the
   * changed cases when `changedOnly` (a burst of case changes); else also due and unseen ones.
   */
  function tick(changedOnly = false): Promise<SlaEvent[]> {
    const run = chain.then(() => pass(clock(), !changedOnly));
    chain = run.catch((err) => deps.logger.error({ err }, 'SLA pass failed'));
    return run;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void tick().finally(schedule), deps.pollMs);
  }

  /** A pass shortly, once for a burst of case changes (a busy desk syncs its changed cases together). */
  function tickSoon(): void {
    if (soon || stopped) return;
    soon = setTimeout(() => {
      soon = null;
      void tick(true);
    }, CHANGE_DEBOUNCE_MS);
  }

  /** Whether a desk event can move a case's clock: a new case, or another status or priority than last seen. */
  function changesClock(e: DeskEvent): e is Extract<DeskEvent, { type: 'CASE_CREATED' | 'CASE_UPDATED' }> {
    if (e.type !== 'CASE_CREATED' && e.type !== 'CASE_UPDATED') return false;
    const state = `${e.status}/${e.priority}`;
    if (e.type === 'CASE_UPDATED' && seen.get(e.caseId) === state) return false;
    seen.set(e.caseId, state);
    return true;
  }

  return {
    tick,

    /** The time on the scheduler's clock: the desk's SLA time. */
    now(): Date {
      return clock();
    },

    /** Replaces the clock (simulations and tests run the desk's SLA time ahead). */
    setClock(now: () => Date): void {
      clock = now;
    },

    /** Starts following case changes and polling due times. */
    start(): void {
      if (!stopped) return;
      stopped = false;
      const s = deps.pubsub.subscribe<DeskEvent>(topics.desk);
      sub = s;
      void (async () => {
        for await (const e of s) {
          if (changesClock(e)) {
            dirty.add(e.caseId);
            tickSoon();
          }
        }
      })().catch((err) => deps.logger.error({ err }, 'SLA listener stopped'));
      void tick();
      schedule();
    },

    /** Stops and waits for the pass in flight. */
    async stop(): Promise<void> {
      stopped = true;
      sub?.close();
      sub = null;
      if (timer) clearTimeout(timer);
      if (soon) clearTimeout(soon);
      timer = null;
      soon = null;
      // Bounded: a pass stuck on a database that went away must not hold up the shutdown.
      await Promise.race([chain.catch(() => undefined), delay(STOP_WAIT_MS, undefined, { ref: false })]);
    },
  };
}

/** The SLA scheduler. */
export type SlaScheduler = ReturnType<typeof createSlaScheduler>;
