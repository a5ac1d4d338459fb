/**
 * The scenario suite (τ-bench style): every scenario in test/scenarios runs k times, each run on a
 * fresh database with the real desk, and the report gives pass^1 and pass^k per scenario and overall.
 *
 *   npm run scenarios [-- --k 4] [--provider embedded|openai] [--only <id-substring>]
 */
import { SCENARIOS } from '../test/scenarios/index.js';
import { createCli, intArg, usageError } from './lib/cli.js';
import { runSuite } from './scenarios/scenario-suite.js';

const cli = createCli('scenarios', 'Runs the scenario suite and prints pass^1 and pass^k per scenario')
  .option('-k, --k <n>', 'runs per scenario (each on a fresh database)', intArg(1, 50), 1)
  .option('-p, --provider <name>', 'embedded | openai (the scripted model server)', 'embedded')
  .option('--only <text>', 'only scenarios whose id contains this text')
  .option('-v, --verbose', 'print each failed check')
  .parse();
const opts = cli.opts<{ k: number; provider: string; only?: string; verbose?: boolean }>();
if (opts.provider !== 'embedded' && opts.provider !== 'openai')
  usageError(cli, `--provider must be embedded or openai (got "${opts.provider}")`);
const chosen = opts.only ? SCENARIOS.filter((s) => s.id.includes(opts.only as string)) : SCENARIOS;
if (chosen.length === 0) usageError(cli, `no scenario id contains "${opts.only}"`);

const report = await runSuite(chosen, { k: opts.k, provider: opts.provider as 'embedded' | 'openai' });
console.log(report.markdown);
for (const r of report.rows)
  for (const [i, run] of r.runs.entries())
    if (!run.ok && opts.verbose) console.error(`\n${r.id} run ${i + 1}:\n  ${run.failures.join('\n  ')}`);
const failed = report.rows.filter((r) => r.runs.some((x) => !x.ok)).map((r) => r.id);
if (failed.length)
  console.error(`\nfailed: ${failed.join(', ')}${opts.verbose ? '' : ' (add --verbose for the checks)'}`);
process.exit(failed.length ? 1 : 0);
