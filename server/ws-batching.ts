/**
 * Frames a WebSocket sends in one turn of the event loop leave in one write: the socket is corked
 * at the first frame and uncorked when the turn's I/O is done (setImmediate), so a burst of token
 * frames costs one `writev` system call instead of one per frame. Order and content are unchanged.
 *
 * graphql-ws awaits each frame's send callback before it sends the next one, and that callback
 * only fires once the frame has been written to the kernel: each frame would wait for the previous
 * write, one turn (and one `writev`) each. While the socket has little queued (below
 * `highWaterBytes`) the callback is called as soon as the frame is queued, so the next frames join
 * the same write; above it the callback waits for the write, which keeps a slow reader's queue bounded.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

type SendCallback = (err?: Error) => void;

/** Queued bytes under which a frame counts as sent once it is queued. */
const SEND_HIGH_WATER_BYTES = 256 * 1024;

/** Batches the writes of `ws`, whose transport is `socket` (the upgrade request's socket). */
export function batchWritesPerTurn(ws: WebSocket, socket: Socket, highWaterBytes = SEND_HIGH_WATER_BYTES): void {
  const send = ws.send.bind(ws) as (data: unknown, options: object, cb?: SendCallback) => void;
  let corked = false;
  const uncork = () => {
    corked = false;
    if (!socket.destroyed) socket.uncork();
  };
  ws.send = ((data: unknown, optionsOrCb?: object | SendCallback, maybeCb?: SendCallback) => {
    const cb = typeof optionsOrCb === 'function' ? (optionsOrCb as SendCallback) : maybeCb;
    const options = typeof optionsOrCb === 'function' || !optionsOrCb ? {} : optionsOrCb;
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    if (cb && ws.readyState === ws.OPEN && ws.bufferedAmount < highWaterBytes) {
      send(data, options);
      queueMicrotask(() => cb());
      return;
    }
    send(data, options, cb);
  }) as WebSocket['send'];
}
