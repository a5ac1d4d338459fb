import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

const STATUS = '{ deskStatus { agents { agent handled errors avgTimeToFirstTokenMs avgTimeToAnswerMs } } }';
const OPERATOR = { 'x-operator-id': 'maria' };

describe('deskStatus agent figures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  const billing = async () =>
    (await t.gql(STATUS, {}, OPERATOR)).data.deskStatus.agents.find((a: { agent: string }) => a.agent === 'billing');

  it('keeps the handled count and timings across a restart (from the stored answers)', async () => {
    const latencies: number[] = [];
    for (const m of ['Why was I charged twice this month?', 'Can I get a copy of my last invoice?']) {
      const r = await t.gql('mutation($m: String!) { submitRequest(input: { message: $m }) { case { id } } }', { m });
      const caseId = r.data.submitRequest.case.id;
      await collectWs(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
      const c = await t.gql('query($id: ID!) { case(id: $id) { messages { authorKind latencyMs } } }', { id: caseId });
      latencies.push(...c.data.case.messages.filter((x: any) => x.authorKind === 'AGENT').map((x: any) => x.latencyMs));
    }
    const before = await billing();
    expect(before.handled).toBe(2);
    expect(before.avgTimeToAnswerMs).toEqual(expect.any(Number));
    await t.restart();
    const after = await billing();
    expect(after).toMatchObject({
      handled: 2,
      errors: 0,
      avgTimeToAnswerMs: expect.any(Number),
      avgTimeToFirstTokenMs: expect.any(Number),
    });
    // After a restart the average is the stored answers' own.
    expect(latencies).toHaveLength(2);
    expect(after.avgTimeToAnswerMs).toBe(Math.round((latencies[0] + latencies[1]) / 2));
  });
});
