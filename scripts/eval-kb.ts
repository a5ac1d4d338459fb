/** Measures knowledge retrieval: `npm run eval:kb [-- --data questions.csv] [--misses] [--json]`. */
import { resolve } from 'node:path';
import { KnowledgeBase } from '../server/agents/knowledge/knowledge-base.js';
import { evaluateRetrieval, readQuestions } from '../server/agents/knowledge/retrieval-eval.js';
import { ConfigError, loadConfig, ROOT_DIR } from '../server/config.js';
import { createCli, existingFile } from './lib/cli.js';

const cli = createCli('npm run eval:kb --', 'Scores knowledge-base retrieval on questions with expected articles.')
  .option(
    '--data <file>',
    'CSV of questions and expected articles',
    existingFile,
    resolve(ROOT_DIR, 'server/agents/knowledge/eval/questions.csv'),
  )
  .option('--misses', 'also print each question whose article was not found first')
  .option('--json', 'print the report as one JSON line')
  .parse();
const opts = cli.opts<{ data: string; misses?: boolean; json?: boolean }>();

try {
  const kb = new KnowledgeBase(loadConfig().knowledgeDir);
  const report = evaluateRetrieval(kb, readQuestions(opts.data));
  if (opts.json) console.log(JSON.stringify(report));
  else {
    console.log(
      `n=${report.n} articles=${kb.size}  recall@1=${report.recallAt1.toFixed(3)}  recall@3=${report.recallAt3.toFixed(3)}  MRR=${report.mrr.toFixed(3)}`,
    );
    if (opts.misses)
      for (const m of report.misses)
        console.log(`miss: "${m.question}" -> ${m.got.join(', ')} (expected ${m.expected.join(' or ')})`);
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `eval:kb failed: ${(err as Error).message}`);
  process.exit(1);
}
