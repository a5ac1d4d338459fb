/**
 * The scenario suite as a test: every scenario once on the embedded engine (each on a fresh
 * database, the real desk from submit to stored answer), and a few on the openai provider against
 * the scripted model server, through the real SDK and tool calls.
 */
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../scripts/scenarios/scenario-suite.js';
import { SCENARIOS } from './index.js';

const OPENAI_SUBSET = [
  'ava-last-payment-confirmed',
  'oliver-duplicate-declined',
  'emma-no-duplicate',
  'hub-smoking',
  'complex-one-sentence',
  'take-over-mid-answer',
];

function failuresOf(report: Awaited<ReturnType<typeof runSuite>>): string[] {
  return report.rows.flatMap((r) => r.runs.flatMap((run) => run.failures.map((f) => `${r.id}: ${f}`)));
}

describe('scenario suite', () => {
  it('has at least 60 scenarios with unique ids, covering defects 1 to 8', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    const covered = new Set(SCENARIOS.flatMap((s) => s.covers));
    for (let d = 1; d <= 8; d++) expect(covered, `defect-${d}`).toContain(`defect-${d}`);
  });

  it('passes every scenario on the embedded engine', { timeout: 120_000 }, async () => {
    const report = await runSuite(SCENARIOS, { k: 1, provider: 'embedded' });
    expect(failuresOf(report)).toEqual([]);
    expect(report.pass1).toBe(1);
    expect(report.markdown).toMatch(/\| \*\*overall \(\d+ scenarios, embedded\)\*\* \| \| \*\*1\.00\*\* \|/);
  });

  it('passes a subset on the openai provider against the scripted model', { timeout: 60_000 }, async () => {
    const chosen = SCENARIOS.filter((s) => OPENAI_SUBSET.includes(s.id));
    expect(chosen).toHaveLength(OPENAI_SUBSET.length);
    const report = await runSuite(chosen, { k: 1, provider: 'openai' });
    expect(failuresOf(report)).toEqual([]);
  });
});
