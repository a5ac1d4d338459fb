/** Trains the router: `npm run train [-- --data FILE.csv ...] [--out model.json]` (default: the shipped corpus). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IntentClassifier } from '../server/agents/router/classifier.js';
import { readCorpusDir, readExamples } from '../server/agents/router/dataset.js';
import { ROOT_DIR } from '../server/config.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    out: { type: 'string', default: resolve(ROOT_DIR, 'server/agents/router/model.json') },
    epochs: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' },
  },
});
const examples = values.data?.length
  ? values.data.flatMap((f) => readExamples(resolve(f)))
  : readCorpusDir(resolve(ROOT_DIR, 'server/agents/router/corpus'));
const started = performance.now();
const model = IntentClassifier.train(examples, { epochs: Number(values.epochs), seed: Number(values.seed) });
const ms = performance.now() - started;
const json = JSON.stringify(model.toJSON({ examples: examples.length }));
writeFileSync(values.out, json);
const routeCounts: Record<string, number> = {};
for (const e of examples) routeCounts[e.route] = (routeCounts[e.route] ?? 0) + 1;
const perRoute = Object.entries(routeCounts);
console.log(
  `trained on ${examples.length} examples (${perRoute.map(([r, n]) => `${r} ${n}`).join(', ')}), ${model.intents.length} intents, ${model.featureCount} features in ${(ms / 1000).toFixed(1)} s`,
);
console.log(`wrote ${values.out} (${(json.length / 1024).toFixed(0)} KiB)`);
