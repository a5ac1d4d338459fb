/** The `redis` vitest project's Redis for test apps (its global setup starts it). */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/**
 * Settings that put a test app on Redis in the `redis` project (TEST_REDIS=1): the run's Redis and
 * a fresh prefix, so the main suites also run with Redis events, limits and the BullMQ queue.
 */
export function testRedisEnv(): Record<string, string> {
  if (process.env.TEST_REDIS !== '1') return {};
  return { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `t${randomBytes(5).toString('hex')}` };
}
