/**
 * Per-identity (or per-IP) limits on operations, with graphql-rate-limit's limiter called from a
 * small field wrapper (its schema directive does nothing with Pothos). Over the limit: a
 * RATE_LIMITED error with `retryAfter` seconds. Every aliased or batched call counts on its own.
 */

import type { GraphQLResolveInfo } from 'graphql';
import { getGraphQLRateLimiter, InMemoryStore, type Store } from 'graphql-rate-limit';
import { AppError } from '../errors.js';

/** Over a limit. */
class RateLimitedError extends AppError {
  constructor(operation: string, max: number, retryAfter: number) {
    super(`Too many ${operation} requests: at most ${max} a minute; try again in ${retryAfter} s`, 'RATE_LIMITED', {
      retryAfter,
      operation,
    });
  }
}

/** Limits per operation. */
export interface RateLimitOptions {
  perMinute: number;
  /** Per-operation limits (per minute), overriding perMinute. */
  perOperation: Record<string, number>;
  /** Store for the timestamps (in memory by default; a Redis store fits the same interface). */
  store?: Store;
}

const WINDOW_MS = 60_000;

/** Creates the limiter. `check` throws RateLimitedError when the key is over the limit. */
export function createRateLimiter(opts: RateLimitOptions) {
  const store = opts.store ?? new InMemoryStore();
  const limiter = getGraphQLRateLimiter({ store, identifyContext: (ctx: { key: string }) => ctx.key });
  return {
    store,
    /** Counts one call of `operation` for `key`; throws when it is over the limit. */
    async check(
      operation: string,
      key: string,
      info: GraphQLResolveInfo,
      args: Record<string, unknown>,
      defaultMax = opts.perMinute,
    ): Promise<void> {
      const max = opts.perOperation[operation] ?? defaultMax;
      const message = await limiter(
        { parent: undefined, args, context: { key }, info },
        { max, window: `${WINDOW_MS / 1000}s` },
      );
      if (!message) return;
      const stamps = await store.getForIdentity({ contextIdentity: key, fieldIdentity: info.fieldName });
      const oldest = stamps.length ? Math.min(...stamps.filter((t) => t > Date.now() - WINDOW_MS)) : Date.now();
      const retryAfter = Math.max(1, Math.ceil((oldest + WINDOW_MS - Date.now()) / 1000));
      throw new RateLimitedError(operation, max, retryAfter);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
