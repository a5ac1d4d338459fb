/** Ends a subscription's stream when the caller's token expires (SSE has no socket to close). */
import { AppError } from '../errors.js';

/** The longest delay a Node timer takes; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Yields from `source` until `expSec` (seconds since the epoch), then throws UNAUTHENTICATED.
 * `stop` ends the source: at expiry one timer calls it and sets a flag, so nothing is raced per
 * event and a delivered event is not kept alive until the token expires.
 */
export async function* untilExpiry<T>(source: AsyncIterable<T>, expSec: number, stop: () => void): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = expSec * 1000 - Date.now();
    if (left <= 0) {
      expired = true;
      stop();
      return;
    }
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  try {
    for (;;) {
      if (expired) throw expiredError();
      const next = await it.next();
      if (expired) throw expiredError();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    stop();
    await it.return?.();
  }
}

function expiredError(): AppError {
  return new AppError('Token expired: sign in again and resume with after: <last seq>', 'UNAUTHENTICATED');
}
