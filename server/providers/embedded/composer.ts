/**
 * The embedded engine's answers: composed only from what the tools returned and the help
 * articles found, so it never claims an action that no tool performed.
 */

import { asksForRefund } from './extract.js';
import type { SeenResult } from './planner.js';

interface Article {
  id: string;
  title: string;
  summary: string;
  excerpt: string;
}

const OPENERS: Record<string, string> = {
  billing: 'Thanks for reaching out about your billing.',
  technical: 'Sorry for the trouble — let’s get this working.',
  escalation: 'I’m sorry this happened, and thank you for telling us.',
  general: 'Thanks for getting in touch.',
};

/** Composes the final answer for an agent from the results of its tool calls. */
export function composeAnswer(
  agent: string,
  intent: string,
  text: string,
  seen: SeenResult[],
  customerName?: string,
): string {
  const out: string[] = [];
  const get = <T>(name: string): T[] => seen.filter((s) => s.name === name).map((s) => s.output as unknown as T);
  const greet = customerName ? `Hi ${customerName.split(' ')[0]}, ` : '';

  if (intent === 'out_of_scope') {
    return `${greet}I’m the support desk for Brightwave, so I can only help with your account, billing, orders, devices and our services. Is there something along those lines I can do for you?`;
  }
  if (intent === 'small_talk') {
    return /\b(thank|thanks|thx|cheers)\b/i.test(text)
      ? `${greet}you’re welcome! If anything else comes up with your account, billing, orders or devices, just write here.`
      : `${greet}I’m Brightwave’s support assistant. Tell me what you need — billing, a technical problem, an order or your account — and I’ll look into it.`;
  }
  const opener = OPENERS[agent] ?? OPENERS.general;
  out.push(greet ? `${greet}${opener.charAt(0).toLowerCase()}${opener.slice(1)}` : opener);

  const escalations = get<{ escalated?: boolean; priority?: string; status?: string }>('escalate_to_human');
  if (escalations.some((e) => e.escalated)) {
    const urgent = escalations.some((e) => e.priority === 'URGENT');
    if (/safety/.test(intent))
      out.push(
        'For your safety, unplug the device now, keep it away from anything flammable and do not use it again; we replace unsafe devices free of charge.',
      );
    if (/account_takeover|fraud/.test(intent)) {
      out.push(
        'Please secure your account right away: reset your password, sign out all sessions in Settings > Security, and turn on two-factor authentication. We will never ask you for your password or full card number.',
      );
    }
    out.push(
      urgent
        ? 'I have flagged your case as URGENT and handed it to a human operator, who will take over shortly.'
        : 'I have handed your case to a human operator (priority HIGH); they will pick it up and reply here.',
    );
  }

  for (const r of get<InvoiceResult>('get_invoice')) {
    if (!r.found)
      out.push(
        `I couldn’t find invoice ${r.number} on your account — could you check the number? Your invoices are listed under Dashboard > Billing > Invoices.`,
      );
    else {
      const i = r.invoice;
      out.push(
        `Invoice ${i.number} for ${i.amount} was issued on ${i.issued} and is ${i.status}${i.status === 'paid' ? '' : ` (due ${i.due})`}. It covers: ${i.lines.map((l) => `${l.description} (${l.amount})`).join('; ')}.`,
      );
    }
  }
  for (const r of get<{ invoices: InvoiceView[] }>('list_invoices')) {
    if (r.invoices.length === 0) out.push('I don’t see any invoices on your account yet.');
    else
      out.push(
        `Here are your latest invoices:\n${r.invoices.map((i) => `- ${i.number}: ${i.amount}, issued ${i.issued}, ${i.status}`).join('\n')}\nYou can download each one as a PDF from Dashboard > Billing > Invoices.`,
      );
  }

  const refunds = get<RefundResult>('request_refund');
  for (const r of refunds) {
    if (!r.ok) out.push(`I couldn’t refund that payment: ${r.error}.`);
    else if (r.refund.status === 'approved') {
      const f = r.refund;
      out.push(
        `I’ve issued a refund of ${f.amount} for payment ${f.payment}${f.invoice ? ` (invoice ${f.invoice})` : ''} — reference ${f.id}. It goes back to your ${f.method} within ${r.expectedIn?.replace(', to the original payment method', '')}.`,
      );
    } else {
      out.push(
        `Your refund request of ${r.refund.amount} is recorded (reference ${r.refund.id}) — ${r.reason}. A billing specialist decides within 2 business days, and I’ve escalated the case so it doesn’t wait.`,
      );
    }
  }
  if (refunds.length === 0) {
    for (const r of get<EligibilityResult>('check_refund_eligibility')) {
      if (r.payment && r.verdict) {
        out.push(
          `Payment ${r.payment.ref} of ${r.payment.amount} (${r.payment.date}): ${r.verdict.eligible ? `refundable — ${r.verdict.reason}` : `not refundable — ${r.verdict.reason}`}.`,
        );
      } else if (r.payments?.length) {
        const lines = r.payments.map(
          (p) =>
            `- ${p.payment.date}: ${p.payment.amount} (${p.payment.invoice ?? p.payment.ref}) — ${p.verdict.eligible ? (p.verdict.decision === 'auto_approve' ? 'refundable now' : 'refundable after review') : 'not refundable'}${p.verdict.duplicateOf ? ', looks like a duplicate charge' : ''}`,
        );
        out.push(`Here is what I see on your recent payments:\n${lines.join('\n')}`);
        if (asksForRefund(text))
          out.push(
            'Tell me which payment you’d like refunded (the invoice number or date is enough) and I’ll take care of it.',
          );
      } else if (r.found === false) {
        out.push(
          r.payments
            ? 'I don’t see any payments on this account yet, so there is nothing to refund here. If you paid with another account, sign in with that one.'
            : 'I couldn’t find that payment on your account — could you send the invoice number (INV-…) or the payment date?',
        );
      }
    }
  }
  for (const r of get<PaymentsResult>('list_payments')) {
    const failed = r.payments.filter((p) => p.status === 'failed');
    if (r.refunds?.length && /refund/i.test(text)) {
      out.push(
        `Your refunds:\n${r.refunds.map((f) => `- ${f.id}: ${f.amount} for payment ${f.payment}, requested ${f.requested}, ${f.status.replace('_', ' ')}`).join('\n')}`,
      );
    } else if (failed.length && intent === 'payment_failed') {
      out.push(
        `Your latest failed payment was ${failed[0].amount} on ${failed[0].date} with ${failed[0].method} (${(failed[0].failureReason ?? 'declined').replace(/_/g, ' ')}). Updating the card under Dashboard > Billing > Payment methods lets the next retry go through.`,
      );
    } else if (r.payments.length && (intent === 'billing_dispute' || intent === 'payment_failed')) {
      out.push(
        `Your recent payments:\n${r.payments
          .slice(0, 5)
          .map((p) => `- ${p.date}: ${p.amount} via ${p.method}, ${p.status}${p.invoice ? ` (${p.invoice})` : ''}`)
          .join('\n')}`,
      );
    }
  }
  for (const s of get<SubscriptionResult>('get_subscription')) {
    if (!s.found) out.push('I don’t see an active subscription on your account.');
    else
      out.push(
        `You’re on the ${s.plan} plan (${s.billingCycle}, ${s.price}), status ${s.status}${s.renews ? `, renewing on ${s.renews}` : ''}.`,
      );
  }
  for (const r of get<OrdersResult>('get_order_status')) {
    if (!r.found)
      out.push(
        r.orderNumber
          ? `I couldn’t find order ${r.orderNumber} on your account — could you double-check the number?`
          : 'I don’t see any orders on your account.',
      );
    else for (const o of r.orders.slice(0, 3)) out.push(orderLine(o));
  }
  for (const st of get<StatusResult>('get_service_status')) {
    if (st.active.length)
      out.push(
        `Current service status: ${st.active.map((a) => `${a.component} ${a.status} — ${a.title} (${a.regions.join(', ')}, since ${a.since})`).join('; ')}. If you are in an affected region, this is likely the cause; it is being worked on.`,
      );
    else
      out.push(
        'All Brightwave services are operating normally right now, so the cause is most likely local — the steps below should help.',
      );
  }

  const articles = get<{ articles: Article[] }>('search_knowledge_base').flatMap((r) => r.articles);
  if (articles.length) {
    const [top, ...rest] = articles;
    out.push(`From our help centre — “${top.title}”: ${top.summary}`);
    const steps = top.excerpt.replace(/^## [^\n]*\n/, '').trim();
    if (steps) out.push(steps);
    out.push(`Sources: ${[top, ...rest.slice(0, 2)].map((a) => `“${a.title}”`).join(', ')}.`);
  } else if (out.length === 1) {
    out.push(
      'I couldn’t find a help article that matches. Could you tell me a bit more — what you were doing, and any error message you saw?',
    );
  }
  return out.join('\n\n');
}

function orderLine(o: OrderView): string {
  const base = `Order ${o.number} (${o.items.join(', ')}, ${o.total}) is ${o.status}`;
  if (o.status === 'shipped')
    return `${base}: it left with ${o.carrier}${o.trackingNumber ? `, tracking number ${o.trackingNumber}` : ''}, and should arrive by ${o.eta ?? 'soon'}.`;
  if (o.status === 'delivered') return `${base}: delivered on ${o.delivered} to ${o.shipTo}.`;
  if (o.status === 'processing') return `${base}: not packed yet, so it can still be changed or cancelled.`;
  if (o.status === 'packed')
    return `${base}: it is packed and ships shortly${o.eta ? ` (expected ${o.eta})` : ''}; it can no longer be changed, but you can return it after delivery.`;
  return `${base}.`;
}

interface InvoiceView {
  number: string;
  amount: string;
  status: string;
  issued: string;
  due: string;
  lines: { description: string; amount: string }[];
}
type InvoiceResult = { found: true; invoice: InvoiceView } | { found: false; number?: string };
interface PaymentView {
  ref: string;
  invoice: string | null;
  amount: string;
  status: string;
  method: string;
  date: string;
  failureReason: string | null;
}
interface PaymentsResult {
  payments: PaymentView[];
  refunds?: { id: string; payment: string; amount: string; status: string; requested: string }[];
}
interface Verdict {
  eligible: boolean;
  decision: string;
  reason: string;
  duplicateOf: string | null;
}
interface EligibilityResult {
  found: boolean;
  payment?: PaymentView;
  verdict?: Verdict;
  payments?: { payment: PaymentView; verdict: Verdict }[];
}
type RefundResult =
  | {
      ok: true;
      reason?: string;
      expectedIn?: string;
      refund: { id: string; status: string; amount: string; payment: string; invoice: string | null; method: string };
    }
  | { ok: false; error: string };
interface SubscriptionResult {
  found: boolean;
  plan?: string;
  billingCycle?: string;
  price?: string;
  status?: string;
  renews?: string | null;
}
interface OrderView {
  number: string;
  status: string;
  items: string[];
  total: string;
  carrier: string | null;
  trackingNumber: string | null;
  eta: string | null;
  delivered: string | null;
  shipTo: string;
}
type OrdersResult = { found: true; orders: OrderView[] } | { found: false; orderNumber?: string };
interface StatusResult {
  active: { component: string; status: string; title: string; regions: string[]; since: string }[];
}
