/**
 * Operators and teams: the operator list, the assignee check, and auto-assignment of escalated
 * cases round-robin to online operators of the team with room, re-assigned when one goes offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const SAVE = /* GraphQL */ `
  mutation($i: OperatorInput!) { saveOperator(input: $i) { id team availability capacity } }
`;
const AVAIL = /* GraphQL */ `
  mutation($a: Availability!, $o: ID) { setAvailability(availability: $a, operatorId: $o) { id availability } }
`;
const ADMIN = { 'x-admin-id': 'alex' };

describe('operators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  const assigneeOf = async (id: string) =>
    (await t.gql(`query($id: ID!) { case(id: $id) { assignee team } }`, { id }, ADMIN)).data.case as {
      assignee: string | null;
      team: string | null;
    };

  async function emergency(): Promise<string> {
    const r = await t.gql(SUBMIT, {
      input: { message: 'The hub is making a burning smell and the casing is hot. Is it safe?', emergency: true },
    });
    expect(r.errors).toBeUndefined();
    return r.data.submitRequest.case.id;
  }

  it('lists the seeded operators for staff and refuses customers', async () => {
    const r = await t.gql(
      `{ operators { id name team availability capacity openCases } }`,
      {},
      { 'x-operator-id': 'sam' },
    );
    expect(r.errors).toBeUndefined();
    const byId = Object.fromEntries(r.data.operators.map((o: any) => [o.id, o]));
    expect(byId.maria).toMatchObject({ name: 'Maria Santos', team: 'ESCALATIONS', availability: 'OFFLINE' });
    expect(byId.priya).toMatchObject({ team: 'BILLING' });
    const asCustomer = await t.gql(`{ operators { id } }`);
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an assignee who is not a known operator and sets the team of one who is', async () => {
    const c = await t.gql(SUBMIT, { input: { message: 'My wifi drops every evening.' } });
    const caseId = c.data.submitRequest.case.id;
    const bad = await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, assignee: "nobody-here" }) { assignee } }`,
      { c: caseId },
      { 'x-operator-id': 'sam' },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee' });
    expect((await assigneeOf(caseId)).assignee).toBeNull();
    const ok = await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, assignee: "sam" }) { assignee team } }`,
      { c: caseId },
      { 'x-operator-id': 'priya' },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateCase).toEqual({ assignee: 'sam', team: 'technical' });
  });

  it('names an operator’s replies and notes from the Operator record, not from the token', async () => {
    const c = await t.gql(SUBMIT, { input: { message: 'My router keeps losing its settings.' } });
    const caseId = c.data.submitRequest.case.id;
    // maria's token has no name claim (the name falls back to the id) and sam's names someone else.
    const renamed = { authorization: `Bearer ${tokenFor('sam', 'operator', 3600, { name: 'Token Name' })}` };
    for (const [headers, body] of [
      [{ 'x-operator-id': 'maria' }, 'Could you restart it once?'],
      [renamed, 'Taking a look too.'],
    ] as const) {
      const reply = await t.gql(
        `mutation($c: ID!, $m: String!) { replyAsOperator(caseId: $c, message: $m) { authorName } }`,
        { c: caseId, m: body },
        headers,
      );
      expect(reply.errors).toBeUndefined();
      const note = await t.gql(
        `mutation($c: ID!, $b: String!) { addNote(caseId: $c, body: $b) { authorName } }`,
        { c: caseId, b: body },
        headers,
      );
      expect(note.errors).toBeUndefined();
    }
    const names = await t.gql(
      `query($id: ID!) { operators { id name } case(id: $id) { messages { authorKind authorName } notes { authorName } } }`,
      { id: caseId },
      ADMIN,
    );
    const record = Object.fromEntries(names.data.operators.map((o: any) => [o.id, o.name]));
    expect(record.maria).toBe('Maria Santos');
    expect(record.sam).not.toBe('Token Name');
    const stored = names.data.case.messages
      .filter((m: any) => m.authorKind === 'OPERATOR')
      .map((m: any) => m.authorName);
    expect(stored).toEqual([record.maria, record.sam]);
    expect(names.data.case.notes.map((n: any) => n.authorName).sort()).toEqual([record.maria, record.sam].sort());
    // Someone with no record yet: the token's name.
    const stranger = { authorization: `Bearer ${tokenFor('zoe', 'admin', 3600, { name: 'Zoe New' })}` };
    const reply = await t.gql(
      `mutation($c: ID!) { replyAsOperator(caseId: $c, message: "Hello from Zoe.") { authorName } }`,
      { c: caseId },
      stranger,
    );
    expect(reply.data.replyAsOperator.authorName).toBe('Zoe New');
    // Done, so that the replies' assignment leaves nobody's load changed for the tests after this one.
    const done = await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status } }`,
      { c: caseId },
      ADMIN,
    );
    expect(done.errors).toBeUndefined();
  });

  it('lets only admins change operators and others’ availability', async () => {
    const asOp = await t.gql(SAVE, { i: { id: 'sam', name: 'Sam', capacity: 99 } }, { 'x-operator-id': 'sam' });
    expect(asOp.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await t.gql(AVAIL, { a: 'ONLINE', o: 'maria' }, { 'x-operator-id': 'sam' });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(SAVE, { i: { id: 'x', name: 'X', capacity: -1 } }, ADMIN);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
  });

  it('assigns escalated cases round-robin within capacity and re-assigns when an operator goes offline', async () => {
    for (const id of ['maria', 'alex']) {
      const r = await t.gql(SAVE, { i: { id, name: id, team: 'ESCALATIONS', capacity: 2 } }, ADMIN);
      expect(r.errors).toBeUndefined();
    }
    expect((await t.gql(AVAIL, { a: 'ONLINE' }, { 'x-operator-id': 'maria' })).errors).toBeUndefined();
    expect((await t.gql(AVAIL, { a: 'ONLINE', o: 'alex' }, ADMIN)).errors).toBeUndefined();

    const order: string[] = [];
    const cases: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await emergency();
      cases.push(id);
      await expect.poll(async () => (await assigneeOf(id)).assignee, { timeout: 15_000 }).not.toBeNull();
      const a = await assigneeOf(id);
      expect(a.team).toBe('escalations');
      order.push(a.assignee as string);
    }
    // Equal load, oldest last assignment first (never assigned: by id).
    expect(order).toEqual(['alex', 'maria', 'alex', 'maria']);

    // Both are full (2 each): the fifth waits unassigned.
    const fifth = await emergency();
    await collectWs<any>(t.ws(), CASE_EVENTS, { caseId: fifth, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'CaseEscalated'),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect((await assigneeOf(fifth)).assignee).toBeNull();

    // More room for alex: the waiting case is his.
    expect((await t.gql(SAVE, { i: { id: 'alex', name: 'alex', capacity: 6 } }, ADMIN)).errors).toBeUndefined();
    await expect.poll(async () => (await assigneeOf(fifth)).assignee, { timeout: 5000 }).toBe('alex');

    // Maria goes offline: her open cases move to alex, who has room.
    expect((await t.gql(AVAIL, { a: 'OFFLINE' }, { 'x-operator-id': 'maria' })).errors).toBeUndefined();
    for (const id of cases) expect((await assigneeOf(id)).assignee).toBe('alex');
    const events = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId: cases[1], after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'AssigneeChanged' && e.toAssignee === 'alex'),
    );
    expect(events.filter((e) => e.__typename === 'AssigneeChanged').map((e) => e.toAssignee)).toEqual([
      'maria',
      'alex',
    ]);
    const ops = await t.gql(`{ operators { id openCases } }`, {}, ADMIN);
    const open = Object.fromEntries(ops.data.operators.map((o: any) => [o.id, o.openCases]));
    expect(open).toMatchObject({ maria: 0, alex: 5 });
  });
});
