/** What the bench sends: the scripted model answer and the customers' messages, from a seed. */
import { seededRandom } from '../../server/random.js';

/** Characters of one scripted token: a four-letter word and a space. */
export const TOKEN_CHARS = 5;

/** The scripted answer: `count` one-word tokens of TOKEN_CHARS characters each. */
export function scriptedAnswer(count: number, seed: number): string {
  const rng = seededRandom(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = () =>
    Array.from({ length: TOKEN_CHARS - 1 }, () => letters[Math.floor(rng() * letters.length)]).join('');
  return Array.from({ length: count }, () => `${word()} `).join('');
}

/** Requests a customer might send; each is answered by one agent (no crew), so one model call a case. */
const MESSAGES = [
  'Where is my order BW-100214?',
  'Can I get invoice INV-2026-0136?',
  'The app shows error BW-1001 and my hub is offline',
  'How much does it cost to cancel early?',
  'wifi is really slow every evening',
  'I want a refund of my last payment please',
] as const;

/** Picks messages in a seeded order. */
export function messagePicker(seed: number): () => string {
  const rng = seededRandom(seed);
  return () => MESSAGES[Math.floor(rng() * MESSAGES.length)];
}
