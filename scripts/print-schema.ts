/** Writes schema.graphql from the Pothos schema; with --check, fails when the committed file is stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT_DIR } from '../server/config.js';
import { printedSchema } from '../server/schema/index.js';

const file = resolve(ROOT_DIR, 'schema.graphql');
const sdl = printedSchema();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== sdl) {
    console.error('schema.graphql is stale: run `npm run schema` and commit it');
    process.exit(1);
  }
  console.log('schema.graphql is up to date');
} else {
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}
