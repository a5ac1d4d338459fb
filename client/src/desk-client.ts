/**
 * The typed crewdesk client for Node and the browser: an urql client (queries and mutations over
 * HTTP, subscriptions over graphql-ws on the same URL) with helpers built on the generated
 * documents, and `watchCase`, an async iterator of a case's events that resumes by `seq` after a
 * dropped connection.
 *
 * ```ts
 * const desk = createDeskClient({ url: 'http://127.0.0.1:4000/graphql', token });
 * const { case: c } = await desk.submitRequest({ message: 'My invoice is wrong' });
 * for await (const ev of desk.watchCase(c.id, { after: c.lastEventSeq })) {
 *   if (ev.__typename === 'TokenDelta') process.stdout.write(ev.text);
 *   if (ev.__typename === 'MessageCompleted') break;
 * }
 * await desk.dispose();
 * ```
 */
import {
  type AnyVariables,
  Client,
  type Exchange,
  type ExecutionResult,
  fetchExchange,
  type OperationResult,
  type OperationResultSource,
  subscriptionExchange,
} from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { onEnd, pipe, subscribe } from 'wonka';
import type {
  BrandingQuery,
  CaseEventFieldsFragment,
  CaseFilterInput,
  DeskStatusQuery,
  GetCaseQuery,
  ListCasesQuery,
  StartGuestSessionMutation,
  SubmitRequestInput,
  SubmitRequestMutation,
} from '../generated/graphql.js';
import { DeskClientError } from './errors.js';
import {
  BrandingQuery as BrandingDoc,
  CaseEventsSubscription,
  DeskStatusQuery as DeskStatusDoc,
  GetCaseQuery as GetCaseDoc,
  ListCasesQuery as ListCasesDoc,
  StartGuestSessionMutation as StartGuestSessionDoc,
  SubmitRequestMutation as SubmitRequestDoc,
} from './operations.js';

export type { CaseFilterInput, SubmitRequestInput } from '../generated/graphql.js';
export { DeskClientError, type DeskErrorCode } from './errors.js';

/** One event of a case (discriminated by `__typename`). */
export type CaseEvent = CaseEventFieldsFragment;
/** The case event of one type, e.g. `CaseEventOf<'TokenDelta'>`. */
export type CaseEventOf<T extends CaseEvent['__typename']> = Extract<CaseEvent, { __typename: T }>;
export type SubmitRequestResult = SubmitRequestMutation['submitRequest'];
export type CaseDetail = GetCaseQuery['case'];
export type CasePage = ListCasesQuery['cases'];
export type CaseSummary = CasePage['edges'][number]['node'];
export type DeskStatus = DeskStatusQuery['deskStatus'];
export type GuestSession = StartGuestSessionMutation['startGuestSession'];
export type Branding = BrandingQuery['branding'];

type MaybePromise<T> = T | Promise<T>;
type TokenValue = string | null | undefined;

/** A WebSocket class (the browser's, `ws` in Node, or any subclass of either). */
export type WebSocketConstructor = abstract new (url: string, protocols?: string | string[]) => unknown;

/** How `watchCase` reconnects. */
export interface RetryOptions {
  /** Reconnects in a row that fail before giving up (an event received resets the count). Default 8. */
  maxAttempts?: number;
  /** First delay; doubles with each failed attempt. Default 200 ms. */
  initialDelayMs?: number;
  /** Longest delay. Default 5000 ms. */
  maxDelayMs?: number;
}

export interface DeskClientOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql (relative URLs work in a browser). */
  url: string;
  /** WebSocket endpoint; by default `url` with ws:// or wss://. */
  wsUrl?: string;
  /** A fixed token. */
  token?: string | null;
  /** Called for every HTTP request and every WebSocket connection (wins over `token`). */
  getToken?: () => MaybePromise<TokenValue>;
  /** WebSocket class; by default the global one, or `ws` on Node versions without it. */
  webSocketImpl?: WebSocketConstructor;
  /** fetch to use (default: the global fetch). */
  fetch?: typeof fetch;
  /** Extra HTTP headers on every request. */
  headers?: Record<string, string>;
  /** Reconnect defaults for `watchCase`. */
  retry?: RetryOptions;
  /**
   * Where `submitRequest` goes: 'auto' (default) sends it over the WebSocket while the client has
   * one open (no HTTP request, and the answer's subscription follows on the same socket), else
   * over HTTP; 'http' always over HTTP.
   */
  submitOver?: 'auto' | 'http';
}

