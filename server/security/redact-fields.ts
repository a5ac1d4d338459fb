/** Redacting a logged object at any depth: secret-named fields censored, every other string scrubbed. */
import { redactText } from './redact-text.js';

/** Field names (any depth, any case, `_`/`-` ignored) whose values never reach a log line. */
const SECRET_FIELDS = new Set([
  'authorization',
  'cookie',
  'setcookie',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'jwt',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'apikey',
  'email',
  'phone',
  'content',
  'cardnumber',
]);

/** The censor written instead of a secret field's value. */
export const CENSOR = '[redacted]';

const MAX_DEPTH = 8;

function isSecretField(key: string): boolean {
  return SECRET_FIELDS.has(key.toLowerCase().replace(/[_-]/g, ''));
}

/**
 * A copy of `value` for a log line: plain objects and arrays are walked (to a bounded depth, cycles
 * cut), secret-named fields become "[redacted]" and every string has contact details, card numbers
 * and tokens replaced. Other objects (errors, dates, buffers) are left to their serializers.
 */
export function redactFields(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return '[array]';
    seen.add(value);
    return value.map((v) => redactFields(v, depth + 1, seen));
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  if (depth >= MAX_DEPTH) return '[object]';
  seen.add(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretField(k) && v !== undefined && v !== null ? CENSOR : redactFields(v, depth + 1, seen);
  }
  return out;
}
