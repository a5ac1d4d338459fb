/** Measures the router: `npm run eval -- --data FILE.csv [--json] [--model model.json]`. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readExamples } from '../server/agents/router/dataset.js';
import { evaluate, formatReport } from '../server/agents/router/metrics.js';
import { loadClassifier, Router } from '../server/agents/router/router.js';
import { loadConfig } from '../server/config.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    json: { type: 'boolean', default: false },
    model: { type: 'string' },
    errors: { type: 'string' },
  },
});
if (!values.data) {
  console.error('usage: npm run eval -- --data FILE.csv [--json] [--model model.json] [--errors N]');
  process.exit(1);
}
const config = loadConfig();
const router = new Router(loadClassifier(values.model ? resolve(values.model) : config.routerModelPath), {
  confidenceThreshold: config.ROUTER_CONFIDENCE_THRESHOLD,
  lowConfidenceRoute: config.LOW_CONFIDENCE_ROUTE,
});
const examples = readExamples(resolve(values.data));
const started = performance.now();
const pairs = examples.map((e) => ({
  actual: e.route,
  predicted: router.route(e.text).route as string,
  text: e.text,
  intent: e.intent,
}));
const perMessageMs = (performance.now() - started) / Math.max(examples.length, 1);
const report = evaluate(pairs, ['billing', 'technical', 'escalation', 'general']);
if (values.json) {
  console.log(JSON.stringify({ ...report, msPerMessage: Number(perMessageMs.toFixed(4)) }));
} else {
  console.log(formatReport(report, `  ${perMessageMs.toFixed(3)} ms/message`));
  const show = Number(values.errors ?? 0);
  if (show)
    for (const p of pairs.filter((x) => x.actual !== x.predicted).slice(0, show))
      console.log(`${p.actual}/${p.intent} -> ${p.predicted}: ${p.text}`);
}
