/**
 * The numbered event log of each case. Durable events are stored in the same transaction as the
 * change they describe and published after commit; token deltas are live-only (never stored).
 * Sequence numbers are strictly increasing per case and are never reused, even after a crash:
 * blocks are reserved in the case row (hi/lo), so numbering needs no read. Recent events are kept
 * in memory (CaseHistory), so a resume or a new subscriber rarely reads the database.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { Case, CaseEventRecord, type ICase } from '../db/entities/index.js';
import { dialectOf } from '../db/orm.js';
import {
  type CaseRow,
  changedFields,
  type EventRow,
  insertCase,
  insertEvents,
  insertMessages,
  type MessageRow,
  type SqlExpression,
  selectCase,
  updateCase,
} from '../db/sql/case-rows.js';
import { createSqlRunner, type Sql, type SqlRunner } from '../db/sql/sql-runner.js';
import { NotFoundError } from '../errors.js';
import { type CaseEvent, type CaseEventPayload, STAFF_ONLY_CASE_EVENTS, topics } from '../events.js';
import { CaseHistory, type CaseHistoryLimits } from './case-history.js';
import type { EventBus, LiveTokenBuffer, SequenceAllocator } from './ports.js';
import { createRowSequenceAllocator } from './sequence-allocator.js';

type TokenDelta = Extract<CaseEventPayload, { type: 'TOKEN_DELTA' }>;

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
 * A plain-SQL transaction on a case's rows: statements run at once, while the cases it reads or
 * creates and the messages it creates are written when it is about to commit (new cases, then
 * changed fields of the cases read, then new messages, then the events), like a unit of work of
 * its own rows only.
 */
export class CaseTx {
  private readonly read = new Map<string, { before: CaseRow; row: CaseRow }>();
  private readonly created: CaseRow[] = [];
  private readonly messages: MessageRow[] = [];
  private readonly expressions = new Map<string, Partial<Record<keyof CaseRow, SqlExpression>>>();

  constructor(
    readonly q: Sql,
    private readonly events: EventRow[],
  ) {}

  /** The case row, read once per transaction; changes made to it are written at commit. */
  async case(id: string): Promise<CaseRow> {
    const held = this.read.get(id) ?? this.created.find((c) => c.id === id);
    if (held) return 'row' in held ? held.row : held;
    const row = await selectCase(this.q, id);
    if (!row) throw new NotFoundError('Case', id);
    this.read.set(id, { before: { ...row }, row });
    return row;
  }

  /** A new case, inserted at commit (before its messages and events). */
  newCase(row: CaseRow): CaseRow {
    this.created.push(row);
    return row;
  }

  /** A new message, inserted at commit. */
  newMessage(row: MessageRow): MessageRow {
    this.messages.push(row);
    return row;
  }

  /** Sets a field of a case read in this transaction to an SQL expression, evaluated as the row is written. */
  setExpression(caseId: string, field: keyof CaseRow, e: SqlExpression): void {
    this.expressions.set(caseId, { ...this.expressions.get(caseId), [field]: e });
  }

