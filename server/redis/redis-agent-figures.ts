/**
 * SharedAgentFigures on Redis: per-agent figures of every instance. Answers, errors and timing sums
 * are counters in one hash (kept across restarts of any instance; seeded from the database by the
 * first instance to start after Redis was empty). Runs in progress are each instance's own hash,
 * rewritten on every change and refreshed with an expiry, so the runs of an instance that died
 * drop out within `ttlMs` instead of sticking.
 */
import type { Redis } from 'ioredis';
import { type AgentOutcome, type AgentStats, agentStats, type StoredAgentFigures } from '../desk/agent-metrics.js';
import type { SharedAgentFigures } from '../desk/ports.js';

const SUMS = ['handled', 'errors', 'ttftSum', 'ttftN', 'totalSum', 'totalN'] as const;

// Sums the runs of one agent (ARGV[1]) over the live instances in KEYS[1]; forgets dead ones. ARGV[2]: active key prefix.
const ACTIVE_OF = `
local function activeOf(agent)
  local active = 0
  for _, instance in ipairs(redis.call('SMEMBERS', KEYS[1])) do
    local key = ARGV[2] .. instance
    if redis.call('EXISTS', key) == 0 then
      redis.call('SREM', KEYS[1], instance)
    else
      active = active + (tonumber(redis.call('HGET', key, agent)) or 0)
    end
  end
  return active
end
`;

// KEYS: instances set, totals hash, this instance's active hash. ARGV: agent, active prefix, instance,
// active now, ttl ms, outcome ('1' answered, '0' failed, '' none), first-token ms (-1: none), latency ms.
const RECORD = `${ACTIVE_OF}
local agent = ARGV[1]
redis.call('HSET', KEYS[3], agent, ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
redis.call('SADD', KEYS[1], ARGV[3])
if ARGV[6] == '1' then
  redis.call('HINCRBY', KEYS[2], agent .. ':handled', 1)
  if tonumber(ARGV[7]) >= 0 then
    redis.call('HINCRBYFLOAT', KEYS[2], agent .. ':ttftSum', ARGV[7])
    redis.call('HINCRBY', KEYS[2], agent .. ':ttftN', 1)
  end
  redis.call('HINCRBYFLOAT', KEYS[2], agent .. ':totalSum', ARGV[8])
  redis.call('HINCRBY', KEYS[2], agent .. ':totalN', 1)
elseif ARGV[6] == '0' then
  redis.call('HINCRBY', KEYS[2], agent .. ':errors', 1)
end
local out = { activeOf(agent) }
for _, f in ipairs({ 'handled', 'errors', 'ttftSum', 'ttftN', 'totalSum', 'totalN' }) do
  out[#out + 1] = redis.call('HGET', KEYS[2], agent .. ':' .. f) or '0'
end
return out
`;

// KEYS: instances set, totals hash. ARGV[1]: active key prefix. Returns { agent, active, ... } and the totals.
const SNAPSHOT = `
local sums, agents = {}, {}
for _, instance in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = ARGV[1] .. instance
  local fields = redis.call('HGETALL', key)
  if #fields == 0 and redis.call('EXISTS', key) == 0 then
    redis.call('SREM', KEYS[1], instance)
  end
  for i = 1, #fields, 2 do
    if sums[fields[i]] == nil then
      sums[fields[i]] = 0
      agents[#agents + 1] = fields[i]
    end
    sums[fields[i]] = sums[fields[i]] + tonumber(fields[i + 1])
  end
end
local active = {}
for _, agent in ipairs(agents) do
  active[#active + 1] = agent
  active[#active + 1] = tostring(sums[agent])
end
return { active, redis.call('HGETALL', KEYS[2]) }
`;

// KEYS: the seeded flag, totals hash. ARGV: field, amount, field, amount, ...
const SEED = `
if redis.call('SET', KEYS[1], '1', 'NX') == false then return 0 end
for i = 1, #ARGV, 2 do
  redis.call('HINCRBYFLOAT', KEYS[2], ARGV[i], ARGV[i + 1])
end
return 1
`;

type Sums = Omit<Parameters<typeof agentStats>[1], 'active'>;

const zero = (): Sums => ({ handled: 0, errors: 0, ttftSum: 0, ttftN: 0, totalSum: 0, totalN: 0 });

/** Creates the shared figures of instance `instanceId`; its runs outlive it by at most `ttlMs`. */
export function createRedisAgentFigures(
  redis: Redis,
  opts: { prefix: string; instanceId: string; ttlMs?: number },
): SharedAgentFigures {
  const ttlMs = opts.ttlMs ?? 15_000;
  const instances = `${opts.prefix}:agents:instances`;
  const totals = `${opts.prefix}:agents:totals`;
  const activePrefix = `${opts.prefix}:agents:active:`;
  const mine = activePrefix + opts.instanceId;
  // This instance's runs per agent, as last recorded: rewritten with each refresh, so they self-heal.
  const active = new Map<string, number>();

  const refresh = async () => {
    if (!active.size) return;
    await redis
      .multi()
      .hset(mine, Object.fromEntries(active))
      .pexpire(mine, ttlMs)
      .sadd(instances, opts.instanceId)
      .exec();
  };
  const timer = setInterval(
    () => {
      refresh().catch(() => undefined);
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  timer.unref();

  return {
    async record(agent, n, outcome?: AgentOutcome) {
      active.set(agent, n);
      const ok = outcome ? (outcome.ok ? '1' : '0') : '';
      const r = (await redis.eval(
        RECORD,
        3,
        instances,
        totals,
        mine,
        agent,
        activePrefix,
        opts.instanceId,
        n,
        ttlMs,
        ok,
        outcome?.timeToFirstTokenMs ?? -1,
        outcome?.latencyMs ?? 0,
      )) as (number | string)[];
      const sums = zero();
      SUMS.forEach((f, i) => {
        sums[f] = Number(r[i + 1]);
      });
      return agentStats(agent, { ...sums, active: Number(r[0]) });
    },
    async snapshot(agents): Promise<AgentStats[]> {
      const [activeFlat, totalsFlat] = (await redis.eval(SNAPSHOT, 2, instances, totals, activePrefix)) as [
        string[],
        string[],
      ];
      const running = new Map<string, number>();
      for (let i = 0; i < activeFlat.length; i += 2) running.set(activeFlat[i], Number(activeFlat[i + 1]));
      const sums = new Map(agents.map((a) => [a, zero()]));
      for (let i = 0; i < totalsFlat.length; i += 2) {
        const field = totalsFlat[i];
        const cut = field.lastIndexOf(':');
        const s = sums.get(field.slice(0, cut));
        const name = field.slice(cut + 1) as keyof Sums;
        if (s && name in s) s[name] = Number(totalsFlat[i + 1]);
      }
      return agents.map((a) => agentStats(a, { ...(sums.get(a) ?? zero()), active: running.get(a) ?? 0 }));
    },
    async seed(rows: StoredAgentFigures[]) {
      const args: (string | number)[] = [];
      for (const r of rows) {
        for (const f of ['handled', 'ttftSum', 'ttftN', 'totalSum', 'totalN'] as const) {
          if (r[f]) args.push(`${r.agent}:${f}`, r[f]);
        }
      }
      return (await redis.eval(SEED, 2, `${opts.prefix}:agents:seeded`, totals, ...args)) === 1;
    },
    async close() {
      clearInterval(timer);
      active.clear();
      await redis.multi().del(mine).srem(instances, opts.instanceId).exec();
    },
  };
}
