import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig, ROOT_DIR } from '../../server/config.js';

describe('config', () => {
  it('has defaults that need no environment at all', () => {
    const c = loadConfig({}, false);
    expect(c.PORT).toBe(4000);
    expect(c.databasePath).toBe(resolve(ROOT_DIR, 'data/crewdesk.sqlite'));
    expect(c.graphiql).toBe(true);
  });

  it('takes a SQLite file by default and PostgreSQL from a postgres:// DATABASE_URL', () => {
    expect(loadConfig({}, false).database).toEqual({
      dialect: 'sqlite',
      path: resolve(ROOT_DIR, 'data/crewdesk.sqlite'),
    });
    for (const url of ['postgres://desk:pw@db:5432/crewdesk', 'postgresql://desk@127.0.0.1/crewdesk?sslmode=require'])
      expect(loadConfig({ DATABASE_URL: url }, false).database).toEqual({ dialect: 'postgresql', url });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db:5432' }, false)).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/crewdesk' }, false)).toThrow(/DATABASE_URL/);
  });

  it('runs the hot path on node-sqlite3 unless better-sqlite3 is chosen, and that only on a file', () => {
    expect(loadConfig({}, false).SQLITE_DRIVER).toBe('sqlite3');
    expect(loadConfig({ SQLITE_DRIVER: 'better-sqlite3' }, false).SQLITE_DRIVER).toBe('better-sqlite3');
    expect(() => loadConfig({ SQLITE_DRIVER: 'sqlite' }, false)).toThrow(/SQLITE_DRIVER/);
    expect(() => loadConfig({ SQLITE_DRIVER: 'better-sqlite3', DATABASE_URL: 'sqlite::memory:' }, false)).toThrow(
      /SQLITE_DRIVER: .*needs a database file/,
    );
  });

  it('rejects a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, false)).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' }, false)).toThrow(/PORT/);
    expect(() => loadConfig({ LOW_CONFIDENCE_ROUTE: 'nobody' }, false)).toThrow(/LOW_CONFIDENCE_ROUTE/);
  });

  it('parses JSON settings and names them when they are malformed', () => {
    expect(loadConfig({ RATE_LIMITS: '{"submitRequest":5}' }, false).RATE_LIMITS).toEqual({ submitRequest: 5 });
    expect(loadConfig({}, false).RATE_LIMITS).toEqual({});
    expect(() => loadConfig({ RATE_LIMITS: '{"submitRequest":-1}' }, false)).toThrow(/RATE_LIMITS/);
    expect(() => loadConfig({ PRICE_TABLE: 'not json' }, false)).toThrow(/PRICE_TABLE/);
  });

  it('chooses the worker concurrency per provider unless WORKER_CONCURRENCY is set', () => {
    expect(loadConfig({}, false).workerConcurrency).toBe(16);
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test' }, false).workerConcurrency).toBe(128);
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test', WORKER_CONCURRENCY: '7' }, false).workerConcurrency).toBe(7);
    expect(() => loadConfig({ WORKER_CONCURRENCY: '0' }, false)).toThrow(/WORKER_CONCURRENCY/);
  });

  it('turns GraphiQL off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, false).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true' }, false).graphiql).toBe(true);
  });

  it('seeds the demo company by default except in production, where only SEED_DEMO_DATA turns it on', () => {
    expect(loadConfig({}, false).SEED_DEMO_DATA).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }, false).SEED_DEMO_DATA).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }, false).SEED_DEMO_DATA).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' }, false).SEED_DEMO_DATA).toBe(true);
    expect(loadConfig({ SEED_DEMO_DATA: 'false' }, false).SEED_DEMO_DATA).toBe(false);
  });

  it('gives production defaults when .env.example is copied as it is into a production environment', () => {
    const example = readFileSync(resolve(ROOT_DIR, '.env.example'), 'utf8');
    const values = Object.fromEntries([...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    const c = loadConfig({ ...values, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, false);
    expect(c.graphiql).toBe(false);
    expect(c.introspection).toBe(false);
    expect(c.SEED_DEMO_DATA).toBe(false);
    expect(c.TRUST_PROXY).toBe(false);
  });

  it('documents every variable in .env.example and in the README table', () => {
    const keys = Object.keys(configSchema.shape).sort();
    const example = [...readFileSync(resolve(ROOT_DIR, '.env.example'), 'utf8').matchAll(/^([A-Z_]+)=/gm)]
      .map((m) => m[1])
      .sort();
    expect(example).toEqual(keys);
    const readme = readFileSync(resolve(ROOT_DIR, 'README.md'), 'utf8');
    for (const k of keys) expect(readme).toContain(`| \`${k}\` |`);
  });
});
