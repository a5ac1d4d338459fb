import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from '../../server/tracing.js';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = `mutation Submit($message: String!) {
  submitRequest(input: { message: $message }) { case { id } }
}`;

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN = '00f067aa0ba902b7';
const REST_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

describe('tracing', () => {
  let t: TestApp;
  const exporter = new InMemorySpanExporter();
  beforeAll(async () => {
    t = await startTestApp({}, { traceExporter: exporter });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function submit(message: string, headers: Record<string, string>): Promise<string> {
    const res = await fetch(t.running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('cust-ava')}`, ...headers },
      body: JSON.stringify({ query: SUBMIT, variables: { message } }),
    });
    const body = (await res.json()) as { data: { submitRequest: { case: { id: string } } } };
    return body.data.submitRequest.case.id;
  }

  /** The finished spans of one case's trace, once its answer is stored. */
  async function traceOf(caseId: string): Promise<ReadableSpan[]> {
    const until = Date.now() + 15_000;
    for (;;) {
      const spans = exporter.getFinishedSpans();
      const turn = spans.find((s) => s.name === 'case.turn' && s.attributes['crewdesk.case_id'] === caseId);
      if (
        turn &&
        spans.some((s) => s.name === 'case.message_completed' && s.spanContext().traceId === turn.spanContext().traceId)
      ) {
        return spans.filter((s) => s.spanContext().traceId === turn.spanContext().traceId);
      }
      if (Date.now() > until) throw new Error(`no finished turn for ${caseId} in ${spans.length} spans`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const one = (spans: ReadableSpan[], name: string) => {
    const found = spans.filter((s) => s.name === name);
    expect(found, name).toHaveLength(1);
    return found[0];
  };
  const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
  const idOf = (s: ReadableSpan) => s.spanContext().spanId;

  it('makes the case turn one trace under the caller’s traceparent: submit, route, agent run, tools, provider calls, message completed', async () => {
    const caseId = await submit('I want a refund of my last payment please, it was charged twice', {
      traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01`,
      'x-request-id': 'req-trace-0001',
    });
    const spans = await traceOf(caseId);
    const submitSpan = one(spans, 'case.submit');
    expect(submitSpan.spanContext().traceId).toBe(TRACE_ID);
    expect(parentOf(submitSpan)).toBe(PARENT_SPAN);
    expect(submitSpan.attributes).toMatchObject({
      'crewdesk.request_id': 'req-trace-0001',
      'crewdesk.case_id': caseId,
    });

    const turn = one(spans, 'case.turn');
    expect(parentOf(turn)).toBe(idOf(submitSpan));
    expect(turn.attributes).toMatchObject({ 'crewdesk.request_id': 'req-trace-0001', 'crewdesk.case_id': caseId });

    const route = one(spans, 'case.route');
    expect(parentOf(route)).toBe(idOf(turn));
    expect(route.attributes['crewdesk.route']).toBe('billing');
    const run = one(spans, 'agent.run');
    expect(parentOf(run)).toBe(idOf(turn));
    expect(run.attributes).toMatchObject({ 'crewdesk.agent': 'billing', 'crewdesk.case_id': caseId });
    const completed = one(spans, 'case.message_completed');
    expect(parentOf(completed)).toBe(idOf(turn));

    const calls = spans.filter((s) => s.name === 'provider.call');
    const tools = spans.filter((s) => s.name === 'tool.call');
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(tools.length).toBeGreaterThanOrEqual(1);
    for (const s of [...calls, ...tools]) expect(parentOf(s), s.name).toBe(idOf(run));
    expect(calls[0].attributes).toMatchObject({ 'gen_ai.system': 'embedded', 'crewdesk.agent': 'billing' });
    expect(tools.map((s) => s.attributes['crewdesk.tool'])).toEqual(expect.arrayContaining([expect.any(String)]));
    // In order: submitted, routed, answered, stored.
    const start = (s: ReadableSpan) => s.startTime[0] * 1e9 + s.startTime[1];
    expect(start(turn)).toBeGreaterThanOrEqual(start(submitSpan));
    expect(start(run)).toBeGreaterThanOrEqual(start(route));
    expect(start(completed)).toBeGreaterThanOrEqual(start(run));
    expect(spans.every((s) => s.ended)).toBe(true);
  });

  it('continues the traceparent of a REST request too', async () => {
    const res = await fetch(`${t.running.url.replace(/\/graphql$/, '')}/support/request?wait=0`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokenFor('cust-ava')}`,
        traceparent: `00-${REST_TRACE_ID}-${PARENT_SPAN}-01`,
      },
      body: JSON.stringify({ message: 'Where is my order? It has not arrived yet' }),
    });
    expect(res.status).toBe(202);
    const { case_id: caseId } = (await res.json()) as { case_id: string };
    const submitSpan = one(await traceOf(caseId), 'case.submit');
    expect(submitSpan.spanContext().traceId).toBe(REST_TRACE_ID);
    expect(parentOf(submitSpan)).toBe(PARENT_SPAN);
  });

  it('starts a new trace for a request without traceparent', async () => {
    const caseId = await submit('My wifi drops every evening, what can I do?', {});
    const spans = await traceOf(caseId);
    const submitSpan = one(spans, 'case.submit');
    expect(parentOf(submitSpan)).toBeUndefined();
    expect(submitSpan.spanContext().traceId).not.toBe(TRACE_ID);
    expect(parentOf(one(spans, 'case.turn'))).toBe(idOf(submitSpan));
    expect(submitSpan.attributes['crewdesk.request_id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('OTLP export', () => {
  it('sends the case turn’s spans to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces', async () => {
    const bodies: { path: string; type: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        bodies.push({ path: req.url ?? '', type: String(req.headers['content-type']), body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', () => r()));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const app = await startTestApp({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    try {
      const r = await app.gql('mutation($m: String!) { submitRequest(input: { message: $m }) { case { id } } }', {
        m: 'Where is my order? It has not arrived yet',
      });
      const caseId = r.data.submitRequest.case.id as string;
      await collectWs(app.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    } finally {
      // Stopping flushes the batch.
      await app.stop();
      await new Promise((r) => collector.close(r));
    }
    const sent = bodies.filter((b) => b.path === '/v1/traces');
    expect(sent.length).toBeGreaterThan(0);
    const all = sent.map((b) => b.body).join('\n');
    for (const name of [
      'case.submit',
      'case.turn',
      'case.route',
      'agent.run',
      'provider.call',
      'case.message_completed',
    ])
      expect(all).toContain(`"${name}"`);
    expect(all).toContain('crewdesk.case_id');
    expect(sent[0].type).toContain('application/json');
  });
});

describe('startTracing', () => {
  it('loads no SDK and stays the no-op API when no endpoint is configured', async () => {
    const tracing = await startTracing({});
    expect(tracing.enabled).toBe(false);
    await tracing.shutdown();
  });
});
