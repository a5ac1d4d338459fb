/**
 * Resumes across instances: a client that watched an answer on A, dropped, and resumes with
 * `after: N` on B gets the tokens A wrote meanwhile (from the case's capped Redis Stream), then the
 * live rest, with no gap and no duplicate; the stream expires a grace period after the answer.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEventRecord } from '../../server/db/entities/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const MESSAGES = /* GraphQL */ `
  query Case($id: ID!) { case(id: $id) { messages { id authorKind status content } } }
`;
const who = { 'x-customer-id': 'cust-ava' };

describe.skipIf(skipRedis())('live token streams across instances', () => {
  let redis: TestRedis;
  let client: Redis;
  let a: TestApp;
  let b: TestApp | undefined;
  let prefix: string;
  beforeAll(async () => {
    redis = await startTestRedis();
    client = new Redis(redis.url);
    prefix = redis.prefix();
    // A answers, slowly, so the resume lands mid-answer.
    a = await startTestApp({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, STREAM_CHUNK_DELAY_MS: '100' });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    client?.disconnect();
    await redis?.stop();
  });

  it('gives a client resuming on B the tokens so far of the answer A is writing, with no gap and no duplicate', async () => {
    const submitted = await a.gql(SUBMIT, { input: { message: 'Where is my order BW-100214?' } }, who);
    expect(submitted.errors).toBeUndefined();
    const caseId: string = submitted.data.submitRequest.case.id;

    // Watch on A until a few tokens arrived, then drop.
    const onA = await collectWs<any>(
      a.ws({ customerId: 'cust-ava' }),
      CASE_EVENTS,
      { caseId, after: 0 },
      (evs) => evs.filter((e) => e.__typename === 'TokenDelta').length >= 3,
    );
    const lastSeen = onA[onA.length - 1].seq;
    // B starts only now, so that A surely works the case (B's worker could have taken it); A writes
    // on while nobody watches.
    b = await startTestApp({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, DATABASE_URL: a.config.DATABASE_URL });
    await new Promise((r) => setTimeout(r, 300));

    // B shows the message so far (A writes it; B reads the stream).
    const midway = await b.gql(MESSAGES, { id: caseId }, who);
    const streaming = midway.data.case.messages.find((m: any) => m.status === 'STREAMING');
    expect(streaming?.content.length).toBeGreaterThan(0);

    const resumedAt = Date.now();
    const onB = await collectWs<any>(
      b.ws({ customerId: 'cust-ava' }),
      CASE_EVENTS,
      { caseId, after: lastSeen },
      (evs) => evs.some((e) => e.__typename === 'MessageCompleted'),
    );
    // The case's counter numbers its events one after another: every seq after N, once, in order.
    expect(onB.map((e) => e.seq)).toEqual(onB.map((_, i) => lastSeen + 1 + i));
    // The first of them were written before the resume (read back from Redis, not received live).
    expect(onB[0].__typename).toBe('TokenDelta');
    expect(Date.parse(onB[0].at)).toBeLessThan(resumedAt);

    const done = onB.find((e) => e.__typename === 'MessageCompleted');
    expect(done.message.status).toBe('COMPLETE');
    expect(done.message.content).toContain('BW-100214');
    const text = [...onA, ...onB]
      .filter((e) => e.__typename === 'TokenDelta' && e.messageId === done.message.id)
      .map((e) => e.text)
      .join('');
    expect(text).toBe(done.message.content);
    expect(done.message.content.startsWith(streaming.content)).toBe(true);

    // Kept for a grace period after the answer, then gone.
    const ttl = await client.pttl(`${prefix}:live:${caseId}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  it('replays on B the events A wrote for a case B stored, to a subscriber on B that comes late', async () => {
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix(), SHUTDOWN_TIMEOUT_MS: '100' };
    // B2 answers one case at a time, slowly: a first case keeps it busy, so A2 answers the second.
    const b2 = await startTestApp({ ...env, WORKER_CONCURRENCY: '1', STREAM_CHUNK_DELAY_MS: '200' });
    let a2: TestApp | undefined;
    try {
      const blocker = await b2.gql(SUBMIT, { input: { message: 'Where is my order BW-100214?' } }, who);
      await collectWs<any>(
        b2.ws({ customerId: 'cust-ava' }),
        CASE_EVENTS,
        { caseId: blocker.data.submitRequest.case.id, after: 0 },
        (evs) => evs.some((e) => e.__typename === 'TokenDelta'),
      );
      a2 = await startTestApp({ ...env, DATABASE_URL: b2.config.DATABASE_URL, STREAM_CHUNK_DELAY_MS: '30' });
      const submitted = await b2.gql(SUBMIT, { input: { message: 'Can I get a copy of invoice INV-2026-0136?' } }, who);
      const caseId: string = submitted.data.submitRequest.case.id;
      const early = await collectWs<any>(
        a2.ws({ customerId: 'cust-ava' }),
        CASE_EVENTS,
        { caseId, after: 0 },
        (evs) => evs.filter((e) => e.__typename === 'TokenDelta').length >= 3,
      );
      // B2 published the case's first events itself; the rest are A2's.
      const onB = await collectWs<any>(
        b2.ws({ customerId: 'cust-ava' }),
        CASE_EVENTS,
        { caseId, after: 0 },
        (evs) => evs.some((e) => e.__typename === 'MessageCompleted'),
        30_000,
      );
      // From the start, B2's events and A2's as A2 wrote them.
      expect(onB.slice(0, early.length).map((e) => e.seq)).toEqual(early.map((e) => e.seq));
      const seqs = onB.map((e) => e.seq);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
      const stored = await b2.running.orm.em
        .fork()
        .find(CaseEventRecord, { case: caseId, seq: { $lte: seqs[seqs.length - 1] } }, { orderBy: { seq: 'asc' } });
      expect(onB.filter((e) => e.__typename !== 'TokenDelta').map((e) => e.seq)).toEqual(stored.map((e) => e.seq));
      const done = onB.find((e) => e.__typename === 'MessageCompleted');
      const text = onB
        .filter((e) => e.__typename === 'TokenDelta' && e.messageId === done.message.id)
        .map((e) => e.text)
        .join('');
      expect(text).toBe(done.message.content);
      expect(done.message.content).toContain('INV-2026-0136');
    } finally {
      await a2?.stop();
      await b2.stop();
    }
  });
});
