import { type Logger, pino } from 'pino';
import { redactText } from './security/redact-text.js';

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

/** Replaces quoted literals (SQL values, customer text in messages) and then contact details, cards and tokens. */
function scrub(s: string | undefined): string | undefined {
  if (s === undefined) return s;
  return redactText(s.replace(/'(?:[^'\\]|\\.|'')*'/g, "'?'").replace(/"(?:[^"\\]|\\.)*"/g, '"?"'));
}

/** Errors are logged by type, code and a scrubbed message and stack. */
function errSerializer(e: unknown) {
  if (!(e instanceof Error)) return { message: scrub(String(e)) };
  return { type: e.name, code: (e as { code?: unknown }).code, message: scrub(e.message), stack: scrub(e.stack) };
}

/**
 * Creates the structured logger: customer text, contact details, card numbers, tokens and secrets
 * are redacted, from fields by path and from message strings by pattern; LOG_FILE adds a file.
 */
export function createLogger(level: string, file?: string): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { app: 'crewdesk' },
    serializers: { err: errSerializer },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? redactText(a) : a)),
        );
      },
    },
  };
  if (!file) return pino(options);
  return pino(
    options,
    pino.multistream([
      { stream: process.stdout },
      { stream: pino.destination({ dest: file, mkdir: true, sync: false }) },
    ]),
  );
}

export type { Logger };
