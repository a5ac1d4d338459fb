/** A graphql-transport-ws socket driven by hand in tests, to read close codes and raw messages. */
import WebSocket from 'ws';

/** A graphql-transport-ws socket driven by hand, to read close codes. */
export interface RawWs {
  socket: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
  send(msg: Record<string, unknown> | string): void;
  waitFor(type: string, timeoutMs?: number): Promise<Record<string, any>>;
}

export function openWs(url: string): Promise<RawWs> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const received: Record<string, any>[] = [];
    const waiters = new Set<{ type: string; done: (m: Record<string, any>) => void }>();
    const closed = new Promise<{ code: number; reason: string }>((res) =>
      socket.on('close', (c, r) => res({ code: c, reason: r.toString() })),
    );
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as Record<string, any>;
      received.push(msg);
      for (const w of waiters) {
        if (w.type !== msg.type) continue;
        waiters.delete(w);
        w.done(msg);
      }
    });
    socket.once('error', reject);
    socket.once('open', () => {
      socket.on('error', () => {});
      resolve({
        socket,
        closed,
        send: (msg) => socket.send(typeof msg === 'string' ? msg : JSON.stringify(msg)),
        waitFor: (type, timeoutMs = 5000) =>
          new Promise((res, rej) => {
            const seen = received.find((m) => m.type === type);
            if (seen) return res(seen);
            const timer = setTimeout(() => rej(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
            waiters.add({
              type,
              done: (m) => {
                clearTimeout(timer);
                res(m);
              },
            });
          }),
      });
    });
  });
}
