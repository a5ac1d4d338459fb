/** Ends a subscription's stream when the caller's token expires (SSE has no socket to close). */
import { AppError } from '../errors.js';

/**
 * Yields from `source` until `expSec` (seconds since the epoch), then throws UNAUTHENTICATED.
 * `stop` ends the source (a source waiting for its next event cannot be returned otherwise).
 */
export async function* untilExpiry<T>(source: AsyncIterable<T>, expSec: number, stop?: () => void): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), Math.max(0, expSec * 1000 - Date.now()));
    timer.unref();
  });
  try {
    for (;;) {
      const next = await Promise.race([it.next(), expired]);
      if (next === 'expired') {
        stop?.();
        throw new AppError('Token expired: sign in again and resume with after: <last seq>', 'UNAUTHENTICATED');
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    stop?.();
    await it.return?.();
  }
}
