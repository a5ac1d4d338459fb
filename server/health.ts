/**
 * `GET /health` (the process is alive) and `GET /ready` (it can serve: the database answers, its
 * migrations are all applied and, when configured, Redis answers), for a load balancer. /ready answers 503 naming what failed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/sqlite';

/** One readiness check: resolves when fine, throws (or times out) when not. */
export interface ReadinessCheck {
  name: string;
  run(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 3000;

/** The database answers a query, and every migration of its dialect has been applied. */
export function databaseChecks(orm: MikroORM): ReadinessCheck[] {
  return [
    { name: 'database', run: async () => void (await orm.em.fork().getConnection().execute('select 1')) },
    {
      name: 'migrations',
      run: async () => {
        const pending = await orm.getMigrator().getPendingMigrations();
        if (pending.length) throw new Error(`${pending.length} pending: ${pending.map((m) => m.name).join(', ')}`);
      },
    },
  ];
}

/** Redis answers a PING (when the desk coordinates through it). */
export function redisChecks(ping: () => Promise<unknown>): ReadinessCheck[] {
  return [{ name: 'redis', run: async () => void (await ping()) }];
}

async function outcome(check: ReadinessCheck): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Handlers for /health and /ready; `stopping` makes /ready fail while the app shuts down. */
export function createHealthHandlers(checks: ReadinessCheck[], stopping: () => boolean = () => false) {
  return {
    health(_req: IncomingMessage, res: ServerResponse): void {
      send(res, 200, { status: 'ok' });
    },
    async ready(_req: IncomingMessage, res: ServerResponse): Promise<void> {
      const results = Object.fromEntries(
        await Promise.all(checks.map(async (c) => [c.name, await outcome(c)] as const)),
      ) as Record<string, { ok: boolean; ms: number; error?: string }>;
      if (stopping()) results.shutdown = { ok: false, ms: 0, error: 'the instance is stopping' };
      const failed = Object.keys(results).filter((name) => !results[name].ok);
      send(res, failed.length ? 503 : 200, {
        status: failed.length ? 'unavailable' : 'ready',
        failed,
        checks: results,
      });
    },
  };
}
