/**
 * A bare graphql-transport-ws socket for the sections with many subscribers: it counts frames by
 * looking at their text (no JSON parsing), so that the bench, not the server, stays cheap.
 */
import WebSocket from 'ws';

/** Frames a socket has received. */
interface FrameCounts {
  tokens: number;
  completed: number;
  errors: number;
}

/** An open, acknowledged socket. */
export interface RawSocket {
  counts: FrameCounts;
  /** The first error frame or close reason, if any. */
  problem: string | null;
  subscribe(id: string, query: string, variables: Record<string, unknown>): void;
  /** Resolves when `test` holds (checked after every frame), rejects after `timeoutMs`. */
  until(test: (c: FrameCounts) => boolean, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens a socket with `token` in connectionParams and waits for connection_ack. */
function openRawSocket(url: string, token: string, timeoutMs = 10_000): Promise<RawSocket> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const counts: FrameCounts = { tokens: 0, completed: 0, errors: 0 };
  const waiters = new Set<() => void>();
  const closed = new Promise<void>((done) => socket.once('close', () => done()));
  const raw: RawSocket = {
    counts,
    problem: null,
    subscribe(id, query, variables) {
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    },
    until(test, ms) {
      if (test(counts)) return Promise.resolve();
      return new Promise((res, rej) => {
        const check = () => {
          if (!test(counts)) return;
          clearTimeout(t);
          waiters.delete(check);
          res();
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          rej(
            new Error(`timed out after ${ms} ms with ${JSON.stringify(counts)} (${raw.problem ?? 'no error frame'})`),
          );
        }, ms);
        waiters.add(check);
      });
    },
    async close() {
      socket.close(1000);
      await closed;
    },
  };
  let acknowledged = () => {};
  socket.on('message', (data) => {
    const text = String(data);
    if (text.includes('"type":"next"')) {
      if (text.includes('"__typename":"TokenDelta"')) counts.tokens++;
      else if (text.includes('"__typename":"MessageCompleted"')) counts.completed++;
    } else if (text.includes('"type":"connection_ack"')) {
      acknowledged();
    } else if (text.includes('"type":"error"')) {
      counts.errors++;
      raw.problem ??= text.slice(0, 300);
    } else if (text.includes('"type":"ping"')) {
      socket.send('{"type":"pong"}');
    }
    for (const check of waiters) check();
  });
  socket.once('open', () =>
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
  );
  socket.on('close', (code, reason) => {
    raw.problem ??= `closed ${code} ${String(reason)}`;
  });
  socket.on('error', (err) => {
    raw.problem ??= err.message;
  });
  return new Promise<RawSocket>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no connection_ack within ${timeoutMs} ms`));
    }, timeoutMs);
    acknowledged = () => {
      clearTimeout(timer);
      resolve(raw);
    };
    socket.once('close', (code, reason) => {
      clearTimeout(timer);
      reject(new Error(`socket closed before connection_ack: ${code} ${String(reason)}`));
    });
  });
}

/** Opens `n` sockets, `batch` at a time (a burst of thousands of handshakes measures something else). */
export async function openRawSockets(
  n: number,
  url: string,
  tokenFor: (i: number) => string,
  batch = 50,
): Promise<RawSocket[]> {
  const sockets: RawSocket[] = [];
  for (let i = 0; i < n; i += batch) {
    const size = Math.min(batch, n - i);
    sockets.push(...(await Promise.all(Array.from({ length: size }, (_, k) => openRawSocket(url, tokenFor(i + k))))));
  }
  return sockets;
}
