/**
 * Internal notes: staff only. Over real WebSocket the customer's caseEvents never carry a note
 * while staff see it on deskEvents; the customer's queries never show it; and a model (the
 * scripted OpenAI-compatible server) is never sent it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { type OpenAiStub, openAiDeskEnv, startOpenAiStub } from '../helpers/openai-stub.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const ADD_NOTE = /* GraphQL */ `
  mutation($c: ID!, $b: String!) { addNote(caseId: $c, body: $b) { id caseId authorId authorName body createdAt } }
`;
const OP = { 'x-operator-id': 'maria' };

describe('case notes', () => {
  let t: TestApp;
  let stub: OpenAiStub;
  beforeAll(async () => {
    stub = await startOpenAiStub();
    stub.onRequest(() => ({ kind: 'text', text: 'Thanks, I am checking your account now.' }));
    t = await startTestApp(openAiDeskEnv(stub, { OPENAI_MAX_RETRIES: '0' }));
  });
  afterAll(async () => {
    await t.stop();
    await stub.close();
  });

  async function submit(message: string, caseId?: string): Promise<string> {
    const r = await t.gql(SUBMIT, { input: { message, caseId } });
    expect(r.errors).toBeUndefined();
    return r.data.submitRequest.case.id;
  }

  it('keeps notes off the customer’s stream and views and shows them to staff when an operator adds one', async () => {
    const caseId = await submit('Where is my order BW-100214? It has not arrived.');
    const secret = 'NOTE-7f3a customer was rude on the phone, check fraud flag';
    const customerEvents = collectWs<any>(t.ws({ customerId: 'cust-ava' }), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'MessageAdded' && e.message.authorKind === 'OPERATOR'),
    );
    const staffDesk = collectWs<any>(
      t.ws({ operatorId: 'sam' }),
      `subscription { deskEvents { __typename ... on NoteAdded { caseId noteId authorId authorName body } } }`,
      {},
      (evs) => evs.some((e) => e.__typename === 'NoteAdded'),
    );
    const customerDesk = collectWs<any>(
      t.ws({ customerId: 'cust-ava' }),
      `subscription { deskEvents { __typename } }`,
      {},
      () => false,
    );
    await expect(customerDesk).rejects.toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    await new Promise((r) => setTimeout(r, 150));

    const note = await t.gql(ADD_NOTE, { c: caseId, b: secret }, OP);
    expect(note.errors).toBeUndefined();
    expect(note.data.addNote).toMatchObject({ caseId, authorId: 'maria', body: secret });
    const reply = await t.gql(
      `mutation($c: ID!) { replyAsOperator(caseId: $c, message: "It is on its way, arriving tomorrow.") { id } }`,
      { c: caseId },
      OP,
    );
    expect(reply.errors).toBeUndefined();

    const seen = await customerEvents;
    expect(seen.some((e) => e.__typename === 'MessageAdded' && e.message.authorKind === 'OPERATOR')).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('NOTE-7f3a');
    const staff = await staffDesk;
    expect(staff.find((e) => e.__typename === 'NoteAdded')).toMatchObject({
      caseId,
      noteId: note.data.addNote.id,
      authorId: 'maria',
      body: secret,
    });

    const mine = await t.gql(`query($id: ID!) { case(id: $id) { messages { content } } }`, { id: caseId });
    expect(mine.errors).toBeUndefined();
    expect(JSON.stringify(mine.data)).not.toContain('NOTE-7f3a');
    const peek = await t.gql(`query($id: ID!) { case(id: $id) { notes { body } } }`, { id: caseId });
    expect(peek.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(peek.data ?? null)).not.toContain('NOTE-7f3a');

    const staffView = await t.gql(
      `query($id: ID!) { case(id: $id) { notes { body authorName } } }`,
      { id: caseId },
      OP,
    );
    expect(staffView.data.case.notes).toEqual([{ body: secret, authorName: 'Maria Santos' }]);
  });

  it('never sends a note to the model when the customer follows up', async () => {
    const caseId = await submit('My invoice total looks wrong this month.');
    await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'MessageCompleted'),
    );
    const note = await t.gql(ADD_NOTE, { c: caseId, b: 'NOTE-91bd offer a goodwill credit if they push' }, OP);
    expect(note.errors).toBeUndefined();
    const before = stub.chatRequests.length;
    await submit('Can you explain the extra line on it?', caseId);
    await collectWs<any>(
      t.ws(),
      CASE_EVENTS,
      { caseId, after: 0 },
      (evs) => evs.filter((e) => e.__typename === 'MessageCompleted').length >= 2,
    );
    const sent = stub.chatRequests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent.map((r) => r.body))).toContain('extra line');
    expect(JSON.stringify(stub.chatRequests.map((r) => r.body))).not.toContain('NOTE-91bd');
  });

  it('refuses notes from customers, on unknown cases and when empty', async () => {
    const caseId = await submit('Hello, my hub keeps blinking red.');
    const asCustomer = await t.gql(ADD_NOTE, { c: caseId, b: 'hi' });
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await t.gql(ADD_NOTE, { c: 'no-such-case', b: 'hi' }, OP);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const empty = await t.gql(ADD_NOTE, { c: caseId, b: '   ' }, OP);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
  });
});
