/**
 * A crewdesk customer as the typed client is one: a guest session, one open graphql-ws socket that
 * carries submitRequest and then caseEvents (or, with `--submit http`, submitRequest over HTTP).
 */
import type { Client } from 'graphql-ws';
import { createTokenService } from '../../server/auth/tokens.js';
import type { CaseSample } from './load.js';
import { connectGraphqlWs, watchAnswer } from './ws-watch.js';

/** Where a crewdesk server listens. */
export interface DeskAddress {
  url: string;
  wsUrl: string;
}

const SUBMIT =
  'mutation Submit($m: String!, $c: ID) { submitRequest(input: { message: $m, caseId: $c }) { case { id } } }';
const WATCH = `subscription Watch($id: ID!) {
  caseEvents(caseId: $id, after: 0) {
    seq
    __typename
    ... on TokenDelta { text }
    ... on CaseError { code }
    ... on MessageCompleted { message { id content } }
  }
}`;

/** Posts a GraphQL operation and returns its data; throws on errors, with their codes. */
async function postGraphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  signal?: AbortSignal,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length || !body.data) {
    const e = body.errors?.[0];
    throw new Error(`HTTP ${res.status}: ${e?.extensions?.code ?? ''} ${e?.message ?? 'no data'}`.trim());
  }
  return body.data;
}

/** A fresh guest customer's token (startGuestSession), as a web page without accounts gets one. */
async function guestToken(url: string): Promise<string> {
  const data = await postGraphql<{ startGuestSession: { token: string } }>(
    url,
    'mutation { startGuestSession { token } }',
    {},
  );
  return data.startGuestSession.token;
}

/** Signs staff tokens with the secret the bench gave the server. */
export function staffSigner(secret: string): (sub: string) => string {
  const tokens = createTokenService({
    algorithms: ['HS256'],
    verifyKey: secret,
    signingKey: secret,
    clockToleranceSec: 5,
  });
  return (sub) => tokens.sign({ sub, role: 'operator' }, 3600).token;
}

/** Stores a request (a new case, or a follow-up on `caseId`) and returns the case id. */
export async function submit(
  address: DeskAddress,
  token: string,
  message: string,
  opts: { caseId?: string; signal?: AbortSignal } = {},
): Promise<string> {
  const data = await postGraphql<{ submitRequest: { case: { id: string } } }>(
    address.url,
    SUBMIT,
    { m: message, c: opts.caseId ?? null },
    token,
    opts.signal,
  );
  return data.submitRequest.case.id;
}

/** Stores a new case with the mutation sent over the customer's open socket (as the typed client does). */
async function submitOverSocket(ws: Client, message: string): Promise<string> {
  const it = ws.iterate<{ submitRequest: { case: { id: string } } }>({
    query: SUBMIT,
    variables: { m: message, c: null },
  });
  const r = await it.next();
  await it.return?.();
  if (r.done || !r.value.data) {
    const e = (r.value?.errors as { message: string; extensions?: { code?: string } }[] | undefined)?.[0];
    throw new Error(`socket: ${e?.extensions?.code ?? ''} ${e?.message ?? 'no data'}`.trim());
  }
  return r.value.data.submitRequest.case.id;
}

/** Times the answer on a case the caller just submitted: first TokenDelta and MessageCompleted. */
export function watchCase(ws: Client, caseId: string, t0: number, signal: AbortSignal): Promise<CaseSample> {
  return watchAnswer(
    ws,
    { query: WATCH, variables: { id: caseId } },
    { field: 'caseEvents', token: 'TokenDelta', done: 'MessageCompleted', fail: 'CaseError' },
    t0,
    signal,
  );
}

/** One customer with one socket. */
export interface DeskCustomer {
  token: string;
  ws: Client;
  /** Submits a new case and times its answer: first TokenDelta and MessageCompleted at the subscriber. */
  ask(message: string, t0: number, signal: AbortSignal): Promise<CaseSample>;
  close(): Promise<void>;
}

/** How a customer's requests reach the desk: over its open socket (the typed client's way) or HTTP. */
export type SubmitOver = 'socket' | 'http';

/** A customer with a guest session and an open socket. */
export async function connectCustomer(address: DeskAddress, submitOver: SubmitOver = 'socket'): Promise<DeskCustomer> {
  const token = await guestToken(address.url);
  const ws = await connectGraphqlWs(address.wsUrl, { authorization: `Bearer ${token}` });
  return {
    token,
    ws,
    async ask(message, t0, signal) {
      const id =
        submitOver === 'socket'
          ? await submitOverSocket(ws, message)
          : await submit(address, token, message, { signal });
      return watchCase(ws, id, t0, signal);
    },
    close: async () => {
      await ws.dispose();
    },
  };
}
