/**
 * graphql-rate-limit's Store on Redis, so a limit holds across instances: the timestamps of an
 * identity's calls of a field, kept as JSON under one key that expires with the window.
 */
import type { Identity, Store } from 'graphql-rate-limit';
import type { Redis } from 'ioredis';

/** Creates the store on a command connection; `prefix` namespaces its keys. */
export function createRedisLimiterStore(redis: Redis, prefix: string): Store {
  const keyOf = (identity: Identity) => `${prefix}:rate:${identity.contextIdentity}:${identity.fieldIdentity}`;
  return {
    async getForIdentity(identity) {
      const raw = await redis.get(keyOf(identity));
      return raw ? (JSON.parse(raw) as number[]) : [];
    },
    async setForIdentity(identity, timestamps, windowMs = 60_000) {
      const newest = timestamps.length ? Math.max(...timestamps) : Date.now();
      const ttl = Math.max(1, newest + windowMs - Date.now());
      await redis.set(keyOf(identity), JSON.stringify(timestamps), 'PX', ttl);
    },
  };
}
