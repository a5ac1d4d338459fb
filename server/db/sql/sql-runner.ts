/**
 * Plain SQL for the desk's hot path (a case's submit, routing and answer), where the ORM's unit of
 * work costs ten times the statements it runs. One interface on both dialects: on SQLite the
 * statements go straight to the sqlite3 connection the ORM's pool holds (taken from the pool for
 * the length of a transaction, so no other query can slip into it); on PostgreSQL through the
 * ORM's knex. Values are encoded as the ORM stores them: dates as epoch milliseconds and booleans
 * as 0/1 on SQLite, JSON columns as text on both.
 */
import type { MikroORM } from '@mikro-orm/sqlite';
import type { Dialect } from '../orm.js';

/** A row as the driver returns it. */
export type SqlRow = Record<string, unknown>;

/** Runs statements (`?` placeholders), inside a transaction or on their own. */
export interface Sql {
  readonly dialect: Dialect;
  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
}

/** Statements on their own, or a transaction of them. */
export interface SqlRunner extends Sql {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
}

interface Sqlite3Conn {
  all(sql: string, params: unknown[], cb: (err: Error | null, rows: SqlRow[]) => void): void;
  run(sql: string, params: unknown[], cb: (err: Error | null) => void): void;
}

interface KnexLike {
  client: { acquireConnection(): Promise<unknown>; releaseConnection(conn: unknown): Promise<unknown> };
  raw(sql: string, params: readonly unknown[]): Promise<unknown>;
  transaction<T>(fn: (trx: KnexLike) => Promise<T>): Promise<T>;
}

/** A value as the dialect's columns hold it. */
function encoder(dialect: Dialect): (v: unknown) => unknown {
  return (v) => {
    if (v === undefined) return null;
    if (v instanceof Date) return dialect === 'sqlite' ? v.getTime() : v;
    if (typeof v === 'boolean') return dialect === 'sqlite' ? (v ? 1 : 0) : v;
    if (v !== null && typeof v === 'object') return JSON.stringify(v);
    return v;
  };
}

/** The runner for the ORM's database. */
export function createSqlRunner(orm: MikroORM, dialect: Dialect): SqlRunner {
  const knex = orm.em.getConnection().getKnex() as unknown as KnexLike;
  const encode = encoder(dialect);
  const enc = (params: readonly unknown[] = []) => params.map(encode);
  return dialect === 'sqlite' ? sqliteRunner(knex, enc) : knexRunner(knex, enc, dialect);
}

function sqliteRunner(knex: KnexLike, enc: (p?: readonly unknown[]) => unknown[]): SqlRunner {
  const on = (conn: Sqlite3Conn): Sql => ({
    dialect: 'sqlite',
    all: <T extends SqlRow>(sql: string, params?: readonly unknown[]) =>
      new Promise<T[]>((resolve, reject) =>
        conn.all(sql, enc(params), (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
      ),
    run: (sql, params) =>
      new Promise<void>((resolve, reject) => conn.run(sql, enc(params), (err) => (err ? reject(err) : resolve()))),
  });
  const withConn = async <T>(fn: (q: Sql) => Promise<T>): Promise<T> => {
    const conn = (await knex.client.acquireConnection()) as Sqlite3Conn;
    try {
      return await fn(on(conn));
    } finally {
      await knex.client.releaseConnection(conn);
    }
  };
  return {
    dialect: 'sqlite',
    all: (sql, params) => withConn((q) => q.all(sql, params)),
    run: (sql, params) => withConn((q) => q.run(sql, params)),
    transaction: (fn) =>
      withConn(async (q) => {
        await q.run('begin immediate');
        try {
          const result = await fn(q);
          await q.run('commit');
          return result;
        } catch (err) {
          await q.run('rollback').catch(() => undefined);
          throw err;
        }
      }),
  };
}

function knexRunner(knex: KnexLike, enc: (p?: readonly unknown[]) => unknown[], dialect: Dialect): SqlRunner {
  const on = (k: KnexLike): Sql => ({
    dialect,
    all: async <T extends SqlRow>(sql: string, params?: readonly unknown[]) =>
      ((await k.raw(sql, enc(params))) as { rows: T[] }).rows,
    run: async (sql, params) => {
      await k.raw(sql, enc(params));
    },
  });
  return { ...on(knex), transaction: (fn) => knex.transaction((trx) => fn(on(trx))) };
}

/** Whether a statement failed on a unique constraint (either dialect, raw or through the ORM). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string; name?: string } | null;
  if (!e) return false;
  if (e.name === 'UniqueConstraintViolationException' || e.code === '23505') return true;
  return e.code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/.test(e.message ?? '');
}
