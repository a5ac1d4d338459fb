/**
 * The numbered event log of each case. Durable events are stored in the same transaction as the
 * change they describe and published after commit; token deltas are live-only (never stored).
 * Sequence numbers are strictly increasing per case and are never reused, even after a crash. In
 * one process, blocks are reserved in the case row (hi/lo), so numbering needs no read, and recent
 * events are kept in memory (CaseHistory), so a resume or a new subscriber rarely reads the
 * database. With several instances, a shared CaseSequencer numbers and publishes every instance's
 * events of a case in one order: a transaction's events are numbered just before it commits.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import type { SqliteDriver } from '../config.js';
import { Case, CaseEventRecord, type ICase } from '../db/entities/index.js';
import { type EventRow, insertEvents } from '../db/sql/case-rows.js';
import { openSqlRunner } from '../db/sql/open-sql-runner.js';
import type { SqlRunner } from '../db/sql/sql-runner.js';
import { type CaseEvent, type CaseEventPayload, STAFF_ONLY_CASE_EVENTS, topics } from '../events.js';
import { CaseHistory, type CaseHistoryLimits } from './case-history.js';
import { CaseTx } from './case-tx.js';
import type { CaseSequencer, EventBus, SequenceAllocator } from './ports.js';
import { createRowSequenceAllocator } from './sequence-allocator.js';

type TokenDelta = Extract<CaseEventPayload, { type: 'TOKEN_DELTA' }>;

/** An event recorded in a transaction, with the payload it is stored from. */
interface Recorded {
  ev: CaseEvent;
  payload: CaseEventPayload;
  /** The case row it was recorded on (an entity in an ORM transaction). */
  row: SeqRow;
}

/** Numbers reserved from the shared sequencer for a transaction's events of one case. */
interface Reservation {
  caseId: string;
  first: number;
  events: CaseEvent[];
}

/** The stored row of an event. */
function rowOf({ ev, payload }: Recorded): EventRow {
  const { type, ...rest } = payload;
  return { caseId: ev.caseId, seq: ev.seq, type, payload: rest as Record<string, unknown>, at: ev.at };
}

/**
 * Joins runs of consecutive token deltas of one message into one delta (the text of all, the seq
 * of the last), so a subscriber that is behind catches up in one frame; other events pass as they are.
 */
export function coalesce(events: CaseEvent[]): CaseEvent[] {
  if (events.length < 2) return events;
  const out: CaseEvent[] = [];
  for (const e of events) {
    const prev = out[out.length - 1];
    if (
      e.type === 'TOKEN_DELTA' &&
      prev?.type === 'TOKEN_DELTA' &&
      prev.messageId === e.messageId &&
      prev.agent === e.agent
    ) {
      out[out.length - 1] = { ...e, text: prev.text + e.text };
    } else out.push(e);
  }
  return out;
}

/** Records an event inside a transaction; returns it (published after commit). */
export type RecordEvent = (caseRow: ICase, payload: CaseEventPayload) => CaseEvent;

/** The case row an event is numbered on (its reserved block is written with the transaction). */
type SeqRow = { id: string; seqReserved: number };
/** Records an event inside a plain-SQL transaction; returns it (published after commit). */
export type RecordRowEvent = (caseRow: SeqRow, payload: CaseEventPayload) => CaseEvent;

/**
 * Ends a case stream from outside: a pending wait for its next event ends at once. A few bytes
 * where an AbortController with its listener is about a kilobyte, held by every idle subscription.
 */
export class StreamCloser {
  private closed = false;
  private onClose: (() => void) | null = null;

  close(): void {
    this.closed = true;
    const f = this.onClose;
    this.onClose = null;
    f?.();
  }

  /** Called by the stream when it starts waiting on live events (at once if already closed). */
  attach(onClose: () => void): void {
    if (this.closed) onClose();
    else this.onClose = onClose;
  }

  detach(): void {
    this.onClose = null;
  }
}

