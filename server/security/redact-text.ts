/** Redacting contact details, card numbers and credentials from free text such as log lines. */
import { maskCardNumbers } from './card-numbers.js';

// Every pattern below can only start where its run of characters starts (a lookbehind or a
// literal prefix) and has no two ways to split that run, so each pass is linear in the input.

// "sk-" keys (OpenAI, Anthropic and similar) and Stripe-style secret or restricted keys.
const SECRET = /(?<![\w-])(?:sk-[A-Za-z0-9_-]{20,}|[sr]k_(?:live|test)_[A-Za-z0-9]{10,})/g;
const BEARER = /\b(bearer\s+)([A-Za-z0-9._~+/-]+=*)/gi;
// A JWT's header is base64url JSON, so it starts with "eyJ" ('{"'); JWE tokens have five parts.
const JWT = /(?<![\w-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){0,2}/g;
// Three long base64url segments: opaque signed tokens that are not JWTs.
const DOTTED_TOKEN = /(?<![\w.-])[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g;
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Digit groups joined by one separator or a bracketed area code, optionally after "+".
// Each repetition starts with a non-digit, so a run is split one way only.
const PHONE_RUN = /(?<![\w+/.#$€£¥@-])(?:\+ ?)?(?:\(\d{1,5}\)[ .-]?)?\d+(?:(?:[ .-]|[ .-]?\(\d{1,5}\)[ .-]?)\d+)*/g;
// Shapes that look like phone numbers but are not: dates, IPv4 addresses, ZIP+4 codes.
const NOT_PHONE =
  /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?!\d)|^\d{1,3}(?:\.\d{1,3}){3}$|^\d{5}-\d{4}$/;

/** Replaces e-mails, phone numbers, Luhn-valid card numbers, bearer tokens, JWTs and API keys with placeholders. */
export function redactText(s: string): string {
  let out = s.replace(SECRET, '[secret]');
  out = out.replace(BEARER, (m, scheme: string, token: string) => (looksLikeToken(token) ? `${scheme}[token]` : m));
  out = out.replace(JWT, '[token]').replace(DOTTED_TOKEN, '[token]');
  out = out.replace(EMAIL, '[email]');
  out = maskCardNumbers(out, () => '[card]').text;
  return out.replace(PHONE_RUN, (run: string, at: number, all: string) => redactPhone(run, all[at + run.length] ?? ''));
}

// "Bearer of bad news" is prose; a credential is long or has digits in it.
function looksLikeToken(token: string): boolean {
  return token.length >= 20 || (token.length >= 8 && /\d/.test(token));
}

/** The run with its phone-number prefix replaced by "[phone]", or the run unchanged. */
function redactPhone(run: string, next: string): string {
  // Followed by a letter, a time (":30") or decimals (",50"), the digits belong to something else.
  if (/[\w]/.test(next) || /^[:,]/.test(next) || cardShaped(run)) return run;
  const len = phoneLength(run);
  return len === 0 ? run : `[phone]${run.slice(len)}`;
}

/** Length of the longest prefix of the run, ending at a space or at its end, that is a phone number; 0 if none. */
function phoneLength(run: string): number {
  // A run can join a phone number and a following number ("555 123 4567 2 times"), so shorter
  // prefixes count too; only prefixes of at most 15 digits can qualify, which bounds the work.
  let best = 0;
  let digits = 0;
  for (let at = 0; at <= run.length && digits <= 15; at++) {
    if (at === run.length || run[at] === ' ') {
      if (isPhone(run.slice(0, at))) best = at;
    } else if (run[at] >= '0' && run[at] <= '9') digits++;
  }
  return best;
}

// Grouped like a card (4-4-4-4, 4-6-5) but failing Luhn: an order or reference number, not a phone.
function cardShaped(run: string): boolean {
  return /^[2-6]\d{2,5}(?:([ -])\d{3,6})(?:\1\d{3,6})*$/.test(run) && run.replace(/\D/g, '').length >= 13;
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  const international = candidate.startsWith('+');
  // A bare digit string is more often an order or account number than a phone number.
  if (!international && /^\d+$/.test(candidate)) return false;
  if (NOT_PHONE.test(candidate)) return false;
  // A bracketed trunk prefix, as in "+49 (0) 30 1234567", may be a single digit.
  const groups = candidate
    .replace(/\(\d+\)/g, ' ')
    .split(/\D+/)
    .filter(Boolean);
  return groups.slice(1).every((g) => g.length >= 2);
}
