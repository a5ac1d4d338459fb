/** Several desks on one database and one Redis: how the several-machines suites start their instances. */
import { startTestApp, type TestApp } from './app.js';
import type { TestRedis } from './redis.js';

/** The environment of desks that share `redis` under a key prefix no other suite uses. */
export function clusterEnv(redis: TestRedis, extra: Record<string, string> = {}): Record<string, string> {
  return { REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix(), ...extra };
}

/**
 * One desk per entry of `each` (its own variables over `shared`), started in order on the first
 * one's database and one fresh Redis prefix.
 */
export async function startDesks(
  redis: TestRedis,
  each: Record<string, string>[],
  shared: Record<string, string> = {},
): Promise<TestApp[]> {
  const env = clusterEnv(redis, shared);
  const desks: TestApp[] = [];
  for (const own of each) {
    const db: Record<string, string> = desks[0] ? { DATABASE_URL: desks[0].config.DATABASE_URL } : {};
    desks.push(await startTestApp({ ...env, ...own, ...db }));
  }
  return desks;
}