/** The case event log. */
export class CaseEventLog {
  private readonly seq: SequenceAllocator;
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Text so far of messages still being written, by message id. */
  private readonly partial = new Map<string, string[]>();
  private readonly history: CaseHistory;
  private readonly coalesceAfterMs: number;
  /** Numbers and publishes events in one order for every instance (absent: one process). */
  private readonly shared: CaseSequencer | undefined;
  /** Plain SQL for the hot path's transactions and inserts. */
  readonly sql: SqlRunner;

  constructor(
    private readonly orm: MikroORM,
    private readonly pubsub: EventBus,
    opts: {
      coalesceAfterMs?: number;
      history?: Partial<CaseHistoryLimits>;
      sequences?: SequenceAllocator;
      sequencer?: CaseSequencer;
      /** The driver of the hot path's statements on SQLite (node-sqlite3 unless said). */
      sqliteDriver?: SqliteDriver;
    } = {},
  ) {
    this.shared = opts.sequencer;
    this.seq = opts.sequences ?? createRowSequenceAllocator(orm);
    this.history = new CaseHistory(opts.history);
    this.coalesceAfterMs = opts.coalesceAfterMs ?? 50;
    this.sql = openSqlRunner(orm, opts.sqliteDriver);
  }

  /** Runs `fn` while holding the case's lock, so that its events are numbered and published in order. */
  withLock<T>(caseId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(caseId) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(caseId, tail);
    void tail.then(() => {
      if (this.locks.get(caseId) === tail) this.locks.delete(caseId);
    });
    return run;
  }

  /**
   * Runs a transaction under the case's lock; events recorded in it are stored with it and
   * published once it commits. A failed transaction leaves no event and no gap.
   */
  transaction<T>(caseId: string, fn: (tx: EntityManager, record: RecordEvent) => Promise<T>): Promise<T> {
    return this.withLock(caseId, () => this.unlockedTransaction([caseId], fn));
  }

  /**
   * Like `transaction`, on several cases at once (a sweep over many): their locks are taken in id
   * order, and the events recorded on any of them are stored with it and published after commit.
   */
  transactionOn<T>(caseIds: readonly string[], fn: (tx: EntityManager, record: RecordEvent) => Promise<T>): Promise<T> {
    const ids = [...new Set(caseIds)].sort();
    const locked = (i: number): Promise<T> =>
      i === ids.length ? this.unlockedTransaction(ids, fn) : this.withLock(ids[i], () => locked(i + 1));
    return locked(0);
  }

  /**
   * Like `transaction`, in plain SQL on the case's rows (see CaseTx): for the hot path, where the
   * ORM's unit of work costs more than the statements.
   */
  sqlTransaction<T>(caseId: string, fn: (tx: CaseTx, record: RecordRowEvent) => Promise<T>): Promise<T> {
    return this.withLock(caseId, () => this.unlockedSqlTransaction(caseId, fn));
  }

  /**
   * The case row to record a few events on in a plain-SQL transaction: `{ id }` alone when
   * numbering is known here and its block has room (no read), else the row itself.
   */
  async seqRow(tx: CaseTx, caseId: string): Promise<SeqRow> {
    return this.shared || this.seq.hasRoom(caseId, 16) ? { id: caseId, seqReserved: 0 } : tx.case(caseId);
  }

  /**
   * Stores and publishes events on a case. When numbering needs no new block, the rows are one
   * insert (atomic on its own) instead of a transaction with a read of the case row.
   */
  emit(caseId: string, ...payloads: CaseEventPayload[]): Promise<CaseEvent[]> {
    if (this.shared) return this.withLock(caseId, () => this.emitShared(caseId, payloads));
    return this.withLock(caseId, async () => {
      const restore = this.seq.mark(caseId);
      const first = this.seq.tryAllocate(caseId, payloads.length);
      if (first === null) {
        return this.unlockedSqlTransaction(caseId, async (tx, record) => {
          const caseRow = await tx.case(caseId);
          return payloads.map((p) => record(caseRow, p));
        });
      }
      const recorded = this.stamp(caseId, payloads, first);
      const events = recorded.map((r) => r.ev);
      try {
        await insertEvents(this.sql, recorded.map(rowOf));
      } catch (err) {
        // Nothing was stored: hand the same numbers out again, so there is no gap.
        restore();
        throw err;
      }
      for (const ev of events) this.publish(ev);
      return events;
    });
  }

