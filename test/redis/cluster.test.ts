/**
 * Three desks on one PostgreSQL and one Redis, one of them in its own process: it is killed -9
 * while it writes an answer, watched from the two others; another instance closes the half-written
 * answer (INCOMPLETE, with what was streamed) and answers the case, once.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app.js';
import { startChildDesk } from '../helpers/child-desk.js';
import { freshDatabase } from '../helpers/database.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } message { id } } }
`;
const CASE = /* GraphQL */ `
  query Case($id: ID!) { case(id: $id) { messages { id authorKind content status } } }
`;

async function gql(url: string, query: string, variables: Record<string, unknown>, who: Record<string, string>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(who) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
}

describe.skipIf(skipRedis())('a cluster on PostgreSQL and Redis', () => {
  let redis: TestRedis;
  let child: ChildProcess | undefined;
  let b: TestApp | undefined;
  let c: TestApp | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await c?.stop();
    await b?.stop();
    await redis?.stop();
  });

  it('answers, once, on another instance a case whose instance was killed -9 mid-answer', async () => {
    const db = await freshDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.prefix(),
      JWT_SECRET: TEST_JWT_SECRET,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      STREAM_COALESCE_AFTER_MS: '0',
    };
    // A writes slowly, so it is surely mid-answer when it dies (B and C start meanwhile).
    const a = await startChildDesk({ ...env, PORT: '0', STREAM_CHUNK_DELAY_MS: '150' });
    child = a.child;
    const who = { 'x-customer-id': 'cust-ava' };
    const submitted = await gql(a.url, SUBMIT, { input: { message: 'Where is my order BW-100214?' } }, who);
    expect(submitted.errors).toBeUndefined();
    const caseId: string = submitted.data.submitRequest.case.id;

    // B and C start once A works the case (their workers could have taken it).
    b = await startTestApp({ ...env, STREAM_CHUNK_DELAY_MS: '2' });
    c = await startTestApp({ ...env, STREAM_CHUNK_DELAY_MS: '2' });
    // B's dashboard counts A's run: the figures are desk-wide.
    const status = await b.gql('{ deskStatus { activeRuns queueDepth } }', {}, { 'x-operator-id': 'op-ivy' });
    expect(status.data.deskStatus.activeRuns).toBeGreaterThanOrEqual(1);

    // Subscribers on B and C see A's tokens as they are written; A dies after a few of them.
    const complete = (evs: any[]) =>
      evs.some((e) => e.__typename === 'MessageCompleted' && e.message.status === 'COMPLETE');
    const onC = collectWs<any>(c.ws({ customerId: 'cust-ava' }), CASE_EVENTS, { caseId, after: 0 }, complete, 30_000);
    const bWatch = b.ws({ customerId: 'cust-ava' });
    let killedAt = 0;
    const events = await collectWs<any>(
      bWatch,
      CASE_EVENTS,
      { caseId, after: 0 },
      (evs) => {
        if (!killedAt && evs.filter((e) => e.__typename === 'TokenDelta').length >= 3) {
          a.child.kill('SIGKILL');
          killedAt = Date.now();
        }
        return complete(evs);
      },
      30_000,
    );
    expect(killedAt).toBeGreaterThan(0);
    console.info(`answered on B or C ${Date.now() - killedAt} ms after A was killed`);
    const seqs = events.map((e) => e.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
    // C saw the same events, each once, in the same order.
    expect((await onC).map((e) => [e.seq, e.__typename])).toEqual(events.map((e) => [e.seq, e.__typename]));
    const done = events.find((e) => e.__typename === 'MessageCompleted' && e.message.status === 'COMPLETE');
    expect(done.message.content).toContain('BW-100214');
    // A's half-written answer is not left STREAMING: the instance taking over closes it,
    // INCOMPLETE with what A had streamed, before it starts its own answer.
    const cut = events.find((e) => e.__typename === 'TokenDelta').messageId;
    expect(cut).not.toBe(done.message.id);
    const closed = events.findIndex((e) => e.__typename === 'MessageCompleted' && e.message.id === cut);
    expect(closed).toBeGreaterThan(0);
    expect(events[closed].message.status).toBe('INCOMPLETE');
    const cutText = events
      .filter((e) => e.__typename === 'TokenDelta' && e.messageId === cut)
      .map((e) => e.text)
      .join('');
    expect(cutText.length).toBeGreaterThan(0);
    expect(events[closed].message.content).toBe(cutText);
    expect(events[closed + 1]).toMatchObject({ __typename: 'CaseError', code: 'ANSWER_INTERRUPTED' });
    const restarted = events.findIndex((e) => e.__typename === 'AgentStarted' && e.messageId === done.message.id);
    expect(restarted).toBeGreaterThan(closed);

    // Give any second run the time it would take, then read the case.
    await new Promise((r) => setTimeout(r, 2000));
    const read = await b.gql(CASE, { id: caseId }, who);
    const messages: { id: string; authorKind: string; status: string; content: string }[] = read.data.case.messages;
    console.info(`messages: ${messages.map((m) => `${m.authorKind}/${m.status}`).join(', ')}`);
    expect(messages.find((m) => m.id === cut)).toMatchObject({ status: 'INCOMPLETE', content: cutText });
    expect(messages.filter((m) => m.authorKind === 'CUSTOMER')).toHaveLength(1);
    const answers = messages.filter((m) => m.authorKind === 'AGENT' && m.status === 'COMPLETE');
    expect(answers).toHaveLength(1);
    expect(answers[0].content).toBe(done.message.content);
    const status2 = await b.gql('{ deskStatus { activeRuns queueDepth } }', {}, { 'x-operator-id': 'op-ivy' });
    expect(status2.data.deskStatus).toEqual({ activeRuns: 0, queueDepth: 0 });
  }, 60_000);
});
