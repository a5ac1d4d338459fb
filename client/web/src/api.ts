/// <reference lib="dom" />
/**
 * The web app's side of the API: desk clients on the same origin, tokens in sessionStorage, the
 * few operations the typed client does not wrap (desk events, operator reply, case update, me),
 * and errors in plain words.
 */

import type {
  CaseStatus,
  Priority,
  Route,
  WebCaseActionsQuery,
  WebDeskEventsSubscription,
  WebMeQuery,
  WebUpdateCaseMutationVariables,
} from '../../generated/graphql.js';
import { createDeskClient, type DeskClient, DeskClientError } from '../../src/desk-client.js';
import {
  WebCaseActionsQuery as CaseActionsDoc,
  WebConfirmActionMutation as ConfirmActionDoc,
  WebDeclineActionMutation as DeclineActionDoc,
  WebDeskEventsSubscription as DeskEventsDoc,
  WebMeQuery as MeDoc,
  WebReplyAsOperatorMutation as ReplyAsOperatorDoc,
  WebUpdateCaseMutation as UpdateCaseDoc,
} from '../../src/web-operations.js';

export type { CaseStatus, Priority, Route };
export type RequestType = 'AUTO' | 'BILLING' | 'TECHNICAL' | 'ESCALATION' | 'GENERAL' | 'COMPLEX';

export const GRAPHQL_URL = '/graphql';

export const ROUTES: Route[] = ['BILLING', 'TECHNICAL', 'ESCALATION', 'GENERAL'];
export const STATUSES: CaseStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED'];
export const PRIORITIES: Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** sessionStorage keys: one token per page kind. */
const TOKEN_KEYS = { customer: 'crewdesk.customerToken', operator: 'crewdesk.operatorToken' } as const;
export type TokenKind = keyof typeof TOKEN_KEYS;

export function readToken(kind: TokenKind): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEYS[kind]);
  } catch {
    return null;
  }
}

export function writeToken(kind: TokenKind, token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEYS[kind], token);
    else sessionStorage.removeItem(TOKEN_KEYS[kind]);
  } catch {
    /* storage disabled: the token lives in memory only */
  }
}

/** A desk client for this origin that always sends the current token. */
export function deskFor(getToken: () => string | null): DeskClient {
  return createDeskClient({ url: GRAPHQL_URL, getToken, retry: { maxAttempts: 20, maxDelayMs: 5000 } });
}

/** Strips a pasted "Bearer " prefix and whitespace. */
export function cleanToken(raw: string): string {
  return raw
    .trim()
    .replace(/^bearer\s+/i, '')
    .trim();
}

// ---- Operations the typed client does not wrap (documents in client/src/web-operations.ts) ----

/** Who the token belongs to. */
export type Viewer = WebMeQuery['me'];

/** One event of the live desk stream (`SecurityEventRaised.caseId` comes as `securityCaseId`). */
export type DeskEvent = WebDeskEventsSubscription['deskEvents'];

/** The data of an urql result, or its error as a DeskClientError. */
export async function run<T>(p: Promise<{ data?: T | undefined; error?: unknown }>): Promise<T> {
  const result = await p;
  if (result.error) throw DeskClientError.from(result.error);
  if (!result.data) throw new DeskClientError('The server answered without data', 'BAD_RESPONSE');
  return result.data;
}

export async function fetchMe(desk: DeskClient): Promise<Viewer> {
  return (await run(desk.urql.query(MeDoc, {}).toPromise())).me;
}

export async function replyAsOperator(desk: DeskClient, caseId: string, message: string): Promise<void> {
  await run(desk.urql.mutation(ReplyAsOperatorDoc, { caseId, message }).toPromise());
}

/** An action an agent proposed on a case, as the customer page shows it. */
export type CaseAction = WebCaseActionsQuery['caseActions'][number];

/** The actions proposed on a case. */
export async function fetchCaseActions(desk: DeskClient, caseId: string): Promise<CaseAction[]> {
  return (await run(desk.urql.query(CaseActionsDoc, { caseId }, { requestPolicy: 'network-only' }).toPromise()))
    .caseActions;
}

/** The customer's yes (confirm) or no (decline) to a proposed action. */
export async function answerAction(desk: DeskClient, actionId: string, yes: boolean): Promise<void> {
  if (yes) await run(desk.urql.mutation(ConfirmActionDoc, { actionId }).toPromise());
  else await run(desk.urql.mutation(DeclineActionDoc, { actionId }).toPromise());
}

export async function updateCase(desk: DeskClient, input: WebUpdateCaseMutationVariables['input']): Promise<void> {
  await run(desk.urql.mutation(UpdateCaseDoc, { input }).toPromise());
}

/**
 * Follows `deskEvents` and reconnects (with a backoff) when the stream fails or ends; `onState`
 * reports whether the stream is live (a reconnect may have missed events: refetch then).
 */
export function followDeskEvents(
  desk: DeskClient,
  handlers: { onEvent: (ev: DeskEvent) => void; onState: (live: boolean, error?: DeskClientError) => void },
): () => void {
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const connect = () => {
    if (stopped) return;
    let ended = false;
    const retry = (error?: DeskClientError) => {
      if (ended || stopped) return;
      ended = true;
      unsubscribe?.();
      handlers.onState(false, error);
      if (error && !error.retryable) return;
      failures++;
      timer = setTimeout(connect, Math.min(5000, 250 * 2 ** Math.min(failures, 5)));
    };
    const sub = desk.urql.subscription(DeskEventsDoc, {}).subscribe((result) => {
      if (result.error) return retry(DeskClientError.from(result.error));
      const ev = result.data?.deskEvents;
      if (!ev) return;
      failures = 0;
      handlers.onEvent(ev);
    });
    // graphql-ws has no per-operation ack: the stream counts as live once it has run a moment without failing.
    const liveTimer = setTimeout(() => !ended && !stopped && handlers.onState(true), 600);
    unsubscribe = () => {
      clearTimeout(liveTimer);
      sub.unsubscribe();
    };
  };
  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe?.();
  };
}

// ---- Errors in plain words ----

export function asDeskError(err: unknown): DeskClientError {
  return DeskClientError.from(err);
}

/** A sentence a person can act on. */
export function plainError(err: unknown, what = 'That'): string {
  const e = asDeskError(err);
  switch (e.code) {
    case 'UNAUTHENTICATED':
      return 'Your session has expired or the token is not valid. Sign in again.';
    case 'FORBIDDEN':
      return 'This token is not allowed to do that. An operator or admin token is needed here.';
    case 'NOT_FOUND':
      return 'That case was not found (it may belong to someone else).';
    case 'BAD_USER_INPUT':
      return `${what} was not accepted: ${e.message}`;
    case 'CONFLICT':
      return `${what} could not be done: ${e.message}`;
    case 'RATE_LIMITED':
      return 'Too many requests in a short time. Please wait a moment.';
    case 'CONNECTION_REFUSED':
    case 'NETWORK_ERROR':
    case 'CONNECTION_CLOSED':
    case 'STREAM_ENDED':
      return 'The desk cannot be reached right now. Check your connection; we will keep trying.';
    case 'SERVICE_UNAVAILABLE':
      return 'The desk is busy or restarting. Please try again in a moment.';
    case 'QUERY_TOO_COMPLEX':
      return 'The request was too large for the server.';
    default:
      return `Something went wrong on our side (${e.code}). Please try again.`;
  }
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatAge(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d`;
}

export function label(v: string): string {
  return v.charAt(0).toUpperCase() + v.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** A short case reference people can read out (the id's first 8 characters, upper case), never the whole UUID. */
export function caseRef(id: string): string {
  return `#${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
