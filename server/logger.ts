import { type DestinationStream, type Logger, pino } from 'pino';
import { CENSOR, redactFields } from './security/redact-fields.js';
import { redactText } from './security/redact-text.js';

/** Paths whose values never reach a log line (the fast path; `redactFields` covers every depth). */
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
 * are redacted, from fields by name at any depth and from every string (fields and messages) by
 * pattern; LOG_FILE adds a file, `destination` replaces stdout. The work runs only for lines that
 * are written (pino skips a call below the level before any of it).
 */
export function createLogger(level: string, file?: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: CENSOR },
    base: { app: 'crewdesk' },
    serializers: { err: errSerializer },
    formatters: { log: (obj: Record<string, unknown>) => redactFields(obj) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? redactText(a) : a)),
        );
      },
    },
  };
  if (!file) return destination ? pino(options, destination) : pino(options);
  // Each stream of a multistream has its own level (info unless given): the logger's, so debug lines reach the file.
  const streamLevel = (level === 'silent' ? 'fatal' : level) as pino.Level;
  return pino(
    options,
    pino.multistream([
      { level: streamLevel, stream: destination ?? process.stdout },
      { level: streamLevel, stream: pino.destination({ dest: file, mkdir: true, sync: false }) },
    ]),
  );
}

export type { Logger };
