/**
 * Desks on one database and one Redis (REDIS_URL): events, rate limits (over three instances) and
 * WebSocket connection limits hold across instances, and /ready names Redis when it is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlResult, startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { clusterEnv, startDesks } from '../helpers/desks.js';
import { openWs, type RawWs } from '../helpers/raw-ws.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) {
    submitRequest(input: $input) { case { id } message { id } }
  }
`;
const DESK_EVENTS = /* GraphQL */ `
  subscription { deskEvents { __typename ... on CaseCreated { caseId subject } } }
`;

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

async function connect(t: TestApp, sub: string): Promise<RawWs> {
  const ws = await openWs(t.running.wsUrl);
  ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${tokenFor(sub)}` } });
  return ws;
}

describe.skipIf(skipRedis())('two desks on one Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  describe('events, rate limits and connection limits', () => {
    let a: TestApp;
    let b: TestApp;
    let c: TestApp;
    beforeAll(async () => {
      [a, b, c] = await startDesks(redis, [{}, {}, {}], {
        STREAM_CHUNK_DELAY_MS: '2',
        RATE_LIMITS: JSON.stringify({ submitRequest: 4 }),
        GUEST_SESSIONS_PER_MINUTE: '3',
        WS_MAX_CONNECTIONS_PER_IDENTITY: '2',
      });
    });
    afterAll(async () => {
      await c?.stop();
      await b?.stop();
      await a?.stop();
    });

    it('streams a turn answered for a submit on A to a subscriber on B, every token, in order', async () => {
      const first = await a.gql(
        SUBMIT,
        { input: { message: 'Where is my order BW-100214?' } },
        { 'x-customer-id': 'cust-ava' },
      );
      expect(first.errors).toBeUndefined();
      const caseId = first.data.submitRequest.case.id;
      const opened = await collectWs<any>(a.ws({ customerId: 'cust-ava' }), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
        evs.some((e) => e.__typename === 'MessageCompleted'),
      );
      const last = opened[opened.length - 1].seq;
      // B replays the last stored event, so its live subscription is in place before the follow-up.
      const sent: { reply?: Promise<GqlResult> } = {};
      const events = await collectWs<any>(
        b.ws({ customerId: 'cust-ava' }),
        CASE_EVENTS,
        { caseId, after: last - 1 },
        (evs) => {
          sent.reply ??= a.gql(
            SUBMIT,
            { input: { caseId, message: 'And can I get a copy of invoice INV-2026-0136 too?' } },
            { 'x-customer-id': 'cust-ava' },
          );
          return evs.filter((e) => e.__typename === 'MessageCompleted').length >= 2;
        },
      );
      expect((await sent.reply)?.errors).toBeUndefined();
      const live = events.slice(1);
      const types = live.map((e) => e.__typename);
      expect(types).toContain('MessageAdded');
      expect(types).toContain('CaseRouted');
      const seqs = events.map((e) => e.seq);
      expect(seqs[0]).toBe(last);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
      const done = live.find((e) => e.__typename === 'MessageCompleted');
      const tokens = live.filter((e) => e.__typename === 'TokenDelta' && e.messageId === done.message.id);
      expect(tokens.length).toBeGreaterThan(5);
      expect(tokens.map((e) => e.text).join('')).toBe(done.message.content);
      expect(done.message.content).toContain('INV-2026-0136');
      // The `at` of events from A arrives on B as a time, not a string of one.
      expect(Number.isNaN(Date.parse(live[0].at))).toBe(false);
    });

    it("sends desk events of A's cases to a dashboard on B", async () => {
      const subject = `printer on fire ${Date.now()}`;
      const sent: { submit?: Promise<GqlResult> } = {};
      const ws = b.ws({ operatorId: 'op-ivy' });
      const seen = collectWs<any>(ws, DESK_EVENTS, {}, (evs) =>
        evs.some((e) => e.caseId && e.subject?.includes(subject)),
      );
      // deskEvents has no replay: submit until B's subscription is surely listening.
      const timer = setInterval(() => {
        sent.submit ??= a.gql(SUBMIT, { input: { message: `My ${subject}, help` } }, { 'x-customer-id': 'cust-ben' });
      }, 300);
      try {
        const events = await seen;
        expect(events.find((e) => e.subject?.includes(subject)).__typename).toBe('CaseCreated');
      } finally {
        clearInterval(timer);
      }
      expect((await sent.submit)?.errors).toBeUndefined();
    });

    it('answers the 5th submitRequest spread over three desks with RATE_LIMITED', async () => {
      const who = { 'x-customer-id': 'cust-chloe' };
      const results = [];
      for (const [i, t] of [a, b, c, a, b].entries()) {
        results.push(await t.gql(SUBMIT, { input: { message: `Question number ${i + 1} about my invoice` } }, who));
      }
      expect(results.slice(0, 4).map(code)).toEqual([undefined, undefined, undefined, undefined]);
      expect(code(results[4])).toBe('RATE_LIMITED');
      expect(results[4].errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
      // Another customer is not limited by cust-chloe's calls.
      expect(code(await c.gql(SUBMIT, { input: { message: 'Hello there' } }, { 'x-customer-id': 'cust-daan' }))).toBe(
        undefined,
      );
    });

    it('limits guest sessions per address across the desks', async () => {
      const start = (t: TestApp) => t.gql('mutation { startGuestSession { customerId } }', {}, { authorization: '' });
      const codes = [];
      for (const t of [a, b, c, a]) codes.push(code(await start(t)));
      expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    });

    it('counts WebSocket connections of one identity on both desks, and frees a closed one', async () => {
      const sub = `cust-ws-${Date.now()}`;
      const one = await connect(a, sub);
      await one.waitFor('connection_ack');
      const two = await connect(b, sub);
      await two.waitFor('connection_ack');
      const three = await connect(a, sub);
      expect((await three.closed).code).toBe(4429);
      two.socket.close();
      await two.closed;
      // The release reaches Redis shortly after the close.
      let accepted = false;
      for (let i = 0; i < 20 && !accepted; i++) {
        const next = await connect(a, sub);
        accepted = await Promise.race([
          next.waitFor('connection_ack', 2000).then(() => true),
          next.closed.then(() => false),
        ]);
        if (!accepted) await new Promise((r) => setTimeout(r, 100));
        else next.socket.close();
      }
      expect(accepted).toBe(true);
      one.socket.close();
    });

    it('reports Redis as ready', async () => {
      const res = await fetch(new URL('/ready', b.running.url));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.checks.redis.ok).toBe(true);
    });
  });

  describe('when Redis goes down', () => {
    it('answers /ready with 503 naming redis', async () => {
      // A server of its own, to stop it.
      const own = await startTestRedis({ own: true });
      const t = await startTestApp(clusterEnv(own));
      try {
        expect((await fetch(new URL('/ready', t.running.url))).status).toBe(200);
        await own.stop();
        const res = await fetch(new URL('/ready', t.running.url));
        expect(res.status).toBe(503);
        const body = await res.json();
        expect(body.failed).toEqual(['redis']);
        expect(body.checks.database.ok).toBe(true);
      } finally {
        await t.stop();
        await own.stop();
      }
    });
  });
});
