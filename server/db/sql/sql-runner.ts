/**
 * Plain SQL for the desk's hot path (a case's submit, routing and answer), where the ORM's unit of
 * work costs ten times the statements it runs. One interface on both dialects: on SQLite the
 * statements go straight to the sqlite3 connection the ORM's pool holds (taken from the pool for
 * the length of a transaction, so no other query can slip into it); on PostgreSQL through the
 * ORM's knex. Values are encoded as the ORM stores them: dates as epoch milliseconds and booleans
 * as 0/1 on SQLite, JSON columns as text on both.
 */
import type { MikroORM } from '@mikro-orm/sqlite';
import sqlite3 from 'sqlite3';
import type { Dialect } from '../orm.js';

/** A row as the driver returns it. */
export type SqlRow = Record<string, unknown>;

/**
 * Runs statements (`?` placeholders), inside a transaction or on their own. Statements started
 * together (not awaited one by one) may run in any order, on SQLite as on PostgreSQL: start
 * together only what does not depend on each other's effects. Inside a transaction, foreign keys
 * are checked at commit (SQLite) or statements run in the order started (PostgreSQL), so rows
 * that refer to each other may be written together.
 */
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
   * Runs `fn`'s reads (no transaction, no writes) on one connection taken once, where the pool
   * would otherwise be asked for each statement (SQLite); on PostgreSQL they may run in parallel.
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

/**
 * A second connection to the SQLite file for reads outside a transaction: in WAL mode a reader
 * sees every commit made before its statement starts and never waits for the writer, so a read
 * is not queued behind another case's transaction on the ORM's one connection. Opened on first
 * use; none for an in-memory database (a second connection would see another database).
 */
function readerOf(path: string | undefined): { get(): Promise<Sqlite3Conn> | null; close(): Promise<void> } {
  if (!path || path === ':memory:' || path.startsWith('file::memory:'))
    return { get: () => null, close: async () => {} };
  let opened: Promise<sqlite3.Database> | null = null;
  return {
    get() {
      opened ??= new Promise<sqlite3.Database>((resolve, reject) => {
        const db = new sqlite3.Database(path, (err) => {
          if (err) return reject(err);
          db.configure('busyTimeout', 5000);
          // Reads only: a write by mistake fails instead of racing the writer's transactions.
          db.exec('PRAGMA query_only = 1', (e) => (e ? reject(e) : resolve(db)));
        });
      });
      // A failed open is tried again on the next read.
      opened.catch(() => {
        opened = null;
      });
      return opened as Promise<Sqlite3Conn>;
    },
    async close() {
      const db = await opened?.catch(() => null);
      opened = null;
      if (db) await new Promise<void>((resolve) => db.close(() => resolve()));
    },
  };
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
const MAX_STATEMENTS = 200;

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
  return dialect === 'sqlite'
    ? sqliteRunner(knex, enc, readerOf(orm.config.get('dbName') as string | undefined))
    : knexRunner(knex, enc, dialect);
}

function sqliteRunner(
  knex: KnexLike,
  enc: (p?: readonly unknown[]) => unknown[],
  reader: ReturnType<typeof readerOf>,
): SqlRunner {
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
  /** Reads on the reader connection (the writer's when there is none). */
  const reading = async <T>(fn: (q: Sql) => Promise<T>): Promise<T> => {
    const conn = reader.get();
    if (conn === null) return withConn(fn);
    return fn(on(await conn));
  };
  return {
    dialect: 'sqlite',
    all: (sql, params) => reading((q) => q.all(sql, params)),
    run: (sql, params) => withConn((q) => q.run(sql, params)),
    session: reading,
    transaction: async (fn) => {
      const conn = (await knex.client.acquireConnection()) as Sqlite3Conn;
      try {
        // Foreign keys checked at commit: the statements of one step may then run in any order
        // (node-sqlite3 gives no order between statements in flight on one connection).
        await control(conn, 'begin immediate; pragma defer_foreign_keys = on');
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
      await finalizeAll();
      await reader.close();
    },
  };
  /** Frees every prepared statement, on both connections. */
  async function finalizeAll(): Promise<void> {
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
  }
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
  /**
   * A transaction's statements one after another in the order started: its one connection takes
   * one query at a time (the pg client warns of queries queued on it while another runs).
   */
  const inOrder = (trx: KnexLike): Sql => {
    const q = on(trx);
    let tail: Promise<unknown> = Promise.resolve();
    const next = <T>(start: () => Promise<T>): Promise<T> => {
      const p = tail.then(start, start);
      tail = p.catch(() => undefined);
      return p;
    };
    return {
      dialect,
      all: (sql, params) => next(() => q.all(sql, params)),
      run: (sql, params) => next(() => q.run(sql, params)),
    };
  };
  const pooled = on(knex);
  return {
    ...pooled,
    transaction: (fn) => knex.transaction((trx) => fn(inOrder(trx))),
    session: (fn) => fn(pooled),
    close: async () => undefined,
  };
}

/** Whether a statement failed on a unique constraint (either dialect, raw or through the ORM). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string; name?: string } | null;
  if (!e) return false;
  if (e.name === 'UniqueConstraintViolationException' || e.code === '23505') return true;
  return e.code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/.test(e.message ?? '');
}

/**
 * Waits for every statement started together and then fails with the first failure, if any: a
 * transaction is rolled back only once none of its statements is still running.
 */
export async function settledAll(pending: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(pending);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