export interface WatchCaseOptions {
  /** Only events with a greater seq (default 0: the whole history, then live events). */
  after?: number;
  /** Ends the iteration (without an error) when aborted. */
  signal?: AbortSignal;
  retry?: RetryOptions;
  /** Called before each reconnect. */
  onReconnect?: (info: { attempt: number; delayMs: number; lastSeq: number; error: DeskClientError }) => void;
}

const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 8, initialDelayMs: 200, maxDelayMs: 5000 };

/** The WebSocket URL for an HTTP GraphQL URL. */
export function toWebSocketUrl(url: string): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  const u = base ? new URL(url, base) : new URL(url);
  if (u.protocol === 'http:') u.protocol = 'ws:';
  else if (u.protocol === 'https:') u.protocol = 'wss:';
  return u.toString();
}

async function defaultWebSocketImpl(): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (global) return global;
  // Node < 22 has no WebSocket: load `ws` only there (a variable specifier keeps bundlers out of it).
  const specifier = 'ws';
  const mod = (await import(/* @vite-ignore */ specifier)) as { default: WebSocketConstructor };
  return mod.default;
}

function makeUrqlClient(url: string, fetchImpl: typeof fetch, exchanges: Exchange[] = []): Client {
  return new Client({
    url,
    // POST for everything: a GET without a token would be refused by the server's CSRF check.
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetch: fetchImpl,
    exchanges: [...exchanges, fetchExchange],
  });
}

async function resultOf<Data>(source: OperationResultSource<OperationResult<Data, AnyVariables>>): Promise<Data> {
  const result = await source.toPromise();
  if (result.error) throw DeskClientError.from(result.error);
  if (!result.data) throw new DeskClientError('The server answered without data', 'BAD_RESPONSE');
  return result.data;
}

/** Starts a guest session (a short-lived customer token); needs no token. */
export async function startGuestSession(url: string, opts: { fetch?: typeof fetch } = {}): Promise<GuestSession> {
  const fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const client = makeUrqlClient(url, fetchImpl);
  const data = await resultOf(client.mutation(StartGuestSessionDoc, {}));
  return data.startGuestSession;
}

/** The company's name, colour and support hours as the desk at `url` is configured (no token needed). */
export async function fetchBranding(url: string, opts: { fetch?: typeof fetch } = {}): Promise<Branding> {
  const fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const data = await resultOf(makeUrqlClient(url, fetchImpl).query(BrandingDoc, {}));
  return data.branding;
}

/** The desk client. Create it with `createDeskClient`; `dispose()` closes its WebSocket. */
export class DeskClient {
  /** The urql client, for operations the helpers do not cover. */
  readonly urql: Client;
  readonly url: string;
  readonly wsUrl: string;
  private readonly baseFetch: typeof fetch;
  private ws?: Promise<WsClient>;
  private lastSocketError: unknown;
  private socketOpen = false;
  private disposed = false;

  /** Starts a guest session at `url` (no token needed). */
  static startGuestSession(url: string, opts: { fetch?: typeof fetch } = {}): Promise<GuestSession> {
    return startGuestSession(url, opts);
  }

