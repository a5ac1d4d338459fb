/** Finding and masking payment card numbers in free text; pure string functions. */

/** A card number found in text: its [start, end) offsets and its last four digits. */
export interface CardMatch {
  start: number;
  end: number;
  last4: string;
}

/** One digit group of a run, with the separator ('' for the first, ' ' or '-') in front of it. */
interface Group {
  start: number;
  end: number;
  sep: string;
}

// Maximal runs of digit groups joined by one space or dash. Each repetition starts with a
// separator that a digit can't match, so the engine never has two ways to split a run (linear).
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

/** True when a non-empty string of ASCII digits passes the Luhn checksum; anything else is false. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Card numbers in text: 13-19 digits, bare or grouped by single spaces or dashes, that pass Luhn. */
export function findCardNumbers(text: string): CardMatch[] {
  const found: CardMatch[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = groupsOf(run[0], run.index);
    for (let i = 0; i < groups.length; ) {
      const j = longestCardFrom(text, groups, i);
      if (j < 0) {
        i++;
        continue;
      }
      const start = groups[i].start;
      const end = groups[j].end;
      const digits = text.slice(start, end).replace(/\D/g, '');
      found.push({ start, end, last4: digits.slice(-4) });
      i = j + 1;
    }
  }
  return found;
}

/** Replaces each card number with a mask that keeps its last four digits: "•••• 4242" by default. */
export function maskCardNumbers(
  text: string,
  mask: (last4: string) => string = (last4) => `•••• ${last4}`,
): { text: string; masked: number } {
  const cards = findCardNumbers(text);
  let out = '';
  let at = 0;
  for (const c of cards) {
    out += text.slice(at, c.start) + mask(c.last4);
    at = c.end;
  }
  return { text: out + text.slice(at), masked: cards.length };
}

function groupsOf(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  for (const g of run.matchAll(/(^|[ -])(\d+)/g)) {
    const start = offset + g.index + g[1].length;
    groups.push({ start, end: start + g[2].length, sep: g[1] });
  }
  return groups;
}

/** Index of the last group of the longest card that starts at group i, or -1. */
function longestCardFrom(text: string, groups: Group[], i: number): number {
  for (let j = lastGroupedFrom(groups, i); j > i; j--) if (isCard(text, groups, i, j)) return j;
  return isCard(text, groups, i, i) ? i : -1;
}

/** The furthest group j such that groups i..j could be one card: 3-6 digits a group (4-4-4-4, 4-6-5), one separator, 19 digits at most. */
function lastGroupedFrom(groups: Group[], i: number): number {
  let digits = size(groups[i]);
  if (digits < 3 || digits > 6) return i;
  let j = i;
  while (j + 1 < groups.length) {
    const next = groups[j + 1];
    const len = size(next);
    if (len < 3 || len > 6 || digits + len > MAX_DIGITS || (j > i && next.sep !== groups[i + 1].sep)) break;
    digits += len;
    j++;
  }
  return j;
}

function size(g: Group): number {
  return g.end - g.start;
}

function isCard(text: string, groups: Group[], i: number, j: number): boolean {
  const digits = text.slice(groups[i].start, groups[j].end).replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return false;
  // Issuers' numbers start with 2-6 (Mastercard, Amex, Diners, JCB, Visa, Discover, UnionPay,
  // Maestro). Leaving out 0, 1 and 7-9 spares epoch-millisecond timestamps and most long ids.
  if (digits[0] < '2' || digits[0] > '6') return false;
  if (i === 0 && !freeBefore(text, groups[i].start)) return false;
  if (j === groups.length - 1 && !freeAfter(text, groups[j].end)) return false;
  return luhnValid(digits);
}

// A number glued to a word, a "+" (phone) or a decimal point is part of something else.
function freeBefore(text: string, at: number): boolean {
  const c = text[at - 1] ?? '';
  if (/[\p{L}\p{N}_+]/u.test(c)) return false;
  return !(/[.,]/.test(c) && /\d/.test(text[at - 2] ?? ''));
}

function freeAfter(text: string, at: number): boolean {
  const c = text[at] ?? '';
  if (/[\p{L}\p{N}_]/u.test(c)) return false;
  return !(/[.,]/.test(c) && /\d/.test(text[at + 1] ?? ''));
}
