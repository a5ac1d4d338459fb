/** The desk's SQL runner for an open ORM: its dialect's, and on SQLite the driver chosen (SQLITE_DRIVER). */
import type { MikroORM } from '@mikro-orm/sqlite';
import type { SqliteDriver } from '../../config.js';
import { dialectOf } from '../orm.js';
import { createBetterSqlite3Runner } from './better-sqlite3-runner.js';
import { createSqlRunner, type SqlRunner } from './sql-runner.js';

/** Opens the runner; node-sqlite3 (the ORM's own connection) unless better-sqlite3 is asked for. */
export function openSqlRunner(orm: MikroORM, driver: SqliteDriver = 'sqlite3'): SqlRunner {
  const dialect = dialectOf(orm);
  return dialect === 'sqlite' && driver === 'better-sqlite3'
    ? createBetterSqlite3Runner(orm)
    : createSqlRunner(orm, dialect);
}
