/** A seeded, stratified held-out split of labelled examples, for scoring a training run. */
import type { Example } from '../../server/agents/router/classifier.js';
import { seededRandom } from '../../server/random.js';

/**
 * Splits examples into training and held-out sets: `fraction` of each intent (rounded down, and
 * always leaving three to learn from, so every intent is still learnt), chosen by `seed`.
 */
export function holdOut(examples: Example[], fraction: number, seed: number): { train: Example[]; test: Example[] } {
  const byIntent = new Map<string, Example[]>();
  for (const e of examples) byIntent.set(e.intent, [...(byIntent.get(e.intent) ?? []), e]);
  const rand = seededRandom(seed);
  const train: Example[] = [];
  const test: Example[] = [];
  for (const group of byIntent.values()) {
    const order = group.map((e) => ({ e, r: rand() })).sort((a, b) => a.r - b.r);
    const n = Math.max(0, Math.min(Math.floor(group.length * fraction), group.length - 3));
    for (const [i, { e }] of order.entries()) (i < n ? test : train).push(e);
  }
  return { train, test };
}
