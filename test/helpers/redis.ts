/**
 * A real Redis for tests: `TEST_REDIS_URL` when given (CI starts one), else a redis-server started
 * on a free port of 127.0.0.1 with no persistence. Each caller gets its own key prefix on it, so
 * suites sharing one server never see each other's keys, channels or queues. No vitest here: the
 * bench (`npm run bench -- --cluster`) starts its Redis with it too.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A Redis server for a test file: its URL, fresh prefixes on it, and how to stop it. */
export interface TestRedis {
  url: string;
  /** A key prefix no other caller uses (REDIS_KEY_PREFIX for a test app). */
  prefix(): string;
  /** Stops the server this helper started (a TEST_REDIS_URL server is left running). */
  stop(): Promise<void>;
}

/** Why Redis cannot be started here, or null when it can (TEST_REDIS_URL, or redis-server on PATH). */
export function redisUnavailableReason(): string | null {
  if (process.env.TEST_REDIS_URL) return null;
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'no redis-server on PATH (install Debian package redis-server) and no TEST_REDIS_URL';
  }
}

/** Whether Redis suites are skipped: only outside CI, when Redis cannot be had (and then it says why). */
export function skipRedis(): boolean {
  if (process.env.CI === 'true') return false;
  const reason = redisUnavailableReason();
  if (reason) console.warn(`Redis suite skipped: ${reason}`);
  return reason !== null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    } finally {
      client.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts (or, unless `own`, connects to TEST_REDIS_URL) Redis; throws with the reason when it cannot. */
export async function startTestRedis(opts: { own?: boolean } = {}): Promise<TestRedis> {
  const prefix = () => `t${randomBytes(5).toString('hex')}`;
  const given = process.env.TEST_REDIS_URL;
  if (given && !opts.own) return { url: given, prefix, stop: async () => {} };
  const reason = redisUnavailableReason();
  if (reason) throw new Error(`Redis cannot be started: ${reason}`);
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--dir', '/tmp'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitForPing(url, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    prefix,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
