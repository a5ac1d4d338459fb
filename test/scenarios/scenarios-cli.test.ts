/** `npm run scenarios`: its flags, exit codes and the printed table. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';

const run = promisify(execFile);

async function scenarios(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/scenarios.ts', ...args], {
      cwd: ROOT_DIR,
      timeout: 90_000,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run scenarios', () => {
  it('exits 2 on a bad flag, a bad provider, a bad k or an id that matches nothing', { timeout: 90_000 }, async () => {
    const cases = [['--nope'], ['--provider', 'gpt'], ['--k', '0'], ['--only', 'no-such-scenario']];
    const results = await Promise.all(cases.map((args) => scenarios(args)));
    for (const [i, r] of results.entries()) {
      expect(r.code, cases[i].join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  it('prints pass^1 and pass^k per scenario and overall for k runs', { timeout: 90_000 }, async () => {
    const r = await scenarios(['--k', '2', '--only', 'ava-last-payment']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('| scenario | covers | pass^1 | pass^2 | ms/run |');
    expect(lines.filter((l) => /^\| ava-last-payment-\w+ \|.*\| 1\.00 \| 1\.00 \|/.test(l))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(
      /^\| \*\*overall \(3 scenarios, embedded\)\*\* \| \| \*\*1\.00\*\* \| \*\*1\.00\*\* \| \|$/,
    );
  });
});
