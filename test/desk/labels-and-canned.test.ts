/** Labels (the admin-managed set, on cases, as a filter) and canned responses (rendered, posted, with actions). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const ADD = /* GraphQL */ `mutation($c: ID!, $l: String!) { addCaseLabel(caseId: $c, label: $l) }`;
const REMOVE = /* GraphQL */ `mutation($c: ID!, $l: String!) { removeCaseLabel(caseId: $c, label: $l) }`;
const SAVE_CANNED = /* GraphQL */ `
  mutation($i: CannedResponseInput!) { saveCannedResponse(input: $i) { id title body actions { status addLabel } } }
`;
const APPLY = /* GraphQL */ `
  mutation($c: ID!, $id: ID!) {
    applyCannedResponse(caseId: $c, id: $id) { message { authorKind authorName content } case { id status labels } }
  }
`;
const OP = { 'x-operator-id': 'priya' };
const ADMIN = { 'x-admin-id': 'alex' };

describe('labels and canned responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  async function submit(message: string, customer = 'cust-ava'): Promise<string> {
    const r = await t.gql(SUBMIT, { input: { message } }, { 'x-customer-id': customer });
    expect(r.errors).toBeUndefined();
    return r.data.submitRequest.case.id;
  }

  it('lets admins manage the label set and refuses operators', async () => {
    const asOp = await t.gql(`mutation { saveLabel(input: { name: "urgent-ish" }) { name } }`, {}, OP);
    expect(asOp.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const made = await t.gql(
      `mutation { saveLabel(input: { name: "  Hardware Fault ", color: "#112233", description: "Broken device" }) { name color description } }`,
      {},
      ADMIN,
    );
    expect(made.data.saveLabel).toEqual({ name: 'hardware fault', color: '#112233', description: 'Broken device' });
    const badColor = await t.gql(`mutation { saveLabel(input: { name: "x", color: "red" }) { name } }`, {}, ADMIN);
    expect(badColor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'color' });
    const list = await t.gql(`{ labels { name } }`, {}, OP);
    expect(list.data.labels.map((l: any) => l.name)).toEqual(
      expect.arrayContaining(['vip', 'bug', 'refund', 'hardware fault']),
    );
  });

  it('adds and removes labels on a case, refuses unknown ones and filters cases by label', async () => {
    const a = await submit('My hub will not power on at all.');
    const b = await submit('Please send me my last invoice.');
    expect((await t.gql(ADD, { c: a, l: 'bug' }, OP)).data.addCaseLabel).toEqual(['bug']);
    expect((await t.gql(ADD, { c: a, l: 'VIP' }, OP)).data.addCaseLabel).toEqual(['bug', 'vip']);
    expect((await t.gql(ADD, { c: b, l: 'vip' }, OP)).data.addCaseLabel).toEqual(['vip']);
    const unknown = await t.gql(ADD, { c: a, l: 'not-a-label' }, OP);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' });
    const asCustomer = await t.gql(ADD, { c: a, l: 'vip' });
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const search = `query($l: String) { searchCases(search: { label: $l }, first: 50) { totalCount edges { node { id labels } } } }`;
    const vip = await t.gql(search, { l: 'vip' }, OP);
    expect(vip.data.searchCases.edges.map((e: any) => e.node.id).sort()).toEqual([a, b].sort());
    const bugs = await t.gql(search, { l: 'bug' }, OP);
    expect(bugs.data.searchCases.edges.map((e: any) => e.node.id)).toEqual([a]);

    expect((await t.gql(REMOVE, { c: a, l: 'bug' }, OP)).data.removeCaseLabel).toEqual(['vip']);
    expect((await t.gql(search, { l: 'bug' }, OP)).data.searchCases.totalCount).toBe(0);

    // Deleting a label of the set takes it off every case.
    expect((await t.gql(`mutation { deleteLabel(name: "vip") }`, {}, ADMIN)).data.deleteLabel).toBe(true);
    const q = await t.gql(`query($id: ID!) { case(id: $id) { labels } }`, { id: b }, OP);
    expect(q.data.case.labels).toEqual([]);
  });

  it('reads the labels and SLA clocks of a page of cases in one query each, however long the page', async () => {
    const ids = [
      await submit('My hub will not power on.'),
      await submit('Please send my invoice.'),
      await submit('The wifi drops every evening.'),
    ];
    for (const id of ids) await t.gql(ADD, { c: id, l: 'bug' }, OP);
    const knex = t.running.orm.em.getConnection().getKnex();
    const page = `query($n: Int!) { searchCases(search: { label: "bug" }, first: $n) { edges { node { id labels sla { priority } } } } }`;
    const queriesFor = async (n: number) => {
      let count = 0;
      // Only the reads of these two tables (the SLA scheduler may run its own passes meanwhile).
      const onQuery = (q: { sql: string }) => {
        if (/from [`"]?(case_labels|case_slas)[`"]?/.test(q.sql) && !/next_check_at/.test(q.sql)) count++;
      };
      knex.on('query', onQuery);
      try {
        const r = await t.gql(page, { n }, OP);
        expect(r.errors).toBeUndefined();
        expect(r.data.searchCases.edges).toHaveLength(n);
        for (const e of r.data.searchCases.edges) expect(e.node.labels).toContain('bug');
      } finally {
        knex.off('query', onQuery);
      }
      return count;
    };
    // The search itself (its label filter reads case_labels), then one read of each table for the page.
    const one = await queriesFor(1);
    expect(one).toBeLessThanOrEqual(3);
    expect(await queriesFor(3)).toBe(one);
  });

  it('refuses a canned response with an unknown variable and lets only admins save them', async () => {
    const bad = await t.gql(SAVE_CANNED, { i: { title: 'Oops', body: 'Hi {{customer.email}}' } }, ADMIN);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const asOp = await t.gql(SAVE_CANNED, { i: { title: 'Mine', body: 'Hi' } }, OP);
    expect(asOp.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const dup = await t.gql(SAVE_CANNED, { i: { title: 'Greeting', body: 'Hello again' } }, ADMIN);
    expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('renders the variables, posts the reply and runs the actions when an operator applies one', async () => {
    const saved = await t.gql(
      SAVE_CANNED,
      {
        i: {
          title: 'Refund done (test)',
          body: 'Hi {{ customer.name }}, {{agent.name}} here: the refund for case {{case.id}} is on its way.',
          actions: { status: 'RESOLVED', addLabel: 'refund' },
        },
      },
      ADMIN,
    );
    expect(saved.errors).toBeUndefined();
    const caseId = await submit('I was charged twice for my plan, please refund one.', 'cust-ben');
    await collectWs<any>(t.ws({ customerId: 'cust-ben' }), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'MessageCompleted'),
    );
    const preview = await t.gql(
      `query($c: ID!, $id: ID!) { renderCannedResponse(caseId: $c, id: $id) }`,
      { c: caseId, id: saved.data.saveCannedResponse.id },
      OP,
    );
    const expected = `Hi Ben Carter, Priya Nair here: the refund for case ${caseId} is on its way.`;
    expect(preview.data.renderCannedResponse).toBe(expected);

    const applied = await t.gql(APPLY, { c: caseId, id: saved.data.saveCannedResponse.id }, OP);
    expect(applied.errors).toBeUndefined();
    expect(applied.data.applyCannedResponse).toEqual({
      message: { authorKind: 'OPERATOR', authorName: 'Priya Nair', content: expected },
      case: { id: caseId, status: 'RESOLVED', labels: ['refund'] },
    });
    const seen = await t.gql(
      `query($id: ID!) { case(id: $id) { status messages { authorKind content } } }`,
      {
        id: caseId,
      },
      { 'x-customer-id': 'cust-ben' },
    );
    expect(seen.data.case.status).toBe('RESOLVED');
    expect(seen.data.case.messages.at(-1)).toEqual({ authorKind: 'OPERATOR', content: expected });

    const missing = await t.gql(APPLY, { c: caseId, id: 'no-such-macro' }, OP);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
