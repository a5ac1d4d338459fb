/** Terminal output of the desk CLI: colours (TTY only), tables and one-line error messages. */
import { DeskClientError } from '../src/errors.js';

/** ANSI styles, or plain text when `enabled` is false. */
export function styles(enabled: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    magenta: wrap(35, 39),
  };
}
export type Styles = ReturnType<typeof styles>;

/** True when colours suit the stream (a TTY, NO_COLOR unset). */
export function colourFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (s: string) => s.replace(ANSI, '').length;

/** A plain-text table: a header row, then one row per line, columns padded to fit. */
export function table(
  headers: string[],
  rows: (string | number | null | undefined)[][],
  opts: { align?: ('left' | 'right')[]; style?: Styles } = {},
): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined || c === '' ? '-' : String(c))));
  const widths = headers.map((h, i) => Math.max(visible(h), ...cells.map((r) => visible(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i] - visible(c)));
        return opts.align?.[i] === 'right' ? pad + c : i === r.length - 1 ? c : c + pad;
      })
      .join('  ');
  const head = line(headers);
  return [opts.style ? opts.style.bold(head) : head, ...cells.map(line)].join('\n');
}

/** Shortens text to `max` characters on one line. */
export function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** 12345 ms → "12.3 s"; null → "-". */
export function ms(v: number | null | undefined): string {
  if (v === null || v === undefined) return '-';
  return v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`;
}

/** Seconds → "1 h 02 min", "3 min 05 s", "42 s". */
export function duration(sec: number): string {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  if (h) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** An ISO date as local "YYYY-MM-DD HH:MM". */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Exit codes of the CLI, by error code. */
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  rateLimited: 5,
  connection: 6,
  timeout: 7,
} as const;

/** The exit code for an error. */
export function exitCodeFor(err: unknown): number {
  if (!(err instanceof DeskClientError)) return EXIT.error;
  switch (err.code) {
    case 'BAD_USER_INPUT':
      return EXIT.usage;
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return EXIT.auth;
    case 'NOT_FOUND':
      return EXIT.notFound;
    case 'RATE_LIMITED':
      return EXIT.rateLimited;
    case 'CONNECTION_REFUSED':
    case 'NETWORK_ERROR':
    case 'CONNECTION_CLOSED':
    case 'STREAM_ENDED':
      return EXIT.connection;
    default:
      return EXIT.error;
  }
}

/** One line that says what went wrong and what to do about it. */
export function describeError(err: unknown, ctx: { url: string; command?: string }): string {
  if (!(err instanceof DeskClientError)) return `error: ${err instanceof Error ? err.message : String(err)}`;
  const msg = err.message.replace(/\s+/g, ' ').trim();
  switch (err.code) {
    case 'UNAUTHENTICATED':
      return `not signed in (UNAUTHENTICATED): ${msg} — pass --token or set CREWDESK_TOKEN (npm run token -- --sub ID --role customer)`;
    case 'FORBIDDEN':
      return `forbidden (FORBIDDEN): ${msg}${ctx.command === 'status' ? ' — status needs an operator or admin token (npm run token -- --sub NAME --role operator)' : ''}`;
    case 'NOT_FOUND':
      return `not found (NOT_FOUND): ${msg}`;
    case 'BAD_USER_INPUT':
      return `bad input${err.field ? ` in field "${err.field}"` : ''} (BAD_USER_INPUT): ${msg}`;
    case 'RATE_LIMITED':
      return `rate limited (RATE_LIMITED): ${err.retryAfter !== undefined ? `try again in ${err.retryAfter} s` : 'try again shortly'} — ${msg}`;
    case 'CONFLICT':
      return `conflict (CONFLICT): ${msg}`;
    case 'SERVICE_UNAVAILABLE':
      return `the desk is unavailable (SERVICE_UNAVAILABLE): ${msg}`;
    case 'CONNECTION_REFUSED':
      return `cannot connect to ${ctx.url}: connection refused — is the server running (npm start), or is --url / CREWDESK_URL wrong?`;
    case 'NETWORK_ERROR':
      return `cannot reach ${ctx.url} (NETWORK_ERROR): ${msg}`;
    case 'CONNECTION_CLOSED':
    case 'STREAM_ENDED':
      return `lost the connection to ${ctx.url} (${err.code}): ${msg}`;
    default:
      return `${err.code}: ${msg}`;
  }
}