  constructor(private readonly opts: DeskClientOptions) {
    this.url = opts.url;
    this.wsUrl = opts.wsUrl ?? toWebSocketUrl(opts.url);
    this.baseFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const authedFetch: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      for (const [k, v] of Object.entries(opts.headers ?? {})) headers.set(k, v);
      const token = await this.token();
      if (token) headers.set('authorization', `Bearer ${token}`);
      return this.baseFetch(input, { ...init, headers });
    };
    this.urql = makeUrqlClient(opts.url, authedFetch, [
      subscriptionExchange({
        // Subscriptions, and the mutations `submitRequest` marks to go over the open socket.
        isSubscriptionOperation: (op) => op.kind === 'subscription' || op.context.overSocket === true,
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            let active = true;
            let dispose: (() => void) | undefined;
            this.socketClient().then(
              (ws) => {
                if (!active) return;
                dispose = ws.subscribe(
                  {
                    query: request.query ?? '',
                    variables: request.variables,
                    operationName: request.operationName,
                    extensions: request.extensions,
                  },
                  {
                    next: (value) => sink.next(value as ExecutionResult),
                    // GraphQL errors (an array) stay GraphQL errors; a closed socket becomes a coded error.
                    error: (err) =>
                      sink.error(
                        Array.isArray(err)
                          ? err
                          : isCloseEvent(err)
                            ? DeskClientError.fromClose(err, this.lastSocketError)
                            : DeskClientError.from(err),
                      ),
                    complete: () => sink.complete(),
                  },
                );
              },
              (err: unknown) => sink.error(DeskClientError.from(err)),
            );
            return {
              unsubscribe: () => {
                active = false;
                dispose?.();
              },
            };
          },
        }),
      }),
    ]);
  }

  /** The token to send now (null: none). */
  async token(): Promise<string | null> {
    const t = this.opts.getToken ? await this.opts.getToken() : this.opts.token;
    return t ? t : null;
  }

  /**
   * Stores a request: a new case, or a follow-up when `input.caseId` is set. Returns at once.
   * While the client's WebSocket is open the mutation goes over it; if the socket drops before the
   * answer, it is sent again over HTTP with the same idempotency key (one is made when the caller
   * gave none), so the desk stores it once either way.
   */
  async submitRequest(input: SubmitRequestInput): Promise<SubmitRequestResult> {
    if (this.opts.submitOver === 'http' || !this.socketOpen) {
      return (await resultOf(this.urql.mutation(SubmitRequestDoc, { input }))).submitRequest;
    }
    const keyed = { ...input, idempotencyKey: input.idempotencyKey ?? newIdempotencyKey() };
    try {
      return (await resultOf(this.urql.mutation(SubmitRequestDoc, { input: keyed }, { overSocket: true })))
        .submitRequest;
    } catch (err) {
      if (!(err instanceof DeskClientError) || err.closeCode === undefined) throw err;
      return (await resultOf(this.urql.mutation(SubmitRequestDoc, { input: keyed }))).submitRequest;
    }
  }

  /** A follow-up message on an existing case. */
  followUp(
    caseId: string,
    message: string,
    extra: Omit<SubmitRequestInput, 'caseId' | 'message'> = {},
  ): Promise<SubmitRequestResult> {
    return this.submitRequest({ ...extra, caseId, message });
  }

  /** One case with its messages (NOT_FOUND when it does not exist or is not yours). */
  async getCase(id: string): Promise<CaseDetail> {
    return (await resultOf(this.urql.query(GetCaseDoc, { id }))).case;
  }

  /** Cases, newest first; pass `pageInfo.endCursor` as `after` for the next page. */
  async listCases(filter?: CaseFilterInput | null, first?: number | null, after?: string | null): Promise<CasePage> {
    // Unset arguments are left out, so that the server's defaults (first: 20) apply.
    const variables = {
      ...(filter ? { filter } : {}),
      ...(first !== null && first !== undefined ? { first } : {}),
      ...(after ? { after } : {}),
    };
    return (await resultOf(this.urql.query(ListCasesDoc, variables))).cases;
  }

  /** Per-agent figures, queue depth, cases by status (staff only). */
  async deskStatus(): Promise<DeskStatus> {
    return (await resultOf(this.urql.query(DeskStatusDoc, {}))).deskStatus;
  }

  /** A guest session from this client's server (sent without this client's token). */
  startGuestSession(): Promise<GuestSession> {
    return startGuestSession(this.url, { fetch: this.baseFetch });
  }

  /**
   * The events of a case: stored ones with seq > `after`, then live ones. When the connection
   * drops (or the server ends the stream), it reconnects with a backoff and resumes with
   * `after: <last seq yielded>`, so no event is missed or repeated; a server that closes with 1012
   * (it is stopping) is left at once for another instance behind the same URL. It ends when the consumer
   * stops (break, return, or `signal`), and throws a DeskClientError for errors that a retry
   * cannot fix (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, …) or when
   * `retry.maxAttempts` reconnects in a row fail.
   *
   * Token deltas are live-only on the server: a resume replays those of the message still being
   * written, but once a message has completed its deltas are gone, and its MessageCompleted event
   * carries the whole text. So a consumer that was cut off for longer than the rest of an answer
   * takes should trust MessageCompleted's content over the deltas it joined.
   */
  async *watchCase(caseId: string, opts: WatchCaseOptions = {}): AsyncGenerator<CaseEvent, void, undefined> {
    const retry = { ...DEFAULT_RETRY, ...this.opts.retry, ...opts.retry };
    const signal = opts.signal;
    let lastSeq = opts.after ?? 0;
    let failures = 0;
    while (!signal?.aborted) {
      const events = openResults(this.urql.subscription(CaseEventsSubscription, { caseId, after: lastSeq }), signal);
      let error: DeskClientError;
      try {
        for (;;) {
          const item = await events.next();
          if (item.kind === 'aborted') return;
          if (item.kind === 'end') {
            error = new DeskClientError('The server ended the event stream', 'STREAM_ENDED');
            break;
          }
          const { result } = item;
          if (result.error) {
            error = DeskClientError.from(result.error);
            break;
          }
          const ev = result.data?.caseEvents;
          if (!ev || ev.seq <= lastSeq) continue;
          lastSeq = ev.seq;
          failures = 0;
          yield ev;
        }
      } finally {
        events.close();
      }
      if (this.disposed) return;
      if (!error.retryable || failures >= retry.maxAttempts) throw error;
      failures++;
      const backoff = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (failures - 1));
      // A stopping instance (1012): the load balancer has another one now, so the first try is at once
      // (spread over 100 ms, so its clients do not all arrive together).
      const delayMs =
        error.serverRestarting && failures === 1
          ? Math.floor(Math.random() * 100)
          : Math.max(backoff, (error.retryAfter ?? 0) * 1000) + Math.floor(Math.random() * 50);
      opts.onReconnect?.({ attempt: failures, delayMs, lastSeq, error });
      if (!(await sleep(delayMs, signal))) return;
    }
  }

  /** Closes the WebSocket: running subscriptions end (watchCase quietly); HTTP helpers keep working. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const ws = this.ws;
    this.ws = undefined;
    if (ws !== undefined) await (await ws.catch(() => undefined))?.dispose();
  }

  private socketClient(): Promise<WsClient> {
    if (this.disposed) return Promise.reject(new DeskClientError('The desk client was disposed', 'CLIENT_DISPOSED'));
    if (!this.ws) {
      const created = (async () => {
        const impl = this.opts.webSocketImpl ?? (await defaultWebSocketImpl());
        return createWsClient({
          url: this.wsUrl,
          webSocketImpl: impl,
          lazy: true,
          // Reconnecting is watchCase's job: it resumes from the last seq instead of replaying.
          retryAttempts: 0,
          shouldRetry: () => false,
          connectionParams: async () => {
            const token = await this.token();
            return token ? { authorization: `Bearer ${token}` } : {};
          },
          on: {
            connecting: () => {
              this.lastSocketError = undefined;
            },
            connected: () => {
              this.socketOpen = true;
            },
            closed: () => {
              this.socketOpen = false;
            },
            error: (err) => {
              this.lastSocketError = err;
            },
          },
        });
      })();
      created.catch(() => {
        if (this.ws === created) this.ws = undefined;
      });
      this.ws = created;
    }
    return this.ws;
  }
}

/**
 * A fresh idempotency key for `submitRequest`. Uses `crypto.getRandomValues`, which browsers offer
 * on plain-HTTP pages too (`randomUUID` only in secure contexts).
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `key-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Creates a desk client. */
export function createDeskClient(opts: DeskClientOptions): DeskClient {
  return new DeskClient(opts);
}

