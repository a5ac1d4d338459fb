/**
 * watchCase survives a dropped WebSocket: the client's socket is killed mid-answer and the
 * iterator resumes from the last seq it yielded, with no gap and no duplicate.
 */

import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type CaseEvent, type CaseEventOf, createDeskClient, type DeskClient } from '../../client/src/desk-client.js';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';

/** Every socket the client opens, so that the test can kill the live one. */
const sockets: WebSocket[] = [];
class RecordingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    sockets.push(this);
  }
}

let t: TestApp;
let desk: DeskClient;

beforeAll(async () => {
  // 20 ms between chunks: the answer streams for a few seconds, long enough to cut it mid-way.
  t = await startTestApp({ STREAM_CHUNK_DELAY_MS: '20' });
  desk = createDeskClient({
    url: t.running.url,
    token: tokenFor('cust-ava'),
    webSocketImpl: RecordingWebSocket,
    retry: { initialDelayMs: 50, maxDelayMs: 200 },
  });
});
afterAll(async () => {
  await desk.dispose();
  await t.stop();
});

it('resumes after the socket is terminated mid-answer: no duplicate seq, deltas join to the final message', async () => {
  const submitted = await desk.submitRequest({ message: 'Where is my order BW-100214?' });
  const events: CaseEvent[] = [];
  const reconnects: { attempt: number; lastSeq: number; code: string }[] = [];
  let killedAt = -1;
  let deltasBeforeKill = 0;

  for await (const ev of desk.watchCase(submitted.case.id, {
    onReconnect: (i) => reconnects.push({ attempt: i.attempt, lastSeq: i.lastSeq, code: i.error.code }),
  })) {
    events.push(ev);
    if (ev.__typename === 'TokenDelta' && killedAt < 0 && ++deltasBeforeKill === 5) {
      const live = sockets.filter((s) => s.readyState === WebSocket.OPEN);
      expect(live).toHaveLength(1);
      killedAt = ev.seq;
      live[0].terminate();
    }
    if (ev.__typename === 'MessageCompleted' && ev.message.authorKind === 'AGENT') break;
  }

  // The socket died, the client reconnected once on a new socket and resumed after the last seq.
  expect(killedAt).toBeGreaterThan(0);
  expect(sockets.length).toBe(2);
  expect(reconnects).toEqual([{ attempt: 1, lastSeq: killedAt, code: 'CONNECTION_CLOSED' }]);

  const seqs = events.map((e) => e.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

  const completed = events.at(-1) as CaseEventOf<'MessageCompleted'>;
  const deltas = events.filter((e): e is CaseEventOf<'TokenDelta'> => e.__typename === 'TokenDelta');
  // Deltas arrived on both sides of the kill, and together they are the whole answer.
  expect(deltas.filter((d) => d.seq <= killedAt)).toHaveLength(5);
  expect(deltas.filter((d) => d.seq > killedAt).length).toBeGreaterThan(5);
  expect(deltas.map((d) => d.text).join('')).toBe(completed.message.content);
  // Stopping the iteration (break) unsubscribed: the lazy socket closes once nothing listens.
  await expect.poll(() => sockets.every((s) => s.readyState === WebSocket.CLOSED), { timeout: 5000 }).toBe(true);

  // Nothing was lost in the gap: this server numbers one uninterrupted run's events 1, 2, 3, …
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
});
