/** The REST routes' error answers: JSON `{ error, code }` with the HTTP status that fits the code. */
import type { ServerResponse } from 'node:http';

/** HTTP status for each error code the GraphQL edge uses (anything else is a 500). */
const STATUS_OF: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** A coded error as the REST API answers it. */
export interface RestError {
  message: string;
  code: string;
  extensions?: Record<string, unknown>;
}

/** Writes a JSON body with a status. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Writes a coded error: `{ error, code }` (plus `field` or `retry_after` when the error has them). */
export function sendError(res: ServerResponse, err: RestError): void {
  const status = STATUS_OF[err.code] ?? 500;
  const body: Record<string, unknown> = { error: err.message, code: err.code };
  const headers: Record<string, string> = {};
  if (typeof err.extensions?.field === 'string') body.field = err.extensions.field;
  if (typeof err.extensions?.retryAfter === 'number') {
    body.retry_after = err.extensions.retryAfter;
    headers['retry-after'] = String(Math.ceil(err.extensions.retryAfter));
  }
  sendJson(res, status, body, headers);
}

/** The first error of a GraphQL result as a REST error (masked errors stay masked). */
export function restErrorOf(errors: { message: string; extensions?: Record<string, unknown> }[]): RestError {
  const [first] = errors;
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  return { message: first?.message ?? 'Unexpected error', code, extensions: first?.extensions };
}
