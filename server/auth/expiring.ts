/** Ends a subscription's stream when the caller's token expires (SSE has no socket to close). */
import { AppError } from '../errors.js';

/** The longest delay a Node timer takes; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Yields from `source` until `expSec` (seconds since the epoch), then throws UNAUTHENTICATED.
 * `stop` ends the source: at expiry one timer calls it and sets a flag, so nothing is raced per
 * event and a delivered event is not kept alive until the token expires. `return()` calls `stop`
 * first, so a subscription on a quiet source ends at once (an async generator's return would wait
 * behind its pending next). One small object per subscription, not a chain of generators.
 */
export function untilExpiry<T>(source: AsyncIterable<T>, expSec: number, stop: () => void): ExpiringIterator<T> {
  return new ExpiringIterator(source[Symbol.asyncIterator](), expSec, stop);
}

/** A stream that ends when the token expires (see untilExpiry). */
export class ExpiringIterator<T> implements AsyncIterableIterator<T> {
  private expired = false;
  private done = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly it: AsyncIterator<T>,
    private readonly expSec: number,
    private readonly stop: () => void,
  ) {
    this.arm();
  }

  async next(): Promise<IteratorResult<T>> {
    if (this.done) return { value: undefined, done: true };
    if (this.expired) return this.fail();
    let next: IteratorResult<T>;
    try {
      next = await this.it.next();
    } catch (err) {
      await this.end();
      throw err;
    }
    if (this.expired) return this.fail();
    if (next.done) await this.end();
    return next;
  }

  async return(_value?: unknown): Promise<IteratorResult<T>> {
    await this.end();
    return { value: undefined, done: true };
  }

  async throw(err?: unknown): Promise<IteratorResult<T>> {
    await this.end();
    throw err;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private arm = (): void => {
    const left = this.expSec * 1000 - Date.now();
    if (left <= 0) {
      this.expired = true;
      this.stop();
      return;
    }
    this.timer = setTimeout(this.arm, Math.min(left, MAX_TIMER_MS));
    this.timer.unref();
  };

  private async fail(): Promise<never> {
    await this.end();
    throw expiredError();
  }

  private async end(): Promise<void> {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    this.stop();
    await this.it.return?.();
  }
}

function expiredError(): AppError {
  return new AppError('Token expired: sign in again and resume with after: <last seq>', 'UNAUTHENTICATED');
}
