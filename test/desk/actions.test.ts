import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Payment, PendingAction, Refund } from '../../server/db/entities/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const ACTION_FIELDS =
  'id caseId kind status paymentRef amount amountCents question decidedBy reviewedBy reviewNote refundId verdict { decision reason duplicateOf }';
const CASE_ACTIONS = `query($caseId: ID!) { caseActions(caseId: $caseId) { ${ACTION_FIELDS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmAction(actionId: $id) { ${ACTION_FIELDS} } }`;
const DECLINE = `mutation($id: ID!) { declineAction(actionId: $id) { ${ACTION_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $d: ReviewDecision!, $note: String) { decideReview(actionId: $id, decision: $d, note: $note) { ${ACTION_FIELDS} } }`;
const REVIEWS = `{ pendingReviews { ${ACTION_FIELDS} } }`;
const ACTION_EVENTS = /* GraphQL */ `
  subscription Watch($caseId: ID!, $after: Int) {
    caseEvents(caseId: $caseId, after: $after) {
      __typename
      seq
      ... on MessageAdded { message { authorKind content } }
      ... on MessageCompleted { message { content } }
      ... on ActionUpdated { actionId kind status by summary }
    }
  }
`;

describe('actions with consent', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  const em = () => t.running.orm.em.fork();
  const as = (customer: string) => ({ 'x-customer-id': customer });
  const operator = { 'x-operator-id': 'maria' };

  /** Submits a request as a customer and waits for the answer. */
  async function ask(customer: string, message: string) {
    const r = await t.gql(SUBMIT, { input: { message } }, as(customer));
    expect(r.errors).toBeUndefined();
    const caseId = r.data.submitRequest.case.id as string;
    const events = await collectWs<any>(t.ws({ customerId: customer }), CASE_EVENTS, { caseId, after: 0 }, answered);
    const content = events.find((e) => e.__typename === 'MessageCompleted').message.content as string;
    const actions = (await t.gql(CASE_ACTIONS, { caseId }, as(customer))).data.caseActions as any[];
    return { caseId, content, actions };
  }

  it('finds no duplicate and refunds nothing when Emma says her 39 euro Pro plan was charged twice', async () => {
    const refundsBefore = await em().count(Refund, { customer: 'cust-emma' });
    const { content, actions } = await ask(
      'cust-emma',
      'I think I was charged twice for my Pro plan this month (39 euros). Can you check, and if so refund the extra charge?',
    );
    expect(content).toMatch(/found no duplicate charge/);
    expect(content).not.toMatch(/I’ve (issued a )?refund|Shall I refund/);
    expect(actions).toEqual([]);
    expect(await em().count(Refund, { customer: 'cust-emma' })).toBe(refundsBefore);
    expect((await em().findOneOrFail(Payment, { ref: 'pay_GxFrwUESWXdiRR' })).refundedCents).toBe(0);
  });

  it('tells Daan his hub was charged once and that hardware goes back through a return', async () => {
    const { content, actions } = await ask(
      'cust-daan',
      'Was I charged twice for my hub? If yes please refund the duplicate, otherwise just tell me.',
    );
    expect(content).toMatch(/found no duplicate charge/);
    expect(content).toMatch(/hardware is refunded through a return/);
    expect(actions).toEqual([]);
    expect(await em().count(Refund, { customer: 'cust-daan' })).toBe(0);
  });

  it('sends Daan’s hub refund to a return, not a refund', async () => {
    const { content, actions } = await ask('cust-daan', 'I want a refund for my hub please, I do not need it anymore.');
    expect(content).toMatch(/refunded through a return/);
    expect(content).toMatch(/Return items/);
    expect(content).not.toMatch(/Shall I refund/);
    expect(actions).toEqual([]);
    expect(await em().count(Refund, { customer: 'cust-daan' })).toBe(0);
    expect((await em().findOneOrFail(Payment, { ref: 'pay_CjxHF8urqHNNo6' })).refundedCents).toBe(0);
  });

  it('proposes Ava’s last payment, refunds it once on her yes and tells her on the case', async () => {
    const { caseId, content, actions } = await ask('cust-ava', 'I want a refund of my last payment please');
    expect(actions).toHaveLength(1);
    const [action] = actions;
    expect(action).toMatchObject({
      caseId,
      kind: 'REFUND',
      status: 'PENDING',
      paymentRef: 'pay_6YL6oFMsBE2Eq5',
      amount: '$19.00',
      decidedBy: null,
      refundId: null,
      verdict: { decision: 'CONSENT' },
    });
    expect(content).toMatch(/I found payment pay_6YL6oFMsBE2Eq5 of \$19\.00/);
    expect(content).toMatch(/Shall I refund \$19\.00 to your mastercard •••• 5100\? \(yes\/no\)/);
    expect(content).not.toMatch(/I’ve (issued a )?refund/);
    expect(await em().count(Refund, { paymentRef: 'pay_6YL6oFMsBE2Eq5' })).toBe(0);

    // Another customer may not say yes for her.
    const ben = await t.gql(CONFIRM, { id: action.id }, as('cust-ben'));
    expect(ben.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await em().count(Refund, { paymentRef: 'pay_6YL6oFMsBE2Eq5' })).toBe(0);
    expect(await em().count(AuditEvent, { type: 'action_probe', actorId: 'cust-ben' })).toBe(1);

    // Two yeses at once (a double click) refund once.
    const [a, b] = await Promise.all([
      t.gql(CONFIRM, { id: action.id }, as('cust-ava')),
      t.gql(CONFIRM, { id: action.id }, as('cust-ava')),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data.confirmAction).toMatchObject({ status: 'EXECUTED', decidedBy: 'cust-ava' });
    expect(b.data.confirmAction.refundId).toBe(a.data.confirmAction.refundId);
    const again = await t.gql(CONFIRM, { id: action.id }, as('cust-ava'));
    expect(again.data.confirmAction.status).toBe('EXECUTED');
    const refunds = await em().find(Refund, { paymentRef: 'pay_6YL6oFMsBE2Eq5' });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      id: a.data.confirmAction.refundId,
      amountCents: 1900,
      status: 'approved',
      caseId,
    });
    expect(await em().findOneOrFail(Payment, { ref: 'pay_6YL6oFMsBE2Eq5' })).toMatchObject({
      refundedCents: 1900,
      status: 'refunded',
    });
    const declined = await t.gql(DECLINE, { id: action.id }, as('cust-ava'));
    expect(declined.errors?.[0].extensions?.code).toBe('CONFLICT');

    const events = await collectWs<any>(t.ws({ customerId: 'cust-ava' }), ACTION_EVENTS, { caseId, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'ActionUpdated'),
    );
    const updates = events.filter((e) => e.__typename === 'ActionUpdated');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actionId: action.id, kind: 'REFUND', status: 'EXECUTED', by: 'cust-ava' });
    const told = events.filter((e) => e.__typename === 'MessageAdded' && e.message.authorKind === 'AGENT');
    expect(told).toHaveLength(1);
    expect(told[0].message.content).toMatch(
      new RegExp(`^Done: I’ve refunded \\$19\\.00 for payment pay_6YL6oFMsBE2Eq5 .*reference ${refunds[0].id}`),
    );
    expect(await em().count(AuditEvent, { type: 'action_executed', caseId })).toBe(1);
  });

  it('refunds nothing when Oliver declines the proposed refund of his duplicate charge', async () => {
    const { caseId, content, actions } = await ask(
      'cust-oliver',
      'I was charged twice for my last renewal, please refund the duplicate.',
    );
    expect(actions).toHaveLength(1);
    expect(actions[0].verdict.duplicateOf).toMatch(/^pay_/);
    expect(content).toMatch(/a duplicate of payment pay_\w+\. Shall I refund £19\.00/);
    const no = await t.gql(DECLINE, { id: actions[0].id }, as('cust-oliver'));
    expect(no.data.declineAction).toMatchObject({ status: 'DECLINED', decidedBy: 'cust-oliver', refundId: null });
    const yes = await t.gql(CONFIRM, { id: actions[0].id }, as('cust-oliver'));
    expect(yes.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await em().count(Refund, { customer: 'cust-oliver' })).toBe(0);
    const events = await collectWs<any>(
      t.ws({ customerId: 'cust-oliver' }),
      ACTION_EVENTS,
      { caseId, after: 0 },
      (evs) => evs.some((e) => e.__typename === 'ActionUpdated'),
    );
    expect(events.find((e) => e.__typename === 'ActionUpdated')).toMatchObject({ status: 'DECLINED' });
    expect(
      events.find((e) => e.__typename === 'MessageAdded' && e.message.authorKind === 'AGENT').message.content,
    ).toMatch(/won’t refund £19\.00.*Nothing on your account has changed/);
  });

  it('sends Harper’s $990 refund to review on her yes and carries it out on an operator’s approval', async () => {
    const { caseId, content, actions } = await ask('cust-harper', 'I want a refund of invoice INV-2026-0134 please.');
    expect(actions).toHaveLength(1);
    const id = actions[0].id;
    expect(actions[0]).toMatchObject({ status: 'PENDING', amount: '$990.00', verdict: { decision: 'REVIEW' } });
    expect(content).toMatch(/Shall I send the refund of \$990\.00 to them for review\? \(yes\/no\)/);

    const yes = await t.gql(CONFIRM, { id }, as('cust-harper'));
    expect(yes.data.confirmAction).toMatchObject({ status: 'IN_REVIEW', decidedBy: 'cust-harper', refundId: null });
    expect(await em().count(Refund, { paymentRef: 'pay_LLRW77rKz6GTWW' })).toBe(0);

    // The queue is for staff only, and so is the decision.
    expect((await t.gql(REVIEWS, {}, as('cust-harper'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reviews = (await t.gql(REVIEWS, {}, operator)).data.pendingReviews as any[];
    expect(reviews.map((r) => r.id)).toContain(id);
    const self = await t.gql(DECIDE, { id, d: 'APPROVE' }, as('cust-harper'));
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await em().count(Refund, { paymentRef: 'pay_LLRW77rKz6GTWW' })).toBe(0);

    const ok = await t.gql(DECIDE, { id, d: 'APPROVE', note: 'Goodwill: first year' }, operator);
    expect(ok.data.decideReview).toMatchObject({
      status: 'EXECUTED',
      reviewedBy: 'maria',
      reviewNote: 'Goodwill: first year',
    });
    expect(await em().find(Refund, { paymentRef: 'pay_LLRW77rKz6GTWW' })).toMatchObject([
      { amountCents: 99000, status: 'approved', caseId },
    ]);
    const twice = await t.gql(DECIDE, { id, d: 'APPROVE' }, operator);
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await em().count(Refund, { paymentRef: 'pay_LLRW77rKz6GTWW' })).toBe(1);
    expect((await t.gql(REVIEWS, {}, operator)).data.pendingReviews.map((r: any) => r.id)).not.toContain(id);
    const audit = await em().find(AuditEvent, { type: 'refund_review_approved', caseId });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ category: 'action', actorId: 'maria', actorRole: 'operator' });
    const events = await collectWs<any>(
      t.ws({ customerId: 'cust-harper' }),
      ACTION_EVENTS,
      { caseId, after: 0 },
      (evs) => evs.filter((e) => e.__typename === 'ActionUpdated').length >= 2,
    );
    expect(events.filter((e) => e.__typename === 'ActionUpdated').map((e) => e.status)).toEqual([
      'IN_REVIEW',
      'EXECUTED',
    ]);
    expect(
      events.filter((e) => e.__typename === 'MessageAdded' && e.message.authorKind === 'AGENT').at(-1).message.content,
    ).toMatch(/specialist approved your refund\. Done: I’ve refunded \$990\.00/);
  });

  it('lets an operator say yes for Grace, and a rejection in review refunds nothing', async () => {
    const { caseId, actions } = await ask('cust-grace', 'I want a refund of my last payment please');
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ paymentRef: 'pay_MaDGJu2K6sFFqu', verdict: { decision: 'REVIEW' } });
    const yes = await t.gql(CONFIRM, { id: actions[0].id }, operator);
    expect(yes.data.confirmAction).toMatchObject({ status: 'IN_REVIEW', decidedBy: 'maria' });
    const no = await t.gql(DECIDE, { id: actions[0].id, d: 'REJECT', note: 'The period was used' }, operator);
    expect(no.data.decideReview).toMatchObject({ status: 'REJECTED', reviewedBy: 'maria', refundId: null });
    expect(await em().count(Refund, { paymentRef: 'pay_MaDGJu2K6sFFqu', status: 'approved' })).toBe(0);
    expect(await em().count(AuditEvent, { type: 'refund_review_rejected', caseId })).toBe(1);
    const row = await em().findOneOrFail(PendingAction, { id: actions[0].id });
    expect(row.reviewedAt).toBeInstanceOf(Date);
  });

  it('answers a malformed action id with BAD_USER_INPUT and an unknown one with NOT_FOUND', async () => {
    const bad = await t.gql(CONFIRM, { id: 'nope' }, as('cust-ava'));
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actionId' });
    const unknown = await t.gql(DECLINE, { id: 'act_0123456789abcdef' }, as('cust-ava'));
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'actionId' });
    const review = await t.gql(DECIDE, { id: 'act_0123456789abcdef', d: 'APPROVE' }, operator);
    expect(review.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('hides a case’s actions from another customer', async () => {
    const { caseId } = await ask('cust-chloe', 'I want a refund of my last payment please');
    const other = await t.gql(CASE_ACTIONS, { caseId }, as('cust-ben'));
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const staff = await t.gql(CASE_ACTIONS, { caseId }, operator);
    expect(staff.errors).toBeUndefined();
  });
});
