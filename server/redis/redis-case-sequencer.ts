/**
 * The CaseSequencer on Redis: every instance numbers a case's events from one counter and publishes
 * them in seq order, each step one Lua script (atomic in Redis), so the event channel's order is
 * seq order for every subscriber. Per case:
 *
 * - `seq:<case>`: the counter (seeded from the database's highest seq when missing);
 * - `pending:<case>`: the first numbers reserved for stored events not yet committed, scored by a
 *   deadline (a writer that died leaves a hole that stops holding others back once it passes);
 * - `held:<case>`: events numbered above a pending one, scored by seq, waiting to be published;
 * - `live:<case>`: a capped Redis Stream of the published token deltas (entry id = seq), for resumes.
 *
 * Token deltas are numbered in the script that publishes them, so they need no round trip first:
 * a turn's deltas of a case leave in one script call. A reservation first sends the deltas queued
 * before it, so this instance's order is kept.
 */
import type { Redis } from 'ioredis';
import type { CaseSequencer, SeqFloor, TokenDeltaEvent } from '../desk/ports.js';
import { type CaseEvent, topics } from '../events.js';
import { decodeMessage, encodeBody, encodeMessage } from './redis-event-codec.js';

/** How long and how much the live streams keep, and how long a reservation may stay uncommitted. */
export interface SequencerLimits {
  /** A completed message's deltas stay this long (for a subscriber that attaches just after). */
  graceMs: number;
  /** A stream whose writer died expires this long after its last delta. */
  ttlMs: number;
  /** Entries per case kept at most (trimmed approximately, oldest first). */
  maxLen: number;
  /** A reservation not published or released by then is a hole (its writer died or hangs). */
  pendingMs: number;
  /** A case's counter is dropped this long after its last reservation (then seeded again). */
  counterTtlMs: number;
}

const DEFAULTS: SequencerLimits = {
  graceMs: 10_000,
  ttlMs: 600_000,
  maxLen: 5_000,
  pendingMs: 5_000,
  counterTtlMs: 30 * 86_400_000,
};

// KEYS: counter, pending, held, stream. ARGV[1..3]: channel, stream max length, stream ttl (ms).
// settle() drops pending reservations past their deadline, then publishes (and, for deltas, adds to
// the stream) the held events below the lowest pending reservation; returns that reservation.
const SETTLE = `
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function settle()
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now())
  local low = nil
  for _, f in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
    local n = tonumber(f)
    if not low or n < low then low = n end
  end
  local below = low and ('(' .. low) or '+inf'
  local due = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', below, 'WITHSCORES')
  for i = 1, #due, 2 do
    local m = string.sub(due[i], 2)
    if string.sub(due[i], 1, 1) == 't' then
      redis.pcall('XADD', KEYS[4], 'MAXLEN', '~', ARGV[2], due[i + 1] .. '-0', 'e', m)
      redis.call('PEXPIRE', KEYS[4], ARGV[3])
    end
    redis.call('PUBLISH', ARGV[1], m)
  end
  if #due > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', below) end
  return low
end
local function seed(floor)
  if redis.call('EXISTS', KEYS[1]) == 1 then return true end
  if floor == '' then return false end
  redis.call('SET', KEYS[1], floor)
  return true
end
`;

// ARGV[4]: seed, ARGV[5]: the message's head (origin, topic), ARGV[6..]: delta bodies without seq.
const LIVE = `${SETTLE}
if not seed(ARGV[4]) then return -1 end
local n = #ARGV - 5
local first = redis.call('INCRBY', KEYS[1], n) - n + 1
for i = 1, n do
  local seq = first + i - 1
  redis.call('ZADD', KEYS[3], seq, 't' .. ARGV[5] .. '{"seq":' .. seq .. ',' .. string.sub(ARGV[5 + i], 2))
end
redis.call('PEXPIRE', KEYS[3], ARGV[3])
settle()
return first`;

// ARGV[4]: seed, ARGV[5]: how many, ARGV[6]: pending ms, ARGV[7]: counter ttl.
const RESERVE = `${SETTLE}
if not seed(ARGV[4]) then return -1 end
local n = tonumber(ARGV[5])
local first = redis.call('INCRBY', KEYS[1], n) - n + 1
redis.call('ZADD', KEYS[2], now() + tonumber(ARGV[6]), first)
redis.call('PEXPIRE', KEYS[2], ARGV[6] * 2)
redis.call('PEXPIRE', KEYS[1], ARGV[7])
return first`;

// ARGV[4]: the reservation's first number, ARGV[5..]: its events' messages (none: released).
const PUBLISH = `${SETTLE}
for i = 5, #ARGV do
  redis.call('ZADD', KEYS[3], tonumber(ARGV[4]) + i - 5, 's' .. ARGV[i])
end
redis.call('PEXPIRE', KEYS[3], ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[4])
settle()
return 0`;

// ARGV[4]: after. Returns { upTo (-1: no counter), stream entries in (after, upTo] }.
const REPLAY = `${SETTLE}
local low = settle()
local counter = redis.call('GET', KEYS[1])
local upTo = -1
if low then upTo = low - 1 elseif counter then upTo = tonumber(counter) end
local from = (tonumber(ARGV[4]) + 1) .. '-0'
local to = upTo >= 0 and (upTo .. '-0') or '+'
return { upTo, redis.call('XRANGE', KEYS[4], from, to) }`;

