/**
 * Runs GraphQL operations for the REST routes through Yoga's own fetch handler, in process: the
 * same schema, plugins, JWT auth, rate limits, limits and error masking as `POST /graphql`.
 */
import type { IncomingMessage } from 'node:http';
import type { YogaServerInstance } from 'graphql-yoga';
import type { CallerInfo } from '../context.js';

/** The Yoga instance app.ts builds (its server context). */
export type DeskYoga = YogaServerInstance<
  { caller?: CallerInfo; req?: IncomingMessage; requestId?: string },
  Record<never, never>
>;

/** A GraphQL result as the REST routes read it. */
export interface OperationResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One operation to run. */
export interface Operation {
  query: string;
  operationName: string;
  variables?: Record<string, unknown>;
}

/** Who asks: the incoming request (for its address and token) and its request id. */
export interface RestCaller {
  req: IncomingMessage;
  requestId: string;
}

/** Headers forwarded to the GraphQL handler: the caller's token, request id and trace headers, and a CSRF marker. */
function forwardedHeaders(caller: RestCaller, accept: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept,
    'x-graphql-yoga-csrf': 'rest',
    'x-request-id': caller.requestId,
  };
  const auth = caller.req.headers.authorization;
  if (auth) headers.authorization = auth;
  // The case turn's trace continues the caller's (W3C trace context).
  for (const h of ['traceparent', 'tracestate'] as const) {
    const v = caller.req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  return headers;
}

/** Splits a text/event-stream body into the `data` of its events; stops (and cancels the body) on abort. */
async function* sseData(body: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncGenerator<string> {
  const reader = body.getReader();
  // Cancelling the body ends Yoga's subscription; a pending read then resolves as done.
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (!signal.aborted) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let idx = buffer.indexOf('\n\n'); idx >= 0; idx = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        const lines = block.split('\n');
        if (lines.some((l) => l.startsWith('event:') && l.slice(6).trim() === 'complete')) return;
        const data = lines
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        if (data) yield data;
      }
    }
  } finally {
    signal.removeEventListener('abort', cancel);
    if (!signal.aborted) cancel();
  }
}

/** Creates the runner over a Yoga instance. */
export function createGraphqlRunner(yoga: DeskYoga) {
  const url = `http://localhost${yoga.graphqlEndpoint}`;
  return {
    /** Runs a query or mutation. */
    async run<T>(op: Operation, caller: RestCaller): Promise<OperationResult<T>> {
      const res = await yoga.fetch(
        url,
        { method: 'POST', headers: forwardedHeaders(caller, 'application/json'), body: JSON.stringify(op) },
        { req: caller.req, requestId: caller.requestId },
      );
      return (await res.json()) as OperationResult<T>;
    },

    /** Runs a subscription (over Yoga's SSE) and yields each result until it ends or `signal` aborts. */
    async *subscribe<T>(op: Operation, caller: RestCaller, signal: AbortSignal): AsyncGenerator<OperationResult<T>> {
      const res = await yoga.fetch(
        url,
        {
          method: 'POST',
          headers: forwardedHeaders(caller, 'text/event-stream'),
          body: JSON.stringify(op),
          signal,
        },
        { req: caller.req, requestId: caller.requestId },
      );
      if (!res.body || !res.headers.get('content-type')?.includes('text/event-stream')) {
        yield (await res.json()) as OperationResult<T>;
        return;
      }
      for await (const data of sseData(res.body, signal)) yield JSON.parse(data) as OperationResult<T>;
    },
  };
}

/** The runner's type. */
export type GraphqlRunner = ReturnType<typeof createGraphqlRunner>;
