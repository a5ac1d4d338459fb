/** GET /health and GET /ready, on the dialect of the run (sqlite or postgresql project). */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { testDialect } from '../helpers/database.js';

const origin = (t: TestApp) => new URL(t.running.url).origin;

describe(`health and readiness on ${testDialect()}`, () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('answers /health and /ready with 200 JSON when the database and migrations are fine', async () => {
    t = await startTestApp();
    const health = await fetch(`${origin(t)}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${origin(t)}/ready`);
    expect(ready.status).toBe(200);
    const body = await ready.json();
    expect(body).toMatchObject({ status: 'ready', failed: [] });
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.migrations.ok).toBe(true);
  });

  it('answers /ready 503 naming the migrations when one is not applied', async () => {
    t = await startTestApp();
    const conn = t.running.orm.em.fork().getConnection();
    const [last] = await conn.execute<{ name: string }[]>(
      'select name from mikro_orm_migrations order by id desc limit 1',
    );
    await conn.execute('delete from mikro_orm_migrations where name = ?', [last.name]);
    const ready = await fetch(`${origin(t)}/ready`);
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body.status).toBe('unavailable');
    expect(body.failed).toEqual(['migrations']);
    expect(body.checks.migrations.error).toContain(last.name);
    expect(body.checks.database.ok).toBe(true);
    expect((await fetch(`${origin(t)}/health`)).status).toBe(200);
  });

  it('answers /ready 503 naming the database when it cannot be reached', async () => {
    t = await startTestApp();
    await t.running.orm.close(true);
    const ready = await fetch(`${origin(t)}/ready`);
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body.failed).toContain('database');
    expect(body.checks.database.ok).toBe(false);
    expect(typeof body.checks.database.error).toBe('string');
    expect((await fetch(`${origin(t)}/health`)).status).toBe(200);
  });
});