type Script = (...args: (string | number)[]) => Promise<unknown>;
type Entries = [id: string, fields: string[]][];

/** Creates the sequencer on `client` (the event bus's publishing connection), publishing on `channel`. */
export function createRedisCaseSequencer(
  client: Redis,
  opts: { prefix: string; channel: string; onError: (err: unknown) => void } & Partial<SequencerLimits>,
): CaseSequencer {
  const limits = { ...DEFAULTS, ...opts };
  const scripts = { live: LIVE, reserve: RESERVE, publish: PUBLISH, replay: REPLAY };
  const run = {} as Record<keyof typeof scripts, Script>;
  for (const [name, lua] of Object.entries(scripts) as [keyof typeof scripts, string][]) {
    const command = `crewdeskSeq_${name}`;
    if (!(command in client)) client.defineCommand(command, { numberOfKeys: 4, lua });
    const fn = (client as unknown as Record<string, Script>)[command];
    run[name] = (...args) => fn.call(client, ...args);
  }
  const keys = (caseId: string) =>
    ['seq', 'pending', 'held', 'live'].map((k) => `${opts.prefix}:${k}:${caseId}`) as [string, string, string, string];
  const common = [opts.channel, limits.maxLen, limits.ttlMs];
  // Not an instance's id: every instance, this one included, gets these messages from the channel.
  const origin = 'sequencer';
  const head = (caseId: string) => `${origin}\n${topics.case(caseId)}\n`;
  const fail = (err: unknown) => opts.onError(err);

  // The database's highest seq of cases whose counter is being seeded: every call that found no
  // counter waits for the same answer, so they run again in the order they were sent.
  const seeding = new Map<string, Promise<number>>();
  const floorOf = (caseId: string, floor: SeqFloor) => {
    let p = seeding.get(caseId);
    if (!p) {
      p = floor(caseId).finally(() => seeding.delete(caseId));
      seeding.set(caseId, p);
    }
    return p;
  };

  /** Runs a numbering script; when the case has no counter, seeds it from `floor` and runs it again. */
  async function numbered(
    caseId: string,
    script: Script,
    floor: number | SeqFloor,
    rest: (string | number)[],
  ): Promise<number> {
    const seedNow = typeof floor === 'number' ? floor : '';
    const first = Number(await script(...keys(caseId), ...common, seedNow, ...rest));
    if (first !== -1) return first;
    const known = typeof floor === 'number' ? floor : await floorOf(caseId, floor);
    return Number(await script(...keys(caseId), ...common, known, ...rest));
  }

  // Deltas queued this turn, per case, sent at the end of the turn (or before a reservation).
  const queued = new Map<string, { bodies: string[]; floor: SeqFloor }>();
  let armed = false;
  const send = (caseId: string) => {
    const q = queued.get(caseId);
    if (!q) return;
    queued.delete(caseId);
    numbered(caseId, run.live, q.floor, [head(caseId), ...q.bodies]).catch(fail);
  };
  const sendAll = () => {
    armed = false;
    for (const caseId of [...queued.keys()]) send(caseId);
  };

  function toDelta(caseId: string, fields: string[]): TokenDeltaEvent | null {
    const i = fields.indexOf('e');
    const decoded = i >= 0 ? decodeMessage(fields[i + 1]) : null;
    return decoded ? ({ ...(decoded.payload as object), caseId } as TokenDeltaEvent) : null;
  }
  const deltas = (caseId: string, rows: Entries) =>
    rows.map(([, f]) => toDelta(caseId, f)).filter((e): e is TokenDeltaEvent => e !== null);

  return {
    live(ev, floor) {
      let q = queued.get(ev.caseId);
      if (!q) {
        q = { bodies: [], floor };
        queued.set(ev.caseId, q);
      }
      q.bodies.push(encodeBody(ev));
      if (!armed) {
        armed = true;
        setImmediate(sendAll);
      }
    },
    reserve(caseId, n, floor) {
      send(caseId);
      return numbered(caseId, run.reserve, floor, [n, limits.pendingMs, limits.counterTtlMs]);
    },
    publish(caseId, first, events: CaseEvent[]) {
      const messages = events.map((e) => encodeMessage(origin, topics.case(caseId), e));
      run.publish(...keys(caseId), ...common, first, ...messages).catch(fail);
    },
    release(caseId, first) {
      run.publish(...keys(caseId), ...common, first).catch(fail);
    },
    async replay(caseId, after) {
      const [upTo, rows] = (await run.replay(...keys(caseId), ...common, after)) as [number, Entries];
      return { upTo: upTo < 0 ? null : upTo, deltas: deltas(caseId, rows) };
    },
    complete(caseId) {
      client.pexpire(keys(caseId)[3], limits.graceMs).catch(fail);
    },
    async text(caseId, messageId) {
      const rows = (await client.xrange(keys(caseId)[3], '-', '+')) as Entries;
      return deltas(caseId, rows)
        .filter((e) => e.messageId === messageId)
        .map((e) => e.text)
        .join('');
    },
  };
}
