/** Trains the router: `npm run train -- [--data FILE.csv ...] [--out FILE] [--epochs 30] [--holdout 0.1]`. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { type Example, IntentClassifier } from '../server/agents/router/classifier.js';
import { readCorpusDir, readExamples } from '../server/agents/router/dataset.js';
import { loadClassifier } from '../server/agents/router/router.js';
import { ROOT_DIR } from '../server/config.js';
import { createCli, existingFile, intArg, numberArg, usageError } from './lib/cli.js';
import { holdOut } from './lib/holdout.js';

const SHIPPED = resolve(ROOT_DIR, 'server/agents/router/model.json');

const cli = createCli('npm run train --', 'Trains the router on labelled CSV files and writes the model.')
  .option('--data <file...>', 'CSV files with text,route[,intent] (default: the corpus in server/agents/router/corpus)')
  .option(
    '--out <file>',
    'where to write the model (the shipped one is server/agents/router/model.json)',
    'data/router-model.json',
  )
  .option('--epochs <n>', 'passes over the examples', intArg(1, 1000), 30)
  .option('--seed <n>', 'seed of the shuffles and of the held-out split', intArg(0, 2 ** 32 - 1), 7)
  .option('--holdout <fraction>', 'share of each intent kept out to score the run (0: none)', numberArg(0, 0.5), 0.1)
  .option(
    '--min-accuracy <fraction>',
    'refuse to write the model when the held-out accuracy is lower',
    numberArg(0, 1),
    0.5,
  )
  .addHelpText('after', '\nThe model is written only after it scored at least --min-accuracy on the held-out examples.')
  .parse();
const opts = cli.opts<{
  data?: string[];
  out: string;
  epochs: number;
  seed: number;
  holdout: number;
  minAccuracy: number;
}>();
const dataFiles = (opts.data ?? []).map((f) => {
  try {
    return existingFile(f);
  } catch (err) {
    return usageError(cli, `--data: ${(err as Error).message}`);
  }
});
const out = resolve(opts.out);

let examples: Example[];
try {
  examples = dataFiles.length
    ? dataFiles.flatMap((f) => readExamples(f))
    : readCorpusDir(resolve(ROOT_DIR, 'server/agents/router/corpus'));
} catch (err) {
  console.error(`could not read the training data: ${(err as Error).message}`);
  process.exit(1);
}
if (examples.length === 0) {
  console.error('no training examples: nothing written');
  process.exit(1);
}

/** Share of examples whose route the model gets right. */
function accuracy(model: IntentClassifier, test: Example[]): number {
  return test.filter((e) => model.classify(e.text).route === e.route).length / test.length;
}

const started = performance.now();
const { train, test } = holdOut(examples, opts.holdout, opts.seed);
let heldOut: number | null = null;
if (test.length > 0) {
  console.log(`scoring run: ${train.length} examples to train, ${test.length} held out`);
  const scored = IntentClassifier.train(train, {
    epochs: opts.epochs,
    seed: opts.seed,
    onEpoch: (epoch, model) => {
      const acc = accuracy(model, test);
      console.log(`epoch ${epoch}/${opts.epochs}  held-out accuracy ${(acc * 100).toFixed(1)} %`);
    },
  });
  heldOut = accuracy(scored, test);
  if (heldOut < opts.minAccuracy) {
    console.error(
      `held-out accuracy ${(heldOut * 100).toFixed(1)} % is below --min-accuracy ${(opts.minAccuracy * 100).toFixed(1)} %: nothing written`,
    );
    process.exit(1);
  }
}
// The written model learns from every example: the held-out run only scored the settings.
console.log(`final run: ${examples.length} examples`);
const model = IntentClassifier.train(examples, {
  epochs: opts.epochs,
  seed: opts.seed,
  onEpoch: (epoch) => console.log(`epoch ${epoch}/${opts.epochs}`),
});
const ms = performance.now() - started;
const json = JSON.stringify(model.toJSON({ examples: examples.length }));
// Written beside the target and renamed over it once it loads, so a failed run leaves the old file.
mkdirSync(dirname(out), { recursive: true });
const partial = `${out}.partial`;
writeFileSync(partial, json);
loadClassifier(partial);
renameSync(partial, out);
const routeCounts: Record<string, number> = {};
for (const e of examples) routeCounts[e.route] = (routeCounts[e.route] ?? 0) + 1;
console.log(
  `trained on ${examples.length} examples (${Object.entries(routeCounts)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ')}), ${model.intents.length} intents, ${model.featureCount} features in ${(ms / 1000).toFixed(1)} s` +
    (heldOut === null ? '' : `; held-out accuracy ${(heldOut * 100).toFixed(1)} %`),
);
const shown = relative(ROOT_DIR, out).startsWith('..') ? out : relative(ROOT_DIR, out);
console.log(`wrote ${shown} (${(json.length / 1024).toFixed(0)} KiB)`);
if (out !== SHIPPED)
  console.log(
    `use it with ROUTER_MODEL=${shown}, or ship it with: npm run train -- --out ${relative(ROOT_DIR, SHIPPED)}`,
  );
