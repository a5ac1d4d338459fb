/** A graphql-ws connection that stays open, and a watcher that times one streamed answer on it. */
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { CaseSample } from './load.js';

/** Opens a graphql-ws connection (not lazy: it stays open between cases) and waits for its ack. */
export function connectGraphqlWs(url: string, connectionParams?: Record<string, unknown>): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: reject,
    });
    const off = client.on('connected', () => {
      off();
      resolve(client);
    });
  });
}

interface Frame {
  __typename: string;
  code?: string;
}

/**
 * Subscribes and resolves when the event named `done` arrives: tokens are `token` events, timed
 * from `t0`. A `fail` event (e.g. CaseError) makes the case count as failed once it is done.
 */
export function watchAnswer(
  client: Client,
  payload: { query: string; variables: Record<string, unknown> },
  names: { field: string; token: string; done: string; fail?: string },
  t0: number,
  signal: AbortSignal,
): Promise<CaseSample> {
  return new Promise((resolve, reject) => {
    let first = 0;
    let tokens = 0;
    let failure: string | null = null;
    let dispose = () => {};
    let settled = false;
    const finish = (err: Error | null, sample?: CaseSample) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      dispose();
      if (err) reject(err);
      else if (sample) resolve(sample);
    };
    const onAbort = () => finish(new Error(`timed out after ${tokens} tokens (${String(signal.reason)})`));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    dispose = client.subscribe<Record<string, Frame>>(payload, {
      next: (msg) => {
        if (msg.errors?.length) return finish(new Error(`subscription error: ${msg.errors[0].message}`));
        const ev = msg.data?.[names.field];
        if (!ev) return;
        if (ev.__typename === names.token) {
          if (tokens++ === 0) first = performance.now();
        } else if (ev.__typename === names.fail) {
          failure ??= `${names.fail} ${ev.code ?? ''}`.trim();
        } else if (ev.__typename === names.done) {
          const now = performance.now();
          if (failure) return finish(new Error(failure));
          // An answer finished before the subscription began arrives whole: its first token is its last.
          finish(null, { ttftMs: (tokens ? first : now) - t0, ttltMs: now - t0, tokens });
        }
      },
      error: (err) => finish(err instanceof Error ? err : new Error(`socket closed: ${JSON.stringify(err)}`)),
      complete: () => finish(new Error(`the stream ended after ${tokens} tokens, before ${names.done}`)),
    });
  });
}
