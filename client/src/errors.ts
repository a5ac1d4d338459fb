/**
 * Errors of the desk client: one class with the server's `extensions.code` (or a transport code
 * for failures that never reached GraphQL), `retryAfter` seconds on RATE_LIMITED and the offending
 * `field` on BAD_USER_INPUT.
 */
import { CombinedError } from '@urql/core';

/** Codes the server sends in `extensions.code`. */
export type ServerErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Codes the client gives failures of the transport itself. */
export type TransportErrorCode =
  /** Nothing listens at the server's address. */
  | 'CONNECTION_REFUSED'
  /** Any other failure to reach the server (DNS, reset, TLS, an HTTP status without a GraphQL body). */
  | 'NETWORK_ERROR'
  /** The WebSocket closed while a subscription was running. */
  | 'CONNECTION_CLOSED'
  /** The server ended a subscription that never ends by itself (a restart, for example). */
  | 'STREAM_ENDED'
  /** The server broke the protocol (a bad message, a bad close code). */
  | 'BAD_RESPONSE';

export type DeskErrorCode = ServerErrorCode | TransportErrorCode | (string & {});

/** Codes worth trying again (after a backoff): the same call may well succeed later. */
const RETRYABLE = new Set<string>([
  'CONNECTION_REFUSED',
  'NETWORK_ERROR',
  'CONNECTION_CLOSED',
  'STREAM_ENDED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

/** Close codes of the server (server/ws-server.ts) and of the graphql-ws protocol. */
const CLOSE_CODES: Record<number, DeskErrorCode> = {
  4400: 'BAD_RESPONSE',
  4401: 'UNAUTHENTICATED',
  4403: 'FORBIDDEN',
  4406: 'BAD_RESPONSE',
  4408: 'CONNECTION_CLOSED', // init timeout
  4409: 'BAD_RESPONSE',
  4429: 'RATE_LIMITED', // too many connections for this identity (or too many init requests)
  4499: 'CONNECTION_CLOSED', // terminated by the client
  4500: 'INTERNAL_SERVER_ERROR',
  4504: 'CONNECTION_CLOSED', // ack timeout
  1012: 'CONNECTION_CLOSED', // Service Restart: the instance is stopping; reconnect (to another one)
};

export interface DeskClientErrorDetails {
  retryAfter?: number;
  field?: string;
  /** The WebSocket close code, for errors that came from a closed socket. */
  closeCode?: number;
  /** The path of the field that failed. */
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/** An error of a desk operation. */
export class DeskClientError extends Error {
  override readonly name = 'DeskClientError';
  readonly code: DeskErrorCode;
  /** Seconds to wait before trying again (RATE_LIMITED). */
  readonly retryAfter?: number;
  /** The input field at fault (BAD_USER_INPUT). */
  readonly field?: string;
  readonly closeCode?: number;
  readonly path?: readonly (string | number)[];
  readonly extensions: Record<string, unknown>;

  constructor(message: string, code: DeskErrorCode, details: DeskClientErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
    if (details.field !== undefined) this.field = details.field;
    if (details.closeCode !== undefined) this.closeCode = details.closeCode;
    if (details.path !== undefined) this.path = details.path;
    this.extensions = details.extensions ?? {};
  }

  /** True when trying the same thing again later may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** True when the server closed the socket because it is stopping (1012): reconnect at once, elsewhere. */
  get serverRestarting(): boolean {
    return this.closeCode === 1012;
  }

  /** Turns whatever an operation failed with into a DeskClientError. */
  static from(err: unknown): DeskClientError {
    if (err instanceof DeskClientError) return err;
    if (err instanceof CombinedError) return fromCombined(err);
    if (Array.isArray(err) && err.length) return fromGraphQLError(err[0] as GraphQLErrorLike, err);
    if (isCloseEvent(err)) return fromCloseEvent(err);
    return fromNetworkError(err);
  }

  /** The error a WebSocket close event stands for; `socketError` is the last socket error seen. */
  static fromClose(event: { code: number; reason?: string }, socketError?: unknown): DeskClientError {
    return fromCloseEvent(event, socketError);
  }
}

interface GraphQLErrorLike {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

function fromGraphQLError(e: GraphQLErrorLike, cause?: unknown): DeskClientError {
  const ext = e.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
  const retryAfter =
    typeof ext.retryAfter === 'number'
      ? ext.retryAfter
      : typeof ext.retryAfter === 'string' && ext.retryAfter !== ''
        ? Number(ext.retryAfter)
        : undefined;
  const field = typeof ext.field === 'string' ? ext.field : undefined;
  return new DeskClientError(e.message, code, {
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
    field,
    path: e.path,
    extensions: ext,
    cause,
  });
}

function fromCombined(err: CombinedError): DeskClientError {
  const first = err.graphQLErrors[0];
  if (first) return fromGraphQLError(first, err);
  const net = err.networkError;
  if (net instanceof DeskClientError) return net;
  const response = err.response as { status?: number; headers?: { get?(n: string): string | null } } | undefined;
  if (response && typeof response.status === 'number' && (response.status < 200 || response.status >= 300)) {
    const retryAfter = Number(response.headers?.get?.('retry-after') ?? NaN);
    const code =
      response.status === 401
        ? 'UNAUTHENTICATED'
        : response.status === 403
          ? 'FORBIDDEN'
          : response.status === 429
            ? 'RATE_LIMITED'
            : response.status === 503
              ? 'SERVICE_UNAVAILABLE'
              : 'NETWORK_ERROR';
    return new DeskClientError(`HTTP ${response.status}: ${net?.message ?? 'request failed'}`, code, {
      cause: err,
      retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
    });
  }
  return fromNetworkError(net ?? err);
}

/** Walks an error's causes for a system error code (ECONNREFUSED and friends). */
export function systemCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    const o = e as { code?: unknown; cause?: unknown; error?: unknown; errors?: unknown };
    if (typeof o.code === 'string' && /^E[A-Z_]+$/.test(o.code)) return o.code;
    if (Array.isArray(o.errors) && o.errors.length) {
      const inner = systemCode(o.errors[0]);
      if (inner) return inner;
    }
    e = o.cause ?? o.error;
  }
  return undefined;
}

function fromNetworkError(err: unknown): DeskClientError {
  const sys = systemCode(err);
  const message =
    err instanceof Error
      ? err.message
      : typeof err === 'object' && err && 'message' in err
        ? String((err as { message: unknown }).message)
        : String(err);
  if (sys === 'ECONNREFUSED')
    return new DeskClientError(`Connection refused${message ? ` (${message})` : ''}`, 'CONNECTION_REFUSED', {
      cause: err,
    });
  return new DeskClientError(
    sys ? `${message || 'Network error'} (${sys})` : message || 'Network error',
    'NETWORK_ERROR',
    { cause: err },
  );
}

function isCloseEvent(v: unknown): v is { code: number; reason?: string } {
  return !!v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'number' && 'reason' in v;
}

function fromCloseEvent(event: { code: number; reason?: string }, socketError?: unknown): DeskClientError {
  const reason = event.reason || '';
  const mapped = CLOSE_CODES[event.code];
  if (mapped)
    return new DeskClientError(reason || `WebSocket closed (${event.code})`, mapped, {
      closeCode: event.code,
      retryAfter: mapped === 'RATE_LIMITED' ? 1 : undefined,
      cause: event,
    });
  if (socketError !== undefined && systemCode(socketError) === 'ECONNREFUSED') {
    return new DeskClientError(`Connection refused (${errorMessage(socketError)})`, 'CONNECTION_REFUSED', {
      closeCode: event.code,
      cause: socketError,
    });
  }
  const why = socketError !== undefined ? `: ${errorMessage(socketError)}` : reason ? `: ${reason}` : '';
  return new DeskClientError(`WebSocket closed (${event.code})${why}`, 'CONNECTION_CLOSED', {
    closeCode: event.code,
    cause: socketError ?? event,
  });
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; error?: unknown };
    if (typeof o.message === 'string' && o.message) return o.message;
    if (o.error instanceof Error) return o.error.message;
  }
  return String(e);
}
