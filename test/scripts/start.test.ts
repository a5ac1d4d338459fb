import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';

describe('npm start (compiled)', () => {
  it('builds dist/ and serves from compiled JavaScript, then stops cleanly on SIGTERM', async () => {
    execFileSync(process.execPath, [join(ROOT_DIR, 'scripts/build.mjs')], { cwd: ROOT_DIR });
    const dir = mkdtempSync(join(tmpdir(), 'crewdesk-start-'));
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
      cwd: ROOT_DIR,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite:${join(dir, 'crewdesk.sqlite')}`,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no "listening" line in 25 s')), 25_000);
        createInterface({ input: child.stdout }).on('line', (line) => {
          const m = /listening on (http:\/\/\S+)/.exec(line);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
      });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health }' }),
      });
      expect(await res.json()).toEqual({ data: { health: 'ok' } });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
