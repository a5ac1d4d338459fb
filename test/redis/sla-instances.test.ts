/**
 * The SLA scheduler with two instances: both hear of every case, and one at a time brings a case's
 * clock up to date (its case row is locked while it does), so neither fails on the other's clock.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSla } from '../../server/db/entities/index.js';
import type { TestApp } from '../helpers/app.js';
import { startDesks } from '../helpers/desks.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipRedis())('SLA clocks on two instances', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    redis = await startTestRedis();
    // Each instance's errors go to a file, to be read.
    const logs = mkdtempSync(join(tmpdir(), 'crewdesk-sla-logs-'));
    [a, b] = await startDesks(redis, [{ LOG_FILE: join(logs, 'a.log') }, { LOG_FILE: join(logs, 'b.log') }], {
      LOG_LEVEL: 'error',
    });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  it('starts each case’s clock once, with no failure on either instance', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await (i % 2 ? b : a).gql(SUBMIT, { input: { message: `My invoice ${i} looks wrong` } });
      expect(r.errors).toBeUndefined();
      ids.push(r.data.submitRequest.case.id);
    }
    const clocks = () => a.running.orm.em.fork().count(CaseSla, { caseId: { $in: ids } });
    for (let i = 0; i < 100 && (await clocks()) < ids.length; i++) await sleep(50);
    expect(await clocks()).toBe(ids.length);
    // The answers and their updates come through both schedulers too.
    await sleep(1500);
    const errors = [a, b].flatMap((t) => {
      const file = t.config.LOG_FILE ?? '';
      return existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => l.includes('SLA'))
        : [];
    });
    expect(errors).toEqual([]);
  });
});
