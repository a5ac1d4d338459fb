/**
 * How events travel on Redis (the event channel and the live token streams): `origin`, `topic` and
 * a JSON body on three lines, with Dates kept as `{ $date: iso }` (the event streams compare times).
 */

const DATE = '$date';

/** The JSON body of a payload (a replacer sees the value before its toJSON). */
export function encodeBody(payload: unknown): string {
  return JSON.stringify(payload, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE]: raw.toISOString() } : value;
  });
}

/** A message: who sent it, on which topic, what. */
export function encodeMessage(origin: string, topic: string, payload: unknown): string {
  return `${origin}\n${topic}\n${encodeBody(payload)}`;
}

/** The parts of a message, or null when it is not one (throws on a body that is not JSON). */
export function decodeMessage(message: string): { origin: string; topic: string; payload: unknown } | null {
  const a = message.indexOf('\n');
  const b = message.indexOf('\n', a + 1);
  if (a < 0 || b < 0) return null;
  const payload = JSON.parse(message.slice(b + 1), (_key, value) =>
    value && typeof value === 'object' && typeof value[DATE] === 'string' && Object.keys(value).length === 1
      ? new Date(value[DATE])
      : value,
  );
  return { origin: message.slice(0, a), topic: message.slice(a + 1, b), payload };
}
