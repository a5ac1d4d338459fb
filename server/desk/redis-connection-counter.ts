/**
 * The ConnectionCounter on Redis: open WebSocket connections per identity across instances. Each
 * instance keeps its own count in a hash per identity and a heartbeat key that expires; a count
 * whose instance stopped beating (it died) is dropped at the next acquire, so it cannot stick.
 */
import type { Redis } from 'ioredis';
import type { ConnectionCounter } from './ports.js';

/** The Redis counter and its heartbeat. */
export interface RedisConnectionCounter extends ConnectionCounter {
  /** Stops the heartbeat and removes this instance's counts. */
  close(): Promise<void>;
}

// KEYS[1]: the identity's hash. ARGV: this instance, max, the heartbeat key prefix.
const ACQUIRE = `
local total = 0
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  local instance, n = fields[i], tonumber(fields[i + 1])
  if instance ~= ARGV[1] and redis.call('EXISTS', ARGV[3] .. instance) == 0 then
    redis.call('HDEL', KEYS[1], instance)
  else
    total = total + n
  end
end
if total >= tonumber(ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
return 1
`;

// KEYS[1]: the identity's hash. ARGV[1]: this instance.
const RELEASE = `
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return n
`;

/** Creates the counter for instance `instanceId`; its counts outlive it by at most `ttlMs`. */
export function createRedisConnectionCounter(
  redis: Redis,
  opts: { prefix: string; instanceId: string; ttlMs?: number },
): RedisConnectionCounter {
  const ttlMs = opts.ttlMs ?? 15_000;
  const beatPrefix = `${opts.prefix}:instance:`;
  const beatKey = beatPrefix + opts.instanceId;
  const keyOf = (identity: string) => `${opts.prefix}:ws:${identity}`;
  const mine = new Map<string, number>();
  const beat = () => redis.set(beatKey, '1', 'PX', ttlMs);
  let beating = beat().catch(() => undefined);
  const timer = setInterval(
    () => {
      beating = beat().catch(() => undefined);
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    async acquire(key, max) {
      await beating;
      const ok = (await redis.eval(ACQUIRE, 1, keyOf(key), opts.instanceId, max, beatPrefix)) === 1;
      if (ok) mine.set(key, (mine.get(key) ?? 0) + 1);
      return ok;
    },
    async release(key) {
      const n = (mine.get(key) ?? 0) - 1;
      if (n < 0) return;
      if (n === 0) mine.delete(key);
      else mine.set(key, n);
      // Never rejects (ws-server does not wait for it); one retry when Redis blinks.
      await redis
        .eval(RELEASE, 1, keyOf(key), opts.instanceId)
        .catch(() => redis.eval(RELEASE, 1, keyOf(key), opts.instanceId).catch(() => undefined));
    },
    async close() {
      clearInterval(timer);
      const keys = [...mine.keys()];
      mine.clear();
      await Promise.all([...keys.map((k) => redis.hdel(keyOf(k), opts.instanceId)), redis.del(beatKey)]);
    },
  };
}
