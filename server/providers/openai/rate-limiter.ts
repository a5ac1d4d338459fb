/**
 * Outbound limits for a model API (like CrewAI's max_rpm): requests and tokens per minute, as
 * two token buckets refilled continuously. `acquire` waits until both allow the request.
 */

/** Limits; 0 means unlimited. */
export interface RateLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
}

class Bucket {
  private level: number;
  private last = Date.now();

  constructor(private readonly perMinute: number) {
    this.level = perMinute;
  }

  /** Milliseconds until `amount` is available (0 when it is now). */
  waitFor(amount: number): number {
    if (this.perMinute === 0) return 0;
    this.refill();
    const need = Math.min(amount, this.perMinute) - this.level;
    return need <= 0 ? 0 : Math.ceil((need / this.perMinute) * 60_000);
  }

  take(amount: number): void {
    if (this.perMinute === 0) return;
    this.refill();
    this.level -= Math.min(amount, this.perMinute);
  }

  /** Gives back what a request did not use (estimates are pessimistic). */
  give(amount: number): void {
    if (this.perMinute === 0) return;
    this.level = Math.min(this.perMinute, this.level + amount);
  }

  private refill(): void {
    const now = Date.now();
    this.level = Math.min(this.perMinute, this.level + ((now - this.last) / 60_000) * this.perMinute);
    this.last = now;
  }
}

/** Requests-and-tokens-per-minute limiter. */
export class OutboundLimiter {
  private readonly requests: Bucket;
  private readonly tokens: Bucket;
  private chain: Promise<void> = Promise.resolve();

  constructor(limits: RateLimits) {
    this.requests = new Bucket(limits.requestsPerMinute);
    this.tokens = new Bucket(limits.tokensPerMinute);
  }

  /** Waits (in arrival order) until one request of about `estimatedTokens` may go out. */
  acquire(estimatedTokens: number, signal?: AbortSignal): Promise<void> {
    const turn = this.chain.then(async () => {
      for (;;) {
        signal?.throwIfAborted();
        const wait = Math.max(this.requests.waitFor(1), this.tokens.waitFor(estimatedTokens));
        if (wait === 0) break;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, Math.min(wait, 1000));
          signal?.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              reject(signal.reason);
            },
            { once: true },
          );
        });
      }
      this.requests.take(1);
      this.tokens.take(estimatedTokens);
    });
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  /** Settles the estimate against the real usage. */
  settle(estimatedTokens: number, actualTokens: number): void {
    if (actualTokens < estimatedTokens) this.tokens.give(estimatedTokens - actualTokens);
    else this.tokens.take(actualTokens - estimatedTokens);
  }
}
