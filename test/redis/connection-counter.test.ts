/** The Redis ConnectionCounter: one count across instances, and a dead instance's connections expire. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnectionCounter } from '../../server/desk/redis-connection-counter.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';

describe.skipIf(skipRedis())('Redis connection counter', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('holds a limit across instances and frees what one releases', async () => {
    const prefix = redis.prefix();
    const [ca, cb] = [new Redis(redis.url), new Redis(redis.url)];
    const a = createRedisConnectionCounter(ca, { prefix, instanceId: 'a' });
    const b = createRedisConnectionCounter(cb, { prefix, instanceId: 'b' });
    try {
      expect(await a.acquire('cust-ava', 2)).toBe(true);
      expect(await b.acquire('cust-ava', 2)).toBe(true);
      expect(await a.acquire('cust-ava', 2)).toBe(false);
      expect(await b.acquire('cust-ben', 2)).toBe(true);
      await b.release('cust-ava');
      expect(await a.acquire('cust-ava', 2)).toBe(true);
      // A release without an acquire on this instance takes nothing back.
      await b.release('cust-ava');
      expect(await b.acquire('cust-ava', 2)).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
      ca.disconnect();
      cb.disconnect();
    }
  });

  it("stops counting a dead instance's connections once its heartbeat expires", async () => {
    const prefix = redis.prefix();
    const [ca, cb] = [new Redis(redis.url), new Redis(redis.url)];
    const dead = createRedisConnectionCounter(ca, { prefix, instanceId: 'dead', ttlMs: 600 });
    const alive = createRedisConnectionCounter(cb, { prefix, instanceId: 'alive', ttlMs: 600 });
    try {
      expect(await dead.acquire('cust-ava', 2)).toBe(true);
      expect(await dead.acquire('cust-ava', 2)).toBe(true);
      expect(await alive.acquire('cust-ava', 2)).toBe(false);
      // The instance dies: its connection drops without releasing anything, its heartbeat stops.
      ca.disconnect();
      await new Promise((r) => setTimeout(r, 400));
      expect(await alive.acquire('cust-ava', 2)).toBe(false);
      await new Promise((r) => setTimeout(r, 600));
      expect(await alive.acquire('cust-ava', 2)).toBe(true);
      expect(await alive.acquire('cust-ava', 2)).toBe(true);
      expect(await alive.acquire('cust-ava', 2)).toBe(false);
    } finally {
      await alive.close();
      cb.disconnect();
    }
  });
});
