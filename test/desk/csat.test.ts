/** CSAT: the case's customer rates a resolved case, once per resolution; nobody else may. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const RATE = /* GraphQL */ `
  mutation($c: ID!, $s: Int!, $m: String) { rateCase(caseId: $c, score: $s, comment: $m) { score comment resolvedAt } }
`;
const RESOLVE = /* GraphQL */ `
  mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status resolvedAt } }
`;
const OP = { 'x-operator-id': 'sam' };

describe('csat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('takes one rating per resolution from the case’s customer and refuses everyone else', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'How do I reset my hub to factory settings?' } });
    const caseId = r.data.submitRequest.case.id;

    const early = await t.gql(RATE, { c: caseId, s: 5 });
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');

    const desk = collectWs<any>(
      t.ws({ operatorId: 'sam' }),
      `subscription { deskEvents { __typename ... on CaseRated { caseId score comment } } }`,
      {},
      (evs) => evs.some((e) => e.__typename === 'CaseRated'),
    );
    await new Promise((res) => setTimeout(res, 150));
    const first = await t.gql(RESOLVE, { c: caseId }, OP);
    expect(first.data.updateCase.status).toBe('RESOLVED');

    const outOfRange = await t.gql(RATE, { c: caseId, s: 6 });
    expect(outOfRange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
    const asOperator = await t.gql(RATE, { c: caseId, s: 1 }, OP);
    expect(asOperator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherCustomer = await t.gql(RATE, { c: caseId, s: 1 }, { 'x-customer-id': 'cust-ben' });
    expect(otherCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const rated = await t.gql(RATE, { c: caseId, s: 4, m: 'Quick and clear, thanks' });
    expect(rated.errors).toBeUndefined();
    expect(rated.data.rateCase).toEqual({
      score: 4,
      comment: 'Quick and clear, thanks',
      resolvedAt: first.data.updateCase.resolvedAt,
    });
    expect((await desk).find((e) => e.__typename === 'CaseRated')).toEqual({
      __typename: 'CaseRated',
      caseId,
      score: 4,
      comment: 'Quick and clear, thanks',
    });
    const again = await t.gql(RATE, { c: caseId, s: 1 });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    // Re-opened and resolved again: a new resolution, rated anew.
    const follow = await t.gql(SUBMIT, { input: { message: 'It happened again today.', caseId } });
    expect(follow.errors).toBeUndefined();
    const none = await t.gql(`query($id: ID!) { case(id: $id) { status rating { score } } }`, { id: caseId });
    expect(none.data.case.rating).toBeNull();
    const second = await t.gql(RESOLVE, { c: caseId }, OP);
    expect(second.data.updateCase.resolvedAt).not.toBe(first.data.updateCase.resolvedAt);
    expect((await t.gql(RATE, { c: caseId, s: 2, m: 'Came back' })).errors).toBeUndefined();
    const staff = await t.gql(`query($id: ID!) { case(id: $id) { rating { score comment } } }`, { id: caseId }, OP);
    expect(staff.data.case.rating).toEqual({ score: 2, comment: 'Came back' });
  });
});
