/**
 * GraphQL hardening over real HTTP: depth, alias, cost, directive and token limits (while the
 * desk's own operations pass), introspection and GraphiQL in production, CSRF prevention, the
 * CORS allow-list, and masking of unexpected errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlResult, startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const messages = (r: GqlResult) => (r.errors ?? []).map((e) => e.message).join('\n');
const INTROSPECTION = '{ __schema { types { name } } }';

/** The desk's own operations, with the selections its clients use. */
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) {
    submitRequest(input: $input) {
      duplicate
      case { id subject status priority route intent requestType agentName emergency assignee securityFlag costUsd lastEventSeq createdAt updatedAt customer { id name isGuest } usage { totalTokens } }
      message { id caseId authorKind authorName content status createdAt }
    }
  }
`;
const CASE = /* GraphQL */ `
  query Case($id: ID!) {
    case(id: $id) {
      id subject status priority route intent requestType agentName emergency assignee context securityFlag costUsd lastEventSeq
      createdAt updatedAt firstResponseAt resolvedAt
      customer { id name isGuest }
      usage { promptTokens completionTokens totalTokens }
      messages {
        id caseId authorKind authorName agentName content status model costUsd latencyMs timeToFirstTokenMs createdAt
        citations { id title snippet }
        toolCalls { id agent name input output ok durationMs }
        usage { promptTokens completionTokens totalTokens }
      }
    }
  }
`;
const CASES = /* GraphQL */ `
  query Cases($first: Int, $after: String) {
    cases(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id subject status priority route emergency assignee agentName securityFlag createdAt updatedAt customer { id name } } }
    }
  }
`;
const DESK_STATUS = /* GraphQL */ `
  query DeskStatus {
    deskStatus {
      provider model routerModel totalTokens totalCostUsd queueDepth activeRuns startedAt uptimeSeconds
      models { agent model }
      agents { agent handled active errors avgTimeToFirstTokenMs avgTimeToAnswerMs }
      casesByStatus { status count }
    }
  }
