/**
 * Per-agent figures over every instance (REDIS_URL): deskStatus and the dashboard's AgentStatusChanged
 * count the answers and runs of all instances, survive a restart without counting twice, and forget
 * the runs of an instance that died.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisAgentFigures } from '../../server/redis/redis-agent-figures.js';
import type { TestApp } from '../helpers/app.js';
import { startDesks } from '../helpers/desks.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

const STATUS = '{ deskStatus { agents { agent active handled errors avgTimeToFirstTokenMs avgTimeToAnswerMs } } }';
const OPERATOR = { 'x-operator-id': 'op-ivy' };
const SUBMIT = 'mutation($m: String!) { submitRequest(input: { message: $m }) { case { id } } }';
const AGENT_STATUS = 'subscription { deskEvents { __typename ... on AgentStatusChanged { agent active handled } } }';

const billingOf = async (t: TestApp) =>
  (await t.gql(STATUS, {}, OPERATOR)).data.deskStatus.agents.find((a: { agent: string }) => a.agent === 'billing');

describe.skipIf(skipRedis())('agent figures over several instances', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  describe('two desks', () => {
    let a: TestApp;
    let b: TestApp;
    const latencies: number[] = [];
    beforeAll(async () => {
      [a, b] = await startDesks(redis, [{}, {}], { STREAM_CHUNK_DELAY_MS: '2' });
    });
    afterAll(async () => {
      await b?.stop();
      await a?.stop();
    });

    /** Submits on `t`, waits for the answer, and keeps its stored latency. */
    async function answer(t: TestApp, m: string): Promise<void> {
      const r = await t.gql(SUBMIT, { m });
      const caseId = r.data.submitRequest.case.id;
      await collectWs(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
      const c = await t.gql('query($id: ID!) { case(id: $id) { messages { authorKind latencyMs } } }', { id: caseId });
      latencies.push(...c.data.case.messages.filter((x: any) => x.authorKind === 'AGENT').map((x: any) => x.latencyMs));
    }

    it("counts each desk's answers on both, with the average of all of them", async () => {
      await answer(a, 'Why was I charged twice this month?');
      await answer(b, 'Can I get a copy of my last invoice?');
      await answer(a, 'Please refund the duplicate charge on my card.');
      expect(latencies).toHaveLength(3);
      const mean = latencies.reduce((x, y) => x + y, 0) / latencies.length;
      const averages: number[] = [];
      for (const t of [a, b]) {
        const billing = await billingOf(t);
        expect(billing).toEqual({
          agent: 'billing',
          active: 0,
          handled: 3,
          errors: 0,
          avgTimeToFirstTokenMs: expect.any(Number),
          avgTimeToAnswerMs: expect.any(Number),
        });
        averages.push(billing.avgTimeToAnswerMs);
        // The figures time the agent's run; a stored message's latency also counts the checks of its
        // answer after the run (whole milliseconds), so they agree to a few milliseconds.
        expect(Math.abs(billing.avgTimeToAnswerMs - mean)).toBeLessThanOrEqual(5);
      }
      // One desk-wide figure, the same on both instances.
      expect(averages[1]).toBe(averages[0]);
    });

    it('shows a run on A as active on B, in deskStatus and in the dashboard events', async () => {
      const events: any[] = [];
      const watching = collectWs<any>(
        b.ws({ operatorId: 'op-ivy' }),
        AGENT_STATUS,
        {},
        (evs) => {
          events.splice(0, events.length, ...evs);
          return evs.some((e) => e.agent === 'billing' && e.handled === 4);
        },
        20_000,
      );
      await new Promise((r) => setTimeout(r, 200));
      // Slow tokens on A: the answer is still being written while B is asked.
      await a.restart({ STREAM_CHUNK_DELAY_MS: '40' });
      const r = await a.gql(SUBMIT, { m: 'I was billed twice for my subscription, why?' });
      const caseId = r.data.submitRequest.case.id;
      let seen = 0;
      for (let i = 0; i < 100 && !seen; i++) {
        seen = (await billingOf(b)).active;
        if (!seen) await new Promise((res) => setTimeout(res, 20));
      }
      expect(seen).toBe(1);
      await collectWs(a.ws(), CASE_EVENTS, { caseId, after: 0 }, answered, 20_000);
      await watching;
      const billing = events.filter((e) => e.__typename === 'AgentStatusChanged' && e.agent === 'billing');
      // Started (1 running, 3 answered) then finished (0 running, 4 answered), counted over both desks.
      expect(billing.map((e) => [e.active, e.handled])).toEqual([
        [1, 3],
        [0, 4],
      ]);
      // The restart of A did not add the stored answers a second time.
      expect(await billingOf(b)).toMatchObject({ active: 0, handled: 4 });
    }, 30_000);
  });

  it('drops the runs of an instance that stopped refreshing them, and seeds the stored answers once', async () => {
    const prefix = redis.prefix();
    const dying = new Redis(redis.url);
    const alive = new Redis(redis.url);
    const x = createRedisAgentFigures(dying, { prefix, instanceId: 'x', ttlMs: 300 });
    const y = createRedisAgentFigures(alive, { prefix, instanceId: 'y', ttlMs: 300 });
    try {
      const stored = [{ agent: 'billing', handled: 5, ttftSum: 50, ttftN: 5, totalSum: 1000, totalN: 5 }];
      expect(await x.seed(stored)).toBe(true);
      expect(await y.seed(stored)).toBe(false);
      expect(await x.record('billing', 2)).toMatchObject({ active: 2, handled: 5 });
      const done = await y.record('billing', 0, { ok: true, timeToFirstTokenMs: 20, latencyMs: 400 });
      expect(done).toEqual({
        agent: 'billing',
        active: 2,
        handled: 6,
        errors: 0,
        avgTimeToFirstTokenMs: Math.round(70 / 6),
        avgTimeToAnswerMs: Math.round(1400 / 6),
      });
      await y.record('billing', 0, { ok: false, timeToFirstTokenMs: null, latencyMs: 0 });
      // Refreshed while x lives.
      await new Promise((r) => setTimeout(r, 700));
      expect((await y.snapshot(['billing', 'general']))[0]).toMatchObject({ active: 2, handled: 6, errors: 1 });
      // x's process is gone: its connection drops, nothing refreshes its runs, and they expire.
      dying.disconnect();
      await new Promise((r) => setTimeout(r, 700));
      expect(await y.snapshot(['billing', 'general'])).toEqual([
        expect.objectContaining({ agent: 'billing', active: 0, handled: 6, errors: 1 }),
        { agent: 'general', active: 0, handled: 0, errors: 0, avgTimeToFirstTokenMs: null, avgTimeToAnswerMs: null },
      ]);
    } finally {
      await y.close();
      await x.close().catch(() => undefined);
      alive.disconnect();
    }
  });
});
