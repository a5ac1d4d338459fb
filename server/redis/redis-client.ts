/** Redis connections (ioredis) for the several-machines mode: commands, subscriptions, queues. */
import { Redis } from 'ioredis';

/** Where Redis is and the prefix of every key, channel and queue this desk uses on it. */
export interface RedisTarget {
  url: string;
  prefix: string;
}

/**
 * A connection. `blocking` ones (BullMQ, subscribers) retry commands forever; the others give up
 * after a few retries, so a request fails with an error instead of hanging while Redis is down.
 */
export function createRedisClient(target: RedisTarget, name: string, opts: { blocking?: boolean } = {}): Redis {
  return new Redis(target.url, {
    connectionName: `${target.prefix}:${name}`,
    maxRetriesPerRequest: opts.blocking ? null : 2,
    connectTimeout: 5000,
    enableAutoPipelining: !opts.blocking,
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
}

/** Closes a connection: QUIT when it is up, else drops it. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
