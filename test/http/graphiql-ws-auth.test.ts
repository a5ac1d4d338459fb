/**
 * GraphiQL-style WebSocket auth: a connection opened without a token whose operations carry the
 * Authorization header in `subscribe.payload.extensions.headers` (what Yoga's GraphiQL sends).
 */
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';

const EVENTS = `subscription($caseId: ID!) { caseEvents(caseId: $caseId, after: 0) { __typename seq ... on TokenDelta { text } } }`;

/** Runs a subscription with headers in extensions; collects events until MessageCompleted or an error. */
function run(client: Client, caseId: string, headers: Record<string, string>) {
  return new Promise<{ events: { __typename: string }[]; errors: { extensions?: { code?: string } }[] }>((ok, fail) => {
    const events: { __typename: string }[] = [];
    const timer = setTimeout(() => fail(new Error(`timed out with ${events.length} events`)), 15_000);
    const stop = client.subscribe<{ caseEvents: { __typename: string } }>(
      { query: EVENTS, variables: { caseId }, extensions: { headers } },
      {
        next: (msg) => {
          if (msg.errors?.length) {
            clearTimeout(timer);
            stop();
            ok({ events, errors: msg.errors as never });
            return;
          }
          events.push(msg.data!.caseEvents);
          if (msg.data!.caseEvents.__typename === 'MessageCompleted' && events.length > 3) {
            clearTimeout(timer);
            stop();
            ok({ events: [...events], errors: [] });
          }
        },
        error: (err) => {
          clearTimeout(timer);
          Array.isArray(err) ? ok({ events, errors: err as never }) : fail(err);
        },
        complete: () => {
          clearTimeout(timer);
          ok({ events, errors: [] });
        },
      },
    );
  });
}

describe('WebSocket auth from subscribe extensions.headers', () => {
  let t: TestApp;
  let client: Client;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const r = await t.gql(
      'mutation { submitRequest(input: { message: "Please explain my last invoice" }) { case { id } } }',
    );
    caseId = r.data.submitRequest.case.id;
    // No connectionParams at all: the token only travels with each operation.
    client = createClient({ url: t.running.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  });
  afterAll(async () => {
    await client.dispose();
    await t.stop();
  });

  it('streams the case when extensions.headers carries the owner’s token', async () => {
    const { events, errors } = await run(client, caseId, { Authorization: `Bearer ${tokenFor('cust-ava')}` });
    expect(errors).toEqual([]);
    expect(events.some((e) => e.__typename === 'TokenDelta')).toBe(true);
    expect(events.at(-1)?.__typename).toBe('MessageCompleted');
  });

  it('answers UNAUTHENTICATED without a token, and NOT_FOUND for another customer’s token', async () => {
    const none = await run(client, caseId, {});
    expect(none.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await run(client, caseId, { Authorization: 'Bearer not-a-token' });
    expect(bad.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = await run(client, caseId, { authorization: `Bearer ${tokenFor('cust-ben')}` });
    expect(other.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.events).toEqual([]);
  });
});
