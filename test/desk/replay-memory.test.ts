import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;

/** SQL statements the app runs while `fn` runs. */
async function statements(t: TestApp, fn: () => Promise<unknown>): Promise<string[]> {
  const knex = (t.running.orm.em.getConnection() as unknown as { getKnex(): any }).getKnex();
  const seen: string[] = [];
  const on = (q: { sql: string }) => seen.push(q.sql);
  knex.on('query', on);
  try {
    await fn();
  } finally {
    knex.off('query', on);
  }
  return seen;
}

describe('case event replay', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('replays a case answered by this process from memory, deltas included, without reading case_events', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'Can you list my invoices please?' } });
    const caseId = r.data.submitRequest.case.id;
    await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    // A subscriber that attaches just after the answer completed still sees it arrive.
    let late: any[] = [];
    const sql = await statements(t, async () => {
      late = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    });
    expect(sql.filter((s) => /case_events/.test(s))).toEqual([]);
    const tokens = late.filter((e) => e.__typename === 'TokenDelta');
    const done = late.find((e) => e.__typename === 'MessageCompleted');
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.map((e) => e.text).join('')).toBe(done.message.content);
    const seqs = late.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('reads stored events after a restart, when memory holds none of them', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'Where is my order BW-100214?' } });
    const caseId = r.data.submitRequest.case.id;
    const first = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    await t.restart();
    const again = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    const durable = (es: any[]) => es.filter((e) => e.__typename !== 'TokenDelta').map((e) => [e.seq, e.__typename]);
    expect(durable(again)).toEqual(durable(first));
    expect(again.some((e) => e.__typename === 'TokenDelta')).toBe(false);
  });
});
