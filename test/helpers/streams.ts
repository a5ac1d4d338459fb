/** Reading subscriptions in tests: graphql-ws and SSE, until a condition holds. */
import type { Client } from 'graphql-ws';
import { authHeaders } from './app.js';

/** Subscribes over graphql-ws and collects events until `until` returns true (or times out). */
export function collectWs<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  until: (events: T[]) => boolean,
  timeoutMs = 15_000,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const events: T[] = [];
    // Frames already in flight when it settles must not change what it resolved with.
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      dispose();
      reject(new Error(`timed out after ${timeoutMs} ms with ${events.length} events`));
    }, timeoutMs);
    const dispose = client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (msg) => {
          if (settled) return;
          if (msg.errors?.length) {
            settled = true;
            clearTimeout(timer);
            dispose();
            reject(Object.assign(new Error(msg.errors[0].message), { errors: msg.errors }));
            return;
          }
          const ev = Object.values(msg.data ?? {})[0] as T;
          events.push(ev);
          if (until(events)) {
            settled = true;
            clearTimeout(timer);
            dispose();
            resolve(events);
          }
        },
        error: (err) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : Object.assign(new Error('subscription error'), { errors: err }));
        },
        complete: () => {
          clearTimeout(timer);
          resolve(events);
        },
      },
    );
  });
}

/** Subscribes over SSE (Yoga's text/event-stream) and collects events until `until` returns true. */
export async function collectSse<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  until: (events: T[]) => boolean,
  headers: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<T[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: T[] = [];
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authHeaders(headers) },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    if (!res.ok || !res.body) throw new Error(`SSE request failed: ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let idx = buffer.indexOf('\n\n'); idx >= 0; idx = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (!data) continue;
        const msg = JSON.parse(data) as { data?: Record<string, T>; errors?: { message: string }[] };
        if (msg.errors?.length) throw Object.assign(new Error(msg.errors[0].message), { errors: msg.errors });
        if (!msg.data) continue;
        events.push(Object.values(msg.data)[0]);
        if (until(events)) return events;
      }
    }
    return events;
  } catch (err) {
    if (controller.signal.aborted) throw new Error(`SSE timed out after ${timeoutMs} ms with ${events.length} events`);
    throw err;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** The selection the tests use for case events. */
export const CASE_EVENTS = /* GraphQL */ `
  subscription Watch($caseId: ID!, $after: Int) {
    caseEvents(caseId: $caseId, after: $after) {
      __typename
      seq
      caseId
      at
      ... on CaseRouted { route intent confidence method reason scores { route score } parts { route intent } }
      ... on AgentStarted { agent messageId }
      ... on TokenDelta { agent messageId text }
      ... on ToolCalled { agent tool input output ok }
      ... on AgentHandoff { fromAgent toAgent reason }
      ... on MessageAdded { message { id authorKind content } }
      ... on MessageCompleted { message { id status content agentName citations { id title } toolCalls { name ok } usage { totalTokens } } }
      ... on StatusChanged { fromStatus toStatus by }
      ... on PriorityChanged { fromPriority toPriority }
      ... on AssigneeChanged { fromAssignee toAssignee }
      ... on CaseEscalated { reason priority }
      ... on CaseError { code detail }
    }
  }
`;

/** True once a completed agent message is among the events. */
export const answered = (events: { __typename: string; message?: { status: string } }[]) =>
  events.some((e) => e.__typename === 'MessageCompleted');
