/// <reference lib="dom" />
/**
 * GraphiQL's fetcher: queries and mutations over HTTP POST, subscriptions over graphql-ws. The
 * headers editor goes with each HTTP request and is the WebSocket's connectionParams (a new
 * connection when the headers change). Every subscription result is also kept in the stream store.
 */
import type { GraphiQLProps } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import type { StreamStore } from './stream-store.js';

type Fetcher = GraphiQLProps['fetcher'];
type FetcherParams = Parameters<Fetcher>[0];
type FetcherOpts = Parameters<Fetcher>[1];

/** Whether the operation GraphiQL runs is a subscription. */
function isSubscription(params: FetcherParams): boolean {
  try {
    return getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false; // The server answers the syntax error.
  }
}

/** Creates the fetcher for the desk at `httpUrl` / `wsUrl`. */
export function createDeskFetcher(opts: { httpUrl: string; wsUrl: string; store: StreamStore }): Fetcher {
  let ws: { key: string; client: Client } | null = null;
  const wsFor = (headers: Record<string, unknown>): Client => {
    const key = JSON.stringify(headers);
    if (ws?.key !== key) {
      void ws?.client.dispose();
      ws = { key, client: createClient({ url: opts.wsUrl, connectionParams: headers, lazy: true, retryAttempts: 0 }) };
    }
    return ws.client;
  };

  return (params: FetcherParams, fetcherOpts?: FetcherOpts) => {
    const headers = (fetcherOpts?.headers ?? {}) as Record<string, string>;
    if (!isSubscription(params)) {
      return fetch(opts.httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(params),
      }).then((res) => res.json());
    }
    const name = params.operationName ?? 'subscription';
    const results = wsFor(headers).iterate({
      query: params.query,
      operationName: params.operationName ?? undefined,
      variables: params.variables ?? undefined,
    });
    const store = opts.store;
    // GraphiQL types results with GraphQLError instances; over the wire they are formatted errors.
    const iterable = {
      [Symbol.asyncIterator]() {
        return {
          async next() {
            const r = await results.next();
            if (!r.done) store.push(name, r.value);
            return r;
          },
          async return() {
            await results.return?.();
            return { done: true as const, value: undefined };
          },
        };
      },
    };
    return iterable as unknown as ReturnType<Fetcher>;
  };
}
