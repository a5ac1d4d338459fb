import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';
import { postgresUnavailableReason } from './test/helpers/postgres.js';
import { redisUnavailableReason } from './test/helpers/redis.js';

const require = createRequire(import.meta.url);

/**
 * The suites that also run on PostgreSQL; everything runs on SQLite. Each runs on PostgreSQL once:
 * those of REDIS_SUITES in the `redis` project (PostgreSQL + Redis), the others in the `postgresql`
 * project (all of them there when the `redis` project cannot run).
 */
const POSTGRESQL_SUITES = [
  'test/db/migrations.test.ts',
  'test/db/case-rows.test.ts',
  // The customer records' plain-SQL reads decode each dialect's column values.
  'test/db/customer-data.test.ts',
  'test/http/health.test.ts',
  'test/desk/submit-stream.test.ts',
  'test/desk/case-lifecycle.test.ts',
  'test/desk/resume-restart.test.ts',
  'test/desk/turn-store.test.ts',
  'test/providers/openai-desk.test.ts',
  'test/security/audit-logs.test.ts',
  'test/desk/case-search.test.ts',
  'test/desk/actions.test.ts',
  'test/desk/take-over.test.ts',
  // The webhook outbox's insert-or-ignore and the SLA sweep's join are SQL of each dialect.
  'test/desk/webhooks.test.ts',
  'test/desk/sla.test.ts',
];

/** Main suites that also run on PostgreSQL + Redis (the `redis` project), beside test/redis; a suite here need not be in POSTGRESQL_SUITES. */
const REDIS_SUITES = [
  'test/desk/submit-stream.test.ts',
  'test/desk/case-lifecycle.test.ts',
  'test/desk/take-over.test.ts',
  'test/desk/follow-ups.test.ts',
  'test/desk/resume-restart.test.ts',
  'test/security/limits.test.ts',
  'test/http/health.test.ts',
];

/**
 * Suites that also run with the hot path's SQL on better-sqlite3 (SQLITE_DRIVER=better-sqlite3,
 * the `better-sqlite3` project): storing, streaming, resuming, follow-ups, take-over and limits.
 */
const BETTER_SQLITE3_SUITES = [
  'test/db/case-rows.test.ts',
  'test/db/customer-data.test.ts',
  'test/desk/submit-stream.test.ts',
  'test/desk/case-lifecycle.test.ts',
  'test/desk/resume-restart.test.ts',
  'test/desk/follow-ups.test.ts',
  'test/desk/take-over.test.ts',
  'test/desk/actions.test.ts',
  'test/desk/webhooks.test.ts',
  'test/desk/sla.test.ts',
  'test/providers/openai-desk.test.ts',
  'test/security/limits.test.ts',
];

// Outside CI, a machine without PostgreSQL runs the SQLite suites only, and says so; in CI it must run.
const noPostgres = process.env.CI === 'true' ? null : postgresUnavailableReason();
if (noPostgres) console.warn(`\n  PostgreSQL suites skipped: ${noPostgres}\n`);
// Several instances need a database they can share (PostgreSQL) and Redis; outside CI, skipped with the reason.
const noRedis = process.env.CI === 'true' ? null : (noPostgres ?? redisUnavailableReason());
if (noRedis) console.warn(`\n  Redis suites (test/redis) skipped: ${noRedis}\n`);

export default defineConfig({
  // One graphql instance, as Node itself resolves it (graphql 16 ships CJS and .mjs copies).
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/redis/**'] },
      },
      {
        extends: true,
        test: { name: 'better-sqlite3', include: BETTER_SQLITE3_SUITES, env: { TEST_SQLITE_DRIVER: 'better-sqlite3' } },
      },
      ...(noRedis
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'redis',
                include: ['test/redis/**/*.test.ts', ...REDIS_SUITES],
                env: { TEST_DB: 'postgresql', TEST_REDIS: '1' },
                globalSetup: ['test/helpers/postgres-setup.ts', 'test/helpers/redis-setup.ts'],
              },
            },
          ]),
      ...(noPostgres
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'postgresql',
                // What the `redis` project runs on PostgreSQL already is not run again.
                include: noRedis
                  ? [...new Set([...POSTGRESQL_SUITES, ...REDIS_SUITES])]
                  : POSTGRESQL_SUITES.filter((f) => !REDIS_SUITES.includes(f)),
                env: { TEST_DB: 'postgresql' },
                globalSetup: ['test/helpers/postgres-setup.ts'],
              },
            },
          ]),
    ],
  },
});
