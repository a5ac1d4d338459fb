import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../scripts/bench/options.js';
import { STAGES } from '../../scripts/bench/report.js';
import { ROOT_DIR } from '../../server/config.js';

const run = promisify(execFile);

/** The body rows of every markdown table in `text`, keyed by their first cell. */
function tableRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  let header = true;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      header = true;
      continue;
    }
    if (/^\|[-:| ]+\|$/.test(line)) continue; // the rule under a header
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
    if (header) header = false;
    else rows.set(`${cells[0]}${rows.has(cells[0]) ? ` #${rows.size}` : ''}`, cells.slice(1));
  }
  return rows;
}

describe('npm run bench', () => {
  // Not a timing assertion: a bound so that a hung bench fails instead of blocking the suite.
  it('prints every row with a number in each cell when run with --smoke', { timeout: 180_000 }, async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/bench/main.ts', '--smoke'], {
      cwd: ROOT_DIR,
      timeout: 170_000,
      maxBuffer: 16 * 2 ** 20,
    });
    const rows = tableRows(stdout);
    const expected = [
      'classify only',
      'route (classifier, signals, crew split)',
      ...Object.values(STAGES),
      '(c) openai ÷ (b) relay',
      '(d) embedded ÷ (b) relay',
      '(e) openai, better-sqlite3 ÷ (b) relay',
      '(f) embedded, better-sqlite3 ÷ (b) relay',
      'embedded, lagging subscribers get missed deltas joined (default)',
      'embedded, every delta its own frame (STREAM_COALESCE_AFTER_MS=0)',
      'no subscription',
      'one caseEvents subscription (idle case)',
      'empty (migrations, seed)',
      'existing (second start)',
    ];
    expect([...rows.keys()].sort()).toEqual([...expected].sort());
    for (const [label, cells] of rows) {
      expect(cells.length, label).toBeGreaterThan(1);
      for (const cell of cells) expect(cell, `${label}: ${cells.join(' | ')}`).toMatch(/^-?\d+(\.\d+)?$/);
    }
    // Each closed-loop stage completed its cases without an error.
    for (const stage of Object.values(STAGES)) {
      const [, cases, errors] = rows.get(stage) ?? [];
      expect(Number(cases), stage).toBeGreaterThan(0);
      expect(Number(errors), stage).toBe(0);
    }
    expect(stdout).toMatch(/### Open loop\s+Skipped \(--smoke\)/);
  });

  it('customers submit over their socket unless told --submit http; anything else is refused', () => {
    expect(parseBenchArgs(['--quick']).submit).toBe('socket');
    expect(parseBenchArgs(['--quick', '--submit', 'http']).submit).toBe('http');
    expect(() => parseBenchArgs(['--submit', 'ftp'])).toThrow(/--submit must be socket or http/);
  });
});
