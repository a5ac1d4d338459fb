import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const ASSIGN = /* GraphQL */ `
  mutation Assign($id: ID!, $a: String) { updateCase(input: { caseId: $id, assignee: $a }) { assignee } }
`;
const UNASSIGN = /* GraphQL */ `
  mutation Unassign($id: ID!) { updateCase(input: { caseId: $id, assignee: null }) { assignee } }
`;
const op = { 'x-operator-id': 'maria' };
const STATUS = `{ deskStatus { agents { agent active errors handled } } }`;

describe('take over and hand back', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Slow streaming, so that an answer is still being written when the operator takes over.
    t = await startTestApp({ STREAM_CHUNK_DELAY_MS: '25' });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function submit(message: string, caseId?: string): Promise<string> {
    const r = await t.gql(SUBMIT, { input: { message, caseId } });
    expect(r.errors).toBeUndefined();
    return r.data.submitRequest.case.id;
  }
  const errorsOf = async () =>
    ((await t.gql(STATUS, {}, op)).data.deskStatus.agents as { errors: number }[]).reduce((n, a) => n + a.errors, 0);

  it('stops the agent at once when a human is assigned, keeps the message INCOMPLETE, and counts no error', async () => {
    const errorsBefore = await errorsOf();
    const caseId = await submit('My wifi keeps dropping every evening, what can I do?');
    // Wait for the first tokens of the answer, then take over.
    await collectWs(t.ws(), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e: any) => e.__typename === 'TokenDelta'),
    );
    const assigned = await t.gql(ASSIGN, { id: caseId, a: 'maria' }, op);
    expect(assigned.errors).toBeUndefined();
    const events = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'MessageCompleted'),
    );
    const done = events.find((e) => e.__typename === 'MessageCompleted');
    expect(done.message.status).toBe('INCOMPLETE');
    // No token after the assignment.
    const assignedAt = events.findIndex((e) => e.__typename === 'AssigneeChanged');
    expect(assignedAt).toBeGreaterThan(0);
    expect(events.slice(assignedAt).filter((e) => e.__typename === 'TokenDelta')).toEqual([]);
    expect(await errorsOf()).toBe(errorsBefore);
  });

  it('answers the pending customer message when the case is handed back to the AI', async () => {
    const caseId = await submit('Where can I find my latest invoice?');
    await collectWs(t.ws(), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e: any) => e.__typename === 'MessageCompleted'),
    );
    expect((await t.gql(ASSIGN, { id: caseId, a: 'maria' }, op)).errors).toBeUndefined();
    // The customer writes while a human owns the case: no agent answers.
    await submit('And can I get it as a PDF?', caseId);
    await new Promise((r) => setTimeout(r, 300));
    const q = `query($id: ID!) { case(id: $id) { messages { authorKind status } } }`;
    const before = (await t.gql(q, { id: caseId }, op)).data.case.messages as { authorKind: string }[];
    expect(before.filter((m) => m.authorKind === 'AGENT')).toHaveLength(1);
    const back = await t.gql(UNASSIGN, { id: caseId }, op);
    expect(back.errors).toBeUndefined();
    expect(back.data.updateCase.assignee).toBeNull();
    const events = await collectWs<any>(
      t.ws(),
      CASE_EVENTS,
      { caseId, after: 0 },
      (evs) => evs.filter((e) => e.__typename === 'MessageCompleted').length >= 2,
    );
    const completed = events.filter((e) => e.__typename === 'MessageCompleted');
    expect(completed[1].message.status).toBe('COMPLETE');
  });
});
