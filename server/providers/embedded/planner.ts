/**
 * The embedded engine's tool planning: which tools to call for an intent, and which follow-up
 * action the first results call for (for example, the refund after an eligibility check).
 */
import {
  asksForRefund,
  asksRefundOfDifference,
  asksRefundStatus,
  asksToCompareInvoices,
  claimsDuplicateCharge,
  extractMentions,
  meansLastPayment,
} from './extract.js';

/** A tool call the engine wants. */
export interface PlannedCall {
  name: string;
  args: Record<string, unknown>;
}

/** A tool result seen so far in this turn. */
export interface SeenResult {
  name: string;
  output: Record<string, unknown>;
}

const STATUS_INTENTS = new Set(['outage', 'connectivity', 'performance', 'error_bug']);
/** Intents under which a question about a higher bill is asked. */
const BILLING_INTENTS = new Set(['invoice', 'billing_dispute', 'subscription_billing', 'payment_failed']);

/** First-round calls for a request. */
export function planInitial(intent: string, route: string, text: string, available: Set<string>): PlannedCall[] {
  const m = extractMentions(text);
  const calls: PlannedCall[] = [];
  const add = (name: string, args: Record<string, unknown> = {}) => {
    if (available.has(name) && !calls.some((c) => c.name === name)) calls.push({ name, args });
  };
  const kbQuery = text.replace(/\s+/g, ' ').slice(0, 400);
  // "Why is my bill higher?" compares invoices; only a refund or a double charge makes it a dispute.
  const comparison = BILLING_INTENTS.has(intent) && asksToCompareInvoices(text);
  if (comparison || asksRefundOfDifference(text)) {
    add('list_invoices', { limit: 6 });
    if (m.invoices.length) add('get_invoice', { number: m.invoices[0] });
  }
  switch (comparison ? 'comparison' : intent) {
    case 'invoice':
      if (m.invoices.length) add('get_invoice', { number: m.invoices[0] });
      else add('list_invoices', { limit: 6 });
      // "Refund invoice INV-…" reads as an invoice question, but asks for a refund too.
      if (asksForRefund(text)) add('check_refund_eligibility', m.invoices[0] ? { reference: m.invoices[0] } : {});
      break;
    case 'payment_failed':
    case 'billing_dispute':
      add('list_payments', { limit: 8 });
      if (intent === 'billing_dispute' || asksForRefund(text))
        add('check_refund_eligibility', {
          ...(m.invoices[0] ? { reference: m.invoices[0] } : {}),
          ...(claimsDuplicateCharge(text) ? { claim: 'duplicate_charge' } : {}),
        });
      break;
    case 'refund':
      if (asksRefundStatus(text)) add('list_payments', { limit: 8 });
      else
        add('check_refund_eligibility', {
          ...(m.payments[0] ? { reference: m.payments[0] } : m.invoices[0] ? { reference: m.invoices[0] } : {}),
          ...(claimsDuplicateCharge(text) ? { claim: 'duplicate_charge' } : {}),
        });
      break;
    case 'subscription_billing':
    case 'cancellation_fee':
    case 'account_admin':
      add('get_subscription');
      break;
    case 'order_status':
    case 'order_change':
    case 'returns_warranty':
    case 'delivery':
      if (intent !== 'delivery' || m.orders.length)
        add('get_order_status', m.orders[0] ? { orderNumber: m.orders[0] } : {});
      break;
    default:
      break;
  }
  if (STATUS_INTENTS.has(intent)) add('get_service_status');
  if (route === 'escalation' || intent === 'human_agent') {
    // Emergencies are URGENT; asking for a person is no reason to jump the queue (NORMAL).
    const urgent = /safety|critical_device|account_takeover|fraud/.test(intent);
    add('escalate_to_human', {
      reason: escalationReason(intent, text),
      priority: urgent ? 'URGENT' : intent === 'human_agent' ? 'NORMAL' : 'HIGH',
    });
  }
  if (intent !== 'small_talk' && intent !== 'out_of_scope') add('search_knowledge_base', { query: kbQuery, limit: 3 });
  return calls;
}

/**
 * Second-round calls: a refund proposal the first results make possible and the customer asked
 * for. It only proposes (the customer confirms); a "charged twice" needs a duplicate that exists.
 */
