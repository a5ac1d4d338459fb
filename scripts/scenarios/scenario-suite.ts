/** Runs scenarios k times each on the chosen provider and builds the report. */
import type { Scenario } from './scenario.js';
import { createScenarioDesks } from './scenario-desk.js';
import { runScenario } from './scenario-runner.js';
import { type ScenarioRuns, scenarioTable } from './scenario-table.js';
import { startScriptedModel } from './scripted-model.js';

/** The suite's outcome. */
export interface SuiteReport {
  rows: ScenarioRuns[];
  markdown: string;
  pass1: number;
  passK: number;
}

/** Runs every scenario k times (a fresh database each time) on the embedded engine or the scripted model. */
export async function runSuite(
  scenarios: Scenario[],
  opts: { k: number; provider: 'embedded' | 'openai' },
): Promise<SuiteReport> {
  const model = opts.provider === 'openai' ? await startScriptedModel() : null;
  const desks = await createScenarioDesks(model ? { name: 'openai', baseURL: model.url } : { name: 'embedded' });
  model?.setRouter(desks.router);
  const rows: ScenarioRuns[] = [];
  try {
    for (const s of scenarios) {
      const runs = [];
      for (let i = 0; i < opts.k; i++) runs.push(await runScenario(desks, s, opts.provider === 'embedded'));
      rows.push({ id: s.id, covers: s.covers, runs });
    }
  } finally {
    desks.close();
    await model?.close();
  }
  return { rows, ...scenarioTable(rows, opts.k, opts.provider) };
}
