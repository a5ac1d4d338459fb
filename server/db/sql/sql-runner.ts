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
  /**
   * Runs `fn`'s statements (no transaction) on one connection taken once, where the pool would
   * otherwise be asked for each statement (SQLite); on PostgreSQL they may run in parallel.
   */
  session<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  /** Frees prepared statements (before the ORM closes its connections). */
  close(): Promise<void>;
}

interface Sqlite3Statement {
  all(params: unknown[], cb: (err: Error | null, rows: SqlRow[]) => void): void;
  run(params: unknown[], cb: (err: Error | null) => void): void;
  finalize(cb: () => void): void;
}

interface Sqlite3Conn {
  prepare(sql: string, cb: (err: Error | null) => void): Sqlite3Statement;
  exec(sql: string, cb: (err: Error | null) => void): void;
}

/** A statement being prepared or prepared on a connection. */
interface Prepared {
  st: Sqlite3Statement;
  /** Known to be prepared: calls go to the statement at once. */
  prepared: boolean;
  /** Settles when the preparation ends (rejects when it failed). */
  ready: Promise<void>;
}

/** Prepared statements kept per connection: the hot path runs the same few statements over and over. */
export const MAX_STATEMENTS = 200;

/** The ORM's knex, as far as the runners use it. */
export interface KnexLike {
  client: { acquireConnection(): Promise<unknown>; releaseConnection(conn: unknown): Promise<unknown> };
  raw(sql: string, params: readonly unknown[]): Promise<unknown>;
  transaction<T>(fn: (trx: KnexLike) => Promise<T>): Promise<T>;
}

/** A value as the dialect's columns hold it. */
export function encoder(dialect: Dialect): (v: unknown) => unknown {
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
  const prepared = new Map<Sqlite3Conn, Map<string, Prepared>>();
  /**
   * The statement for `sql` on `conn`, prepared once. node-sqlite3 drops the calls queued on a
   * statement whose preparation failed (their callbacks never run), so until it is known to be
   * prepared a call waits for that; a failed one rejects and is not kept.
   */
  const statement = (conn: Sqlite3Conn, sql: string): Prepared => {
    let cache = prepared.get(conn);
    if (!cache) {
      cache = new Map();
      prepared.set(conn, cache);
    }
    let entry = cache.get(sql);
    if (!entry) {
      if (cache.size >= MAX_STATEMENTS) {
        const [oldest, old] = cache.entries().next().value as [string, Prepared];
        cache.delete(oldest);
        void old.ready.then(
          () => old.st.finalize(() => undefined),
          () => undefined,
        );
      }
      const c = cache;
      let settle!: (err: Error | null) => void;
      const ready = new Promise<void>((resolve, reject) => {
        settle = (err) => (err ? reject(err) : resolve());
      });
      const made: Prepared = {
        prepared: false,
        ready,
        st: conn.prepare(sql, (err) => {
          if (err) c.delete(sql);
          else made.prepared = true;
          settle(err);
        }),
      };
      // A failure is reported to the callers waiting on it, not as an unhandled rejection.
      ready.catch(() => undefined);
      entry = made;
      cache.set(sql, entry);
    }
    return entry;
  };
  /** Runs `call` on the prepared statement: at once when it is known to be prepared. */
  const use = <T>(
    entry: Prepared,
    call: (st: Sqlite3Statement, done: (err: Error | null, v?: T) => void) => void,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const done = (err: Error | null, v?: T) => (err ? reject(err) : resolve(v as T));
      if (entry.prepared) call(entry.st, done);
      else entry.ready.then(() => call(entry.st, done), reject);
    });
  const on = (conn: Sqlite3Conn): Sql => ({
    dialect: 'sqlite',
    all: <T extends SqlRow>(sql: string, params?: readonly unknown[]) => {
      const values = enc(params);
      return use<T[]>(statement(conn, sql), (st, done) => st.all(values, (err, rows) => done(err, rows as T[])));
    },
    run: (sql, params) => {
      const values = enc(params);
      return use<void>(statement(conn, sql), (st, done) => st.run(values, (err) => done(err)));
    },
  });
  /**
   * Transaction control through `exec`: one trip to the driver's thread pool (`Database#run` would
   * prepare, run and finalize a statement: three trips, each a thread wake-up on the hot path).
   */
  const control = (conn: Sqlite3Conn, sql: string) =>
    new Promise<void>((resolve, reject) => conn.exec(sql, (err) => (err ? reject(err) : resolve())));
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
    session: withConn,
    transaction: async (fn) => {
      const conn = (await knex.client.acquireConnection()) as Sqlite3Conn;
      try {
        await control(conn, 'begin immediate');
        try {
          const result = await fn(on(conn));
          await control(conn, 'commit');
          return result;
        } catch (err) {
          await control(conn, 'rollback').catch(() => undefined);
          throw err;
        }
      } finally {
        await knex.client.releaseConnection(conn);
      }
    },
    async close() {
      const all = [...prepared.values()].flatMap((m) => [...m.values()]);
      prepared.clear();
      await Promise.all(
        all.map((p) =>
          p.ready.then(
            () => new Promise<void>((resolve) => p.st.finalize(() => resolve())),
            () => undefined,
          ),
        ),
      );
    },
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
  const pooled = on(knex);
  return {
    ...pooled,
    transaction: (fn) => knex.transaction((trx) => fn(on(trx))),
    session: (fn) => fn(pooled),
    close: async () => undefined,
  };
}

/** Whether a statement failed on a unique constraint (either dialect, raw or through the ORM). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string; name?: string } | null;
  if (!e) return false;
  if (e.name === 'UniqueConstraintViolationException' || e.code === '23505') return true;
  // node-sqlite3 says SQLITE_CONSTRAINT; better-sqlite3 the extended code (_UNIQUE, _PRIMARYKEY).
  return (e.code?.startsWith('SQLITE_CONSTRAINT') ?? false) && /UNIQUE constraint failed/.test(e.message ?? '');
}
