import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { postgresUnavailableReason } from './test/helpers/postgres.js';

const require = createRequire(import.meta.url);

/** The suites that also run on PostgreSQL (the `postgresql` project); everything runs on SQLite. */
const POSTGRESQL_SUITES = [
  'test/db/migrations.test.ts',
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

// Outside CI, a machine without PostgreSQL runs the SQLite suites only, and says so; in CI it must run.
const noPostgres = process.env.CI === 'true' ? null : postgresUnavailableReason();
if (noPostgres) console.warn(`\n  PostgreSQL suites skipped: ${noPostgres}\n`);

export default defineConfig({
  // One graphql instance, as Node itself resolves it (graphql 16 ships CJS and .mjs copies).
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(noPostgres
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'postgresql',
                include: POSTGRESQL_SUITES,
                env: { TEST_DB: 'postgresql' },
                globalSetup: ['test/helpers/postgres-setup.ts'],
              },
            },
          ]),
    ],
  },
});
