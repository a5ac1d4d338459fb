/**
 * The embedded engine's answers: composed only from what the tools returned and the help
 * articles found, so it never claims an action that no tool performed.
 */

import { detectLanguage, type Language } from '../../language.js';
import { asksForRefund, asksRefundOfDifference, asksToCompareInvoices, claimsDuplicateCharge } from './extract.js';
import { invoiceDifference, type SeenResult } from './planner.js';

interface Article {
  id: string;
  title: string;
  summary: string;
  excerpt: string;
}

// The first line fits what the message is about (its own intent), not which agent answers: a
// billing agent asked about a red light must not thank the customer for a billing question.
const OPENER_BY_INTENT: [RegExp, string][] = [
  [
    /^(safety|critical_device|account_takeover|fraud|account_takeover_fraud)$/,
    'Thank you for telling us straight away — this is being treated as urgent.',
  ],
  [
    /^(complaint|churn_threat|legal_threat|policy_exception)$/,
    'I’m sorry this happened, and thank you for telling us.',
  ],
  [/^human_agent$/, 'Of course — let me bring in a person.'],
  [
    /^(error_bug|connectivity|outage|performance|login_password|signup_problem|installation)$/,
    'Sorry for the trouble — let’s get this working.',
  ],
  [/^(payment_failed|billing_dispute)$/, 'Sorry about the trouble with your payment — let’s sort it out.'],
  [
    /^(invoice|payment_methods|subscription_billing|cancellation_fee|refund)$/,
    'Thanks for your question — here is what I can tell you.',
  ],
  [/^(feature_guidance|data_security)$/, 'Happy to help with that.'],
];
const DEFAULT_OPENER = 'Thanks for getting in touch.';
const ESCALATION_INTENTS =
  /^(safety|critical_device|account_takeover|fraud|account_takeover_fraud|complaint|churn_threat|legal_threat|policy_exception|human_agent)$/;

// An opening line in the customer's language; the help centre (and so the rest) is in English.
const LOCAL_OPENING: Record<Exclude<Language, 'en'>, { hello: string; urgent: string; rest: string }> = {
  fr: {
    hello: 'Bonjour',
    urgent: 'nous traitons votre demande en priorité.',
    rest: 'merci pour votre message. La suite de ma réponse est en anglais, car notre centre d’aide n’existe pour l’instant qu’en anglais.',
  },
  de: {
    hello: 'Hallo',
    urgent: 'wir bearbeiten Ihre Anfrage mit Vorrang.',
    rest: 'danke für Ihre Nachricht. Der Rest meiner Antwort ist auf Englisch, weil unser Hilfe-Center bisher nur auf Englisch verfügbar ist.',
  },
  nl: {
    hello: 'Hallo',
    urgent: 'we behandelen uw verzoek met voorrang.',
    rest: 'bedankt voor uw bericht. De rest van mijn antwoord is in het Engels, omdat ons helpcentrum alleen in het Engels beschikbaar is.',
  },
  es: {
    hello: 'Hola',
    urgent: 'estamos tratando su solicitud con prioridad.',
    rest: 'gracias por su mensaje. El resto de mi respuesta está en inglés, porque nuestro centro de ayuda solo está disponible en inglés.',
  },
};

// Requests to change something that no tool of the engine changes: the answer says so before
// the help centre's steps, so that "the change takes effect…" never reads as done.
const SELF_SERVICE_INTENTS = new Set([
  'subscription_billing',
  'cancellation_fee',
  'account_admin',
  'order_change',
  'shipping_address',
  'newsletter',
]);
const ASKS_FOR_CHANGE =
  /\b(switch|change|cancel|upgrade|downgrade|update|delete|close|remove|add|move|unsubscribe|stop|turn off|modify|edit|want to (?:go|be)|pass(?:er)?|changer|annuler|r[ée]silier|wechseln|[äa]ndern|k[üu]ndigen|stornieren|wijzigen|opzeggen|annuleren|cambiar|cancelar)\b/i;

/** The first name to greet with, or nothing for a guest or an empty name. */
function firstName(customerName?: string): string | undefined {
  const first = customerName?.trim().split(/\s+/)[0];
  if (!first || /^guest$/i.test(first) || !/^\p{L}/u.test(first)) return undefined;
  return first;
}

