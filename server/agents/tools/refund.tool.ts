/**
 * Refund eligibility and refund proposals, under the refund policy (`policy/refund.policy.ts`).
 * No tool here moves money: a refund is proposed, and carried out only when the customer says yes.
 */
import { z } from 'zod';
import type { ActionRecord, InvoiceRecord, PaymentRecord as IPayment, RefundRecord } from '../../db/customer-data.js';
import { assessRefund, claimsDuplicate, REFUND_POLICY, type RefundClaim } from '../policy/refund.policy.js';
import { paymentView } from './billing.tool.js';
import { day, defineTool, money, type ToolContext } from './tool.js';

/** The customer's records a verdict is made on. */
interface RefundRecords {
  /** The latest 50 payments, newest first. */
  payments: IPayment[];
  /** The payment's invoice (null: none). */
  invoice: InvoiceRecord | null;
  /** Refunds of the payment. */
  refunds: RefundRecord[];
  /** The customer's open actions. */
  open: ActionRecord[];
}

/** The policy's verdict on a payment, on the customer's records it needs. */
function verdictOn(
  payment: IPayment,
  records: RefundRecords,
  ctx: ToolContext,
  opts: { amountCents?: number; claim?: RefundClaim },
) {
  const openRefund =
    records.refunds.find((r) => r.status === 'pending_review')?.id ??
    records.open.find((a) => a.paymentRef === payment.ref && a.caseId !== ctx.caseId)?.id ??
    null;
  return assessRefund(payment, {
    payments: records.payments,
    invoice: records.invoice,
    openRefund,
    now: ctx.now,
    ...opts,
  });
}

/** The policy's verdict on a payment, reading the records it needs. */
async function verdictFor(payment: IPayment, ctx: ToolContext, opts: { amountCents?: number; claim?: RefundClaim }) {
  const [payments, invoice, refunds, open] = await Promise.all([
    ctx.data.payments(50),
    payment.invoiceNumber ? ctx.data.invoice(payment.invoiceNumber) : Promise.resolve(null),
    ctx.data.refunds(payment.ref),
    ctx.data.openActions(),
  ]);
  return verdictOn(payment, { payments, invoice, refunds, open }, ctx, opts);
}

/**
 * The verdicts on the recent successful payments (at most five of the latest ten), on records read
 * once for all of them: the payments, refunds and open actions, and each invoice once.
 */
async function recentVerdicts(ctx: ToolContext, opts: { claim?: RefundClaim }) {
  const [payments, refunds, open] = await Promise.all([
    ctx.data.payments(50),
    ctx.data.refunds(),
    ctx.data.openActions(),
  ]);
  const recent = payments
    .slice(0, 10)
    .filter((p) => p.status !== 'failed')
    .slice(0, 5);
  const numbers = [...new Set(recent.flatMap((p) => (p.invoiceNumber ? [p.invoiceNumber] : [])))];
  const invoices = new Map(await Promise.all(numbers.map(async (n) => [n, await ctx.data.invoice(n)] as const)));
  return recent.map((p) => ({
    payment: paymentView(p),
    verdict: verdictOn(
      p,
      {
        payments,
        invoice: p.invoiceNumber ? (invoices.get(p.invoiceNumber) ?? null) : null,
        refunds: refunds.filter((r) => r.paymentRef === p.ref),
        open,
      },
      ctx,
      opts,
    ),
  }));
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
function proposalView(a: ActionRecord, payment: IPayment) {
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
    const payments = await recentVerdicts(ctx, input);
    return {
      found: payments.length > 0,
      policy: {
        windowDays: REFUND_POLICY.windowDays,
        limitWithoutReview: money(REFUND_POLICY.consentLimitCents),
      },
      payments,
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
