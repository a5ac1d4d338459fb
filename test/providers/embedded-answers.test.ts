import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../server/agents/knowledge/knowledge-base.js';
import { loadClassifier, Router } from '../../server/agents/router/router.js';
import { ROOT_DIR } from '../../server/config.js';
import { composeAnswer } from '../../server/providers/embedded/composer.js';
import { createEmbeddedProvider } from '../../server/providers/embedded/embedded.provider.js';
import { planFollowUp, planInitial, type SeenResult } from '../../server/providers/embedded/planner.js';
import type { ProviderEvent } from '../../server/providers/provider.js';

const router = new Router(loadClassifier(resolve(ROOT_DIR, 'server/agents/router/model.json')), {
  confidenceThreshold: 0.4,
  lowConfidenceRoute: 'general',
});
const kb = new KnowledgeBase(resolve(ROOT_DIR, 'server/knowledge/articles'));
const ALL_TOOLS = new Set([
  'list_invoices',
  'get_invoice',
  'list_payments',
  'check_refund_eligibility',
  'request_refund',
  'get_subscription',
  'get_order_status',
  'search_knowledge_base',
  'get_service_status',
  'escalate_to_human',
]);

/** The articles the engine's knowledge-base call would see for a text. */
function kbResult(text: string, route?: string): SeenResult {
  return { name: 'search_knowledge_base', output: { articles: kb.search(text, { route }) } };
}

/** Routes a text and composes the embedded answer from a knowledge-base search and the given results. */
function answer(text: string, customerName?: string, extra: SeenResult[] = []): string {
  const d = router.route(text);
  return composeAnswer(d.route, d.intent, text, [...extra, kbResult(text, d.route)], { customerName });
}

