/**
 * Frames a WebSocket sends in one turn of the event loop leave in one write: the socket is corked
 * at the first frame and uncorked when the turn's I/O is done (setImmediate), so a burst of token
 * frames costs one `writev` system call instead of one per frame. Order and content are unchanged.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Batches the writes of `ws`, whose transport is `socket` (the upgrade request's socket). */
export function batchWritesPerTurn(ws: WebSocket, socket: Socket): void {
  const send = ws.send.bind(ws);
  let corked = false;
  const uncork = () => {
    corked = false;
    if (!socket.destroyed) socket.uncork();
  };
  ws.send = ((...args: Parameters<WebSocket['send']>) => {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    return (send as (...a: Parameters<WebSocket['send']>) => void)(...args);
  }) as WebSocket['send'];
}
