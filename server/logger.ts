import { pino, type Logger } from 'pino';

/** Paths whose values never reach a log line. */
const REDACT = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  'password',
  'secret',
  'apiKey',
  '*.token',
  '*.password',
  '*.secret',
  '*.apiKey',
  'content',
  '*.content',
  'email',
  '*.email',
  'phone',
  '*.phone',
];

/** Replaces quoted literals (SQL values, customer text in messages) and long digit runs. */
export function scrub(s: string | undefined): string | undefined {
  return s
    ?.replace(/'(?:[^'\\]|\\.|'')*'/g, "'?'")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"?"')
    .replace(/\b\d{8,19}\b/g, '#');
}

/** Errors are logged by type, code and a scrubbed message and stack. */
function errSerializer(e: unknown) {
  if (!(e instanceof Error)) return { message: scrub(String(e)) };
  return { type: e.name, code: (e as { code?: unknown }).code, message: scrub(e.message), stack: scrub(e.stack) };
}

/** Creates the structured logger; customer text, contact details and secrets are redacted. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'crewdesk' }, serializers: { err: errSerializer } });
}

export type { Logger };
