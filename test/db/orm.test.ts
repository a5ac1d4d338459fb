import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Customer, Invoice, Order } from '../../server/db/entities/index.js';
import { createOrm } from '../../server/db/orm.js';
import { seedDemoData } from '../../server/db/seed/seed.js';

describe('database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crewdesk-orm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens SQLite in WAL mode with a busy timeout and applies migrations once', async () => {
    const file = join(dir, 'db.sqlite');
    const orm = await createOrm(file);
    const conn = orm.em.fork().getConnection();
    expect((await conn.execute<{ journal_mode: string }[]>('pragma journal_mode'))[0].journal_mode).toBe('wal');
    expect(Object.values((await conn.execute<Record<string, number>[]>('pragma busy_timeout'))[0])[0]).toBe(5000);
    const applied = await conn.execute<{ name: string }[]>('select name from mikro_orm_migrations');
    expect(applied.length).toBeGreaterThan(0);
    await orm.close(true);
    const again = await createOrm(file);
    expect(await again.em.fork().getConnection().execute('select name from mikro_orm_migrations')).toHaveLength(
      applied.length,
    );
    await again.close(true);
  });

  it('seeds the demo company once', async () => {
    const orm = await createOrm(join(dir, 'seed.sqlite'));
    expect(await seedDemoData(orm.em.fork())).toBe(true);
    expect(await seedDemoData(orm.em.fork())).toBe(false);
    const em = orm.em.fork();
    expect(await em.count(Customer, {})).toBe(12);
    expect(await em.count(Invoice, {})).toBeGreaterThan(30);
    expect(await em.count(Order, {})).toBeGreaterThan(10);
    await orm.close(true);
  });

  it('refuses to use the global entity manager', async () => {
    const orm = await createOrm(join(dir, 'global.sqlite'));
    await expect(orm.em.find(Customer, {})).rejects.toThrow(/global/i);
    await orm.close(true);
  });
});
