/** Vitest global setup of the `redis` project: one Redis for the run (or TEST_REDIS_URL), stopped at the end. */
import type { TestProject } from 'vitest/node';
import { startTestRedis } from './redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the Redis the `redis` project's global setup started. */
    redisUrl: string;
  }
}

/** Starts Redis and hands its URL to the test files. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await startTestRedis();
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
