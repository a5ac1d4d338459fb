/** Measures knowledge retrieval: `npm run eval:kb [-- --data questions.csv] [--misses]`. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeBase } from '../server/agents/knowledge/knowledge-base.js';
import { evaluateRetrieval, readQuestions } from '../server/agents/knowledge/retrieval-eval.js';
import { loadConfig, ROOT_DIR } from '../server/config.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(ROOT_DIR, 'server/agents/knowledge/eval/questions.csv') },
    misses: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const kb = new KnowledgeBase(loadConfig().knowledgeDir);
const report = evaluateRetrieval(kb, readQuestions(resolve(values.data)));
if (values.json) console.log(JSON.stringify(report));
else {
  console.log(
    `n=${report.n} articles=${kb.size}  recall@1=${report.recallAt1.toFixed(3)}  recall@3=${report.recallAt3.toFixed(3)}  MRR=${report.mrr.toFixed(3)}`,
  );
  if (values.misses)
    for (const m of report.misses)
      console.log(`miss: "${m.question}" -> ${m.got.join(', ')} (expected ${m.expected.join(' or ')})`);
}
