/**
 * `npm run codegen:check`: regenerates the typed documents into a temp dir with the settings of
 * codegen.ts and fails when client/generated/ differs (a file changed, missing or extra).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import config, { GENERATED_DIR } from '../codegen.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files under `dir`, as paths relative to it. */
function filesOf(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesOf(p).map((f) => join(name, f)) : [name];
  });
}

const target = config.generates[GENERATED_DIR];
if (!target) throw new Error(`codegen.ts has no output for ${GENERATED_DIR}`);
const tmp = mkdtempSync(join(tmpdir(), 'crewdesk-codegen-'));
try {
  const out = `${join(tmp, 'generated')}/`;
  await generate({ ...config, cwd: root, silent: true, generates: { [out]: target } }, true);
  const committed = join(root, GENERATED_DIR);
  const fresh = new Set(filesOf(out));
  const existing = new Set(filesOf(committed));
  const problems: string[] = [];
  for (const f of fresh) {
    if (!existing.has(f)) problems.push(`missing: ${join(GENERATED_DIR, f)}`);
    else if (readFileSync(join(out, f), 'utf8') !== readFileSync(join(committed, f), 'utf8'))
      problems.push(`out of date: ${join(GENERATED_DIR, f)}`);
  }
  for (const f of existing) if (!fresh.has(f)) problems.push(`not generated any more: ${join(GENERATED_DIR, f)}`);
  if (problems.length) {
    console.error(
      `${relative(process.cwd(), committed) || GENERATED_DIR} does not match schema.graphql and the operations under client/src:\n  ${problems.join('\n  ')}\nRun npm run codegen and commit the result.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`codegen: ${GENERATED_DIR} is up to date (${fresh.size} files)`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
