import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectSse, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) {
    submitRequest(input: $input) { duplicate case { id status priority emergency route } message { id content authorKind } }
  }
`;

describe('submitRequest and caseEvents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ STREAM_CHUNK_DELAY_MS: '2' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('routes, streams token by token and completes over graphql-ws', async () => {
    const r = await t.gql(SUBMIT, {
      input: { message: 'Where is my order BW-100214? It was supposed to arrive this week.' },
    });
    expect(r.errors).toBeUndefined();
    const caseId = r.data.submitRequest.case.id;
    expect(r.data.submitRequest.message.content).toContain('BW-100214');
    const events = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    const types = events.map((e) => e.__typename);
    expect(types.slice(0, 2)).toEqual(['CaseOpened', 'MessageAdded']);
    const routed = events.find((e) => e.__typename === 'CaseRouted');
    expect(routed).toMatchObject({ route: 'GENERAL', intent: 'order_status', method: 'CLASSIFIER' });
    expect(routed.scores).toHaveLength(4);
    // The agents may start while the routing commits, but nothing of theirs comes before it.
    const first = (t: string) => types.indexOf(t);
    expect(first('CaseRouted')).toBeLessThan(first('AgentStarted'));
    expect(first('AgentStarted')).toBeLessThan(first('ToolCalled'));
    expect(first('AgentStarted')).toBeLessThan(first('TokenDelta'));
    const tool = events.find((e) => e.__typename === 'ToolCalled' && e.tool === 'get_order_status');
    expect(tool.ok).toBe(true);
    const tokens = events.filter((e) => e.__typename === 'TokenDelta');
    expect(tokens.length).toBeGreaterThan(10);
    const done = events.find((e) => e.__typename === 'MessageCompleted');
    expect(tokens.map((e) => e.text).join('')).toBe(done.message.content);
    expect(done.message.content).toContain('BW-100214');
    expect(done.message.content).toMatch(/UPS/);
    // Sequence numbers strictly increase.
    const seqs = events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('streams the same events over SSE', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'Can I get a copy of invoice INV-2026-0136 please?' } });
    const caseId = r.data.submitRequest.case.id;
    const events = await collectSse<any>(t.running.url, CASE_EVENTS, { caseId, after: 0 }, answered);
    expect(events.find((e) => e.__typename === 'CaseRouted')).toMatchObject({ route: 'BILLING', intent: 'invoice' });
    const done = events.find((e) => e.__typename === 'MessageCompleted');
    expect(done.message.content).toContain('INV-2026-0136');
    expect(done.message.citations.length).toBeGreaterThan(0);
  });
});
