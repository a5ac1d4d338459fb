/**
 * Authentication and authorisation over real HTTP, SSE and WebSocket: tokens (missing, expired,
 * forged, unsigned, incomplete), roles, customers kept apart, guest sessions, expiry of long
 * subscriptions, and the token CLI and key configuration.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTokenOptions } from '../../server/auth/keys.js';
import { ConfigError, loadConfig, ROOT_DIR } from '../../server/config.js';
import { CLOSE } from '../../server/ws-server.js';
import { type GqlResult, startTestApp, TEST_JWT_SECRET, type TestApp, tokenFor } from '../helpers/app.js';
import { openWs, type RawWs } from '../helpers/raw-ws.js';
import { answered, CASE_EVENTS, collectSse, collectWs } from '../helpers/streams.js';

const run = promisify(execFile);

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) {
    submitRequest(input: $input) { case { id customer { id } } message { id content } }
  }
`;
const AUDIT = /* GraphQL */ `
  query Audit($filter: AuditFilterInput, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      events { id category type actorId actorRole caseId customerId ip requestId detail }
      endCursor
      hasNextPage
    }
  }
`;
const DESK_EVENTS = /* GraphQL */ `subscription { deskEvents { __typename at } }`;

/** The code of the first error. */
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authentication and authorisation', () => {
  let t: TestApp;
  const sockets: RawWs[] = [];
  const raw = async () => {
    const ws = await openWs(t.running.wsUrl);
    sockets.push(ws);
    return ws;
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const s of sockets) s.socket.terminate();
    await t.stop();
  });

  async function submit(
    message: string,
    headers?: Record<string, string>,
  ): Promise<{ id: string; customer: { id: string } }> {
    const r = await t.gql(SUBMIT, { input: { message } }, headers);
    expect(r.errors).toBeUndefined();
    return r.data.submitRequest.case;
  }

  async function audit(filter: Record<string, unknown>, first = 50) {
    const r = await t.gql(AUDIT, { filter, first }, { 'x-admin-id': 'admin-audit' });
    expect(r.errors).toBeUndefined();
    return r.data.auditEvents.events as Record<string, any>[];
  }

  describe('without a token', () => {
    const none = { authorization: '' };

    it('refuses case, cases, submitRequest and agents with UNAUTHENTICATED', async () => {
      const ops: [string, Record<string, unknown>][] = [
        ['query($id: ID!) { case(id: $id) { id } }', { id: 'any' }],
        ['{ cases { totalCount } }', {}],
        [SUBMIT, { input: { message: 'Where is my order?' } }],
        ['{ agents { name } }', {}],
      ];
      for (const [query, vars] of ops) {
        const r = await t.gql(query, vars, none);
        expect(code(r), query).toBe('UNAUTHENTICATED');
        expect(r.errors![0].message).toMatch(/not signed in/i);
      }
    });

    it('refuses a caseEvents subscription over a WebSocket opened without a token', async () => {
      const c = await submit('Where is my order BW-100214?');
      const err = await collectWs(t.ws(none), CASE_EVENTS, { caseId: c.id, after: 0 }, () => true, 5000).then(
        () => null,
        (e: { errors?: { extensions?: { code?: string } }[] }) => e,
      );
      expect(err?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('answers health and startGuestSession', async () => {
      expect((await t.gql('{ health }', {}, none)).data).toEqual({ health: 'ok' });
      const r = await t.gql('mutation { startGuestSession { token customerId expiresAt } }', {}, none);
      expect(r.errors).toBeUndefined();
      expect(r.data.startGuestSession.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    });
  });

  describe('bad tokens', () => {
    it('an expired token gets UNAUTHENTICATED saying it expired', async () => {
      const r = await t.gql('{ me { id } }', {}, bearer(tokenFor('cust-ava', 'customer', -60)));
      expect(code(r)).toBe('UNAUTHENTICATED');
      expect(r.errors![0].message).toMatch(/expired/i);
    });

    it('a WebSocket opened with an expired token is closed with 4401', async () => {
      const ws = await raw();
      ws.send({
        type: 'connection_init',
        payload: { authorization: `Bearer ${tokenFor('cust-ava', 'customer', -60)}` },
      });
      const closed = await ws.closed;
      expect(closed.code).toBe(CLOSE.unauthorized);
      expect(closed.code).toBe(4401);
      expect(closed.reason).toMatch(/expired/i);
    });

    it('a token signed with another secret gets UNAUTHENTICATED', async () => {
      const forged = jwt.sign(
        { sub: 'cust-ava', role: 'admin', exp: Math.floor(Date.now() / 1000) + 600 },
        'another-secret-that-is-long-enough-0123456789',
        { algorithm: 'HS256' },
      );
      const r = await t.gql('{ me { id role } }', {}, bearer(forged));
      expect(code(r)).toBe('UNAUTHENTICATED');
      expect(r.data?.me).toBeFalsy();
    });

    it('an unsigned alg:none token gets UNAUTHENTICATED', async () => {
      const header = b64url({ alg: 'none', typ: 'JWT' });
      const payload = b64url({ sub: 'admin-1', role: 'admin', exp: Math.floor(Date.now() / 1000) + 600 });
      const r = await t.gql('{ me { id role } }', {}, bearer(`${header}.${payload}.`));
      expect(code(r)).toBe('UNAUTHENTICATED');
      const r2 = await t.gql('{ auditEvents { events { id } } }', {}, bearer(`${header}.${payload}.`));
      expect(code(r2)).toBe('UNAUTHENTICATED');
    });

    it('a token without exp gets UNAUTHENTICATED', async () => {
      const token = jwt.sign({ sub: 'cust-ava', role: 'customer' }, TEST_JWT_SECRET, { algorithm: 'HS256' });
      const r = await t.gql('{ me { id } }', {}, bearer(token));
      expect(code(r)).toBe('UNAUTHENTICATED');
      expect(r.errors![0].message).toMatch(/exp/);
    });

    it('a token with an unknown role gets UNAUTHENTICATED', async () => {
      const token = jwt.sign(
        { sub: 'root', role: 'superuser', exp: Math.floor(Date.now() / 1000) + 600 },
        TEST_JWT_SECRET,
        { algorithm: 'HS256' },
      );
      const r = await t.gql('{ me { id } }', {}, bearer(token));
      expect(code(r)).toBe('UNAUTHENTICATED');
      expect(r.errors![0].message).toMatch(/role/);
    });
  });

  describe('roles', () => {
    it('a customer gets FORBIDDEN on replyAsOperator, updateCase, deskStatus, deskEvents and auditEvents', async () => {
      const c = await submit('I need a copy of my last invoice please.');
      const ops: [string, Record<string, unknown>][] = [
        ['mutation($c: ID!) { replyAsOperator(caseId: $c, message: "hi") { id } }', { c: c.id }],
        ['mutation($c: ID!) { updateCase(input: { caseId: $c, status: CLOSED }) { id } }', { c: c.id }],
        ['{ deskStatus { queueDepth } }', {}],
        ['{ auditEvents { events { id } } }', {}],
      ];
      for (const [query, vars] of ops) {
        const r = await t.gql(query, vars, { 'x-customer-id': 'cust-ava' });
        expect(code(r), query).toBe('FORBIDDEN');
      }
      const sub = await collectWs(t.ws({ customerId: 'cust-ava' }), DESK_EVENTS, {}, () => true, 5000).then(
        () => null,
        (e: { errors?: { extensions?: { code?: string } }[] }) => e,
      );
      expect(sub?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The case was not touched.
      const q = await t.gql('query($id: ID!) { case(id: $id) { status messages { authorKind } } }', { id: c.id });
      expect(q.data.case.status).not.toBe('CLOSED');
      expect(q.data.case.messages.map((m: { authorKind: string }) => m.authorKind)).not.toContain('OPERATOR');
    });

    it('an operator gets FORBIDDEN on auditEvents; an admin reads it', async () => {
      const op = await t.gql('{ auditEvents { events { id } } }', {}, { 'x-operator-id': 'op-maria' });
      expect(code(op)).toBe('FORBIDDEN');
      const admin = await t.gql(
        '{ auditEvents(first: 5) { events { id type category } hasNextPage } }',
        {},
        { 'x-admin-id': 'admin-1' },
      );
      expect(admin.errors).toBeUndefined();
      expect(admin.data.auditEvents.events.length).toBeGreaterThan(0);
    });
  });

  describe('customers are kept apart', () => {
    let benCase: string;
    beforeAll(async () => {
      benCase = (
        await submit('My Pro renewal was charged twice, please refund one of them.', { 'x-customer-id': 'cust-ben' })
      ).id;
    });

    async function probes() {
      return audit({ type: 'case_probe', caseId: benCase });
    }

    it("reading cust-ben's case as cust-ava answers NOT_FOUND, not FORBIDDEN, and is audited", async () => {
      const before = (await probes()).length;
      const r = await t.gql(
        'query($id: ID!) { case(id: $id) { id subject } }',
        { id: benCase },
        { 'x-customer-id': 'cust-ava' },
      );
      expect(code(r)).toBe('NOT_FOUND');
      expect(r.data?.case).toBeFalsy();
      // The same answer as a case that does not exist.
      const missing = await t.gql(
        'query($id: ID!) { case(id: $id) { id } }',
        { id: '00000000-0000-0000-0000-000000000000' },
        { 'x-customer-id': 'cust-ava' },
      );
      expect(code(missing)).toBe('NOT_FOUND');
      const rows = await probes();
      expect(rows.length).toBe(before + 1);
      expect(rows[0]).toMatchObject({
        category: 'SECURITY',
        type: 'case_probe',
        actorId: 'cust-ava',
        actorRole: 'customer',
        caseId: benCase,
        customerId: 'cust-ben',
      });
      expect(rows[0].requestId).toBeTruthy();
    });

    it("a follow-up on cust-ben's case from cust-ava answers NOT_FOUND and is audited", async () => {
      const before = (await probes()).length;
      const r = await t.gql(
        SUBMIT,
        { input: { message: 'Refund me instead', caseId: benCase } },
        { 'x-customer-id': 'cust-ava' },
      );
      expect(code(r)).toBe('NOT_FOUND');
      expect(r.errors![0].extensions?.field).toBe('caseId');
      expect((await probes()).length).toBe(before + 1);
      const q = await t.gql(
        'query($id: ID!) { case(id: $id) { messages { content } } }',
        { id: benCase },
        { 'x-customer-id': 'cust-ben' },
      );
      expect(q.data.case.messages.map((m: { content: string }) => m.content)).not.toContain('Refund me instead');
    });

    it("a caseEvents subscription on cust-ben's case from cust-ava answers NOT_FOUND over WebSocket, and is audited", async () => {
      const before = (await probes()).length;
      const err = await collectWs(
        t.ws({ customerId: 'cust-ava' }),
        CASE_EVENTS,
        { caseId: benCase, after: 0 },
        () => true,
        5000,
      ).then(
        () => null,
        (e: { errors?: { extensions?: { code?: string } }[] }) => e,
      );
      expect(err?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await probes()).length).toBe(before + 1);
    });

    it("a caseEvents subscription on cust-ben's case from cust-ava answers NOT_FOUND over SSE, and is audited", async () => {
      const before = (await probes()).length;
      const err = await collectSse(
        t.running.url,
        CASE_EVENTS,
        { caseId: benCase, after: 0 },
        () => true,
        { 'x-customer-id': 'cust-ava' },
        5000,
      ).then(
        () => null,
        (e: { errors?: { extensions?: { code?: string } }[] }) => e,
      );
      expect(err?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await probes()).length).toBe(before + 1);
    });

    it("an operator sees every customer's cases and can reply on any", async () => {
      await submit('Where is my order BW-100214?', { 'x-customer-id': 'cust-ava' });
      const q = `query($f: CaseFilterInput) { cases(first: 100, filter: $f) { totalCount edges { node { id customer { id } } } } }`;
      const ava = (await t.gql(q, {}, { 'x-customer-id': 'cust-ava' })).data.cases;
      const ben = (await t.gql(q, {}, { 'x-customer-id': 'cust-ben' })).data.cases;
      const op = (await t.gql(q, {}, { 'x-operator-id': 'op-maria' })).data.cases;
      expect(new Set(ava.edges.map((e: any) => e.node.customer.id))).toEqual(new Set(['cust-ava']));
      expect(new Set(ben.edges.map((e: any) => e.node.customer.id))).toEqual(new Set(['cust-ben']));
      const [{ n }] = await t.running.orm.em
        .fork()
        .getConnection()
        .execute<{ n: number }[]>('select count(*) as n from cases');
      expect(op.totalCount).toBe(Number(n));
      expect(op.totalCount).toBeGreaterThanOrEqual(ava.totalCount + ben.totalCount);
      const customers = new Set(op.edges.map((e: any) => e.node.customer.id));
      expect(customers.has('cust-ava') && customers.has('cust-ben')).toBe(true);
      // A customer filter works for staff only.
      expect(
        (await t.gql(q, { f: { customerId: 'cust-ben' } }, { 'x-operator-id': 'op-maria' })).data.cases.totalCount,
      ).toBe(ben.totalCount);
      expect(
        (await t.gql(q, { f: { customerId: 'cust-ben' } }, { 'x-customer-id': 'cust-ava' })).data.cases.totalCount,
      ).toBe(ava.totalCount);
      const reply = await t.gql(
        'mutation($c: ID!) { replyAsOperator(caseId: $c, message: "Looking into it now.") { authorKind content } }',
        { c: benCase },
        { 'x-operator-id': 'op-maria' },
      );
      expect(reply.errors).toBeUndefined();
      expect(reply.data.replyAsOperator).toEqual({ authorKind: 'OPERATOR', content: 'Looking into it now.' });
    });

    it('takes the customer from the token, never from input', async () => {
      const fields = await t.gql('{ __type(name: "SubmitRequestInput") { inputFields { name } } }');
      const names = fields.data.__type.inputFields.map((f: { name: string }) => f.name);
      expect(names).toContain('message');
      expect(names.filter((n: string) => /customer|user|owner|actor/i.test(n))).toEqual([]);
      // A customer field sent anyway is refused, not used.
      const sneaky = await t.gql(
        SUBMIT,
        { input: { message: 'Hello', customerId: 'cust-ava' } },
        { 'x-customer-id': 'cust-ben' },
      );
      expect(sneaky.errors?.length).toBeGreaterThan(0);
      expect(sneaky.data?.submitRequest).toBeFalsy();
      const c = await submit('Can I get a copy of my invoice?', { 'x-customer-id': 'cust-ben' });
      expect(c.customer.id).toBe('cust-ben');
      const asAva = await t.gql(
        'query($id: ID!) { case(id: $id) { id } }',
        { id: c.id },
        { 'x-customer-id': 'cust-ava' },
      );
      expect(code(asAva)).toBe('NOT_FOUND');
    });
  });

  describe('guest sessions', () => {
    it('gives a customer token that can submit a request and stream its case', async () => {
      const s = await t.gql('mutation { startGuestSession { token customerId expiresAt } }', {}, { authorization: '' });
      expect(s.errors).toBeUndefined();
      const { token, customerId, expiresAt } = s.data.startGuestSession;
      expect(customerId).toMatch(/^guest-/);
      expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
      const me = await t.gql('{ me { id role } }', {}, bearer(token));
      expect(me.data.me).toEqual({ id: customerId, role: 'customer' });
      const c = await submit('Where is my order? I ordered a mesh extender last week.', bearer(token));
      expect(c.customer.id).toBe(customerId);
      const events = await collectWs<{ __typename: string }>(
        t.ws(bearer(token)),
        CASE_EVENTS,
        { caseId: c.id, after: 0 },
        answered,
      );
      expect(events.map((e) => e.__typename)).toContain('MessageCompleted');
      // A guest is a customer like any other: staff fields stay closed.
      expect(code(await t.gql('{ deskStatus { queueDepth } }', {}, bearer(token)))).toBe('FORBIDDEN');
    });
  });

  describe('expiry of running subscriptions', () => {
    it('closes a WebSocket with 4401 when its token expires', async () => {
      const c = await submit('Where is my order BW-100214?');
      await collectWs(t.ws(), CASE_EVENTS, { caseId: c.id, after: 0 }, answered);
      const ws = await raw();
      ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${tokenFor('cust-ava', 'customer', 2)}` } });
      await ws.waitFor('connection_ack');
      ws.send({ id: '1', type: 'subscribe', payload: { query: CASE_EVENTS, variables: { caseId: c.id, after: 0 } } });
      await ws.waitFor('next');
      const started = Date.now();
      const closed = await ws.closed;
      expect(closed.code).toBe(4401);
      expect(closed.reason).toMatch(/expired/i);
      expect(Date.now() - started).toBeLessThan(3000);
    });

    it('ends a deskEvents stream over SSE with UNAUTHENTICATED when its token expires', async () => {
      const started = Date.now();
      const err = await collectSse(
        t.running.url,
        DESK_EVENTS,
        {},
        () => false,
        bearer(tokenFor('op-expiring', 'operator', 2)),
        8000,
      ).then(
        () => null,
        (e: Error & { errors?: { extensions?: { code?: string } }[] }) => e,
      );
      expect(err?.message).not.toMatch(/timed out/);
      expect(err?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(Date.now() - started).toBeLessThan(3500);
    });

    it('ends a caseEvents stream over SSE with UNAUTHENTICATED when its token expires', async () => {
      const c = await submit('Where is my order BW-100214?');
      await collectWs(t.ws(), CASE_EVENTS, { caseId: c.id, after: 0 }, answered);
      const started = Date.now();
      const err = await collectSse(
        t.running.url,
        CASE_EVENTS,
        { caseId: c.id, after: 0 },
        () => false,
        bearer(tokenFor('cust-ava', 'customer', 2)),
        8000,
      ).then(
        () => null,
        (e: Error & { errors?: { extensions?: { code?: string } }[] }) => e,
      );
      expect(err?.message).not.toMatch(/timed out/);
      expect(err?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(Date.now() - started).toBeLessThan(3500);
    });
  });

  describe('npm run token', () => {
    it('prints a token that the server accepts', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'crewdesk-token-'));
      try {
        const { stdout } = await run(
          join(ROOT_DIR, 'node_modules/.bin/tsx'),
          [join(ROOT_DIR, 'scripts/token.ts'), '--sub', 'cust-ava', '--role', 'customer', '--ttl', '10m'],
          {
            cwd: dir,
            env: {
              PATH: process.env.PATH,
              HOME: process.env.HOME,
              JWT_SECRET: TEST_JWT_SECRET,
              DATABASE_URL: `sqlite:${join(dir, 'x.sqlite')}`,
            },
            timeout: 20_000,
          },
        );
        const token = stdout.trim().split('\n').at(-1)!;
        const me = await t.gql('{ me { id role expiresAt } }', {}, bearer(token));
        expect(me.errors).toBeUndefined();
        expect(me.data.me).toMatchObject({ id: 'cust-ava', role: 'customer' });
        const ttl = new Date(me.data.me.expiresAt).getTime() - Date.now();
        expect(ttl).toBeGreaterThan(9 * 60_000);
        expect(ttl).toBeLessThanOrEqual(10 * 60_000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('guest session rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GUEST_SESSIONS_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('allows GUEST_SESSIONS_PER_MINUTE per address, then RATE_LIMITED with retryAfter', async () => {
    const start = () => t.gql('mutation { startGuestSession { customerId } }', {}, { authorization: '' });
    expect((await start()).errors).toBeUndefined();
    expect((await start()).errors).toBeUndefined();
    const third = await start();
    expect(code(third)).toBe('RATE_LIMITED');
    expect(third.errors![0].extensions?.retryAfter).toBeGreaterThan(0);
    expect(third.data?.startGuestSession).toBeFalsy();
    // The limit is per address, not per token: a signed-in caller from the same address is limited too.
    expect(
      code(await t.gql('mutation { startGuestSession { customerId } }', {}, { 'x-customer-id': 'cust-ava' })),
    ).toBe('RATE_LIMITED');
  });
});

describe('token keys (server/auth/keys.ts)', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'crewdesk-keys-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('refuses to start in production without JWT_SECRET', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: `sqlite:${join(tmp(), 'x.sqlite')}` }, false);
    expect(() => resolveTokenOptions(config)).toThrow(ConfigError);
    expect(() => resolveTokenOptions(config)).toThrow(/JWT_SECRET/);
  });

  it('refuses a short secret in production', () => {
    const config = loadConfig(
      { NODE_ENV: 'production', JWT_SECRET: 'too-short-secret', DATABASE_URL: `sqlite:${join(tmp(), 'x.sqlite')}` },
      false,
    );
    expect(() => resolveTokenOptions(config)).toThrow(ConfigError);
    expect(() => resolveTokenOptions(config)).toThrow(/at least 32/);
  });

  it('generates a development secret in the data folder once and reuses it', () => {
    const dir = tmp();
    const config = loadConfig(
      { NODE_ENV: 'development', DATABASE_URL: `sqlite:${join(dir, 'data', 'x.sqlite')}` },
      false,
    );
    const file = join(dir, 'data', 'jwt-secret');
    expect(existsSync(file)).toBe(false);
    const first = resolveTokenOptions(config);
    expect(existsSync(file)).toBe(true);
    expect(first.notice).toMatch(/generated/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(first.options.verifyKey).toBe(secret);
    const second = resolveTokenOptions(config);
    expect(second.notice).toMatch(/using/);
    expect(second.options.verifyKey).toBe(secret);
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
  });
});