function isCloseEvent(v: unknown): v is { code: number; reason: string } {
  return !!v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'number' && 'reason' in v;
}

type ResultItem<T> =
  | { kind: 'result'; result: OperationResult<T, AnyVariables> }
  | { kind: 'end' }
  | { kind: 'aborted' };

/** Pulls an urql result stream one result at a time; `close()` unsubscribes. */
function openResults<T>(
  source: OperationResultSource<OperationResult<T, AnyVariables>>,
  signal?: AbortSignal,
): { next(): Promise<ResultItem<T>>; close(): void } {
  const queue: ResultItem<T>[] = [];
  let wake: (() => void) | undefined;
  const push = (item: ResultItem<T>) => {
    queue.push(item);
    wake?.();
  };
  const onAbort = () => push({ kind: 'aborted' });
  signal?.addEventListener('abort', onAbort, { once: true });
  const sub = pipe(
    source,
    onEnd(() => push({ kind: 'end' })),
    subscribe((result) => push({ kind: 'result', result })),
  );
  return {
    async next() {
      if (signal?.aborted) return { kind: 'aborted' };
      let item = queue.shift();
      while (!item) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        item = queue.shift();
      }
      wake = undefined;
      return item;
    },
    close() {
      signal?.removeEventListener('abort', onAbort);
      sub.unsubscribe();
    },
  };
}

/** Waits `ms`; false when the signal aborted first. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
