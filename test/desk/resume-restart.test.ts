import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } message { id } } }
`;
const LONG_ANSWER =
  'My wifi keeps dropping every evening and the BW-1001 error shows on the app. I restarted the hub twice. What can I do?';

describe('resumable streams and restarts', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('resumes after a disconnect mid-answer with no gap and no duplicate', async () => {
    t = await startTestApp({ STREAM_CHUNK_DELAY_MS: '5' });
    const r = await t.gql(SUBMIT, { input: { message: LONG_ANSWER } });
    const caseId = r.data.submitRequest.case.id;
    const first = await collectWs<any>(
      t.ws(),
      CASE_EVENTS,
      { caseId, after: 0 },
      (evs) => evs.filter((e) => e.__typename === 'TokenDelta').length >= 8,
    );
    expect(first.some((e) => e.__typename === 'MessageCompleted')).toBe(false);
    const lastSeen = first.at(-1).seq;
    const rest = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: lastSeen }, (evs) =>
      evs.some((e) => e.__typename === 'MessageCompleted'),
    );
    expect(rest[0].seq).toBeGreaterThan(lastSeen);
    const all = [...first, ...rest];
    const seqs = all.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const streamed = all
      .filter((e) => e.__typename === 'TokenDelta')
      .map((e) => e.text)
      .join('');
    const done = rest.find((e) => e.__typename === 'MessageCompleted');
    expect(streamed).toBe(done.message.content);
  });

  it('replays stored events and the tokens so far to a late subscriber', async () => {
    t = await startTestApp({ STREAM_CHUNK_DELAY_MS: '5' });
    const r = await t.gql(SUBMIT, { input: { message: LONG_ANSWER } });
    const caseId = r.data.submitRequest.case.id;
    // Wait until the answer is under way, then join late from the start.
    await collectWs<any>(
      t.ws(),
      CASE_EVENTS,
      { caseId, after: 0 },
      (evs) => evs.filter((e) => e.__typename === 'TokenDelta').length >= 5,
    );
    const late = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'MessageCompleted'),
    );
    expect(late[0].__typename).toBe('CaseOpened');
    const streamed = late
      .filter((e) => e.__typename === 'TokenDelta')
      .map((e) => e.text)
      .join('');
    expect(streamed).toBe(late.find((e) => e.__typename === 'MessageCompleted').message.content);
  });

  it('completes a case after the app stops mid-answer and starts again', async () => {
    t = await startTestApp({ STREAM_CHUNK_DELAY_MS: '40', SHUTDOWN_TIMEOUT_MS: '0' });
    const r = await t.gql(SUBMIT, { input: { message: LONG_ANSWER } });
    const caseId = r.data.submitRequest.case.id;
    const before = await collectWs<any>(
      t.ws(),
      CASE_EVENTS,
      { caseId, after: 0 },
      (evs) => evs.filter((e) => e.__typename === 'TokenDelta').length >= 3,
    );
    expect(before.some((e) => e.__typename === 'MessageCompleted')).toBe(false);
    await t.restart({ STREAM_CHUNK_DELAY_MS: '0' });
    const after = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'MessageCompleted' && e.message.status === 'COMPLETE'),
    );
    const completed = after.filter((e) => e.__typename === 'MessageCompleted');
    expect(completed[0].message.status).toBe('INCOMPLETE');
    expect(completed.at(-1).message.status).toBe('COMPLETE');
    // Numbers handed out before the restart are never reused.
    const maxBefore = Math.max(...before.map((e) => e.seq));
    const restarted = after.filter((e) => e.__typename === 'AgentStarted').at(-1);
    expect(restarted.seq).toBeGreaterThan(maxBefore);
    const c = await t.gql(`query($id: ID!) { case(id: $id) { status messages { authorKind status } } }`, {
      id: caseId,
    });
    expect(c.data.case.status).toBe('WAITING_ON_CUSTOMER');
    expect(c.data.case.messages.map((m: any) => `${m.authorKind}:${m.status}`)).toEqual([
      'CUSTOMER:COMPLETE',
      'AGENT:INCOMPLETE',
      'AGENT:COMPLETE',
    ]);
  });
});
