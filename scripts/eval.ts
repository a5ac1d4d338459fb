/** Measures the router: `npm run eval -- --data FILE.csv [--json] [--model model.json] [--errors N]`. */
import { readExamples } from '../server/agents/router/dataset.js';
import { evaluate, formatReport } from '../server/agents/router/metrics.js';
import { loadClassifier, Router } from '../server/agents/router/router.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { createCli, existingFile, intArg } from './lib/cli.js';

const cli = createCli('npm run eval --', 'Scores the router on a labelled CSV file (text,route[,intent]).')
  .requiredOption('--data <file>', 'the labelled CSV file', existingFile)
  .option('--json', 'print the report as one JSON line')
  .option('--model <file>', 'a model file to score (default: ROUTER_MODEL)', existingFile)
  .option('--errors <n>', 'also print the first N misrouted messages', intArg(0), 0)
  .parse();
const opts = cli.opts<{ data: string; json?: boolean; model?: string; errors: number }>();

try {
  const config = loadConfig();
  const router = new Router(loadClassifier(opts.model ?? config.routerModelPath), {
    confidenceThreshold: config.ROUTER_CONFIDENCE_THRESHOLD,
    lowConfidenceRoute: config.LOW_CONFIDENCE_ROUTE,
  });
  const examples = readExamples(opts.data);
  const started = performance.now();
  const pairs = examples.map((e) => ({
    actual: e.route,
    predicted: router.route(e.text).route as string,
    text: e.text,
    intent: e.intent,
  }));
  const perMessageMs = (performance.now() - started) / Math.max(examples.length, 1);
  const report = evaluate(pairs, ['billing', 'technical', 'escalation', 'general']);
  if (opts.json) {
    console.log(JSON.stringify({ ...report, msPerMessage: Number(perMessageMs.toFixed(4)) }));
  } else {
    console.log(formatReport(report, `  ${perMessageMs.toFixed(3)} ms/message`));
    for (const p of pairs.filter((x) => x.actual !== x.predicted).slice(0, opts.errors))
      console.log(`${p.actual}/${p.intent} -> ${p.predicted}: ${p.text}`);
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `eval failed: ${(err as Error).message}`);
  process.exit(1);
}
