/**
 * The numbered event log of each case. Durable events are stored in the same transaction as the
 * change they describe and published after commit; token deltas are live-only (kept in memory
 * until their message completes). Sequence numbers are strictly increasing per case and are never
 * reused, even after a crash: blocks are reserved in the database (hi/lo).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { Case, CaseEventRecord, type ICase } from '../db/entities/index.js';
import { type CaseEvent, type CaseEventPayload, topics } from '../events.js';
import type { PubSub } from '../pubsub.js';

const SEQ_BLOCK = 1000;

interface SeqState {
  last: number;
  reserved: number;
}

/** Records an event inside a transaction; returns it (published after commit). */
export type RecordEvent = (caseRow: ICase, payload: CaseEventPayload) => CaseEvent;

/** The case event log. */
export class CaseEventLog {
  private readonly seq = new Map<string, SeqState>();
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Token deltas of messages still being written, per case. */
  private readonly live = new Map<string, CaseEvent[]>();

  constructor(
    private readonly orm: MikroORM,
    private readonly pubsub: PubSub,
  ) {}

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
    return this.withLock(caseId, async () => {
      const before = this.seq.get(caseId);
      const snapshot = before ? { ...before } : undefined;
      const events: CaseEvent[] = [];
      try {
        const result = await this.orm.em.fork().transactional(async (tx) => {
          const record: RecordEvent = (caseRow, payload) => {
            const state = this.state(caseRow);
            const seq = ++state.last;
            if (seq > state.reserved) {
              state.reserved = seq + SEQ_BLOCK - 1;
              caseRow.seqReserved = state.reserved;
            }
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
        if (snapshot) this.seq.set(caseId, snapshot);
        else this.seq.delete(caseId);
        throw err;
      }
    });
  }

  /** Stores and publishes events on a case in their own transaction. */
  async emit(caseId: string, ...payloads: CaseEventPayload[]): Promise<CaseEvent[]> {
    return this.transaction(caseId, async (tx, record) => {
      // The row is only read when numbering must start or a new block must be reserved.
      const state = this.seq.get(caseId);
      const needsRow = !state || state.last + payloads.length > state.reserved;
      const caseRow = needsRow ? await tx.findOneOrFail(Case, { id: caseId }) : tx.getReference(Case, caseId);
      return payloads.map((p) => record(caseRow, p));
    });
  }

  /** Publishes a live-only event (a token delta): numbered, buffered for resumes, not stored. */
  emitLive(caseId: string, payload: Extract<CaseEventPayload, { type: 'TOKEN_DELTA' }>): Promise<CaseEvent> {
    return this.withLock(caseId, async () => {
      let state = this.seq.get(caseId);
      if (!state) {
        const row = await this.orm.em.fork().findOneOrFail(Case, { id: caseId });
        state = this.state(row);
      }
      const seq = ++state.last;
      if (seq > state.reserved) {
        state.reserved = seq + SEQ_BLOCK - 1;
        await this.orm.em.fork().nativeUpdate(Case, { id: caseId }, { seqReserved: state.reserved });
      }
      const ev = { ...payload, seq, caseId, at: new Date() } as CaseEvent;
      const buf = this.live.get(caseId) ?? [];
      buf.push(ev);
      this.live.set(caseId, buf);
      this.pubsub.publish(topics.case(caseId), ev);
      return ev;
    });
  }

  /** The token deltas of a message still being written. */
  liveTokens(caseId: string, messageId: string): string {
    return (this.live.get(caseId) ?? [])
      .filter((e) => e.type === 'TOKEN_DELTA' && e.messageId === messageId)
      .map((e) => (e as Extract<CaseEvent, { type: 'TOKEN_DELTA' }>).text)
      .join('');
  }

  /**
   * Every event with seq > after (stored ones, plus buffered tokens of a message in progress),
   * then live events: no gap, no duplicate.
   */
  async *stream(caseId: string, after: number, signal?: AbortSignal): AsyncGenerator<CaseEvent> {
    const sub = this.pubsub.subscribe<CaseEvent>(topics.case(caseId));
    const onAbort = () => sub.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const buffered = (this.live.get(caseId) ?? []).filter((e) => e.seq > after);
      const rows = await this.orm.em
        .fork()
        .find(CaseEventRecord, { case: caseId, seq: { $gt: after } }, { orderBy: { seq: 'asc' } });
      const replay = new Map<number, CaseEvent>();
      for (const r of rows)
        replay.set(r.seq, { ...(r.payload as object), type: r.type, seq: r.seq, caseId, at: r.at } as CaseEvent);
      for (const e of [...buffered, ...sub.drain()]) if (e.seq > after) replay.set(e.seq, e);
      let last = after;
      for (const e of [...replay.values()].sort((a, b) => a.seq - b.seq)) {
        last = e.seq;
        yield e;
      }
      for await (const e of sub) {
        if (e.seq <= last) continue;
        last = e.seq;
        yield e;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      sub.close();
    }
  }

  private state(caseRow: ICase): SeqState {
    let s = this.seq.get(caseRow.id);
    if (!s) {
      // A process starts numbering after the reserved block, so numbers handed out (and perhaps
      // seen by clients) before a crash are never reused.
      const reserved = caseRow.seqReserved ?? 0;
      s = { last: reserved, reserved };
      this.seq.set(caseRow.id, s);
    }
    return s;
  }

  private publish(ev: CaseEvent): void {
    if (ev.type === 'MESSAGE_COMPLETED') {
      const buf = this.live.get(ev.caseId);
      if (buf) {
        const rest = buf.filter((e) => !(e.type === 'TOKEN_DELTA' && e.messageId === ev.message.id));
        if (rest.length) this.live.set(ev.caseId, rest);
        else this.live.delete(ev.caseId);
      }
    }
    this.pubsub.publish(topics.case(ev.caseId), ev);
  }
}
