/** Measures knowledge-base retrieval on labelled questions: recall@1, recall@3 and MRR. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { KnowledgeBase } from './knowledge-base.js';

/** One labelled question (`expected` may list several acceptable ids, separated by `|`). */
export interface RetrievalQuestion {
  question: string;
  expected: string[];
}

/** The scores of a retrieval run, with the questions whose answer was not in the top three. */
export interface RetrievalReport {
  n: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  misses: { question: string; expected: string[]; got: string[] }[];
}

/** Reads a `question,expected` CSV. */
export function readQuestions(file: string): RetrievalQuestion[] {
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
  return rows.map((r) => ({ question: r.question, expected: r.expected.split('|').map((s) => s.trim()) }));
}

/** Searches each question (no route hint, as a first message would) and scores the ranks. */
export function evaluateRetrieval(kb: KnowledgeBase, questions: RetrievalQuestion[]): RetrievalReport {
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  const misses: RetrievalReport['misses'] = [];
  for (const q of questions) {
    const got = kb.search(q.question, { limit: 10 }).map((h) => h.id);
    const rank = got.findIndex((id) => q.expected.includes(id));
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 3) at3++;
    else misses.push({ question: q.question, expected: q.expected, got: got.slice(0, 3) });
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const n = questions.length || 1;
  return { n: questions.length, recallAt1: at1 / n, recallAt3: at3 / n, mrr: rr / n, misses };
}
