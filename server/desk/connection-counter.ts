/** The in-process ConnectionCounter: open WebSocket connections per identity, in a map. */
import type { ConnectionCounter } from './ports.js';

/** Creates a counter for this process's connections. */
export function createConnectionCounter(): ConnectionCounter {
  const open = new Map<string, number>();
  return {
    acquire(key, max) {
      const n = (open.get(key) ?? 0) + 1;
      if (n > max) return Promise.resolve(false);
      open.set(key, n);
      return Promise.resolve(true);
    },
    release(key) {
      const n = (open.get(key) ?? 1) - 1;
      if (n <= 0) open.delete(key);
      else open.set(key, n);
      return Promise.resolve();
    },
  };
}