  /** `emit` with the shared sequencer: numbered, stored, then published after the events before them. */
  private async emitShared(caseId: string, payloads: CaseEventPayload[]): Promise<CaseEvent[]> {
    const shared = this.shared as CaseSequencer;
    const first = await shared.reserve(caseId, payloads.length, this.floor);
    const recorded = this.stamp(caseId, payloads, first);
    try {
      await insertEvents(this.sql, recorded.map(rowOf));
    } catch (err) {
      shared.release(caseId, first);
      throw err;
    }
    const events = recorded.map((r) => r.ev);
    this.publishShared([{ caseId, first, events }]);
    return events;
  }

  /** Events of `payloads` on a case, numbered from `first`. */
  private stamp(caseId: string, payloads: CaseEventPayload[], first: number): Recorded[] {
    const at = new Date();
    const row = { id: caseId, seqReserved: 0 };
    return payloads.map((payload, i) => ({
      ev: { ...payload, seq: first + i, caseId, at } as CaseEvent,
      payload,
      row,
    }));
  }

  /**
   * Publishes a live-only event (a token delta): numbered, kept for resumes, not stored. When no
   * transaction of the case is in flight and the seq block has room, this is synchronous. With the
   * shared sequencer it is queued there and numbered as it goes out (undefined here).
   */
  emitLive(caseId: string, payload: TokenDelta): CaseEvent | Promise<CaseEvent> | undefined {
    if (this.shared) {
      this.keepPartial(payload);
      this.shared.live({ ...payload, caseId, at: new Date() }, this.floor);
      return undefined;
    }
    if (!this.locks.has(caseId)) {
      const seq = this.seq.tryAllocate(caseId, 1);
      if (seq !== null) return this.publishLive(caseId, payload, seq);
    }
    return this.withLock(caseId, async () => this.publishLive(caseId, payload, await this.seq.allocate(caseId, 1)));
  }

  /** A transaction whose events are published after commit; the caller holds the cases' locks. */
  private async unlockedTransaction<T>(
    caseIds: readonly string[],
    fn: (tx: EntityManager, record: RecordEvent) => Promise<T>,
  ): Promise<T> {
    const marks = caseIds.map((id) => this.seq.mark(id));
    const restore = () => {
      for (const m of marks) m();
    };
    const recorded: Recorded[] = [];
    let reserved: Reservation[] = [];
    try {
      const result = await this.orm.em.fork().transactional(async (tx) => {
        const out = await fn(tx, (caseRow, payload) => this.recordIn(recorded, caseRow, payload));
        if (this.shared) reserved = await this.reserveShared(recorded);
        for (const r of recorded) {
          const { seq, type, payload, at } = rowOf(r);
          tx.create(CaseEventRecord, { case: r.row as ICase, seq, type, payload, at });
        }
        return out;
      });
      this.publishRecorded(recorded, reserved);
      return result;
    } catch (err) {
      this.undo(restore, reserved);
      throw err;
    }
  }

  /** A plain-SQL transaction whose events are published after commit; the caller holds the case's lock. */
  private async unlockedSqlTransaction<T>(
    caseId: string,
    fn: (tx: CaseTx, record: RecordRowEvent) => Promise<T>,
  ): Promise<T> {
    const restore = this.seq.mark(caseId);
    const recorded: Recorded[] = [];
    let reserved: Reservation[] = [];
    try {
      const result = await this.sql.transaction(async (q) => {
        const rows: EventRow[] = [];
        const tx = new CaseTx(q, rows);
        const out = await fn(tx, (caseRow, payload) => this.recordIn(recorded, caseRow, payload));
        if (this.shared) reserved = await this.reserveShared(recorded);
        rows.push(...recorded.map(rowOf));
        await tx.flush();
        return out;
      });
      this.publishRecorded(recorded, reserved);
      return result;
    } catch (err) {
      this.undo(restore, reserved);
      throw err;
    }
  }

