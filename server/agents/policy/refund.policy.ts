/**
 * The refund policy, in one place: what the desk may refund, when a customer's yes is enough and
 * when an operator must review. Pure functions over the customer's records; every tool that
 * proposes or carries out a refund asks here, whatever the model said.
 */
import type { InvoiceRecord as IInvoice, PaymentRecord as IPayment } from '../../db/customer-data.js';
import { money } from '../tools/tool.js';

/** Within 30 days and up to 500.00 (in the payment's currency) the customer's yes carries a refund out; else an operator reviews it. */
export const REFUND_POLICY = { windowDays: 30, consentLimitCents: 50_000, duplicateWithinHours: 48 } as const;

/** What the customer (or the model) says the refund is for. */
export type RefundClaim = 'duplicate_charge' | 'other';

/** The policy's verdict on refunding (part of) a payment. */
export interface RefundVerdict {
  eligible: boolean;
  /**
   * `consent`: proposed, carried out on the customer's yes; `review`: proposed, an operator
   * decides after the yes; `not_refundable`, `no_duplicate`, `return_required`: refused.
   */
  decision: 'consent' | 'review' | 'not_refundable' | 'no_duplicate' | 'return_required';
  reason: string;
  refundableCents: number;
  duplicateOf: string | null;
  paidDaysAgo: number;
}

/** What the policy looks at besides the payment. */
export interface RefundFacts {
  /** The customer's other payments (any order), to find a duplicate charge. */
  payments: IPayment[];
  /** The payment's invoice, to tell hardware from subscriptions. */
  invoice: IInvoice | null;
  /** A refund of this payment that is still open (awaiting review or consent elsewhere). */
  openRefund: string | null;
  now: Date;
  amountCents?: number;
  claim?: RefundClaim;
}

/** Whether a reason given for a refund claims a duplicate or double charge. */
export function claimsDuplicate(text: string): boolean {
  return /\b(duplicate|duplicated|double[- ]?charged?|charged (?:me )?twice|twice|two charges|charged two times|doppelt|en double|dubbel)\b/i.test(
    text,
  );
}

/** Whether an invoice bills hardware only (order lines and their shipping), which goes back through a return. */
function isHardwareInvoice(invoice: IInvoice | null): boolean {
  if (!invoice || invoice.lines.length === 0) return false;
  return invoice.lines.every((l) => /^Order BW-\d+/i.test(l.description));
}

/** The order a hardware invoice belongs to, if any. */
function orderOfInvoice(invoice: IInvoice | null): string | null {
  const m = invoice?.lines.map((l) => /^Order (BW-\d+)/i.exec(l.description)?.[1]).find(Boolean);
  return m ? m.toUpperCase() : null;
}

/** Another successful charge of the same amount close in time (same invoice when both have one). */
function findDuplicate(payment: IPayment, payments: IPayment[]): IPayment | null {
  const windowMs = REFUND_POLICY.duplicateWithinHours * 3_600_000;
  return (
    payments.find(
      (p) =>
        p.ref !== payment.ref &&
        p.status !== 'failed' &&
        // A twin that has itself been refunded already settled the duplicate.
        p.refundedCents < p.amountCents &&
        p.amountCents === payment.amountCents &&
        p.currency === payment.currency &&
        (!p.invoiceNumber || !payment.invoiceNumber || p.invoiceNumber === payment.invoiceNumber) &&
        Math.abs(p.paidAt.getTime() - payment.paidAt.getTime()) <= windowMs,
    ) ?? null
  );
}

/** Applies the refund policy to a payment. */
export function assessRefund(payment: IPayment, facts: RefundFacts): RefundVerdict {
  const refundableCents = Math.max(payment.amountCents - payment.refundedCents, 0);
  const amount = facts.amountCents ?? refundableCents;
  const ageDays = (facts.now.getTime() - payment.paidAt.getTime()) / 86_400_000;
  const paidDaysAgo = Math.floor(ageDays);
  const verdict = (decision: RefundVerdict['decision'], reason: string, duplicateOf: string | null = null) => ({
    eligible: decision === 'consent' || decision === 'review',
    decision,
    reason,
    refundableCents,
    duplicateOf,
    paidDaysAgo,
  });
  if (payment.status === 'failed') return verdict('not_refundable', 'this payment failed, so no money was taken');
  if (refundableCents <= 0) return verdict('not_refundable', 'this payment has already been refunded in full');
  if (amount > refundableCents)
    return verdict(
      'not_refundable',
      `at most ${money(refundableCents, payment.currency)} of this payment can still be refunded`,
    );
  if (facts.openRefund)
    return verdict(
      'not_refundable',
      `a refund of this payment is already being reviewed or awaiting an answer (${facts.openRefund})`,
    );
  const twin = findDuplicate(payment, facts.payments);
  if (twin)
    return verdict(
      'consent',
      `duplicate of payment ${twin.ref} (same amount, charged ${hoursApart(payment, twin)} hours apart): duplicate charges are refunded in full`,
      twin.ref,
    );
  if (isHardwareInvoice(facts.invoice)) {
    const order = orderOfInvoice(facts.invoice);
    return verdict(
      'return_required',
      `this payment is for hardware${order ? ` (order ${order})` : ''}: devices are refunded through a return (within 30 days of delivery), not a refund of the payment`,
    );
  }
  if (facts.claim === 'duplicate_charge')
    return verdict(
      'no_duplicate',
      'no second charge of the same amount within 48 hours of this payment, so it is not a duplicate',
    );
  if (ageDays > REFUND_POLICY.windowDays)
    return verdict(
      'review',
      `paid ${paidDaysAgo} days ago, outside the ${REFUND_POLICY.windowDays}-day window: a billing specialist must approve it`,
    );
  // The limit applies to everything refunded on the payment, so split requests cannot get around it.
  if (payment.refundedCents + amount > REFUND_POLICY.consentLimitCents)
    return verdict(
      'review',
      `over the ${money(REFUND_POLICY.consentLimitCents, payment.currency)} limit for refunds without review: a billing specialist must approve it`,
    );
  return verdict('consent', `paid ${paidDaysAgo} days ago and within the policy limits`);
}

function hoursApart(a: IPayment, b: IPayment): number {
  return Math.round(Math.abs(a.paidAt.getTime() - b.paidAt.getTime()) / 3_600_000);
}