  /** Writes what was buffered. */
  async flush(): Promise<void> {
    for (const c of this.created) await insertCase(this.q, c);
    for (const [id, { before, row }] of this.read) {
      const patch = changedFields(before, row);
      const exprs = this.expressions.get(id) ?? {};
      if (Object.keys(patch).length || Object.keys(exprs).length) await updateCase(this.q, id, patch, exprs);
    }
    await insertMessages(this.q, this.messages);
    await insertEvents(this.q, this.events);
  }
}

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
  /** Deltas of answers being written, shared by every instance (absent: one process). */
  private readonly live: LiveTokenBuffer | undefined;
  /** Plain SQL for the hot path's transactions and inserts. */
  readonly sql: SqlRunner;

  constructor(
    private readonly orm: MikroORM,
    private readonly pubsub: EventBus,
    opts: {
      coalesceAfterMs?: number;
      history?: Partial<CaseHistoryLimits>;
      sequences?: SequenceAllocator;
      live?: LiveTokenBuffer;
    } = {},
  ) {
    this.live = opts.live;
    this.seq = opts.sequences ?? createRowSequenceAllocator(orm);
    this.history = new CaseHistory(opts.history);
    this.coalesceAfterMs = opts.coalesceAfterMs ?? 50;
    this.sql = createSqlRunner(orm, dialectOf(orm));
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
    return this.seq.hasRoom(caseId, 16) ? { id: caseId, seqReserved: 0 } : tx.case(caseId);
  }

  /**
   * Stores and publishes events on a case. When numbering needs no new block, the rows are one
   * insert (atomic on its own) instead of a transaction with a read of the case row.
   */
  emit(caseId: string, ...payloads: CaseEventPayload[]): Promise<CaseEvent[]> {
    return this.withLock(caseId, async () => {
      const restore = this.seq.mark(caseId);
      const first = this.seq.tryAllocate(caseId, payloads.length);
      if (first === null) {
        return this.unlockedSqlTransaction(caseId, async (tx, record) => {
          const caseRow = await tx.case(caseId);
          return payloads.map((p) => record(caseRow, p));
        });
      }
      const at = new Date();
      const events = payloads.map((p, i) => ({ ...p, seq: first + i, caseId, at }) as CaseEvent);
      try {
        await insertEvents(
          this.sql,
          events.map((ev, i) => {
            const { type, ...rest } = payloads[i];
            return { caseId, seq: ev.seq, type, payload: rest as Record<string, unknown>, at };
          }),
        );
      } catch (err) {
        // Nothing was stored: hand the same numbers out again, so there is no gap.
        restore();
        throw err;
      }
      for (const ev of events) this.publish(ev);
      return events;
    });
  }

  /**
   * Publishes a live-only event (a token delta): numbered, kept for resumes, not stored. When no
   * transaction of the case is in flight and the seq block has room, this is synchronous.
   */
  emitLive(caseId: string, payload: TokenDelta): CaseEvent | Promise<CaseEvent> {
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
    const events: CaseEvent[] = [];
    try {
      const result = await this.orm.em.fork().transactional(async (tx) => {
        const record: RecordEvent = (caseRow, payload) => {
          const seq = this.seq.allocateIn(caseRow, 1);
          const at = new Date();
          const { type, ...rest } = payload;
          tx.create(CaseEventRecord, { case: caseRow, seq, type, payload: rest as Record<string, unknown>, at });
          const ev = { ...payload, seq, caseId: caseRow.id, at } as CaseEvent;
          events.push(ev);
          return ev;
        };
        return fn(tx, record);
      });
      for (const ev of events) this.publish(ev);
      return result;
    } catch (err) {
      restore();
      throw err;
    }
  }

  /** A plain-SQL transaction whose events are published after commit; the caller holds the case's lock. */
  private async unlockedSqlTransaction<T>(
    caseId: string,
    fn: (tx: CaseTx, record: RecordRowEvent) => Promise<T>,
  ): Promise<T> {
    const restore = this.seq.mark(caseId);
    const events: CaseEvent[] = [];
    try {
      const result = await this.sql.transaction(async (q) => {
        const rows: EventRow[] = [];
        const tx = new CaseTx(q, rows);
        const record: RecordRowEvent = (caseRow, payload) => {
          const seq = this.seq.allocateIn(caseRow, 1);
          const at = new Date();
          const { type, ...rest } = payload;
          rows.push({ caseId: caseRow.id, seq, type, payload: rest as Record<string, unknown>, at });
          const ev = { ...payload, seq, caseId: caseRow.id, at } as CaseEvent;
          events.push(ev);
          return ev;
        };
        const out = await fn(tx, record);
        await tx.flush();
        return out;
      });
      for (const ev of events) this.publish(ev);
      return result;
    } catch (err) {
      restore();
      throw err;
    }
  }

  /**
   * The case row to record a few events on: a reference when numbering is known here and its block
   * has room (no read), else the row itself (numbering starts after its reserved block, and a new
   * block is written to it).
   */
  async caseRow(tx: EntityManager, caseId: string): Promise<ICase> {
    return this.seq.hasRoom(caseId, 16) ? tx.getReference(Case, caseId) : tx.findOneOrFail(Case, { id: caseId });
  }

  /** The text so far of a message this process is writing. */
  liveTokens(_caseId: string, messageId: string): string {
    return this.partial.get(messageId)?.join('') ?? '';
  }

  /** The text so far of a message being written here or, with a shared buffer, on another instance. */
  async liveText(caseId: string, messageId: string): Promise<string> {
    const here = this.partial.get(messageId);
    if (here || !this.live) return here?.join('') ?? '';
    return this.live.text(caseId, messageId);
  }

  /**
   * Every event with seq > after (from memory when this process holds them all, else stored ones
   * plus what memory and the shared live buffer hold), then live events: no gap, no duplicate.
   * The subscription starts before the reads, so an event published meanwhile is in one or the other.
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
      // With other instances writing too (a shared live buffer), this process's memory may lack
      // their events: then the buffer and the database are read, in that order (a delta is sent
      // to the buffer only after the stored events before it were committed, so no stored event
      // below a delta read can be missed).
      let replay = this.live ? null : this.history.after(caseId, after);
      if (!replay) {
        const deltas = (await this.live?.after(caseId, after)) ?? [];
        const rows = await this.orm.em
          .fork()
          .find(CaseEventRecord, { case: caseId, seq: { $gt: after } }, { orderBy: { seq: 'asc' } });
        const bySeq = new Map<number, CaseEvent>();
        for (const e of deltas) bySeq.set(e.seq, e);
        for (const r of rows)
          bySeq.set(r.seq, { ...(r.payload as object), type: r.type, seq: r.seq, caseId, at: r.at } as CaseEvent);
        for (const e of this.history.held(caseId)) if (e.seq > after) bySeq.set(e.seq, e);
        replay = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
      }
      let last = after;
      for (const e of replay) {
        last = e.seq;
        if (!hidden(e)) yield e;
      }
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

  /** Frees memory and prepared statements (on shutdown, before the ORM closes). */
  async close(): Promise<void> {
    this.history.close();
    await this.sql.close();
  }

  private publishLive(caseId: string, payload: TokenDelta, seq: number): CaseEvent {
    const ev = { ...payload, seq, caseId, at: new Date() } as CaseEvent;
    let text = this.partial.get(payload.messageId);
    if (!text) {
      text = [];
      this.partial.set(payload.messageId, text);
    }
    text.push(payload.text);
    this.history.append(ev);
    // Before the publish: a subscriber that misses it live finds it in the buffer.
    this.live?.append(ev as Extract<CaseEvent, { type: 'TOKEN_DELTA' }>);
    this.pubsub.publish(topics.case(caseId), ev);
    return ev;
  }

  private publish(ev: CaseEvent): void {
    if (ev.type === 'MESSAGE_COMPLETED') {
      this.partial.delete(ev.message.id);
      this.live?.complete(ev.caseId, ev.message.id);
    }
    this.history.append(ev);
    this.pubsub.publish(topics.case(ev.caseId), ev);
  }
}
