/**
 * Two instances writing events of one case at the same time: A streams a long answer while a
 * follow-up and operator changes are submitted on B. A subscriber on C sees strictly increasing
 * seqs and every stored event once, and a resume with `after: N` gets what came after N, exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEventRecord } from '../../server/db/entities/index.js';
import { createOrm } from '../../server/db/orm.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const PRIORITY = /* GraphQL */ `
  mutation Priority($id: ID!, $p: Priority!) { updateCase(input: { caseId: $id, priority: $p }) { priority } }
`;
const who = { 'x-customer-id': 'cust-ava' };
const operator = { 'x-operator-id': 'op-ivy' };
/** Until the first answer is complete and B's last write arrived. */
const settled = (evs: any[]) =>
  evs.some((e) => e.__typename === 'MessageCompleted') &&
  evs.some((e) => e.__typename === 'PriorityChanged' && e.toPriority === 'NORMAL');

describe.skipIf(skipRedis())('two instances writing one case', () => {
  let redis: TestRedis;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    for (const t of apps.reverse()) await t.stop();
    await redis?.stop();
  });

  it('numbers events strictly increasing per case, and a subscriber and a resume see each once', async () => {
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix() };
    // A writes its answer slowly, so B's writes land in the middle of it.
    const a = await startTestApp({ ...env, STREAM_CHUNK_DELAY_MS: '40' });
    apps.push(a);
    const submitted = await a.gql(SUBMIT, { input: { message: 'Where is my order BW-100214?' } }, who);
    expect(submitted.errors).toBeUndefined();
    const caseId: string = submitted.data.submitRequest.case.id;
    // A works the case (B and C start once it streams; their workers could have taken it).
    await collectWs<any>(a.ws({ customerId: 'cust-ava' }), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'TokenDelta'),
    );
    const shared = { ...env, DATABASE_URL: a.config.DATABASE_URL, STREAM_CHUNK_DELAY_MS: '2' };
    const b = await startTestApp(shared);
    apps.push(b);
    const c = await startTestApp(shared);
    apps.push(c);

    const onC = collectWs<any>(c.ws({ customerId: 'cust-ava' }), CASE_EVENTS, { caseId, after: 0 }, settled, 30_000);
    // Once C has replayed what is stored (its live subscription is in place), B writes while A streams.
    await new Promise((r) => setTimeout(r, 150));
    const writes = await Promise.all([
      b.gql(PRIORITY, { id: caseId, p: 'HIGH' }, operator),
      b.gql(SUBMIT, { input: { caseId, message: 'And can I get a copy of invoice INV-2026-0136 too?' } }, who),
      b.gql(PRIORITY, { id: caseId, p: 'LOW' }, operator),
    ]);
    for (const w of writes) expect(w.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 100));
    expect((await b.gql(PRIORITY, { id: caseId, p: 'NORMAL' }, operator)).errors).toBeUndefined();

    const events = await onC;
    const seqs = events.map((e) => e.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
    // The first answer's tokens went on after B's writes, and C saw them.
    const firstAnswer = events.find((e) => e.__typename === 'MessageCompleted');
    const followUp = events.find((e) => e.__typename === 'MessageAdded' && e.message.content.includes('INV-2026-0136'));
    expect(followUp).toBeDefined();
    expect(events.some((e) => e.__typename === 'TokenDelta' && e.seq > followUp.seq && e.seq < firstAnswer.seq)).toBe(
      true,
    );
    expect(
      events
        .filter((e) => e.__typename === 'TokenDelta' && e.messageId === firstAnswer.message.id)
        .map((e) => e.text)
        .join(''),
    ).toBe(firstAnswer.message.content);

    // Every stored event up to the second answer reached C, once.
    const orm = await createOrm(a.config.DATABASE_URL);
    const last = events[events.length - 1].seq;
    const stored = (
      await orm.em.fork().find(CaseEventRecord, { case: caseId, seq: { $lte: last } }, { orderBy: { seq: 'asc' } })
    ).map((r) => r.seq);
    await orm.close();
    const seen = new Set(seqs);
    expect(stored.filter((s) => !seen.has(s))).toEqual([]);
    expect(seen.size).toBe(seqs.length);

    // A resume on B after the follow-up's seq gets exactly what C saw after it.
    const resumed = await collectWs<any>(
      b.ws({ customerId: 'cust-ava' }),
      CASE_EVENTS,
      { caseId, after: followUp.seq },
      (evs) => evs.some((e) => e.seq >= last),
      15_000,
    );
    const after = events.filter((e) => e.seq > followUp.seq);
    expect(resumed.map((e) => [e.seq, e.__typename])).toEqual(after.map((e) => [e.seq, e.__typename]));
  }, 60_000);
});
