import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../server/agents/knowledge/knowledge-base.js';
import { evaluateRetrieval, readQuestions } from '../../server/agents/knowledge/retrieval-eval.js';
import { ROOT_DIR } from '../../server/config.js';

const DIR = resolve(ROOT_DIR, 'server/knowledge/articles');
const kb = new KnowledgeBase(DIR);
const ids = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));

describe('KnowledgeBase', () => {
  it('loads at least 30 articles when given the shipped folder', () => {
    expect(kb.size).toBeGreaterThanOrEqual(30);
    expect(kb.size).toBe(ids.length);
  });

  it('gives every article an id, a title, a known route and a non-empty summary', () => {
    for (const file of ids) {
      const a = kb.get(file);
      expect(a, file).toBeDefined();
      expect(a!.id).toBe(file);
      expect(a!.title.trim().length, file).toBeGreaterThan(3);
      expect(a!.summary.trim().length, file).toBeGreaterThan(20);
      expect(a!.summary, file).not.toContain('\n');
      expect(a!.summary.startsWith('#'), file).toBe(false);
      expect(['billing', 'technical', 'escalation', 'general'], file).toContain(a!.route);
      expect(a!.body.length, file).toBeGreaterThan(a!.summary.length);
    }
  });

  it('returns undefined when an article id is unknown', () => {
    expect(kb.get('no-such-article')).toBeUndefined();
  });

  it.each([
    ['charged twice', 'duplicate-or-unknown-charges', 1],
    ['BW-1001 hub offline', 'error-bw-1001-hub-offline', 1],
    ['reset my password', 'password-reset', 1],
    ['refund policy', 'refund-policy', 1],
    ['device smells of burning', 'device-safety', 1],
    ['change delivery address', 'shipping-address', 1],
    ['firmware update failed', 'error-bw-1002-firmware-update-failed', 3],
    ['where is my parcel, track my order', 'track-your-order', 3],
    ['I want to talk to a human', 'talk-to-a-human', 3],
    ['how do I cancel my subscription', 'cancel-subscription', 3],
    ['my payment failed', 'failed-payments', 3],
  ])('finds the right article when searching "%s"', (query, id, within) => {
    const hits = kb.search(query);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.slice(0, within).map((h) => h.id)).toContain(id);
  });

  it('returns hits with scores in descending order and the requested limit', () => {
    const hits = kb.search('refund', { limit: 5 });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    for (const h of hits) {
      expect(h.title).toBe(kb.get(h.id)!.title);
      expect(h.summary).toBe(kb.get(h.id)!.summary);
      expect(typeof h.excerpt).toBe('string');
    }
    expect(kb.search('refund', { limit: 1 })).toHaveLength(1);
  });

  it('returns the matching section as excerpt when the query names a section topic', () => {
    const [hit] = kb.search('BW-1001 hub offline');
    expect(hit.excerpt.length).toBeGreaterThan(0);
    expect(hit.excerpt.length).toBeLessThanOrEqual(900);
    expect(kb.get(hit.id)!.body).toContain(hit.excerpt.slice(0, 200));
  });

  it('leaves the "## " heading out of the excerpt when a section matches', () => {
    for (const q of ['BW-1001 hub offline', 'refund policy', 'reset my password']) {
      const [hit] = kb.search(q);
      expect(hit.excerpt.startsWith('## ')).toBe(false);
    }
  });

  it('boosts the articles of the given route when a route is passed', () => {
    // "cancel" is ambiguous: a subscription (billing) or an order (general).
    expect(
      kb
        .search('cancel')
        .slice(0, 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['cancel-subscription', 'change-or-cancel-order']);
    expect(kb.search('cancel', { route: 'billing' })[0].id).toBe('cancel-subscription');
    expect(kb.search('cancel', { route: 'general' })[0].id).toBe('change-or-cancel-order');
    // "account": a locked account (technical) or a takeover (escalation).
    expect(kb.search('account', { route: 'technical' })[0].id).toBe('locked-account');
    expect(kb.search('account', { route: 'escalation' })[0].id).toBe('account-takeover-and-fraud');
  });

  it('raises the score of a route’s article by the boost factor when its route is passed', () => {
    const plain = kb.search('refund policy').find((h) => h.id === 'refund-policy')!;
    const boosted = kb.search('refund policy', { route: 'billing' }).find((h) => h.id === 'refund-policy')!;
    expect(boosted.score).toBeGreaterThan(plain.score);
    expect(boosted.score / plain.score).toBeCloseTo(1.3, 1);
    const other = kb.search('refund policy', { route: 'technical' }).find((h) => h.id === 'refund-policy')!;
    expect(other.score).toBe(plain.score);
  });

  it.each([
    ['the whole office network is down', 'connectivity-troubleshooting'],
    ['my VLAN can’t reach the printer', 'local-network-and-vlans'],
    ['where is my hub', 'track-your-order'],
    ['my dad’s medical alarm is offline because our wifi is down', 'critical-devices-and-emergencies'],
  ])('puts the right article first when the question is "%s"', (query, id) => {
    expect(kb.search(query)[0]?.id).toBe(id);
  });

  it('reaches recall@3 >= 0.9 on the labelled questions (npm run eval:kb)', () => {
    const questions = readQuestions(resolve(ROOT_DIR, 'server/agents/knowledge/eval/questions.csv'));
    expect(questions.length).toBeGreaterThanOrEqual(150);
    for (const q of questions) for (const id of q.expected) expect(kb.get(id), id).toBeDefined();
    const report = evaluateRetrieval(kb, questions);
    expect(report.recallAt3).toBeGreaterThanOrEqual(0.9);
    expect(report.recallAt1).toBeGreaterThanOrEqual(0.75);
    expect(report.mrr).toBeGreaterThanOrEqual(0.8);
  });

  it.each(['', '   ', 'xqzv plorf', 'the and of', '???', 'a'])(
    'returns [] without throwing when the query is "%s"',
    (query) => {
      expect(kb.search(query)).toEqual([]);
      expect(kb.search(query, { route: 'billing' })).toEqual([]);
    },
  );
});
