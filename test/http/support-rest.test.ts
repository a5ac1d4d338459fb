/**
 * The seed's REST API over real HTTP: the routes run GraphQL operations through the same schema,
 * so auth, rate limits and coded errors are the GraphQL API's; answers wait for the agents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';

const base = (t: TestApp) => t.running.url.replace(/\/graphql$/, '');
const bearer = (sub = 'cust-ava') => ({ authorization: `Bearer ${tokenFor(sub)}` });

/** POSTs a JSON body to a REST path. */
async function post(t: TestApp, path: string, body: unknown, headers: Record<string, string> = bearer()) {
  const res = await fetch(`${base(t)}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { res, body: (await res.json()) as Record<string, any> };
}

/** The case as the GraphQL API sees it (operator view). */
async function caseOf(t: TestApp, id: string) {
  const r = await t.gql(
    `query($id: ID!) { case(id: $id) { id status requestType route emergency context customer { id }
      messages { authorKind agentName content } } }`,
    { id },
    { 'x-operator-id': 'maria' },
  );
  expect(r.errors).toBeUndefined();
  return r.data.case;
}

async function caseCount(t: TestApp, customer: string): Promise<number> {
  const r = await t.gql('{ cases(first: 100) { totalCount } }', {}, { 'x-customer-id': customer });
  return r.data.cases.totalCount;
}

describe('REST API /support', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers the seed’s Python-style body (snake_case keys) with the agents’ answer', async () => {
    const { res, body } = await post(t, '/support/request', {
      message: 'Hi, I was charged twice for my invoice this month and I want a refund please',
      customer_id: 'cust-ava',
      context: { source: 'python-client', order_ref: 'A-1001' },
      emergency: false,
    });
    expect(res.status).toBe(200);
    expect(Object.keys(body).slice(0, 4)).toEqual(['response', 'agent_type', 'timestamp', 'case_id']);
    expect(typeof body.response).toBe('string');
    expect(body.response.length).toBeGreaterThan(20);
    expect(body.agent_type).toBe('billing');
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
    const stored = await caseOf(t, body.case_id);
    expect(stored.customer.id).toBe('cust-ava');
    expect(stored.context).toEqual({ source: 'python-client', order_ref: 'A-1001' });
    expect(stored.messages[0]).toMatchObject({ authorKind: 'CUSTOMER' });
    // The answer is the agent's stored message, word for word.
    expect(stored.messages.find((m: any) => m.authorKind === 'AGENT')?.content).toBe(body.response);
  });

  it('submits with the route’s request type on /support/billing, /technical, /escalation and /complex', async () => {
    for (const [path, type] of [
      ['technical', 'TECHNICAL'],
      ['billing', 'BILLING'],
      ['escalation', 'ESCALATION'],
      ['complex', 'COMPLEX'],
    ] as const) {
      const { res, body } = await post(
        t,
        `/support/${path}`,
        { message: 'My hub keeps going offline every evening' },
        bearer('cust-ben'),
      );
      expect(res.status, path).toBe(200);
      expect(body.response, path).toBeTruthy();
      const stored = await caseOf(t, body.case_id);
      expect(stored.requestType, path).toBe(type);
      if (path !== 'complex') expect(body.agent_type, path).toBe(path);
    }
  });

  it('returns at once with the case id when wait=0, and GET /support/status?case_id= gives the answer later', async () => {
    const { res, body } = await post(t, '/support/technical?wait=0', { message: 'Error BW-1001 on my hub' });
    expect(res.status).toBe(202);
    expect(body).toMatchObject({ response: null, agent_type: null });
    expect(body.case_id).toBeTruthy();
    let status: Record<string, any> = {};
    for (let i = 0; i < 100 && !status.response; i++) {
      const r = await fetch(`${base(t)}/support/status?case_id=${body.case_id}`, { headers: bearer() });
      expect(r.status).toBe(200);
      status = await r.json();
      if (!status.response) await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(status).toMatchObject({ case_id: body.case_id, agent_type: 'technical' });
    expect(status.response.length).toBeGreaterThan(20);
  });

  it('streams the case’s events as SSE, then the answer, with Accept: text/event-stream', async () => {
    const res = await fetch(`${base(t)}/support/billing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer() },
      body: JSON.stringify({ message: 'Please explain my last invoice' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    const events = text
      .trim()
      .split('\n\n')
      .map((block) => {
        const lines = block.split('\n');
        return {
          event: lines.find((l) => l.startsWith('event: '))?.slice(7),
          data: JSON.parse(lines.find((l) => l.startsWith('data: '))?.slice(6) ?? 'null'),
        };
      });
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('submitted');
    expect(names).toContain('CaseRouted');
    expect(names).toContain('AgentStarted');
    expect(names.at(-1)).toBe('answer');
    const tokens = events.filter((e) => e.event === 'TokenDelta');
    expect(tokens.length).toBeGreaterThan(1);
    const answer = events.at(-1)!.data;
    // Every token of the answer went out on the stream.
    expect(tokens.map((e) => e.data.text).join('')).toBe(answer.response);
    expect(answer).toMatchObject({ agent_type: 'billing', case_id: events[0]!.data.case_id });
  });

  it('answers UNAUTHENTICATED with 401 JSON { error, code } without a valid token', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-jwt' }] as Record<string, string>[]) {
      const { res, body } = await post(t, '/support/request', { message: 'hello' }, headers);
      expect(res.status).toBe(401);
      expect(body.code).toBe('UNAUTHENTICATED');
      expect(typeof body.error).toBe('string');
    }
  });

  it('answers coded 4xx errors for bad input, and stores nothing', async () => {
    const before = await caseCount(t, 'cust-chloe');
    const chloe = bearer('cust-chloe');
    const cases: [unknown, number, string, string?][] = [
      [{}, 400, 'BAD_USER_INPUT', 'message'],
      [{ message: 42 }, 400, 'BAD_USER_INPUT', 'message'],
      [{ message: 'hi', emergency: 'yes' }, 400, 'BAD_USER_INPUT', 'emergency'],
      [{ message: '' }, 400, 'BAD_USER_INPUT', 'message'],
      [{ message: 'x'.repeat(5000) }, 400, 'BAD_USER_INPUT', 'message'],
      ['{"message": ', 400, 'BAD_REQUEST'],
      [{ message: 'hi', customer_id: 'cust-ava' }, 403, 'FORBIDDEN', 'customer_id'],
      [{ message: 'hi', case_id: 'no-such-case' }, 404, 'NOT_FOUND'],
    ];
    for (const [payload, status, code, field] of cases) {
      const { res, body } = await post(t, '/support/request', payload, chloe);
      expect(res.status, JSON.stringify(payload).slice(0, 60)).toBe(status);
      expect(body.code, JSON.stringify(payload).slice(0, 60)).toBe(code);
      if (field) expect(body.field).toBe(field);
    }
    const form = await fetch(`${base(t)}/support/request`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...chloe },
      body: JSON.stringify({ message: 'from a form' }),
    });
    expect(form.status).toBe(415);
    expect((await form.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await caseCount(t, 'cust-chloe')).toBe(before);
    const get = await fetch(`${base(t)}/support/request`, { headers: chloe });
    expect(get.status).toBe(405);
    expect((await fetch(`${base(t)}/support/unknown`, { method: 'POST' })).status).toBe(404);
  });

  it('lets a customer see only their own case on GET /support/status', async () => {
    const { body } = await post(t, '/support/request?wait=0', { message: 'Where is my order?' }, bearer('cust-daan'));
    const other = await fetch(`${base(t)}/support/status?case_id=${body.case_id}`, { headers: bearer('cust-emma') });
    expect(other.status).toBe(404);
    expect((await other.json()).code).toBe('NOT_FOUND');
    const desk = await fetch(`${base(t)}/support/status`, { headers: bearer('cust-emma') });
    expect(desk.status).toBe(200);
    const state = await desk.json();
    expect(state.status).toBe('ok');
    expect(state.agents).toEqual(expect.arrayContaining(['billing', 'technical', 'escalation', 'general']));
    expect((await fetch(`${base(t)}/support/status`)).status).toBe(401);
  });

  it('serves an OpenAPI 3 document whose enums come from the GraphQL schema', async () => {
    const res = await fetch(`${base(t)}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['complex', 'billing', 'escalation', 'request', 'status', 'technical'].map((p) => `/support/${p}`).sort(),
    );
    const introspected = await t.gql('{ __type(name: "CaseStatus") { enumValues { name } } }');
    const statuses = introspected.data.__type.enumValues.map((v: { name: string }) => v.name);
    expect(doc.components.schemas.SupportResponse.properties.status.enum).toEqual(statuses);
    expect(doc.components.schemas.SupportRequest.required).toEqual(['message']);
  });

  it('serves the API reference at /docs from the desk, with no CDN', async () => {
    const page = await fetch(`${base(t)}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThanOrEqual(3);
    for (const src of srcs) {
      expect(src.startsWith('/')).toBe(true);
      const asset = await fetch(`${base(t)}${src}`);
      expect(asset.status, src).toBe(200);
      expect((await asset.text()).length, src).toBeGreaterThan(10);
    }
    expect(await (await fetch(`${base(t)}/docs/init.js`)).text()).toContain('/openapi.json');
  });
});

describe('REST API /support limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMITS: JSON.stringify({ submitRequest: 2 }), STREAM_CHUNK_DELAY_MS: '200' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers 202 with the case id when the wait runs out before the answer', async () => {
    const { res, body } = await post(
      t,
      '/support/request?wait=0.1',
      { message: 'My router lights are blinking red' },
      bearer('cust-grace'),
    );
    expect(res.status).toBe(202);
    expect(body.response).toBeNull();
    expect((await caseOf(t, body.case_id)).id).toBe(body.case_id);
  });

  it('shares the GraphQL API’s rate limit: 429 RATE_LIMITED with Retry-After', async () => {
    const gql = await t.gql(
      'mutation { submitRequest(input: { message: "first over GraphQL" }) { case { id } } }',
      {},
      {
        'x-customer-id': 'cust-harper',
      },
    );
    expect(gql.errors).toBeUndefined();
    const harper = bearer('cust-harper');
    expect((await post(t, '/support/request?wait=0', { message: 'second over REST' }, harper)).res.status).toBe(202);
    const { res, body } = await post(t, '/support/request?wait=0', { message: 'third' }, harper);
    expect(res.status).toBe(429);
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.retry_after).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
