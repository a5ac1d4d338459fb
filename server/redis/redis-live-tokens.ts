/**
 * The LiveTokenBuffer on Redis: a capped Redis Stream per case holds the token deltas of answers
 * being written, so a client that resumes on another instance gets the tokens so far. An entry's id
 * is its event's seq (`<seq>-0`), so a resume reads just the entries after its seq. The stream
 * lives on the event bus's publishing connection: each XADD goes out before the PUBLISH of the same
 * delta on one socket, so Redis stores a delta before any instance can receive it live, and a
 * subscriber that missed it live (subscribed later) reads it. With auto-pipelining, the deltas of
 * one event-loop turn leave in one write (one round trip per turn, not per token).
 */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { LiveTokenBuffer, TokenDeltaEvent } from '../desk/ports.js';

/** How long and how much the streams keep. */
export interface LiveTokenLimits {
  /** A completed message's deltas stay this long (for a subscriber that attaches just after). */
  graceMs: number;
  /** A stream whose writer died expires this long after its last renewal. */
  ttlMs: number;
  /** Entries per case kept at most (trimmed approximately, oldest first). */
  maxLen: number;
}

const DEFAULTS: LiveTokenLimits = { graceMs: 10_000, ttlMs: 600_000, maxLen: 5_000 };

/** Creates the buffer on `client` (the connection the event bus publishes on). */
export function createRedisLiveTokens(
  client: Redis,
  opts: { prefix: string; onError: (err: unknown) => void } & Partial<LiveTokenLimits>,
): LiveTokenBuffer {
  const limits = { ...DEFAULTS, ...opts };
  const key = (caseId: string) => `${opts.prefix}:live:${caseId}`;
  // When each message being written last renewed its stream's expiry.
  const renewed = new LRUCache<string, number>({ max: 10_000 });
  const ignore = (err: unknown) => opts.onError(err);

  async function entries(caseId: string, from: string): Promise<TokenDeltaEvent[]> {
    const rows = await client.xrange(key(caseId), from, '+');
    return rows.map(([id, fields]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]] = fields[i + 1];
      return {
        type: 'TOKEN_DELTA',
        caseId,
        seq: Number(id.slice(0, id.indexOf('-'))),
        agent: f.a,
        messageId: f.m,
        text: f.t,
        at: new Date(Number(f.at)),
      };
    });
  }

  return {
    append(ev) {
      const k = key(ev.caseId);
      client
        .xadd(
          k,
          'MAXLEN',
          '~',
          limits.maxLen,
          `${ev.seq}-0`,
          'm',
          ev.messageId,
          'a',
          ev.agent,
          't',
          ev.text,
          'at',
          ev.at.getTime(),
        )
        .catch(ignore);
      const now = Date.now();
      const last = renewed.get(ev.messageId);
      if (last === undefined || now - last > limits.ttlMs / 2) {
        renewed.set(ev.messageId, now);
        client.pexpire(k, limits.ttlMs).catch(ignore);
      }
    },
    complete(caseId, messageId) {
      renewed.delete(messageId);
      client.pexpire(key(caseId), limits.graceMs).catch(ignore);
    },
    after: (caseId, after) => entries(caseId, `${after + 1}-0`),
    async text(caseId, messageId) {
      return (await entries(caseId, '-'))
        .filter((e) => e.messageId === messageId)
        .map((e) => e.text)
        .join('');
    },
  };
}
