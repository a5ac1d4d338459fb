/**
 * The Redis case sequencer on a real Redis: one counter per case for every instance, events
 * published in seq order (a delta numbered after a stored event not yet committed waits for it),
 * released numbers are holes nothing waits for, and a resume's `upTo` never covers what is held.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../server/events.js';
import { createRedisCaseSequencer } from '../../server/redis/redis-case-sequencer.js';
import { decodeMessage } from '../../server/redis/redis-event-codec.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';

const noFloor = async () => {
  throw new Error('the counter exists');
};

describe.skipIf(skipRedis())('the Redis case sequencer', () => {
  let redis: TestRedis;
  let listener: Redis;
  const errors: unknown[] = [];
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    listener = new Redis(redis.url);
  });
  afterAll(async () => {
    for (const c of [listener, ...clients]) c?.disconnect();
    await redis?.stop();
  });

  /** A sequencer (as two instances would have, on one prefix) and what its channel carries. */
  async function setup(opts: { pendingMs?: number } = {}) {
    const prefix = redis.prefix();
    const channel = `${prefix}:events`;
    const seen: CaseEvent[] = [];
    await listener.subscribe(channel);
    listener.on('message', (ch: string, m: string) => {
      if (ch === channel) seen.push(decodeMessage(m)?.payload as CaseEvent);
    });
    const make = () => {
      const c = new Redis(redis.url, { enableAutoPipelining: true });
      clients.push(c);
      return createRedisCaseSequencer(c, { prefix, channel, onError: (err) => errors.push(err), ...opts });
    };
    return { a: make(), b: make(), seen };
  }
  const delta = (caseId: string, text: string) =>
    ({ type: 'TOKEN_DELTA', caseId, agent: 'general', messageId: 'm1', text, at: new Date() }) as const;
  const stored = (caseId: string, seq: number) =>
    ({
      type: 'CASE_ERROR',
      caseId,
      seq,
      at: new Date(),
      code: 'X',
      message: `e${seq}`,
      recoverable: true,
    }) as CaseEvent;
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('publishes a delta numbered after an uncommitted stored event only after that event, on any instance', async () => {
    const { a, b, seen } = await setup();
    expect(await a.reserve('c1', 1, 0)).toBe(1);
    a.publish('c1', 1, [stored('c1', 1)]);
    // B reserves 2 (its transaction has not committed); A's deltas get 3 and 4 and wait for it.
    expect(await b.reserve('c1', 1, noFloor)).toBe(2);
    a.live(delta('c1', 'x'), noFloor);
    a.live(delta('c1', 'y'), noFloor);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((e) => e.seq)).toEqual([1]);
    // A resume now covers up to 1 only: 2, 3 and 4 will come live.
    expect(await b.replay('c1', 0)).toEqual({ upTo: 1, deltas: [] });
    b.publish('c1', 2, [stored('c1', 2)]);
    await until(() => seen.length === 4);
    expect(seen.map((e) => [e.seq, e.type])).toEqual([
      [1, 'CASE_ERROR'],
      [2, 'CASE_ERROR'],
      [3, 'TOKEN_DELTA'],
      [4, 'TOKEN_DELTA'],
    ]);
    const replay = await a.replay('c1', 0);
    expect(replay.upTo).toBe(4);
    expect(replay.deltas.map((e) => [e.seq, e.text])).toEqual([
      [3, 'x'],
      [4, 'y'],
    ]);
    expect(await b.text('c1', 'm1')).toBe('xy');
    expect(errors).toEqual([]);
  });

  it('lets what waited behind released numbers go at once, and leaves a hole nothing waits for', async () => {
    const { a, b, seen } = await setup();
    await a.reserve('c2', 2, 0);
    a.publish('c2', 1, [stored('c2', 1), stored('c2', 2)]);
    expect(await b.reserve('c2', 1, noFloor)).toBe(3);
    a.live(delta('c2', 'z'), noFloor);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((e) => e.seq)).toEqual([1, 2]);
    // B's transaction rolled back.
    b.release('c2', 3);
    await until(() => seen.length === 3);
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 4]);
    expect((await a.replay('c2', 2)).upTo).toBe(4);
  });

  it('stops holding events back for a reservation whose writer died, once its deadline passed', async () => {
    const { a, b, seen } = await setup({ pendingMs: 300 });
    await a.reserve('c3', 1, 0);
    a.live(delta('c3', 'w'), noFloor);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200));
    // The next call on the case (here a resume on B) settles it.
    expect((await b.replay('c3', 0)).upTo).toBe(2);
    await until(() => seen.length === 1);
    expect(seen.map((e) => e.seq)).toEqual([2]);
  });

  it('seeds a missing counter from the database, above every seq it knows', async () => {
    const { a, seen } = await setup();
    let asked = 0;
    const floor = async () => {
      asked++;
      return 41;
    };
    expect(await a.reserve('c4', 1, floor)).toBe(42);
    a.live(delta('c4', 'v'), floor);
    a.publish('c4', 42, [stored('c4', 42)]);
    await until(() => seen.length === 2);
    expect(seen.map((e) => e.seq)).toEqual([42, 43]);
    expect(asked).toBe(1);
    expect((await a.replay('c5', 0)).upTo).toBeNull();
  });

  it('asks the database once when several calls find no counter, and numbers them in the order sent', async () => {
    const { a, seen } = await setup();
    let asked = 0;
    const floor = async () => {
      asked++;
      await new Promise((r) => setTimeout(r, 20));
      return 7;
    };
    a.live(delta('c6', 'u'), floor);
    // The reservation sends the queued delta first; both find no counter.
    const first = await a.reserve('c6', 1, floor);
    expect(first).toBe(9);
    a.publish('c6', 9, [stored('c6', 9)]);
    await until(() => seen.length === 2);
    expect(seen.map((e) => [e.seq, e.type])).toEqual([
      [8, 'TOKEN_DELTA'],
      [9, 'CASE_ERROR'],
    ]);
    expect(asked).toBe(1);
  });
});