describe('embedded answers', () => {
  it('opens in French and says the rest is in English when the customer writes French', () => {
    const a = answer('Bonjour, mon abonnement est en pause… le paiement a échoué ?', 'Chloé Dubois');
    expect(a.startsWith('Bonjour Chloé,')).toBe(true);
    expect(a).toMatch(/en anglais/);
    expect(a).not.toMatch(/I can only help/);
  });

  it('opens in German and never refuses when the customer writes German', () => {
    const a = answer('Fehler 503 beim Einloggen', 'Emma Schneider');
    expect(a.startsWith('Hallo Emma,')).toBe(true);
    expect(a).toMatch(/auf Englisch/);
    expect(a).not.toMatch(/I can only help/);
  });

  it('opens in Dutch and in Spanish and says the rest is in English when the customer writes them', () => {
    const nl = answer('Hallo, mijn wifi valt steeds weg sinds gisteren. Wat kan ik doen?', 'Daan de Vries');
    expect(nl.startsWith('Hallo Daan,')).toBe(true);
    expect(nl).toMatch(/in het Engels/);
    const es = answer('Hola, ¿dónde está mi pedido? Hace dos semanas que lo espero.', 'Lucía García');
    expect(es.startsWith('Hola Lucía,')).toBe(true);
    expect(es).toMatch(/en inglés/);
    for (const a of [nl, es]) expect(a).not.toMatch(/I can only help/);
  });

  it('opens in German and routes a long formal German ticket to its team when it is about a crash', () => {
    const text =
      'Sehr geehrte Damen und Herren,\n\nseit dem letzten Update stürzt Ihre App jedes Mal ab, wenn ich sie öffne. Eine Neuinstallation hat nicht geholfen.\n\nMit freundlichen Grüßen\nJonas Weber';
    expect(router.route(text).route).toBe('technical');
    const a = answer(text, 'Jonas Weber');
    expect(a.startsWith('Hallo Jonas,')).toBe(true);
    expect(a).toMatch(/auf Englisch/);
  });

  it('writes "I’m sorry" with a capital I after the greeting when an escalation answers', () => {
    const text = 'I want to make a formal complaint about how my case was handled';
    const a = answer(text, 'Ben Carter', [
      { name: 'escalate_to_human', output: { escalated: true, priority: 'HIGH', status: 'ESCALATED' } },
    ]);
    expect(a).toMatch(/^Hi Ben, I’m sorry/);
    expect(a).not.toMatch(/\bi’m\b/);
  });

  it('never greets "Guest" when the customer is a guest', () => {
    expect(answer('Where is my order?', 'Guest')).not.toMatch(/Guest/);
    expect(answer('hi', 'Guest')).not.toMatch(/Guest/);
  });

  it('picks the opener from what the message is about when the billing agent gets a red-light question', () => {
    const a = composeAnswer('billing', 'invoice', 'my hub shows a blinking red light', [kbResult('red light')], {
      customerName: 'Ben Carter',
      ownIntent: router.classify('my hub shows a blinking red light').intent,
    });
    expect(a).not.toMatch(/billing/i);
  });

  it('says nothing changed yet before the help centre steps when the customer asks to switch plans', () => {
    const a = answer('I want to switch to the annual plan');
    expect(a).toMatch(/nothing on your account has changed yet/);
  });

  it('answers a phone-number question without escalating, and a request for a person at NORMAL', () => {
    const phone = router.route('do you have a phone number?');
    const calls = planInitial(phone.intent, phone.route, 'do you have a phone number?', ALL_TOOLS);
    expect(calls.map((c) => c.name)).not.toContain('escalate_to_human');
    const person = 'do you have a phone number I can call to speak to someone';
    const d = router.route(person);
    const esc = planInitial(d.intent, d.route, person, ALL_TOOLS).find((c) => c.name === 'escalate_to_human');
    if (esc) expect(esc.args.priority).toBe('NORMAL');
    expect(d.priority).toBeUndefined();
  });

  it('does not make a closing "Please sort this out." an escalation part', () => {
    for (const text of [
      'My invoice is wrong, it bills me twice for the hub. Please sort this out.',
      'My hub is offline again. Please sort this out.',
    ]) {
      const d = router.route(text);
      expect(d.parts, text).toEqual([]);
      expect(d.route, text).not.toBe('escalation');
    }
  });

  it('treats a medical alarm without connection as urgent and points to the emergency services', () => {
    const text = 'My father’s medical alarm relies on our wifi and the internet is down';
    const d = router.route(text);
    expect(d.route).toBe('escalation');
    expect(d.priority).toBe('URGENT');
    const esc = planInitial(d.intent, d.route, text, ALL_TOOLS).find((c) => c.name === 'escalate_to_human');
    expect(esc?.args.priority).toBe('URGENT');
    const a = composeAnswer(
      d.route,
      d.intent,
      text,
      [{ name: 'escalate_to_human', output: { escalated: true, priority: 'URGENT' } }, kbResult(text, d.route)],
      { ownIntent: router.classify(text).intent },
    );
    expect(a).toMatch(/emergency services/);
    expect(a).toMatch(/^Thank you for telling us straight away/);
    expect(a).not.toMatch(/Mesh Extender/);
  });

  it('reports an incident only for the customer’s region when the status tool answers', () => {
    const text = 'the app is very slow today';
    const none = composeAnswer('technical', 'performance', text, [
      { name: 'get_service_status', output: { active: [], elsewhere: [{ regions: ['eu-west'] }] } },
    ]);
    expect(none).toMatch(/in your region are operating normally/);
    expect(none).not.toMatch(/eu-west/);
  });

  it('uses the message’s own intent for the opener when the provider gets a stale hint', async () => {
    const provider = createEmbeddedProvider({
      model: 'embedded',
      company: 'Brightwave',
      classify: (t) => router.classify(t),
      chunkDelayMs: 0,
    });
    let text = '';
    const events: ProviderEvent[] = [];
    for await (const ev of provider.stream({
      model: 'embedded',
      agent: 'billing',
      hints: { route: 'billing', intent: 'invoice' },
      tools: [],
      messages: [
        { role: 'system', content: 'Customer: Ben Carter' },
        { role: 'user', content: 'the app crashes every time I open it since the update' },
      ],
    })) {
      events.push(ev);
      if (ev.type === 'token') text += ev.text;
    }
    expect(text).toMatch(/^Hi Ben, sorry for the trouble/);
    expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });
  describe('a question why an invoice is higher', () => {
    const invoice = (number: string, cents: number, issued: string, lines: [string, number][]) => ({
      number,
      amount: `$${(cents / 100).toFixed(2)}`,
      amountCents: cents,
      currency: 'USD',
      status: 'paid',
      issued,
      due: issued,
      lines: lines.map(([description, c]) => ({ description, amount: `$${(c / 100).toFixed(2)}` })),
    });
    const plus = invoice('INV-2026-0136', 1900, '2026-11-28', [['Brightwave Plus plan — monthly subscription', 1900]]);
    const before = invoice('INV-2026-0126', 1900, '2026-10-29', [
      ['Brightwave Plus plan — monthly subscription', 1900],
    ]);
    const hub = invoice('INV-2026-0118', 14800, '2026-10-02', [['Brightwave Hub 2', 14800]]);
    const seen = (...invoices: ReturnType<typeof invoice>[]): SeenResult[] => [
      { name: 'list_invoices', output: { count: invoices.length, invoices } },
    ];

    it('compares the invoices, not the refund policy, unless a refund or a double charge is asked for', () => {
      for (const text of [
        'Why is my invoice higher this month?',
        'my bill went up, why?',
        'Why was I charged more than usual?',
      ]) {
        const d = router.route(text);
        const calls = planInitial(d.intent, d.route, text, ALL_TOOLS).map((c) => c.name);
        expect(calls, text).toContain('list_invoices');
        expect(calls, text).not.toContain('check_refund_eligibility');
      }
      const refund = 'My bill went up this month, I want a refund of the difference';
      const d = router.route(refund);
      expect(planInitial(d.intent, d.route, refund, ALL_TOOLS).map((c) => c.name)).toContain(
        'check_refund_eligibility',
      );
      const twice = planInitial('billing_dispute', 'billing', 'Why was I charged twice this month?', ALL_TOOLS);
      expect(twice.map((c) => c.name)).toContain('check_refund_eligibility');
    });

    it('says the latest invoice is the same as the one before it, and names the larger one', () => {
      const text = 'Why is my invoice higher this month?';
      const a = composeAnswer('billing', 'billing_dispute', text, seen(plus, before, hub));
      expect(a).toMatch(
        /INV-2026-0136 \(\$19\.00, issued 2026-11-28\) is the same amount as the one before it, INV-2026-0126 \(\$19\.00/,
      );
      expect(a).toMatch(/INV-2026-0118 \(\$148\.00, issued 2026-10-02\): Brightwave Hub 2/);
      expect(a).not.toMatch(/refundable|sorry about the trouble with your payment/i);
    });

    it('gives the difference and the lines that make it when the latest is higher', () => {
      const up = invoice('INV-2026-0140', 2900, '2026-11-28', [
        ['Brightwave Plus plan — monthly subscription', 1900],
        ['Extra mesh point rental', 1000],
      ]);
      const a = composeAnswer('billing', 'invoice', 'why did my bill go up?', seen(up, before));
      expect(a).toMatch(
        /INV-2026-0140 \(\$29\.00, issued 2026-11-28\) is \$10\.00 more than the one before it, INV-2026-0126 \(\$19\.00/,
      );
      expect(a).toMatch(/new on it: Extra mesh point rental \(\$10\.00\)/);
    });

    it('refunds only the difference when one is asked for, and says there is none when the bill did not go up', () => {
      const text = 'Why was I charged more than usual? I want a refund of the difference';
      const d = router.route(text);
      expect(planInitial(d.intent, d.route, text, ALL_TOOLS).map((c) => c.name)).toContain('list_invoices');
      const payment = (ref: string, inv: ReturnType<typeof invoice>) => ({
        payment: { ref, invoice: inv.number, amount: inv.amount, amountCents: inv.amountCents, date: inv.issued },
        verdict: { eligible: true, decision: 'refund', reason: 'within 30 days', duplicateOf: null, paidDaysAgo: 5 },
      });
      const eligibility = (...payments: ReturnType<typeof payment>[]): SeenResult => ({
        name: 'check_refund_eligibility',
        output: { found: true, payments },
      });
      // Same amount as before: no refund proposed, and the answer says why.
      const same = [...seen(plus, before, hub), eligibility(payment('pay_a', plus), payment('pay_b', before))];
      expect(planFollowUp(d.intent, text, same, ALL_TOOLS)).toEqual([]);
      const a = composeAnswer('billing', d.intent, text, same);
      expect(a).toMatch(/is the same amount as the one before it/);
      expect(a).toMatch(/no difference to refund/);
      expect(a).not.toMatch(/Tell me which payment/);
      // $10 more: the refund proposed is of the latest invoice's payment, for the $10.
      const up = invoice('INV-2026-0140', 2900, '2026-11-28', [
        ['Plus plan', 1900],
        ['Extra mesh point rental', 1000],
      ]);
      const higher = [...seen(up, before), eligibility(payment('pay_up', up), payment('pay_b', before))];
      expect(planFollowUp(d.intent, text, higher, ALL_TOOLS)).toEqual([
        expect.objectContaining({
          name: 'request_refund',
          args: expect.objectContaining({ reference: 'pay_up', amountCents: 1000 }),
        }),
      ]);
    });

    it('lists the payments once when it checks them for a dispute', () => {
      const payment = {
        ref: 'pay_1',
        invoice: 'INV-2026-0136',
        amount: '$19.00',
        amountCents: 1900,
        status: 'succeeded',
        method: 'visa •••• 4242',
        date: '2026-11-28',
      };
      const a = composeAnswer('billing', 'billing_dispute', 'I dispute this charge', [
        { name: 'list_payments', output: { payments: [payment], refunds: [] } },
        {
          name: 'check_refund_eligibility',
          output: {
            found: true,
            payments: [
              {
                payment,
                verdict: {
                  eligible: true,
                  decision: 'refund',
                  reason: 'within 30 days',
                  duplicateOf: null,
                  paidDaysAgo: 5,
                },
              },
            ],
          },
        },
      ]);
      expect(a.match(/2026-11-28: \$19\.00/g)).toHaveLength(1);
    });
  });
});
