/**
 * The hot path's statements on better-sqlite3 (SQLITE_DRIVER=better-sqlite3): a synchronous
 * driver, where a statement runs on the main thread in microseconds instead of a trip to
 * node-sqlite3's thread pool and back through the event loop for each. It opens a connection of
 * its own to the ORM's file (WAL; the ORM keeps node-sqlite3 for everything else).
 *
 * Writes (a transaction, or a statement outside one) hold the ORM's one pooled connection while
 * they run, as the node-sqlite3 runner's do, so they never interleave with the ORM's transactions
 * and never wait for SQLite's lock (a synchronous wait would stop the event loop). A read outside
 * a transaction runs at once, unless a transaction of this connection is open (another flow's,
 * between two of its statements): then it waits for that to end, so it never sees what is not
 * committed.
 *
 * Checkpoints (copying the WAL back into the database file, with an fsync) are not left to this
 * connection's commits, where SQLite runs them every thousand pages, synchronously: every
 * CHECKPOINT_EVERY_COMMITS commits a passive checkpoint runs on a node-sqlite3 connection of its
 * own, on that driver's thread pool, beside the writers (it blocks neither them nor readers).
 */
import { createRequire } from 'node:module';
import type { MikroORM } from '@mikro-orm/sqlite';
import type BetterSqlite3 from 'better-sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS, SQLITE_CONNECTION_PRAGMAS } from '../orm.js';
import { encoder, type KnexLike, MAX_STATEMENTS, type Sql, type SqlRow, type SqlRunner } from './sql-runner.js';

/** Commits between two checkpoints (a case commits three to five times; each writes a few pages). */
export const CHECKPOINT_EVERY_COMMITS = 100;

/** The driver's module, loaded when first chosen (a desk on node-sqlite3 never loads it). */
const load = (): typeof BetterSqlite3 => createRequire(import.meta.url)('better-sqlite3');

/** The runner for the ORM's SQLite file, on a better-sqlite3 connection of its own. */
export function createBetterSqlite3Runner(orm: MikroORM): SqlRunner {
  const file = String(orm.config.get('dbName'));
  if (file === ':memory:' || file === '') throw new Error('SQLITE_DRIVER=better-sqlite3 needs a database file');
  const knex = orm.em.getConnection().getKnex() as unknown as KnexLike;
  const enc = encoder('sqlite');
  const Database = load();
  // The busy timeout only ever waits for another process: this one never waits on its own lock.
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.exec(SQLITE_CONNECTION_PRAGMAS);
  db.pragma('wal_autocheckpoint = 0');
  const checkpoints = checkpointer(knex, file);

  /** Prepared statements, the oldest dropped past MAX_STATEMENTS. */
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string): BetterSqlite3.Statement => {
    let st = statements.get(sql);
    if (!st) {
      st = db.prepare(sql);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      statements.set(sql, st);
    }
    return st;
  };
  const all = <T extends SqlRow>(sql: string, params?: readonly unknown[]) =>
    statement(sql).all(params ? params.map(enc) : []) as T[];
  const run = (sql: string, params?: readonly unknown[]) => {
    statement(sql).run(params ? params.map(enc) : []);
  };

  /** Runs `fn` holding the ORM's pooled connection: no other write, on either connection, meanwhile. */
  const holding = async <T>(fn: () => T | Promise<T>): Promise<T> => {
    const conn = await knex.client.acquireConnection();
    try {
      return await fn();
    } finally {
      await knex.client.releaseConnection(conn);
    }
  };

  /** Statements of a flow that holds no transaction. */
  const outside: Sql = {
    dialect: 'sqlite',
    all: async (sql, params) => (db.inTransaction ? holding(() => all(sql, params)) : all(sql, params)),
    run: (sql, params) =>
      holding(() => {
        run(sql, params);
        checkpoints.committed();
      }),
  };
  /** Statements of the flow whose transaction is open. */
  const inside: Sql = {
    dialect: 'sqlite',
    all: async (sql, params) => all(sql, params),
    run: async (sql, params) => run(sql, params),
  };

  return {
    ...outside,
    session: (fn) => fn(outside),
    transaction: (fn) =>
      holding(async () => {
        db.exec('begin immediate');
        try {
          const result = await fn(inside);
          db.exec('commit');
          checkpoints.committed();
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('rollback');
          throw err;
        }
      }),
    async close() {
      statements.clear();
      await checkpoints.close();
      if (db.open) db.close();
    },
  };
}

/** node-sqlite3's Database, as far as the checkpointer uses it. */
interface Sqlite3Database {
  exec(sql: string, cb: (err: Error | null) => void): void;
  close(cb: (err: Error | null) => void): void;
}

/**
 * Passive checkpoints of `file` off the main thread, one at a time, on a node-sqlite3 connection
 * opened at the first (the ORM's knex holds the driver). After a failed one (its open or its exec)
 * the connection is dropped, and the next checkpoint opens it again: with the WAL's own
 * auto-checkpoint off, these are the only ones.
 */
export function checkpointer(knex: KnexLike, file: string) {
  const driver = (
    knex.client as unknown as {
      driver: { Database: new (file: string, cb: (err: Error | null) => void) => Sqlite3Database };
    }
  ).driver;
  let conn: Sqlite3Database | null = null;
  let commits = 0;
  let running: Promise<void> | null = null;
  /** The connection, or null when it could not be opened (node-sqlite3 then never answers its statements). */
  const open = () =>
    new Promise<Sqlite3Database | null>((resolve) => {
      const c = new driver.Database(file, (err) => resolve(err ? null : c));
    });
  const checkpoint = async () => {
    conn ??= await open();
    const c = conn;
    if (!c) return;
    const failed = await new Promise<boolean>((resolve) =>
      c.exec('PRAGMA wal_checkpoint(PASSIVE)', (err) => resolve(!!err)),
    );
    if (failed) {
      conn = null;
      c.close(() => undefined);
    }
  };
  return {
    /** Counts a commit; starts a checkpoint every CHECKPOINT_EVERY_COMMITS, unless one is running. */
    committed(): void {
      if (++commits < CHECKPOINT_EVERY_COMMITS || running !== null) return;
      commits = 0;
      running = checkpoint().finally(() => {
        running = null;
      });
    },
    /** Resolves once no checkpoint is running. */
    async settled(): Promise<void> {
      await running;
    },
    async close(): Promise<void> {
      await running;
      const c = conn;
      conn = null;
      if (c) await new Promise<void>((resolve) => c.close(() => resolve()));
    },
  };
}
