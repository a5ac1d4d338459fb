/**
 * Actions with consent on the openai provider: a scripted model (test/helpers/openai-stub.ts)
 * asks for a refund through the real SDK; the tool only proposes, and money moves on confirmAction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Payment, PendingAction, Refund } from '../../server/db/entities/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { type OpenAiStub, openAiDeskEnv, type RecordedRequest, startOpenAiStub } from '../helpers/openai-stub.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const CONFIRM = `mutation($id: ID!) { confirmAction(actionId: $id) { id status refundId } }`;
const lastMessage = (r: RecordedRequest) => (r.body?.messages ?? []).at(-1);

describe('actions with consent on the openai provider', () => {
  let stub: OpenAiStub | undefined;
  let t: TestApp | undefined;
  afterEach(async () => {
    try {
      await t?.stop();
    } finally {
      await stub?.close();
    }
  });

  /** An app whose model calls request_refund with `args` first, then answers with the text it is given. */
  async function start(args: Record<string, unknown>) {
    stub = await startOpenAiStub();
    stub.onRequest((r) =>
      lastMessage(r)?.role === 'tool'
        ? { kind: 'text', text: 'I found the payment. Shall I refund it? (yes/no)' }
        : { kind: 'tool_calls', calls: [{ name: 'request_refund', arguments: JSON.stringify(args) }] },
    );
    t = await startTestApp(openAiDeskEnv(stub));
    return { stub, t };
  }

  async function ask(app: TestApp, customer: string, message: string): Promise<string> {
    const r = await app.gql(SUBMIT, { input: { message, requestType: 'BILLING' } }, { 'x-customer-id': customer });
    expect(r.errors).toBeUndefined();
    const caseId = r.data.submitRequest.case.id as string;
    await collectWs(app.ws({ customerId: customer }), CASE_EVENTS, { caseId, after: 0 }, answered);
    return caseId;
  }

  it('returns a pending proposal to the model and refunds only when the customer confirms', async () => {
    const { stub, t } = await start({ reference: 'pay_6YL6oFMsBE2Eq5', reason: 'customer wants the money back' });
    const caseId = await ask(t, 'cust-ava', 'Refund my last payment now, just do it.');
    const toolTurn = stub.chatRequests.find((r) => lastMessage(r)?.role === 'tool');
    const told = JSON.parse(lastMessage(toolTurn!).content);
    expect(told).toMatchObject({ ok: true, status: 'PENDING', action: { payment: 'pay_6YL6oFMsBE2Eq5' } });
    expect(told.nextStep).toMatch(/Nothing has been refunded yet/);
    const em = () => t.running.orm.em.fork();
    expect(await em().count(Refund, { paymentRef: 'pay_6YL6oFMsBE2Eq5' })).toBe(0);
    const action = await em().findOneOrFail(PendingAction, { id: told.actionId });
    expect(action).toMatchObject({ caseId, status: 'PENDING' });

    const yes = await t.gql(CONFIRM, { id: told.actionId }, { 'x-customer-id': 'cust-ava' });
    expect(yes.data.confirmAction.status).toBe('EXECUTED');
    expect(await em().count(Refund, { paymentRef: 'pay_6YL6oFMsBE2Eq5', status: 'approved' })).toBe(1);
    expect((await em().findOneOrFail(Payment, { ref: 'pay_6YL6oFMsBE2Eq5' })).refundedCents).toBe(1900);
  });

  it('refuses a duplicate-charge refund the model asks for when no duplicate exists', async () => {
    const { stub, t } = await start({
      reference: 'pay_GxFrwUESWXdiRR',
      reason: 'the customer was double charged',
      claim: 'other',
    });
    await ask(t, 'cust-emma', 'I was charged twice for my Pro plan, refund the extra charge.');
    const toolTurn = stub.chatRequests.find((r) => lastMessage(r)?.role === 'tool');
    expect(JSON.parse(lastMessage(toolTurn!).content)).toMatchObject({ ok: false, decision: 'no_duplicate' });
    const em = t.running.orm.em.fork();
    expect(await em.count(PendingAction, { paymentRef: 'pay_GxFrwUESWXdiRR' })).toBe(0);
    expect(await em.count(Refund, { paymentRef: 'pay_GxFrwUESWXdiRR' })).toBe(0);
  });
});
