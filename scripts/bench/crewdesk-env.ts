/** The settings the bench runs crewdesk with: production mode, limits out of the bench's way. */
import { join } from 'node:path';
import type { BenchOptions } from './options.js';

/** The JWT secret the bench's servers verify with (and the bench signs staff tokens with). */
export const BENCH_SECRET = 'bench-secret-0123456789-0123456789-0123456789';

/** crewdesk's settings on a SQLite file in `dir` (`extra` may point DATABASE_URL elsewhere). */
export function crewdeskEnv(
  dir: string,
  opts: BenchOptions,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: `sqlite:${join(dir, 'crewdesk.sqlite')}`,
    LOG_LEVEL: 'info',
    JWT_SECRET: BENCH_SECRET,
    RATE_LIMIT_PER_MINUTE: '1000000',
    GUEST_SESSIONS_PER_MINUTE: '100000',
    WS_MAX_CONNECTIONS_PER_IDENTITY: '10000',
    WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '10000',
    WORKER_CONCURRENCY: String(opts.workerConcurrency),
    STREAM_CHUNK_DELAY_MS: '0',
    SHUTDOWN_TIMEOUT_MS: '2000',
    ...extra,
  };
}