/** Joins "Hi Ben," and a sentence, lower-casing its first letter unless it is "I" or "I’m". */
function greetAnd(greet: string, sentence: string): string {
  if (!greet) return sentence;
  const keep = /^I(?:\b|[’'])/.test(sentence);
  return `${greet}${keep ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1)}`;
}

/** What the composer knows besides the tool results. */
export interface ComposeOptions {
  customerName?: string;
  /** The company the answers speak for (COMPANY_NAME). */
  company?: string;
  /** The message's own intent when the engine is confident of it (may differ from the route's). */
  ownIntent?: string;
}

/** Composes the final answer for an agent from the results of its tool calls. */
export function composeAnswer(
  _agent: string,
  intent: string,
  text: string,
  seen: SeenResult[],
  opts: ComposeOptions = {},
): string {
  const out: string[] = [];
  const company = opts.company ?? 'the company';
  const get = <T>(name: string): T[] => seen.filter((s) => s.name === name).map((s) => s.output as unknown as T);
  const name = firstName(opts.customerName);
  const { language } = detectLanguage(text);
  const escalations = get<{ escalated?: boolean; priority?: string; status?: string }>('escalate_to_human');
  const urgent = escalations.some((e) => e.escalated && e.priority === 'URGENT');
  // In another language the local line greets; the English part then starts without a greeting.
  let greet = name ? `Hi ${name}, ` : '';
  if (language !== 'en') {
    const local = LOCAL_OPENING[language];
    out.push(`${local.hello}${name ? ` ${name}` : ''}, ${urgent ? `${local.urgent} ` : ''}${local.rest}`);
    greet = '';
  }

  if (intent === 'out_of_scope') {
    out.push(
      greetAnd(
        greet,
        `I’m the support desk for ${company}, so I can only help with your account, billing, orders, devices and our services. Is there something along those lines I can do for you?`,
      ),
    );
    return out.join('\n\n');
  }
  if (intent === 'small_talk') {
    out.push(
      /\b(thank|thanks|thx|cheers|merci|danke|bedankt|gracias)\b/i.test(text)
        ? greetAnd(
            greet,
            'You’re welcome! If anything else comes up with your account, billing, orders or devices, just write here.',
          )
        : greetAnd(
            greet,
            `I’m ${company}’s support assistant. Tell me what you need — billing, a technical problem, an order or your account — and I’ll look into it.`,
          ),
    );
    return out.join('\n\n');
  }
  // An escalation (signal or route) keeps its own opener; otherwise the message's own intent wins.
  // A question why the bill is higher is an invoice question, not the trouble of a failed payment.
  const comparing = asksToCompareInvoices(text);
  const own = opts.ownIntent ?? intent;
  const about =
    urgent || ESCALATION_INTENTS.test(intent)
      ? intent
      : comparing && /billing_dispute|payment_failed/.test(own)
        ? 'invoice'
        : own;
  const opener = OPENER_BY_INTENT.find(([re]) => re.test(about))?.[1] ?? DEFAULT_OPENER;
  out.push(greetAnd(greet, opener));

  if (escalations.some((e) => e.escalated)) {
    if (/critical_device/.test(intent))
      out.push(
        'If anyone’s health or safety depends on that device right now, call the emergency services (112 in Europe, 911 in the US and Canada) or use a mobile phone — don’t wait for the connection to come back.',
      );
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
        : escalations.some((e) => e.priority === 'HIGH')
          ? 'I have handed your case to a human operator (priority HIGH); they will pick it up and reply here.'
          : 'I have asked a human operator to join; they will pick your case up and reply here.',
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
  const refunds = get<RefundResult>('request_refund');
  const differenceAsked = asksRefundOfDifference(text);
  // Asked for the difference back, and the bill did not go up: nothing to refund, nothing to pick.
  let noDifference = false;
  for (const r of get<{ invoices: InvoiceView[] }>('list_invoices')) {
    const compared = comparing || differenceAsked ? compareInvoices(r.invoices) : null;
    if (compared) out.push(compared.text);
    if (differenceAsked && compared && compared.cents <= 0 && refunds.length === 0) {
      noDifference = true;
      out.push('So there is no difference to refund, and nothing has been refunded.');
    }
    if (r.invoices.length === 0) out.push('I don’t see any invoices on your account yet.');
    else
      out.push(
        `Here are your latest invoices:\n${r.invoices.map((i) => `- ${i.number}: ${i.amount}, issued ${i.issued}, ${i.status}`).join('\n')}\nYou can download each one as a PDF from Dashboard > Billing > Invoices.`,
      );
  }

  for (const r of refunds) {
    if (!r.ok) out.push(`I couldn’t propose a refund of that payment: ${r.error}.`);
    else {
      const a = r.action;
      const found = `I found payment ${a.payment} of ${a.amount} from ${a.paid}${a.invoice ? ` (invoice ${a.invoice})` : ''}, paid with ${a.method}`;
      out.push(
        r.verdict.decision === 'review'
          ? `${found}. It can only be refunded with a billing specialist’s approval — ${r.verdict.reason}. Shall I send the refund of ${a.amount} to them for review? (yes/no)`
          : `${found}${r.verdict.duplicateOf ? `, a duplicate of payment ${r.verdict.duplicateOf}` : ''}. Shall I refund ${a.amount} to your ${a.method}? (yes/no)`,
      );
      out.push('Nothing has been refunded yet: answer yes or no, and I’ll go ahead only on your yes.');
    }
  }
  // The payments once: a list with refund verdicts stands for the plain list.
  let paymentsListed = false;
  if (refunds.length === 0 && !noDifference) {
    const duplicateClaim = claimsDuplicateCharge(text);
    for (const r of get<EligibilityResult>('check_refund_eligibility')) {
      if (r.payment && r.verdict) {
        out.push(
          `Payment ${r.payment.ref} of ${r.payment.amount} (${r.payment.date}): ${r.verdict.eligible ? `refundable — ${r.verdict.reason}` : `not refundable — ${r.verdict.reason}`}.`,
        );
        if (r.verdict.decision === 'return_required') out.push(RETURN_STEPS);
      } else if (r.payments?.length) {
        const lines = r.payments.map(
          (p) =>
            `- ${p.payment.date}: ${p.payment.amount} (${p.payment.invoice ?? p.payment.ref}) — ${verdictLabel(p.verdict)}${p.verdict.duplicateOf ? ', looks like a duplicate charge' : ''}`,
        );
        const hardware = r.payments.filter((p) => p.verdict.decision === 'return_required');
        if (duplicateClaim && !r.payments.some((p) => p.verdict.duplicateOf)) {
          out.push(
            `I checked your recent payments and found no duplicate charge: no payment was taken twice for the same amount, so there is nothing to refund as a duplicate. Here is what I see:\n${lines.join('\n')}`,
          );
          paymentsListed = true;
          out.push(
            'If your bank shows a second charge that isn’t listed here, it may be a pending authorisation that drops off within a few days; send me its date and amount and I’ll look again.',
          );
        } else {
          out.push(`Here is what I see on your recent payments:\n${lines.join('\n')}`);
          paymentsListed = true;
          if (asksForRefund(text) && !(hardware.length && mentionsHardware(text)))
            out.push(
              'Tell me which payment you’d like refunded (the invoice number or date is enough) and I’ll check it with you before anything is refunded.',
            );
        }
        if (hardware.length && mentionsHardware(text))
          out.push(
            `${hardware.map((p) => `Your ${p.payment.amount} payment (${p.payment.invoice ?? p.payment.ref})`).join(' and ')} is for hardware, and hardware is refunded through a return, not a refund of the payment. ${RETURN_STEPS}`,
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
    } else if (r.payments.length && !paymentsListed && (intent === 'billing_dispute' || intent === 'payment_failed')) {
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
        `Current service status in your region: ${st.active.map((a) => `${a.component} ${a.status} — ${a.title} (${a.regions.join(', ')}, since ${a.since})`).join('; ')}. This is likely the cause; it is being worked on.`,
      );
    else
      out.push(
        `All ${company} services in your region are operating normally right now, so the cause is most likely local — the steps below should help.`,
      );
  }

  const articles = get<{ articles: Article[] }>('search_knowledge_base').flatMap((r) => r.articles);
  if (articles.length) {
    const [top, ...rest] = articles;
    if (SELF_SERVICE_INTENTS.has(intent) && ASKS_FOR_CHANGE.test(text))
      out.push(
        'I can’t make this change for you from here, so nothing on your account has changed yet — here is how to do it:',
      );
    out.push(`From our help centre — “${top.title}”: ${top.summary}`);
    const steps = top.excerpt.replace(/^## [^\n]*\n/, '').trim();
    if (steps) out.push(steps);
    out.push(`Sources: ${[top, ...rest.slice(0, 2)].map((a) => `“${a.title}”`).join(', ')}.`);
  } else if (out.length === (language === 'en' ? 1 : 2)) {
    out.push(
      'I couldn’t find a help article that matches. Could you tell me a bit more — what you were doing, and any error message you saw?',
    );
  }
  return out.join('\n\n');
}

/**
 * The latest invoice against the one before it (newest first, void ones left out): the difference
 * and the lines that make it, or that it is the same, naming a larger recent one; null with fewer
 * than two.
 */
function compareInvoices(all: InvoiceView[]): { text: string; cents: number } | null {
  const diff = invoiceDifference(all);
  if (!diff) return null;
  const invoices = all.filter((i) => i.status !== 'void');
  const [latest, previous] = invoices;
  const said = (i: InvoiceView) => `${i.number} (${i.amount}, issued ${i.issued})`;
  const head = `Your latest invoice ${said(latest)} is`;
  if (diff.cents === 0) {
    const larger = invoices.slice(2).find((i) => i.currency === latest.currency && i.amountCents > latest.amountCents);
    const text = [
      `${head} the same amount as the one before it, ${said(previous)}, so it did not go up.`,
      larger ? `The larger one among your recent invoices is ${said(larger)}: ${lineList(larger.lines)}.` : '',
      'If your bank or card statement shows a different amount, send me its date and amount and I’ll look at that payment.',
    ]
      .filter(Boolean)
      .join(' ');
    return { text, cents: 0 };
  }
  const before = new Set(previous.lines.map((l) => `${l.description}\u0000${l.amount}`));
  const changed = latest.lines.filter((l) => !before.has(`${l.description}\u0000${l.amount}`));
  const text = [
    `${head} ${money(Math.abs(diff.cents), latest.amount)} ${diff.cents > 0 ? 'more' : 'less'} than the one before it, ${said(previous)}.`,
    changed.length ? `What is new on it: ${lineList(changed)}.` : `Its lines: ${lineList(latest.lines)}.`,
  ].join(' ');
  return { text, cents: diff.cents };
}

function lineList(lines: InvoiceView['lines']): string {
  return lines.map((l) => `${l.description} (${l.amount})`).join('; ');
}

/** An amount in cents written like `like` (its currency sign and decimals). */
function money(cents: number, like: string): string {
  const sign = like.match(/^[^\d\s]+/)?.[0] ?? '';
  return `${sign}${(cents / 100).toFixed(2)}`;
}

const RETURN_STEPS =
  'To send a device back within 30 days of delivery, open Dashboard > Orders > (your order) and click Return items; we e-mail a free return label, and the price comes back to your original payment method once the return has been checked.';

/** How a payment's refund verdict reads in a list. */
function verdictLabel(v: Verdict): string {
  if (v.decision === 'consent') return 'refundable';
  if (v.decision === 'review') return 'refundable after a specialist’s review';
  if (v.decision === 'no_duplicate') return 'charged once, not a duplicate';
  if (v.decision === 'return_required') return 'hardware: refunded through a return';
  return `not refundable (${v.reason})`;
}

/** Whether the message is about a device (which goes back through a return). */
function mentionsHardware(text: string): boolean {
  return /\b(hub|extender|mesh|adapter|device|hardware|router|order)\b/i.test(text);
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
  amountCents: number;
  currency: string;
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
      status: string;
      actionId: string;
      action: { amount: string; payment: string; invoice: string | null; method: string; paid: string };
      verdict: { decision: string; reason: string; duplicateOf: string | null };
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
