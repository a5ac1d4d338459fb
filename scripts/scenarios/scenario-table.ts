/** The scenario report: pass^1 and pass^k per scenario and overall, as a markdown table. */
import type { RunResult } from './scenario-runner.js';

/** One scenario's runs. */
export interface ScenarioRuns {
  id: string;
  covers: string[];
  runs: RunResult[];
}

/**
 * pass^k as τ-bench defines it: the chance that k runs drawn from the n made all pass
 * (C(c, k) / C(n, k) with c passing runs); with k = n, whether every run passed.
 */
function passHatK(n: number, c: number, k: number): number {
  if (k > n) return Number.NaN;
  let p = 1;
  for (let i = 0; i < k; i++) p *= (c - i) / (n - i);
  return Math.max(0, p);
}

/** The markdown table and the overall figures. */
export function scenarioTable(
  rows: ScenarioRuns[],
  k: number,
  provider: string,
): { markdown: string; pass1: number; passK: number } {
  const fmt = (x: number) => x.toFixed(2);
  const lines = [`| scenario | covers | pass^1 | pass^${k} | ms/run |`, '| --- | --- | ---: | ---: | ---: |'];
  let sum1 = 0;
  let sumK = 0;
  for (const r of rows) {
    const c = r.runs.filter((x) => x.ok).length;
    const p1 = passHatK(r.runs.length, c, 1);
    const pk = passHatK(r.runs.length, c, k);
    sum1 += p1;
    sumK += pk;
    const ms = Math.round(r.runs.reduce((n, x) => n + x.ms, 0) / r.runs.length);
    lines.push(`| ${r.id} | ${r.covers.join(', ')} | ${fmt(p1)} | ${fmt(pk)} | ${ms} |`);
  }
  const pass1 = rows.length ? sum1 / rows.length : 0;
  const passK = rows.length ? sumK / rows.length : 0;
  lines.push(`| **overall (${rows.length} scenarios, ${provider})** | | **${fmt(pass1)}** | **${fmt(passK)}** | |`);
  return { markdown: lines.join('\n'), pass1, passK };
}
