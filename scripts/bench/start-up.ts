/**
 * Start-up: the time from spawning the server as `npm start` runs it once built (`node
 * dist/server/main.js`, with a temporary data folder and PORT=0) to its "listening" line, and to the first 200 from
 * `/graphql?query={health}`. A first start migrates and seeds; a second reuses the data.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT_DIR } from '../../server/config.js';
import { trackProcessGroup } from './child-process.js';

/** One start. */
export interface StartUpRun {
  listeningMs: number;
  healthMs: number;
}

let built = false;
const HEALTH_POLL_MS = 2;
const STOP_GRACE_MS = 10_000;

async function firstHealthy(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      // A GET needs the CSRF header (or any non-simple header) the server asks for.
      const res = await fetch(`${url}?query=${encodeURIComponent('{health}')}`, {
        headers: { 'x-graphql-yoga-csrf': 'bench' },
      });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not accepting connections yet
    }
    if (performance.now() > deadline) throw new Error('no 200 from {health} in time');
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
}

/** Starts the server once on `dataDir`, measures, stops it. */
export async function measureStartUp(dataDir: string, timeoutMs: number): Promise<StartUpRun> {
  if (!built) {
    // What `npm start` does first (prestart); not timed: a built checkout starts without it.
    execFileSync(process.execPath, [join(ROOT_DIR, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT_DIR });
    built = true;
  }
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    cwd: ROOT_DIR,
    // Only what a shell gives `npm start`, plus where to keep data and which port; no bench settings.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: `sqlite:${join(dataDir, 'crewdesk.sqlite')}`,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  trackProcessGroup(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output: string[] = [];
  child.stderr?.on('data', (d: Buffer) => output.push(String(d)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line within ${timeoutMs} ms`)), timeoutMs);
      if (!child.stdout) return reject(new Error('no stdout'));
      createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        const m = /listening on (http:\/\/\S+)/.exec(line);
        if (!m) return;
        clearTimeout(timer);
        resolve(m[1]);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before listening: ${output.join('').slice(-500)}`));
      });
    });
    const listeningMs = performance.now() - t0;
    await firstHealthy(url, t0 + timeoutMs);
    return { listeningMs, healthMs: performance.now() - t0 };
  } finally {
    // SIGTERM to the group (the node process); the server stops gracefully.
    const pid = child.pid;
    if (pid !== undefined && child.exitCode === null) {
      process.kill(-pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-pid, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  }
}
