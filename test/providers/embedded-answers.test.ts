import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../server/agents/knowledge/knowledge-base.js';
import { loadClassifier, Router } from '../../server/agents/router/router.js';
import { ROOT_DIR } from '../../server/config.js';
import { composeAnswer } from '../../server/providers/embedded/composer.js';
import { createEmbeddedProvider } from '../../server/providers/embedded/embedded.provider.js';
import { planInitial, type SeenResult } from '../../server/providers/embedded/planner.js';
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
});