  /**
   * Records an event of a transaction: numbered at once from this process's block, or (shared
   * sequencer) just before the transaction commits, by `reserveShared`.
   */
  private recordIn(recorded: Recorded[], caseRow: SeqRow, payload: CaseEventPayload): CaseEvent {
    const seq = this.shared ? 0 : this.seq.allocateIn(caseRow, 1);
    const ev = { ...payload, seq, caseId: caseRow.id, at: new Date() } as CaseEvent;
    recorded.push({ ev, payload, row: caseRow });
    return ev;
  }

  /** Numbers a transaction's events from the shared sequencer, one reservation per case (none in one process). */
  private async reserveShared(recorded: Recorded[]): Promise<Reservation[]> {
    if (!this.shared || !recorded.length) return [];
    const byCase = new Map<string, CaseEvent[]>();
    for (const { ev } of recorded) byCase.set(ev.caseId, [...(byCase.get(ev.caseId) ?? []), ev]);
    const out: Reservation[] = [];
    for (const [caseId, events] of byCase) {
      // A case being opened has no numbers yet: no need to ask the database for them.
      const floor = events.some((e) => e.type === 'CASE_OPENED') ? 0 : this.floor;
      const first = await this.shared.reserve(caseId, events.length, floor);
      out.push({ caseId, first, events });
      events.forEach((e, i) => {
        e.seq = first + i;
      });
    }
    return out;
  }

  /** Publishes a committed transaction's events. */
  private publishRecorded(recorded: Recorded[], reserved: Reservation[]): void {
    if (this.shared) this.publishShared(reserved);
    else for (const { ev } of recorded) this.publish(ev);
  }

  /** After a failed transaction: this process's numbers are handed out again, shared ones released. */
  private undo(restore: () => void, reserved: Reservation[]): void {
    restore();
    for (const r of reserved) this.shared?.release(r.caseId, r.first);
  }

  /** The highest seq the database knows of a case (for a shared counter that is missing). */
  private readonly floor = async (caseId: string): Promise<number> => {
    const em = this.orm.em.fork();
    const row = await em.findOne(Case, { id: caseId }, { fields: ['seqReserved'] });
    const top = await em.findOne(CaseEventRecord, { case: caseId }, { orderBy: { seq: 'desc' }, fields: ['seq'] });
    return Math.max(row?.seqReserved ?? 0, top?.seq ?? 0);
  };

  /**
   * The case row to record a few events on: a reference when numbering is known here and its block
   * has room (no read), else the row itself (numbering starts after its reserved block, and a new
   * block is written to it).
   */
  async caseRow(tx: EntityManager, caseId: string): Promise<ICase> {
    return this.shared || this.seq.hasRoom(caseId, 16)
      ? tx.getReference(Case, caseId)
      : tx.findOneOrFail(Case, { id: caseId });
  }

  /** The text so far of a message this process is writing. */
  liveTokens(_caseId: string, messageId: string): string {
    return this.partial.get(messageId)?.join('') ?? '';
  }

  /** The text so far of a message being written here or, with a shared buffer, on another instance. */
  async liveText(caseId: string, messageId: string): Promise<string> {
    const here = this.partial.get(messageId);
    if (here || !this.shared) return here?.join('') ?? '';
    return this.shared.text(caseId, messageId);
  }

