/**
 * Refund eligibility and refund proposals, under the refund policy (`policy/refund.policy.ts`).
 * No tool here moves money: a refund is proposed, and carried out only when the customer says yes.
 */
import { z } from 'zod';
import type { PaymentRecord as IPayment } from '../../db/customer-data.js';
import type { IPendingAction } from '../../db/entities/index.js';
import { assessRefund, claimsDuplicate, REFUND_POLICY, type RefundClaim } from '../policy/refund.policy.js';
import { paymentView } from './billing.tool.js';
import { day, defineTool, money, type ToolContext } from './tool.js';

/** The policy's verdict on a payment, with the customer's records it needs. */
async function verdictFor(payment: IPayment, ctx: ToolContext, opts: { amountCents?: number; claim?: RefundClaim }) {
  const [payments, invoice, refunds, open] = await Promise.all([
    ctx.data.payments(50),
    payment.invoiceNumber ? ctx.data.invoice(payment.invoiceNumber) : Promise.resolve(null),
    ctx.data.refunds(payment.ref),
    ctx.data.openActions(),
  ]);
  const openRefund =
    refunds.find((r) => r.status === 'pending_review')?.id ??
    open.find((a) => a.paymentRef === payment.ref && a.caseId !== ctx.caseId)?.id ??
    null;
  return assessRefund(payment, { payments, invoice, openRefund, now: ctx.now, ...opts });
}

/** Finds the payment a reference points to: a payment ref, or an invoice number (its latest successful payment). */
async function resolvePayment(reference: string | undefined, ctx: ToolContext): Promise<IPayment | null> {
  if (!reference) return null;
  if (/^INV-/i.test(reference)) {
    const payments = await ctx.data.paymentsForInvoice(reference);
    return payments.find((p) => p.status !== 'failed') ?? null;
  }
  return ctx.data.payment(reference);
}

/** A proposal as tools report it: what would happen, and the yes/no question for the customer. */
function proposalView(a: IPendingAction, payment: IPayment) {
  const amount = money(a.amountCents, a.currency);
  const review = a.verdict.decision === 'review';
  return {
    ok: true,
    status: 'PENDING',
    actionId: a.id,
    action: {
      kind: a.kind,
      amount,
      payment: payment.ref,
      invoice: payment.invoiceNumber,
      method: payment.method,
      paid: day(payment.paidAt),
    },
    verdict: { decision: a.verdict.decision, reason: a.verdict.reason, duplicateOf: a.verdict.duplicateOf },
    question: review
      ? `Shall I send a refund of ${amount} for payment ${payment.ref} to a billing specialist for approval? (yes/no)`
      : `Shall I refund ${amount} for payment ${payment.ref} to your ${payment.method}? (yes/no)`,
    nextStep:
      'Nothing has been refunded yet. Ask the customer this yes/no question; the refund happens only when they confirm.',
  };
}

const reference = z
  .string()
  .min(3)
  .max(64)
  .describe('a payment reference (pay_...) or an invoice number (INV-2026-0142)');
const claim = z
  .enum(['duplicate_charge', 'other'])
  .optional()
  .describe('duplicate_charge when the customer says they were charged twice');

export const checkRefundEligibilityTool = defineTool({
  name: 'check_refund_eligibility',
  description:
    'Check whether a payment can be refunded under the refund policy (and whether it has a duplicate charge). Without a reference, checks the recent successful payments.',
  input: z.object({ reference: reference.optional(), claim }),
  async run(input, ctx) {
    if (input.reference) {
      const payment = await resolvePayment(input.reference, ctx);
      if (!payment) return { found: false, reference: input.reference };
      return { found: true, payment: paymentView(payment), verdict: await verdictFor(payment, ctx, input) };
    }
    const payments = (await ctx.data.payments(10)).filter((p) => p.status !== 'failed').slice(0, 5);
    return {
      found: payments.length > 0,
      policy: {
        windowDays: REFUND_POLICY.windowDays,
        limitWithoutReview: money(REFUND_POLICY.consentLimitCents),
      },
      payments: await Promise.all(
        payments.map(async (p) => ({ payment: paymentView(p), verdict: await verdictFor(p, ctx, input) })),
      ),
    };
  },
});

export const requestRefundTool = defineTool({
  name: 'request_refund',
  description:
    'Propose a refund of (part of) a payment. This refunds NOTHING: it stores a proposal and returns a yes/no question to put to the customer; the refund is made only when they confirm. Refunds outside the policy window or limit go to a billing specialist after the yes. A refund for a duplicate charge needs a duplicate that exists; hardware goes back through a return. Only call this when the customer asks for a refund.',
  input: z.object({
    reference,
    amountCents: z.number().int().positive().optional().describe('amount in cents; omit for the full remaining amount'),
    reason: z.string().min(3).max(500),
    claim,
  }),
  async run(input, ctx) {
    const payment = await resolvePayment(input.reference, ctx);
    if (!payment) return { ok: false, error: `no payment found for ${input.reference} on this account` };
    const existing = (await ctx.data.openActions(ctx.caseId)).find(
      (a) => a.paymentRef === payment.ref && a.status === 'PENDING',
    );
    if (existing) return proposalView(existing, payment);
    // The reason's own words count too: a model that drops the claim cannot skip the duplicate check.
    const asserted: RefundClaim =
      input.claim === 'duplicate_charge' || claimsDuplicate(input.reason) ? 'duplicate_charge' : 'other';
    const verdict = await verdictFor(payment, ctx, { amountCents: input.amountCents, claim: asserted });
    if (verdict.decision !== 'consent' && verdict.decision !== 'review')
      return { ok: false, decision: verdict.decision, error: verdict.reason, payment: paymentView(payment) };
    const action = await ctx.data.proposeAction({
      caseId: ctx.caseId,
      kind: 'REFUND',
      paymentRef: payment.ref,
      orderNumber: null,
      invoiceNumber: payment.invoiceNumber ?? null,
      amountCents: input.amountCents ?? verdict.refundableCents,
      currency: payment.currency,
      reason: input.reason,
      verdict: { decision: verdict.decision, reason: verdict.reason, duplicateOf: verdict.duplicateOf },
    });
    return proposalView(action, payment);
  },
});
