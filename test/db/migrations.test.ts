/**
 * Migrations, per dialect (this file runs in the sqlite and the postgresql project): they match
 * the entities exactly, every migration file is listed, and the audit trail stays append-only.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/db/entities/index.js';
import { createOrm, MIGRATIONS } from '../../server/db/orm.js';
import { freshDatabase, testDialect } from '../helpers/database.js';

const dialect = testDialect();

describe(`migrations on ${dialect}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'crewdesk-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('match the entities when applied: a migration made right after is empty', async () => {
    const orm = await createOrm((await freshDatabase(dir)).target);
    try {
      const out = mkdtempSync(join(dir, 'out-'));
      const result = await orm.getMigrator().createMigration(out);
      expect(result.diff.up, 'entities and migrations drifted: run npm run migration:create').toEqual([]);
      expect(result.fileName).toBe('');
      expect(readdirSync(out)).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });

  it('lists every migration file of the dialect in its index, and applies them all', async () => {
    const { path, list } = MIGRATIONS[dialect];
    const files = readdirSync(path)
      .filter((f) => /^Migration\d+.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(list.map((m) => m.name).sort()).toEqual(files);
    const orm = await createOrm((await freshDatabase(dir)).target);
    try {
      expect((await orm.getMigrator().getExecutedMigrations()).map((m) => m.name).sort()).toEqual(files);
      expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });

  it('migrates once when several instances start on one empty database together', async () => {
    const { target } = await freshDatabase(dir);
    // SQLite is one machine's file: the concurrency that matters is PostgreSQL's (an advisory lock).
    const orms = await Promise.all((dialect === 'postgresql' ? [1, 2, 3] : [1]).map(() => createOrm(target)));
    try {
      const conn = orms[0].em.fork().getConnection();
      const names = await conn.execute<{ name: string }[]>('select name from mikro_orm_migrations');
      expect(names.map((r) => r.name).sort()).toEqual(MIGRATIONS[dialect].list.map((m) => m.name).sort());
    } finally {
      for (const orm of orms) await orm.close(true);
    }
  });

  it('keeps audit events append-only: the database refuses updates and deletes', async () => {
    const orm = await createOrm((await freshDatabase(dir)).target);
    try {
      const em = orm.em.fork();
      em.create(AuditEvent, { at: new Date(), category: 'auth', type: 'login_failed', detail: { n: 1 } });
      await em.flush();
      const conn = em.getConnection();
      const [row] = await conn.execute<{ id: number }[]>('select id from audit_events');
      await expect(conn.execute(`update audit_events set type = 'x' where id = ${row.id}`)).rejects.toThrow(
        /append-only/,
      );
      await expect(conn.execute('delete from audit_events')).rejects.toThrow(/append-only/);
      expect(await orm.em.fork().count(AuditEvent, { type: 'login_failed' })).toBe(1);
    } finally {
      await orm.close(true);
    }
  });
});