export function planFollowUp(intent: string, text: string, seen: SeenResult[], available: Set<string>): PlannedCall[] {
  if (!available.has('request_refund') || seen.some((s) => s.name === 'request_refund')) return [];
  const wantsRefund = asksForRefund(text) || intent === 'billing_dispute';
  if (!wantsRefund) return [];
  const check = seen.find((s) => s.name === 'check_refund_eligibility')?.output as
    | {
        found?: boolean;
        payment?: { ref: string };
        verdict?: { eligible: boolean; duplicateOf: string | null };
        payments?: {
          payment: { ref: string; amountCents: number };
          verdict: { eligible: boolean; duplicateOf: string | null; paidDaysAgo: number };
        }[];
      }
    | undefined;
  if (!check?.found) return [];
  if (asksRefundOfDifference(text)) return refundOfDifference(seen, check.payments ?? []);
  const m = extractMentions(text);
  const duplicateClaim = claimsDuplicateCharge(text);
  let target: string | undefined;
  if (check.payment && check.verdict?.eligible && (!duplicateClaim || check.verdict.duplicateOf))
    target = check.payment.ref;
  if (!target && check.payments) {
    const eligible = check.payments.filter((p) => p.verdict.eligible);
    if (duplicateClaim) {
      // Only a duplicate that exists; none found means nothing to refund, and the answer says so.
      target = eligible.find((p) => p.verdict.duplicateOf)?.payment.ref;
    } else if (meansLastPayment(text)) {
      // The newest payment, and only when the policy allows it (else the answer gives the verdict).
      const last = check.payments[0];
      target = last?.verdict.eligible ? last.payment.ref : undefined;
    } else {
      // The payment whose amount the customer named; else the only recent refundable payment.
      // With several candidates the engine asks instead of guessing.
      const recent = eligible.filter((p) => p.verdict.paidDaysAgo <= 30);
      const byAmount = m.amountsCents.length
        ? eligible.find((p) => p.payment.amountCents === m.amountsCents[0])
        : undefined;
      target = (byAmount ?? (recent.length === 1 && intent !== 'billing_dispute' ? recent[0] : undefined))?.payment.ref;
    }
  }
  if (!target) return [];
  const amount = m.amountsCents[0];
  const fullAmount = check.payments?.some((p) => p.payment.ref === target && p.payment.amountCents === amount);
  return [
    {
      name: 'request_refund',
      args: {
        reference: target,
        ...(amount && !fullAmount && !duplicateClaim ? { amountCents: amount } : {}),
        reason: text.replace(/\s+/g, ' ').slice(0, 300),
        ...(duplicateClaim ? { claim: 'duplicate_charge' } : {}),
      },
    },
  ];
}

/**
 * "A refund of the difference": the latest invoice's payment, for what it is above the invoice
 * before it; nothing when it is not higher (the answer says there is no difference).
 */
function refundOfDifference(
  seen: SeenResult[],
  payments: { payment: { ref: string; invoice?: string | null }; verdict: { eligible: boolean } }[],
): PlannedCall[] {
  const invoices = seen.find((s) => s.name === 'list_invoices')?.output.invoices as InvoiceAmount[] | undefined;
  const diff = invoiceDifference(invoices ?? []);
  if (!diff || diff.cents <= 0) return [];
  const paid = payments.find((p) => p.payment.invoice === diff.latest && p.verdict.eligible);
  if (!paid) return [];
  return [
    {
      name: 'request_refund',
      args: {
        reference: paid.payment.ref,
        amountCents: diff.cents,
        reason: `the difference of invoice ${diff.latest} over ${diff.previous}`,
      },
    },
  ];
}

/** An invoice as list_invoices reports it, as far as a comparison needs. */
export interface InvoiceAmount {
  number: string;
  amountCents: number;
  currency: string;
  status: string;
}

/** The latest (not void) invoice's amount above the one before it, in cents; null with fewer than two. */
export function invoiceDifference(
  invoices: InvoiceAmount[],
): { latest: string; previous: string; cents: number } | null {
  const [latest, previous] = invoices.filter((i) => i.status !== 'void');
  if (!latest || !previous || latest.currency !== previous.currency) return null;
  return { latest: latest.number, previous: previous.number, cents: latest.amountCents - previous.amountCents };
}

function escalationReason(intent: string, text: string): string {
  const label = intent.replace(/_/g, ' ');
  return `${label}: ${text.replace(/\s+/g, ' ').slice(0, 200)}`;
}
