/** Starts the real app on 127.0.0.1:0 with a temporary SQLite file, and talks to it over real sockets. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/sqlite';
import { type Client, createClient } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { type App, createApp, type RunningApp } from '../../server/app.js';
import { type Config, loadConfig } from '../../server/config.js';
import { createOrm } from '../../server/db/orm.js';
import { seedDemoData } from '../../server/db/seed/seed.js';
import { freshDatabase, testSqliteDriver } from './database.js';
import { testRedisEnv } from './redis-env.js';

/** The secret test apps sign and verify tokens with. */
export const TEST_JWT_SECRET = 'test-secret-for-crewdesk-tests-0123456789';

/** A token for a test identity (HS256 with the test secret). */
export function tokenFor(
  sub: string,
  role: 'customer' | 'operator' | 'admin' = 'customer',
  ttlSec = 3600,
  extra: Record<string, unknown> = {},
): string {
  return jwt.sign({ sub, role, exp: Math.floor(Date.now() / 1000) + ttlSec, ...extra }, TEST_JWT_SECRET, {
    algorithm: 'HS256',
  });
}

/**
 * Test shorthand: `x-customer-id`, `x-operator-id` and `x-admin-id` become a Bearer token for that
 * identity; with none of them (and no authorization header) the request is cust-ava's. Pass
 * `authorization: ''` to send no token at all.
 */
export function authHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const { 'x-customer-id': customer, 'x-operator-id': operator, 'x-admin-id': admin, ...rest } = headers;
  if ('authorization' in rest) {
    if (!rest.authorization) delete rest.authorization;
    return rest;
  }
  const token = admin
    ? tokenFor(admin, 'admin')
    : operator
      ? tokenFor(operator, 'operator')
      : tokenFor(customer ?? 'cust-ava', 'customer');
  return { ...rest, authorization: `Bearer ${token}` };
}

/** Test shorthand for WebSocket connectionParams: customerId / operatorId / adminId become a token. */
function authParams(params: Record<string, unknown> = {}): Record<string, unknown> {
  const { customerId, operatorId, adminId, ...rest } = params as Record<string, string | undefined>;
  if ('authorization' in rest || 'token' in rest) return rest;
  const token = adminId
    ? tokenFor(adminId, 'admin')
    : operatorId
      ? tokenFor(operatorId, 'operator')
      : tokenFor(customerId ?? 'cust-ava', 'customer');
  return { ...rest, authorization: `Bearer ${token}` };
}

/** A GraphQL response. */
export interface GqlResult<T = any> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** A test instance of the app. */
export interface TestApp {
  app: App;
  running: RunningApp;
  config: Config;
  dir: string;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T>>;
  ws(connectionParams?: Record<string, unknown>): Client;
  restart(env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

/** Builds a config for a temp folder (no .env, logs silent, fast streaming unless overridden). */
function testConfig(dir: string, env: Record<string, string> = {}): Config {
  return loadConfig(
    {
      DATABASE_URL: `sqlite:${join(dir, 'crewdesk.sqlite')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      STREAM_CHUNK_DELAY_MS: '0',
      // Suites count token deltas; joining them for a lagging subscriber depends on timing, so it
      // is off here and tested on its own (test/desk/case-event-log.test.ts).
      STREAM_COALESCE_AFTER_MS: '0',
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      SQLITE_DRIVER: testSqliteDriver(),
      ...env,
    },
    false,
  );
}

/** Starts an app; `env` overrides settings, `opts.webDir` serves a web app build from that folder. */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: Parameters<typeof createApp>[1] = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'crewdesk-test-'));
  // SQLite in dir, or a fresh PostgreSQL database in the postgresql project; `env` may still override it.
  // In the `redis` project, on Redis too.
  const base = { DATABASE_URL: (await freshDatabase(dir)).url, ...testRedisEnv(), ...env };
  let config = testConfig(dir, base);
  let app = createApp(config, opts);
  let running = await app.start();
  const clients: Client[] = [];
  const t: TestApp = {
    get app() {
      return app;
    },
    get running() {
      return running;
    },
    get config() {
      return config;
    },
    dir,
    async gql(query, variables, headers) {
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeaders(headers) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult;
    },
    ws(connectionParams) {
      const client = createClient({
        url: running.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: authParams(connectionParams),
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async restart(newEnv = {}) {
      await app.stop();
      config = testConfig(dir, { ...base, ...newEnv });
      app = createApp(config, opts);
      running = await app.start();
    },
    async stop() {
      for (const c of clients) await c.dispose();
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  } as TestApp;
  return t;
}

/** A migrated, seeded database in a temp folder, for unit tests of tools and services. */
export async function createTestDb(): Promise<{ orm: MikroORM; dir: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'crewdesk-db-'));
  const orm = await createOrm((await freshDatabase(dir)).target);
  await seedDemoData(orm.em.fork());
  return {
    orm,
    dir,
    async close() {
      await orm.close(true);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
