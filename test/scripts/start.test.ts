/**
 * What `npm start` runs: the built server (dist/, the server and its packages bundled by
 * scripts/build.mjs), started as a process of its own. Each configuration loads other parts of
 * the bundle (the openai SDK, the PostgreSQL driver, ioredis and BullMQ, the tracing SDK are
 * chunks loaded only when asked for), so each one answers a case end to end here.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseEvent, createDeskClient } from '../../client/src/desk-client.js';
import { ROOT_DIR } from '../../server/config.js';
import { TEST_JWT_SECRET, tokenFor } from '../helpers/app.js';
import { openAiDeskEnv, startOpenAiStub } from '../helpers/openai-stub.js';
import { postgresUnavailableReason, startTestPostgres } from '../helpers/postgres.js';
import { redisUnavailableReason, startTestRedis } from '../helpers/redis.js';

interface Built {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts `node dist/server/main.js` (as `npm start` does once built) with only `env` and a shell's PATH. */
async function startBuilt(env: Record<string, string>): Promise<Built> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    cwd: ROOT_DIR,
    env: { PATH: String(process.env.PATH), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const errors: string[] = [];
  child.stderr?.on('data', (d: Buffer) => errors.push(String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no "listening" line in 25 s')), 25_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${errors.join('')}`)));
  });
  return { child, url, exited };
}

/** Submits `message` as cust-ava and watches the case until its answer completes. */
async function answer(url: string, message: string): Promise<{ events: CaseEvent[]; content: string }> {
  const desk = createDeskClient({ url, token: tokenFor('cust-ava') });
  try {
    const { case: c } = await desk.submitRequest({ message });
    const events: CaseEvent[] = [];
    for await (const ev of desk.watchCase(c.id)) {
      events.push(ev);
      if (ev.__typename === 'MessageCompleted' && ev.message.authorKind === 'AGENT') {
        expect(ev.message.status).toBe('COMPLETE');
        return { events, content: ev.message.content };
      }
    }
    throw new Error('the case stream ended before the answer completed');
  } finally {
    await desk.dispose();
  }
}

/** Text the deltas of a watched answer joined. */
const deltas = (events: CaseEvent[]) => events.map((e) => (e.__typename === 'TokenDelta' ? e.text : '')).join('');

/** Stops a started server with SIGTERM and expects a clean exit. */
async function stop(built: Built): Promise<void> {
  built.child.kill('SIGTERM');
  expect(await built.exited).toBe(0);
}

// Outside CI a machine without PostgreSQL or Redis skips the second configuration (in CI it must run).
const noServers = process.env.CI === 'true' ? null : (postgresUnavailableReason() ?? redisUnavailableReason());

// What `npm run build` does, once for the file.
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT_DIR, 'scripts/build.mjs')], { cwd: ROOT_DIR });
}, 120_000);

describe('npm start (built)', () => {
  // The default driver, and better-sqlite3, which the bundle requires from node_modules when chosen.
  it.each([
    ['sqlite3', {}],
    ['better-sqlite3', { SQLITE_DRIVER: 'better-sqlite3' }],
  ])(
    'serves from the bundle on the embedded defaults (%s): health, a case answered and streamed, a clean SIGTERM',
    async (_, extra) => {
      const dir = mkdtempSync(join(tmpdir(), 'crewdesk-start-'));
      let built: Built | undefined;
      try {
        built = await startBuilt({
          DATABASE_URL: `sqlite:${join(dir, 'crewdesk.sqlite')}`,
          JWT_SECRET: TEST_JWT_SECRET,
          ...extra,
        });
        const res = await fetch(built.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ health }' }),
        });
        expect(await res.json()).toEqual({ data: { health: 'ok' } });
        // The classifier, the knowledge base and the demo company's records, found from dist/.
        const { events, content } = await answer(built.url, 'Where is my order BW-100214?');
        expect(content).toContain('BW-100214');
        expect(deltas(events)).toBe(content);
        await stop(built);
      } finally {
        built?.child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

describe.skipIf(noServers)('npm start (built) on PostgreSQL and Redis, the openai provider, tracing on', () => {
  let pg: Awaited<ReturnType<typeof startTestPostgres>>;
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let stub: Awaited<ReturnType<typeof startOpenAiStub>>;
  let collector: Server;
  const traces: string[] = [];
  beforeAll(async () => {
    [pg, redis, stub] = await Promise.all([startTestPostgres(), startTestRedis(), startOpenAiStub()]);
    collector = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        traces.push(String(req.url));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  }, 90_000);
  afterAll(async () => {
    await stub?.close();
    await new Promise((resolve) => collector?.close(resolve));
    await redis?.stop();
    await pg?.stop();
  });

  it('loads the chunks those need and answers a case through them', async () => {
    const answerText = 'Your order BW-100214 left our warehouse on Monday.';
    stub.onRequest(() => ({ kind: 'text', text: answerText }));
    const built = await startBuilt(
      openAiDeskEnv(stub, {
        DATABASE_URL: await pg.createDatabase(),
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: redis.prefix(),
        JWT_SECRET: TEST_JWT_SECRET,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      }),
    );
    try {
      const { events, content } = await answer(built.url, 'Where is my order BW-100214?');
      expect(content).toBe(answerText);
      expect(deltas(events)).toBe(answerText);
      expect(stub.chatRequests.length).toBeGreaterThan(0);
      // Stopping flushes the spans to the collector.
      await stop(built);
      expect(traces).toContain('/v1/traces');
    } finally {
      built.child.kill('SIGKILL');
    }
  }, 60_000);
});
