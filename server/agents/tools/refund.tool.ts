/** Refund eligibility and refund requests, under the company's refund policy. */
import { z } from 'zod';
import type { IPayment } from '../../db/entities/index.js';
import { paymentView } from './billing.tool.js';
import { day, defineTool, money, type ToolContext } from './tool.js';

/** The refund policy: within 30 days and up to $500 the desk approves at once; else a specialist reviews. */
const REFUND_POLICY = { windowDays: 30, autoApproveLimitCents: 50_000 } as const;

/** The policy's verdict on refunding (part of) a payment. */
export interface RefundVerdict {
  eligible: boolean;
  decision: 'auto_approve' | 'review' | 'not_refundable';
  reason: string;
  refundableCents: number;
  duplicateOf: string | null;
  paidDaysAgo: number;
}

/** Applies the refund policy to a payment. */
async function assessRefund(payment: IPayment, ctx: ToolContext, amountCents?: number): Promise<RefundVerdict> {
  const refundableCents = payment.amountCents - payment.refundedCents;
  const amount = amountCents ?? refundableCents;
  const ageDays = (ctx.now.getTime() - payment.paidAt.getTime()) / 86_400_000;
  const paidDaysAgo = Math.floor(ageDays);
  const none = (reason: string): RefundVerdict => ({
    eligible: false,
    decision: 'not_refundable',
    reason,
    refundableCents: Math.max(refundableCents, 0),
    duplicateOf: null,
    paidDaysAgo,
  });
  if (payment.status === 'failed') return none('this payment failed, so no money was taken');
  if (refundableCents <= 0) return none('this payment has already been refunded in full');
  if (amount > refundableCents)
    return none(`at most ${money(refundableCents, payment.currency)} of this payment can still be refunded`);
  const pending = (await ctx.data.refunds(payment.ref)).find((r) => r.status === 'pending_review');
  if (pending) return none(`a refund of this payment is already being reviewed (${pending.id})`);
  // A second identical successful charge for the same invoice on the same day is a duplicate.
  let duplicateOf: string | null = null;
  if (payment.invoiceNumber) {
    const siblings = await ctx.data.paymentsForInvoice(payment.invoiceNumber);
    // A twin that has itself been refunded already settled the duplicate.
    const twin = siblings.find(
      (p) =>
        p.ref !== payment.ref &&
        p.status !== 'failed' &&
        p.refundedCents < p.amountCents &&
        p.amountCents === payment.amountCents &&
        Math.abs(p.paidAt.getTime() - payment.paidAt.getTime()) < 86_400_000,
    );
    if (twin) duplicateOf = twin.ref;
  }
  if (duplicateOf)
    return {
      eligible: true,
      decision: 'auto_approve',
      reason: `duplicate of payment ${duplicateOf}: duplicate charges are always refunded in full`,
      refundableCents,
      duplicateOf,
      paidDaysAgo,
    };
  if (ageDays > REFUND_POLICY.windowDays) {
    return {
      eligible: true,
      decision: 'review',
      reason: `paid ${Math.floor(ageDays)} days ago, outside the ${REFUND_POLICY.windowDays}-day window: a billing specialist reviews it`,
      refundableCents,
      duplicateOf,
      paidDaysAgo,
    };
  }
  // The limit applies to everything refunded on the payment, so split requests cannot get around it.
  if (payment.refundedCents + amount > REFUND_POLICY.autoApproveLimitCents) {
    return {
      eligible: true,
      decision: 'review',
      reason: `over ${money(REFUND_POLICY.autoApproveLimitCents)}: a billing specialist reviews it`,
      refundableCents,
      duplicateOf,
      paidDaysAgo,
    };
  }
  return {
    eligible: true,
    decision: 'auto_approve',
    reason: `paid ${Math.floor(ageDays)} days ago and within the policy limits`,
    refundableCents,
    duplicateOf,
    paidDaysAgo,
  };
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

const reference = z
  .string()
  .min(3)
  .max(64)
  .describe('a payment reference (pay_...) or an invoice number (INV-2026-0142)');

export const checkRefundEligibilityTool = defineTool({
  name: 'check_refund_eligibility',
  description:
    'Check whether a payment can be refunded under the refund policy. Without a reference, checks the recent successful payments.',
  input: z.object({ reference: reference.optional() }),
  async run(input, ctx) {
    if (input.reference) {
      const payment = await resolvePayment(input.reference, ctx);
      if (!payment) return { found: false, reference: input.reference };
      return { found: true, payment: paymentView(payment), verdict: await assessRefund(payment, ctx) };
    }
    const payments = (await ctx.data.payments(10)).filter((p) => p.status !== 'failed').slice(0, 5);
    return {
      found: payments.length > 0,
      policy: { windowDays: REFUND_POLICY.windowDays, autoApproveLimit: money(REFUND_POLICY.autoApproveLimitCents) },
      payments: await Promise.all(
        payments.map(async (p) => ({ payment: paymentView(p), verdict: await assessRefund(p, ctx) })),
      ),
    };
  },
});

export const requestRefundTool = defineTool({
  name: 'request_refund',
  description:
    'Refund (part of) a payment. Refunds within policy are approved at once; others are recorded for a billing specialist and the case is escalated. Only call this when the customer asks for a refund.',
  input: z.object({
    reference,
    amountCents: z.number().int().positive().optional().describe('amount in cents; omit for the full remaining amount'),
    reason: z.string().min(3).max(500),
  }),
  async run(input, ctx) {
    const payment = await resolvePayment(input.reference, ctx);
    if (!payment) return { ok: false, error: `no payment found for ${input.reference} on this account` };
    const verdict = await assessRefund(payment, ctx, input.amountCents);
    if (!verdict.eligible) return { ok: false, error: verdict.reason, payment: paymentView(payment) };
    const amountCents = input.amountCents ?? verdict.refundableCents;
    const status = verdict.decision === 'auto_approve' ? 'approved' : 'pending_review';
    const refund = await ctx.data.createRefund({
      payment,
      amountCents,
      status,
      reason: input.reason,
      caseId: ctx.caseId,
    });
    if (status === 'pending_review')
      await ctx.desk.escalate(
        `refund of ${money(amountCents, payment.currency)} needs review: ${verdict.reason}`,
        'HIGH',
      );
    return {
      ok: true,
      refund: {
        id: refund.id,
        status,
        amount: money(amountCents, payment.currency),
        payment: payment.ref,
        invoice: payment.invoiceNumber,
        method: payment.method,
        created: day(refund.createdAt),
      },
      reason: verdict.reason,
      expectedIn:
        status === 'approved'
          ? '5-10 business days, to the original payment method'
          : 'a billing specialist decides within 2 business days',
    };
  },
});
