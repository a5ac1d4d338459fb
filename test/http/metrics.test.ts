import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { openAiDeskEnv, startOpenAiStub } from '../helpers/openai-stub.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) {
    submitRequest(input: $input) { case { id } }
  }
`;

/** Parses the Prometheus text format: every sample line as `name{labels}` -> value. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?) (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    samples.set(m[1], Number(m[2]));
  }
  return samples;
}

/** The sum of the samples of a metric whose labels include all of `labels`. */
function sum(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const [key, value] of samples) {
    if (key !== name && !key.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([k, v]) => key.includes(`${k}="${v}"`))) total += value;
  }
  return total;
}

describe('GET /metrics', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
    url = t.running.url.replace(/\/graphql$/, '/metrics');
  });
  afterAll(async () => {
    await t.stop();
  });

  const scrape = async (token = METRICS_TOKEN) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return parse(await res.text());
  };

  it('answers 401 without a valid token and 403 for a valid token that is not an admin', async () => {
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.json()).toEqual({ error: 'unauthorized' });
    for (const bad of ['junk', `${METRICS_TOKEN}x`, tokenFor('root', 'admin', -120)]) {
      expect((await fetch(url, { headers: { authorization: `Bearer ${bad}` } })).status, bad).toBe(401);
    }
    for (const role of ['customer', 'operator'] as const) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${tokenFor('someone', role)}` } });
      expect(res.status, role).toBe(403);
      expect(await res.json()).toEqual({ error: 'forbidden' });
    }
  });

  it('serves the text format to an admin and to the metrics token', async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${tokenFor('root', 'admin')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE crewdesk_cases gauge');
    const samples = parse(text);
    for (const name of [
      'crewdesk_queue_depth',
      'crewdesk_active_runs',
      'crewdesk_ws_connections',
      'crewdesk_ws_subscriptions',
      'nodejs_eventloop_lag_seconds',
      'process_cpu_seconds_total',
    ]) {
      expect(samples.has(name), name).toBe(true);
    }
    expect((await scrape()).size).toBeGreaterThan(10);
  });

  it('counts operations, cases, agent timings, provider calls and tokens after a submit is answered', async () => {
    const before = await scrape();
    const r = await t.gql(SUBMIT, { input: { message: 'Can I get a copy of invoice INV-2026-0136 please?' } });
    expect(r.errors).toBeUndefined();
    const caseId = r.data.submitRequest.case.id;
    await collectWs(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    await t.gql('query Nope { case(id: "no-such-case") { id } }', {}, { 'x-operator-id': 'maria' });
    // The agent's run is counted as the answer is stored; give it a moment.
    let after = await scrape();
    for (
      let i = 0;
      i < 20 && sum(after, 'crewdesk_agent_runs_total') === sum(before, 'crewdesk_agent_runs_total');
      i++
    ) {
      await new Promise((res) => setTimeout(res, 50));
      after = await scrape();
    }
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sum(after, name, labels) - sum(before, name, labels);

    expect(after.get('crewdesk_graphql_operations_total{operation="Submit",code="OK"}')).toBe(1);
    expect(after.get('crewdesk_graphql_operations_total{operation="Nope",code="NOT_FOUND"}')).toBe(1);
    expect(after.get('crewdesk_graphql_operation_duration_seconds_count{operation="Submit",code="OK"}')).toBe(1);
    expect(delta('crewdesk_cases')).toBe(1);
    expect(delta('crewdesk_cases', { route: 'billing' })).toBe(1);
    expect(delta('crewdesk_agent_runs_total', { agent: 'billing', outcome: 'ok' })).toBe(1);
    expect(delta('crewdesk_agent_time_to_first_token_seconds_count', { agent: 'billing' })).toBe(1);
    expect(delta('crewdesk_agent_time_to_answer_seconds_count', { agent: 'billing' })).toBe(1);
    expect(delta('crewdesk_agent_time_to_answer_seconds_sum', { agent: 'billing' })).toBeGreaterThan(0);
    expect(delta('crewdesk_provider_calls_total', { provider: 'embedded', kind: 'stream' })).toBeGreaterThan(0);
    expect(delta('crewdesk_provider_tokens_total', { provider: 'embedded', type: 'completion' })).toBeGreaterThan(0);
    expect(sum(after, 'crewdesk_provider_errors_total')).toBe(0);
  });

  it('counts WebSocket connections and the subscriptions on them while they are open', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'Hello, is anyone there?' } });
    const client = t.ws();
    const dispose = client.subscribe(
      { query: CASE_EVENTS, variables: { caseId: r.data.submitRequest.case.id, after: 0 } },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    let open = await scrape();
    for (let i = 0; i < 40 && !open.get('crewdesk_ws_subscriptions'); i++) {
      await new Promise((res) => setTimeout(res, 25));
      open = await scrape();
    }
    expect(open.get('crewdesk_ws_connections')).toBe(1);
    expect(open.get('crewdesk_ws_subscriptions')).toBe(1);
    dispose();
    await client.dispose();
    let closed = await scrape();
    for (let i = 0; i < 40 && closed.get('crewdesk_ws_connections'); i++) {
      await new Promise((res) => setTimeout(res, 25));
      closed = await scrape();
    }
    expect(closed.get('crewdesk_ws_connections')).toBe(0);
    expect(closed.get('crewdesk_ws_subscriptions')).toBe(0);
  });
});

describe('GET /metrics on the openai provider', () => {
  it('counts failed model calls by reason, and the embedded fallback that answered', async () => {
    const stub = await startOpenAiStub();
    const t = await startTestApp(openAiDeskEnv(stub, { OPENAI_MAX_RETRIES: '0' }));
    try {
      stub.onRequest(() => ({ kind: 'status', status: 500, retryAfterSeconds: 0 }));
      const r = await t.gql(SUBMIT, { input: { message: 'Where is my order BW-100214?' } });
      const caseId = r.data.submitRequest.case.id;
      await collectWs<{ __typename: string; message?: { status: string } }>(
        t.ws(),
        CASE_EVENTS,
        { caseId, after: 0 },
        (evs) => evs.some((e) => e.__typename === 'MessageCompleted' && e.message?.status === 'COMPLETE'),
      );
      const res = await fetch(t.running.url.replace(/\/graphql$/, '/metrics'), {
        headers: { authorization: `Bearer ${tokenFor('root', 'admin')}` },
      });
      const samples = parse(await res.text());
      const openai = { provider: 'openai', model: 'gpt-5-mini', kind: 'stream' };
      expect(sum(samples, 'crewdesk_provider_calls_total', openai)).toBeGreaterThan(0);
      expect(sum(samples, 'crewdesk_provider_errors_total', { ...openai, reason: 'server_error' })).toBeGreaterThan(0);
      expect(sum(samples, 'crewdesk_provider_calls_total', { provider: 'embedded' })).toBeGreaterThan(0);
      expect(sum(samples, 'crewdesk_provider_errors_total', { provider: 'embedded' })).toBe(0);
    } finally {
      await t.stop();
      await stub.close();
    }
  });
});
