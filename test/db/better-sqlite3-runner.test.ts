import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../server/db/entities/index.js';
import {
  CHECKPOINT_EVERY_COMMITS,
  checkpointer,
  createBetterSqlite3Runner,
} from '../../server/db/sql/better-sqlite3-runner.js';
import { createSqlRunner, isUniqueViolation, type KnexLike, type SqlRunner } from '../../server/db/sql/sql-runner.js';
import { createTestDb } from '../helpers/app.js';

/** Whether `p` settles within `ms` (a statement that waits for a lock must not). */
const settlesWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

/** A promise and the function that resolves it. */
function gate(): { open: () => void; wait: Promise<void> } {
  let open!: () => void;
  const wait = new Promise<void>((r) => {
    open = r;
  });
  return { open, wait };
}

describe('the hot path on better-sqlite3 (SQLITE_DRIVER=better-sqlite3)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let runner: SqlRunner;
  let sqlite3: SqlRunner;
  beforeAll(async () => {
    db = await createTestDb();
    runner = createBetterSqlite3Runner(db.orm);
    sqlite3 = createSqlRunner(db.orm, 'sqlite');
    await runner.run('create table scratch (id text primary key, n integer, at integer, flag integer, doc text)');
  });
  afterAll(async () => {
    await runner.close();
    await sqlite3.close();
    await db.close();
  });

  it('lets a read outside a transaction see only what is committed: it waits for an open transaction', async () => {
    const g = gate();
    let inserted!: () => void;
    const didInsert = new Promise<void>((r) => {
      inserted = r;
    });
    const tx = runner.transaction(async (q) => {
      await q.run('insert into scratch (id, n) values (?, ?)', ['open', 1]);
      expect(await q.all('select n from scratch where id = ?', ['open'])).toEqual([{ n: 1 }]);
      inserted();
      await g.wait;
    });
    await didInsert;
    const read = runner.all('select n from scratch where id = ?', ['open']);
    expect(await settlesWithin(read, 50)).toBe(false);
    // Another connection, with no transaction of its own open, reads at once what is committed.
    const other = createBetterSqlite3Runner(db.orm);
    expect(await other.all('select n from scratch where id = ?', ['open'])).toEqual([]);
    await other.close();
    g.open();
    await tx;
    expect(await read).toEqual([{ n: 1 }]);
  });

  it('rolls back a transaction that throws, and a read that waited for it finds nothing', async () => {
    const g = gate();
    const tx = runner.transaction(async (q) => {
      await q.run('insert into scratch (id, n) values (?, ?)', ['undone', 2]);
      await g.wait;
      throw new Error('the step failed');
    });
    await new Promise((r) => setTimeout(r, 5));
    const read = runner.all('select n from scratch where id = ?', ['undone']);
    g.open();
    await expect(tx).rejects.toThrow('the step failed');
    expect(await read).toEqual([]);
    // The connection is usable again.
    await runner.transaction((q) => q.run('insert into scratch (id, n) values (?, ?)', ['after', 3]));
    expect(await runner.all('select n from scratch where id = ?', ['after'])).toEqual([{ n: 3 }]);
  });

  it('holds a write back while the ORM has a transaction open, and the ORM back while it writes', async () => {
    const g = gate();
    let begun!: () => void;
    const didBegin = new Promise<void>((r) => {
      begun = r;
    });
    const orm = db.orm.em.fork().transactional(async (em) => {
      await em
        .getConnection()
        .execute("insert into scratch (id, n) values ('orm', 4)", [], 'run', em.getTransactionContext());
      begun();
      await g.wait;
    });
    await didBegin;
    const write = runner.run('update scratch set n = n + 1 where id = ?', ['orm']);
    expect(await settlesWithin(write, 50)).toBe(false);
    g.open();
    await orm;
    await write;
    expect(await runner.all('select n from scratch where id = ?', ['orm'])).toEqual([{ n: 5 }]);

    const g2 = gate();
    let begun2!: () => void;
    const didBegin2 = new Promise<void>((r) => {
      begun2 = r;
    });
    const tx = runner.transaction(async (q) => {
      await q.run('update scratch set n = ? where id = ?', [6, 'orm']);
      begun2();
      await g2.wait;
    });
    await didBegin2;
    const ormWrite = db.orm.em.fork().nativeUpdate(Customer, { id: 'cust-ava' }, { name: 'Ava M.' });
    expect(await settlesWithin(ormWrite, 50)).toBe(false);
    g2.open();
    await tx;
    expect(await ormWrite).toBe(1);
  });

  it('stores values as the node-sqlite3 runner does and reads back the same rows', async () => {
    const at = new Date('2026-11-30T10:00:00.000Z');
    const doc = { tags: ['a', 'b'], nested: { ok: true } };
    await runner.run('insert into scratch (id, n, at, flag, doc) values (?, ?, ?, ?, ?)', ['b', 7, at, true, doc]);
    await sqlite3.run('insert into scratch (id, n, at, flag, doc) values (?, ?, ?, ?, ?)', ['s', 7, at, true, doc]);
    const [b] = await runner.all('select n, at, flag, doc from scratch where id = ?', ['b']);
    const [s] = await sqlite3.all('select n, at, flag, doc from scratch where id = ?', ['s']);
    expect(b).toEqual(s);
    expect(b).toEqual({ n: 7, at: at.getTime(), flag: 1, doc: JSON.stringify(doc) });
    expect(await runner.all('select id from scratch where id in (?, ?) order by id', ['b', 's'])).toEqual([
      { id: 'b' },
      { id: 's' },
    ]);
  });

  it('reports a duplicate key as a unique violation, as on node-sqlite3', async () => {
    const dup = runner.transaction((q) => q.run('insert into scratch (id, n) values (?, ?)', ['b', 8]));
    const err = await dup.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('disk I/O error'))).toBe(false);
  });

  it('copies the WAL back into the database file as it commits (checkpoints on a connection of their own)', async () => {
    const file = String(db.orm.config.get('dbName'));
    const before = statSync(file).size;
    const blob = 'x'.repeat(4000);
    for (let i = 0; i < 150; i++)
      await runner.transaction((q) => q.run('insert into scratch (id, doc) values (?, ?)', [`wal-${i}`, blob]));
    // The rows reach the database file itself only through a checkpoint.
    const deadline = Date.now() + 5000;
    while (statSync(file).size <= before + 100 * 4000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(statSync(file).size).toBeGreaterThan(before + 100 * 4000);
  });

  it('opens the checkpoint connection again after a failed checkpoint, so the WAL is still copied back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crewdesk-checkpoint-'));
    // The file's folder does not exist yet: the checkpoint connection's first open fails.
    const file = join(dir, 'later', 'desk.sqlite');
    // node-sqlite3 as the runner takes it: from the ORM's knex.
    const checkpoints = checkpointer(db.orm.em.getConnection().getKnex() as unknown as KnexLike, file);
    try {
      const every = async () => {
        for (let i = 0; i < CHECKPOINT_EVERY_COMMITS; i++) checkpoints.committed();
        await checkpoints.settled();
      };
      await every();
      mkdirSync(join(dir, 'later'));
      const writer = new Database(file);
      writer.pragma('journal_mode = WAL');
      writer.pragma('wal_autocheckpoint = 0');
      writer.exec('create table t (doc text)');
      const insert = writer.prepare('insert into t (doc) values (?)');
      for (let i = 0; i < 50; i++) insert.run('x'.repeat(4000));
      const before = statSync(file).size;
      await every();
      expect(statSync(file).size).toBeGreaterThan(before + 40 * 4000);
      writer.close();
    } finally {
      await checkpoints.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an in-memory database, which another connection could not open', async () => {
    const fake = { config: { get: () => ':memory:' } } as unknown as Parameters<typeof createBetterSqlite3Runner>[0];
    expect(() => createBetterSqlite3Runner(fake)).toThrow(/needs a database file/);
  });
});
