/** Reads labelled CSV files (`text,route[,intent]`) with a real CSV parser. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Example } from './classifier.js';

/** Parses one CSV file; the intent defaults to the route when the file has no intent column. */
export function readExamples(file: string): Example[] {
  const rows = parse(readFileSync(file), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  const out: Example[] = [];
  for (const [i, r] of rows.entries()) {
    if (typeof r.text !== 'string' || typeof r.route !== 'string')
      throw new Error(`${file}: row ${i + 2} lacks a text or route column`);
    if (!r.text || !r.route) continue;
    const route = r.route.toLowerCase();
    out.push({ text: r.text, route, intent: r.intent ? r.intent.toLowerCase() : route });
  }
  return out;
}

/** Every example of every CSV file in a folder, in file-name order. */
export function readCorpusDir(dir: string): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((f) => readExamples(join(dir, f)));
}