  /**
   * Every event with seq > after (from memory when this process holds them all, else stored ones
   * plus what memory holds; with the shared sequencer, what it has published: its kept deltas and
   * the stored events up to the seq it names), then live events: no gap, no duplicate. The
   * subscription starts before the reads, so an event published meanwhile is in one or the other.
   * A customer's stream skips the staff-only events (their numbers are gaps to the customer).
   */
  async *stream(
    caseId: string,
    after: number,
    closer?: StreamCloser,
    audience: 'staff' | 'customer' = 'staff',
  ): AsyncGenerator<CaseEvent> {
    const hidden = (e: CaseEvent) => audience === 'customer' && STAFF_ONLY_CASE_EVENTS.has(e.type);
    const sub = this.pubsub.subscribe<CaseEvent>(topics.case(caseId));
    closer?.attach(() => sub.close());
    try {
      const { events: replay, last: replayed } = await this.replay(caseId, after);
      let last = replayed;
      for (const e of replay) if (!hidden(e)) yield e;
      for (;;) {
        const next = await sub.next();
        if (next.done) break;
        // A subscriber that fell behind gets the deltas it missed as one frame per message.
        const batch = [next.value, ...sub.drain()];
        const behind = this.coalesceAfterMs > 0 && Date.now() - next.value.at.getTime() >= this.coalesceAfterMs;
        for (const e of behind ? coalesce(batch) : batch) {
          if (e.seq <= last) continue;
          last = e.seq;
          if (!hidden(e)) yield e;
        }
      }
    } finally {
      closer?.detach();
      sub.close();
    }
  }

  /** The events with seq > after that were published before now, and the seq live events start after. */
  private async replay(caseId: string, after: number): Promise<{ events: CaseEvent[]; last: number }> {
    const kept = this.shared ? null : this.history.after(caseId, after);
    if (kept) return { events: kept, last: kept.length ? kept[kept.length - 1].seq : after };
    // With the shared sequencer, stored events above `upTo` are still to be published (they come
    // live, after the ones before them); below it, every event was published and every stored one
    // committed, so the database read after the sequencer's has them all.
    const shared = this.shared ? await this.shared.replay(caseId, after) : null;
    const upTo = shared?.upTo ?? null;
    const rows = await this.orm.em
      .fork()
      .find(
        CaseEventRecord,
        { case: caseId, seq: upTo === null ? { $gt: after } : { $gt: after, $lte: upTo } },
        { orderBy: { seq: 'asc' } },
      );
    const bySeq = new Map<number, CaseEvent>();
    for (const e of shared?.deltas ?? []) bySeq.set(e.seq, e);
    for (const r of rows)
      bySeq.set(r.seq, { ...(r.payload as object), type: r.type, seq: r.seq, caseId, at: r.at } as CaseEvent);
    if (!shared) for (const e of this.history.held(caseId)) if (e.seq > after) bySeq.set(e.seq, e);
    const events = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    const top = events.length ? events[events.length - 1].seq : after;
    return { events, last: Math.max(top, upTo ?? after) };
  }

  /** Frees memory and prepared statements (on shutdown, before the ORM closes). */
  async close(): Promise<void> {
    this.history.close();
    await this.sql.close();
  }

  private publishLive(caseId: string, payload: TokenDelta, seq: number): CaseEvent {
    const ev = { ...payload, seq, caseId, at: new Date() } as CaseEvent;
    this.keepPartial(payload);
    this.history.append(ev);
    this.pubsub.publish(topics.case(caseId), ev);
    return ev;
  }

  /** Keeps the text so far of a message this process writes. */
  private keepPartial(payload: TokenDelta): void {
    let text = this.partial.get(payload.messageId);
    if (!text) {
      text = [];
      this.partial.set(payload.messageId, text);
    }
    text.push(payload.text);
  }

  private publish(ev: CaseEvent): void {
    if (ev.type === 'MESSAGE_COMPLETED') this.partial.delete(ev.message.id);
    this.history.append(ev);
    this.pubsub.publish(topics.case(ev.caseId), ev);
  }

  /** Publishes committed events through the shared sequencer (every instance receives them from it). */
  private publishShared(reserved: Reservation[]): void {
    const shared = this.shared as CaseSequencer;
    for (const { caseId, first, events } of reserved) {
      shared.publish(caseId, first, events);
      for (const ev of events) {
        if (ev.type !== 'MESSAGE_COMPLETED') continue;
        this.partial.delete(ev.message.id);
        shared.complete(caseId, ev.message.id);
      }
    }
  }
}
