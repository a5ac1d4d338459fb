/** Sanitising and validating what customers and operators send. */
import { BadInputError } from '../errors.js';

/** Trims, NFC-normalises and strips control characters (keeping newline and tab); checks the length. */
export function cleanMessage(raw: string, field: string, maxLength: number): string {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, '')
    .trim();
  if (text.length === 0) throw new BadInputError(`${field} must not be empty`, field);
  if (text.length > maxLength)
    throw new BadInputError(`${field} is ${text.length} characters; the limit is ${maxLength}`, field);
  return text;
}

/** Checks a JSON context: an object, within size and depth limits. Accepts a JSON string too. */
export function cleanContext(
  raw: unknown,
  field: string,
  maxBytes: number,
  maxDepth = 5,
): Record<string, unknown> | null {
  if (raw === null || raw === undefined) return null;
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new BadInputError(`${field} is not valid JSON`, field);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadInputError(`${field} must be a JSON object`, field);
  const size = Buffer.byteLength(JSON.stringify(value));
  if (size > maxBytes) throw new BadInputError(`${field} is ${size} bytes; the limit is ${maxBytes}`, field);
  if (depth(value) > maxDepth) throw new BadInputError(`${field} is nested deeper than ${maxDepth} levels`, field);
  return value as Record<string, unknown>;
}

function depth(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  const children = Array.isArray(v) ? v : Object.values(v);
  return 1 + children.reduce<number>((m, c) => Math.max(m, depth(c)), 0);
}

/** Validates an idempotency key. */
export function cleanIdempotencyKey(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const key = raw.trim();
  if (!/^[A-Za-z0-9._:-]{8,128}$/.test(key))
    throw new BadInputError(
      'idempotencyKey must be 8-128 characters of letters, digits, ".", "_", ":" or "-"',
      'idempotencyKey',
    );
  return key;
}
