/** The typed desk client against the real server: helpers, the case event stream, error codes. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  type CaseEventOf,
  createDeskClient,
  DeskClient,
  DeskClientError,
  newIdempotencyKey,
} from '../../client/src/desk-client.js';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';

/** Collects a case's events until the first completed agent message. */
async function untilAnswered(desk: DeskClient, caseId: string, after = 0): Promise<CaseEvent[]> {
  const events: CaseEvent[] = [];
  for await (const ev of desk.watchCase(caseId, { after })) {
    events.push(ev);
    if (ev.__typename === 'MessageCompleted' && ev.message.authorKind === 'AGENT') break;
  }
  return events;
}

/** The error a promise rejects with. */
async function failure(p: Promise<unknown> | (() => Promise<unknown>)): Promise<DeskClientError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(DeskClientError);
    return err as DeskClientError;
  }
  throw new Error('expected a DeskClientError');
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('desk client', () => {
  let t: TestApp;
  let desk: DeskClient;
  const clients: DeskClient[] = [];
  const client = (opts: Partial<Parameters<typeof createDeskClient>[0]> = {}) => {
    const c = createDeskClient({ url: t.running.url, ...opts });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp();
    desk = client({ token: tokenFor('cust-ava') });
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t.stop();
  });

  it('submits a request and streams the answer: TokenDelta … MessageCompleted with the joined text', async () => {
    const submitted = await desk.submitRequest({ message: 'Where is my order BW-100214?' });
    expect(submitted.case.status).toBe('OPEN');
    expect(submitted.message.authorKind).toBe('CUSTOMER');

    const events = await untilAnswered(desk, submitted.case.id);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(events[0].__typename).toBe('CaseOpened');

    const routed = events.find((e): e is CaseEventOf<'CaseRouted'> => e.__typename === 'CaseRouted');
    expect(routed?.route).toMatch(/^(BILLING|TECHNICAL|ESCALATION|GENERAL)$/);
    expect(routed?.confidence).toBeGreaterThan(0);

    const completed = events.at(-1) as CaseEventOf<'MessageCompleted'>;
    const deltas = events.filter(
      (e): e is CaseEventOf<'TokenDelta'> => e.__typename === 'TokenDelta' && e.messageId === completed.message.id,
    );
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((d) => d.text).join('')).toBe(completed.message.content);
    expect(completed.message.content).toContain('BW-100214');
    expect(completed.message.status).toBe('COMPLETE');
    // Every delta comes after the router's decision and before the completion.
    expect(deltas[0].seq).toBeGreaterThan(routed!.seq);
  });

  it('reads cases, follows up and replays only what follows `after`', async () => {
    const first = await desk.submitRequest({
      message: 'My internet keeps dropping every evening',
      requestType: 'TECHNICAL',
    });
    await untilAnswered(desk, first.case.id);

    const page = await desk.listCases({ route: ['TECHNICAL'] }, 5);
    expect(page.edges.map((e) => e.node.id)).toContain(first.case.id);

    const before = await desk.getCase(first.case.id);
    expect(before.messages.map((m) => m.authorKind)).toEqual(['CUSTOMER', 'AGENT']);
    const follow = await desk.followUp(first.case.id, 'It still drops after the restart you suggested');
    expect(follow.case.id).toBe(first.case.id);

    const later = await untilAnswered(desk, first.case.id, before.lastEventSeq);
    expect(later[0].seq).toBeGreaterThan(before.lastEventSeq);
    expect(later.some((e) => e.__typename === 'MessageAdded' && e.message.id === follow.message.id)).toBe(true);
    const after = await desk.getCase(first.case.id);
    expect(after.messages).toHaveLength(4);
  });

  it('while its socket is open a request goes over it (no HTTP request); errors keep their codes', async () => {
    let posts = 0;
    const counted: typeof fetch = (input, init) => {
      posts++;
      return globalThis.fetch(input, init);
    };
    const viaSocket = client({ token: tokenFor('cust-ava'), fetch: counted });
    const first = await viaSocket.submitRequest({ message: 'My internet keeps dropping', requestType: 'TECHNICAL' });
    expect(posts).toBe(1); // no socket yet: over HTTP

    const events: CaseEvent[] = [];
    let sawFollowUp = (_: CaseEvent) => false;
    const watching = (async () => {
      for await (const ev of viaSocket.watchCase(first.case.id)) {
        events.push(ev);
        if (sawFollowUp(ev)) break;
      }
    })();
    await expect.poll(() => events.length).toBeGreaterThan(0);
    const follow = await viaSocket.followUp(first.case.id, 'It still drops after a restart');
    sawFollowUp = (ev) => ev.__typename === 'MessageCompleted' && ev.seq > follow.case.lastEventSeq;
    expect(posts).toBe(1); // over the socket, with a key the client made (a bad one would be BAD_USER_INPUT)
    expect(follow.case.id).toBe(first.case.id);
    expect(newIdempotencyKey()).toMatch(/^key-[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    expect(follow.message.authorKind).toBe('CUSTOMER');

    const bad = await failure(viaSocket.followUp(first.case.id, ''));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.field).toBe('message');
    expect(posts).toBe(1);
    await watching;
    const stored = await viaSocket.getCase(first.case.id);
    expect(stored.messages.filter((m) => m.content === 'It still drops after a restart')).toHaveLength(1);

    const httpOnly = client({ token: tokenFor('cust-ava'), fetch: counted, submitOver: 'http' });
    const it2 = httpOnly.watchCase(first.case.id)[Symbol.asyncIterator]();
    await it2.next();
    posts = 0;
    await httpOnly.followUp(first.case.id, 'One more thing');
    expect(posts).toBe(1);
    await it2.return?.();
  });

  it('a socket that drops under a request: sent again over HTTP with the same key, stored once', async () => {
    const { default: WebSocket } = await import('ws');
    let cuts = 0;
    /** A socket that is cut right after it sends a submitRequest. */
    class Cut extends WebSocket {
      override send(data: unknown, ...rest: unknown[]): void {
        (super.send as (...a: unknown[]) => void)(data, ...rest);
        if (!String(data).includes('submitRequest')) return;
        cuts++;
        setImmediate(() => this.terminate());
      }
    }
    const desk2 = client({ token: tokenFor('cust-ava'), webSocketImpl: Cut as never });
    const first = await desk2.submitRequest({ message: 'My router blinks red', requestType: 'TECHNICAL' });
    const it2 = desk2.watchCase(first.case.id)[Symbol.asyncIterator]();
    await it2.next();
    const follow = await desk2.followUp(first.case.id, 'It blinks twice, then stops', {
      idempotencyKey: 'cut-key-0001',
    });
    expect(follow.case.id).toBe(first.case.id);
    expect(cuts).toBe(1);
    await it2.return?.().catch(() => undefined);
    const stored = await desk2.getCase(first.case.id);
    expect(stored.messages.filter((m) => m.content === 'It blinks twice, then stops')).toHaveLength(1);
  });

  it('starts a guest session without a token, and the guest token works', async () => {
    const guest = await DeskClient.startGuestSession(t.running.url);
    expect(guest.customerId).toMatch(/^guest-/);
    const asGuest = client({ getToken: async () => guest.token });
    const page = await asGuest.listCases();
    expect(page.totalCount).toBe(0);
  });

  it('staff read deskStatus; customers get FORBIDDEN', async () => {
    const status = await client({ token: tokenFor('maria', 'operator') }).deskStatus();
    expect(status.agents.map((a) => a.agent).sort()).toEqual(['billing', 'escalation', 'general', 'technical']);
    const err = await failure(desk.deskStatus());
    expect(err.code).toBe('FORBIDDEN');
    expect(err.retryable).toBe(false);
  });

  it('a bad case id is NOT_FOUND, over HTTP and on the stream', async () => {
    expect((await failure(desk.getCase('no-such-case'))).code).toBe('NOT_FOUND');
    const err = await failure(async () => {
      for await (const _ of desk.watchCase('no-such-case')) break;
    });
    expect(err.code).toBe('NOT_FOUND');
  });

  it('no token (or a bad one) is UNAUTHENTICATED, over HTTP and on the stream', async () => {
    const anonymous = client();
    expect((await failure(anonymous.listCases())).code).toBe('UNAUTHENTICATED');
    const err = await failure(async () => {
      for await (const _ of anonymous.watchCase('any')) break;
    });
    expect(err.code).toBe('UNAUTHENTICATED');

    const forged = client({ token: 'not-a-jwt' });
    expect((await failure(forged.getCase('any'))).code).toBe('UNAUTHENTICATED');
    const closed = await failure(async () => {
      for await (const _ of forged.watchCase('any')) break;
    });
    expect(closed.code).toBe('UNAUTHENTICATED');
    expect(closed.closeCode).toBe(4401);
  });

  it('bad input is BAD_USER_INPUT with the field', async () => {
    const err = await failure(desk.submitRequest({ message: '' }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.field).toBe('message');
  });

  it('a server that is not there is CONNECTION_REFUSED (HTTP), and watchCase gives up after its retries', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/graphql`;
    const nobody = client({
      url,
      token: tokenFor('cust-ava'),
      retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
    });
    const err = await failure(nobody.listCases());
    expect(err.code).toBe('CONNECTION_REFUSED');
    expect(err.retryable).toBe(true);
    const reconnects: number[] = [];
    const wsErr = await failure(async () => {
      for await (const _ of nobody.watchCase('any', { onReconnect: (i) => reconnects.push(i.attempt) })) break;
    });
    expect(wsErr.code).toBe('CONNECTION_REFUSED');
    expect(reconnects).toEqual([1, 2]);
  });
});

describe('desk client rate limits', () => {
  let t: TestApp;
  let desk: DeskClient;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1' });
    desk = createDeskClient({ url: t.running.url, token: tokenFor('cust-ben') });
  });
  afterAll(async () => {
    await desk.dispose();
    await t.stop();
  });

  it('the second mutation in a minute is RATE_LIMITED with retryAfter', async () => {
    await desk.submitRequest({ message: 'Where is my order?' });
    const err = await failure(desk.submitRequest({ message: 'Where is my order, again?' }));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAfter).toBeGreaterThan(0);
    expect(err.retryAfter).toBeLessThanOrEqual(60);
    expect(err.retryable).toBe(true);
  });
});