`;

describe('query limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Depth, cost and tokens lowered; aliases (15) and directives (20) at their defaults.
    t = await startTestApp({ GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_COST: '500', GRAPHQL_MAX_TOKENS: '200' });
  });
  afterAll(async () => {
    await t.stop();
  });

  const staff = { 'x-operator-id': 'op-maria' };

  it('serves a small query under every limit', async () => {
    expect((await t.gql('{ health }')).data).toEqual({ health: 'ok' });
  });

  it('rejects a query nested deeper than GRAPHQL_MAX_DEPTH', async () => {
    const r = await t.gql('{ cases { edges { node { messages { toolCalls { name } } } } } }', {}, staff);
    expect(r.data).toBeFalsy();
    expect(messages(r)).toMatch(/depth limit of 4/i);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // Fragments do not hide depth.
    const f = await t.gql(
      '{ cases { ...C } } fragment C on CaseConnection { edges { node { messages { toolCalls { name } } } } }',
      {},
      staff,
    );
    expect(messages(f)).toMatch(/depth limit of 4/i);
  });

  it('rejects an alias bomb (20 aliases, GRAPHQL_MAX_ALIASES=15)', async () => {
    const r = await t.gql(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: health`).join(' ')} }`);
    expect(r.data).toBeFalsy();
    expect(messages(r)).toMatch(/aliases limit of 15/i);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects a cost bomb (GRAPHQL_MAX_COST=500)', async () => {
    const r = await t.gql(
      '{ cases(first: 100) { totalCount edges { cursor node { id subject status priority route createdAt } } } }',
      {},
      staff,
    );
    expect(r.data).toBeFalsy();
    expect(messages(r)).toMatch(/cost limit of 500/i);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects a directive bomb (25 directives, GRAPHQL_MAX_DIRECTIVES=20)', async () => {
    const r = await t.gql(`{ health ${'@include(if: true) '.repeat(25)}}`);
    expect(r.data).toBeFalsy();
    expect(messages(r)).toMatch(/directives limit of 20/i);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects a token bomb (GRAPHQL_MAX_TOKENS=200)', async () => {
    const r = await t.gql(`{ health ${'__typename '.repeat(250)}}`);
    expect(r.data).toBeFalsy();
    expect(messages(r)).toMatch(/token limit of 200/i);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('with the default limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'development', CORS_ORIGINS: 'http://allowed.example' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it("passes the desk's own operations: submitRequest, case with messages, cases, caseEvents, deskStatus", async () => {
    const s = await t.gql(SUBMIT, {
      input: {
        message: 'My invoice INV-2026-0136 shows the wrong amount, and the app crashes on the devices page.',
        context: { page: '/billing' },
      },
    });
    expect(s.errors).toBeUndefined();
    const caseId = s.data.submitRequest.case.id;
    const events = await collectWs<{ __typename: string }>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    expect(events.map((e) => e.__typename)).toEqual(
      expect.arrayContaining(['CaseRouted', 'AgentStarted', 'TokenDelta', 'ToolCalled', 'MessageCompleted']),
    );
    const c = await t.gql(CASE, { id: caseId });
    expect(c.errors).toBeUndefined();
    expect(
      c.data.case.messages.some(
        (m: { authorKind: string; toolCalls: unknown[] }) => m.authorKind === 'AGENT' && m.toolCalls.length > 0,
      ),
    ).toBe(true);
    const list = await t.gql(CASES, { first: 20 }, { 'x-operator-id': 'op-maria' });
    expect(list.errors).toBeUndefined();
    expect(list.data.cases.totalCount).toBeGreaterThan(0);
    const desk = await t.gql(DESK_STATUS, {}, { 'x-operator-id': 'op-maria' });
    expect(desk.errors).toBeUndefined();
    expect(desk.data.deskStatus.provider).toBeTruthy();
  });

  it('allows introspection in development', async () => {
    const r = await t.gql(INTROSPECTION);
    expect(r.errors).toBeUndefined();
    expect(r.data.__schema.types.map((x: { name: string }) => x.name)).toContain('Case');
  });

  it('refuses GET and text/plain POST without a CSRF header with 403, and serves them with it', async () => {
    const url = `${t.running.url}?query=${encodeURIComponent('{health}')}`;
    const bare = await fetch(url);
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { errors: { extensions?: { code?: string } }[] }).errors[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const plain = await fetch(t.running.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{health}' }),
    });
    expect(plain.status).toBe(403);
    const withHeader = await fetch(url, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.json()).toEqual({ data: { health: 'ok' } });
  });

  it('answers a CORS preflight from an allowed origin for it, and from another origin not', async () => {
    const preflight = (origin: string) =>
      fetch(t.running.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const ok = await preflight('http://allowed.example');
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    const bad = await preflight('http://evil.example');
    expect(bad.headers.get('access-control-allow-origin')).not.toBe('http://evil.example');
    expect(bad.headers.get('access-control-allow-origin')).not.toBe('*');
    // Nor on the actual request.
    const post = await fetch(t.running.url, {
      method: 'POST',
      headers: {
        origin: 'http://evil.example',
        'content-type': 'application/json',
        authorization: `Bearer ${tokenFor('cust-ava')}`,
      },
      body: JSON.stringify({ query: '{ health }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).not.toBe('http://evil.example');
    expect(post.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  // Masking of unexpected errors is unit-tested in test/desk/routing-options.test.ts (no API input reaches one).
  it('refuses a cursor with an out-of-range timestamp with BAD_USER_INPUT', async () => {
    const after = Buffer.from(JSON.stringify([-1e20, 'x'])).toString('base64url');
    const r = await t.gql(CASES, { first: 5, after });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions?.field).toBe('after');
  });

  it('serves GraphiQL in development (the control for the production check)', async () => {
    const res = await fetch(t.running.url, { headers: { accept: 'text/html', 'x-graphql-yoga-csrf': '1' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/graphiql/i);
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    // TEST_JWT_SECRET is over 32 characters, as production requires.
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('refuses introspection and does not serve GraphiQL', async () => {
    const r = await t.gql(INTROSPECTION);
    expect(r.data).toBeFalsy();
    expect(code(r)).toBe('FORBIDDEN');
    expect(messages(r)).toMatch(/introspection/i);
    const typeQuery = await t.gql('{ __type(name: "Case") { fields { name } } }');
    expect(typeQuery.data?.__type).toBeFalsy();
    const page = await fetch(t.running.url, { headers: { accept: 'text/html', 'x-graphql-yoga-csrf': '1' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    // Ordinary queries still work.
    expect((await t.gql('{ me { id } }')).data).toEqual({ me: { id: 'cust-ava' } });
  });

  it('allows introspection with GRAPHQL_INTROSPECTION=true', async () => {
    await t.restart({ GRAPHQL_INTROSPECTION: 'true' });
    const r = await t.gql(INTROSPECTION);
    expect(r.errors).toBeUndefined();
    expect(r.data.__schema.types.length).toBeGreaterThan(10);
  });
});
