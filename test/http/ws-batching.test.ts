import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { batchWritesPerTurn } from '../../server/ws-batching.js';

/** A real WebSocket pair on 127.0.0.1; counts the writes the server's socket makes to the kernel. */
async function pair(batched: boolean, highWaterBytes?: number) {
  const server: Server = createServer();
  const wss = new WebSocketServer({ server });
  const accepted = new Promise<{ ws: WebSocket; writes: () => number }>((resolve) =>
    wss.on('connection', (ws, req) => {
      const socket = req.socket as Socket & { _writev?: unknown; _write: unknown };
      let n = 0;
      for (const name of ['_write', '_writev'] as const) {
        const orig = socket[name] as ((...a: unknown[]) => unknown) | undefined;
        if (orig)
          socket[name] = (...a: unknown[]) => {
            n++;
            return orig.apply(socket, a);
          };
      }
      if (batched) batchWritesPerTurn(ws, socket, highWaterBytes);
      resolve({ ws, writes: () => n });
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on('message', (d) => received.push(String(d)));
  await new Promise((r) => client.once('open', r));
  const { ws, writes } = await accepted;
  return {
    ws,
    writes,
    received,
    close: async () => {
      client.terminate();
      wss.close();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('WebSocket frames sent in one turn', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  for (const batched of [true, false]) {
    it(`${batched ? 'leave in one write' : 'leave in a write each without batching'}, in order`, async () => {
      const p = await pair(batched);
      close = p.close;
      for (let i = 0; i < 50; i++) p.ws.send(`frame ${i}`);
      await new Promise((r) => setTimeout(r, 100));
      expect(p.received).toEqual(Array.from({ length: 50 }, (_, i) => `frame ${i}`));
      if (batched) expect(p.writes()).toBe(1);
      else expect(p.writes()).toBeGreaterThanOrEqual(50);
      // A frame in a later turn still goes out on its own.
      p.ws.send('later');
      await new Promise((r) => setTimeout(r, 50));
      expect(p.received.at(-1)).toBe('later');
    });
  }

  // graphql-ws awaits each frame's send callback before it sends the next.
  const awaitedSends = async (ws: WebSocket, frames: string[]) => {
    for (const f of frames) await new Promise<void>((res, rej) => ws.send(f, (err) => (err ? rej(err) : res())));
  };

  it('join frames whose sender awaits each send, as graphql-ws does', async () => {
    const p = await pair(true);
    close = p.close;
    const frames = Array.from({ length: 50 }, (_, i) => `awaited ${i}`);
    await awaitedSends(p.ws, frames);
    await new Promise((r) => setTimeout(r, 100));
    expect(p.received).toEqual(frames);
    expect(p.writes()).toBe(1);
  });

  it('wait for the write once the queue is above the high-water mark (a slow reader stays bounded)', async () => {
    const p = await pair(true, 1000);
    close = p.close;
    const frames = Array.from({ length: 20 }, (_, i) => `${i}:${'x'.repeat(300)}`);
    await awaitedSends(p.ws, frames);
    await new Promise((r) => setTimeout(r, 100));
    expect(p.received).toEqual(frames);
    // About 1000 bytes a write: several writes, not one, and not one per frame.
    expect(p.writes()).toBeGreaterThan(2);
    expect(p.writes()).toBeLessThan(20);
  });
});
