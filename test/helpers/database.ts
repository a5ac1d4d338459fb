/**
 * Which database a test run uses: SQLite (the default) or, in the `postgresql` vitest project,
 * the PostgreSQL its global setup started. Each call gets a fresh, empty database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { SqliteDriver } from '../../server/config.js';
import type { DbTarget, Dialect } from '../../server/db/orm.js';
import { startTestPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL of the PostgreSQL the `postgresql` project's global setup started. */
    postgresUrl: string;
  }
}

/** The dialect this test run uses (`TEST_DB`, set by the vitest project). */
export function testDialect(): Dialect {
  return process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
}

/** The driver of the desk's hot-path SQL on SQLite in this run (`TEST_SQLITE_DRIVER`, set by the vitest project). */
export function testSqliteDriver(): SqliteDriver {
  return process.env.TEST_SQLITE_DRIVER === 'better-sqlite3' ? 'better-sqlite3' : 'sqlite3';
}

/** A fresh database for a test: its DATABASE_URL value and ORM target (a file in `dir`, or a new PostgreSQL database). */
export async function freshDatabase(
  dir = mkdtempSync(join(tmpdir(), 'crewdesk-db-')),
): Promise<{ url: string; target: DbTarget }> {
  if (testDialect() === 'sqlite') {
    const path = join(dir, 'crewdesk.sqlite');
    return { url: `sqlite:${path}`, target: { dialect: 'sqlite', path } };
  }
  process.env.TEST_DATABASE_URL ||= inject('postgresUrl');
  const url = await (await startTestPostgres()).createDatabase();
  return { url, target: { dialect: 'postgresql', url } };
}
