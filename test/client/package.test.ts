/**
 * The typed client as a package: `npm pack` in client/ (which builds it with tsc), unpacked into a
 * temp project that sees only the package and its declared dependencies, imported from plain
 * JavaScript against a running desk, and type-checked from TypeScript.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENT = join(ROOT, 'client');

const CONSUMER_JS = `
import { createDeskClient, fetchBranding, DeskClientError } from '@crewdesk/client';
const url = process.env.DESK_URL;
const branding = await fetchBranding(url);
const desk = createDeskClient({ url, token: process.env.DESK_TOKEN });
const { case: c } = await desk.submitRequest({ message: 'My internet keeps dropping every evening' });
let tokens = 0;
let answer = null;
for await (const ev of desk.watchCase(c.id)) {
  if (ev.__typename === 'TokenDelta') tokens++;
  if (ev.__typename === 'MessageCompleted' && ev.message.authorKind === 'AGENT') { answer = ev.message.content; break; }
}
let code = null;
try { await desk.getCase('00000000-0000-0000-0000-000000000000'); } catch (e) { code = e instanceof DeskClientError ? e.code : 'other'; }
await desk.dispose();
console.log(JSON.stringify({ company: branding.companyName, caseId: c.id, tokens, answered: typeof answer === 'string' && answer.length > 0, code }));
`;

const CONSUMER_TS = `
import { createDeskClient, type CaseStatus, type DeskClient, DeskClientError, type SubmitRequestResult } from '@crewdesk/client';
export async function open(url: string, token: string): Promise<string> {
  const desk: DeskClient = createDeskClient({ url, token });
  const r: SubmitRequestResult = await desk.submitRequest({ message: 'hello', requestType: 'BILLING' });
  const status: CaseStatus = r.case.status;
  // @ts-expect-error the result has no such field: the types are real, not any
  r.case.notAField;
  if (status === 'OPEN' && r.message.content.length > 0) return r.case.id;
  throw new DeskClientError('unexpected', 'BAD_RESPONSE');
}
`;

describe('client package', () => {
  let dir: string;
  let t: TestApp;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crewdesk-pack-'));
    t = await startTestApp({ COMPANY_NAME: 'Packed Co' });
    // npm pack runs the package's prepack script (tsc -p client/tsconfig.build.json).
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: CLIENT });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map((f) => f.path);
    // The project sees the package and its declared dependencies only (linked from this repo: no registry).
    const modules = join(dir, 'project/node_modules');
    mkdirSync(join(modules, '@crewdesk'), { recursive: true });
    await run('tar', ['-xzf', join(dir, packed.filename), '-C', join(modules, '@crewdesk')]);
    renameSync(join(modules, '@crewdesk/package'), join(modules, '@crewdesk/client'));
    const manifest = JSON.parse(readFileSync(join(modules, '@crewdesk/client/package.json'), 'utf8'));
    for (const dep of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies ?? {})]) {
      mkdirSync(dirname(join(modules, dep)), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', dep), join(modules, dep));
    }
    writeFileSync(
      join(dir, 'project/package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('packs the built JavaScript and types, not the sources, the web app or the CLI', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/src/index.js',
        'dist/src/index.d.ts',
        'dist/generated/graphql.d.ts',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /^(web|cli|graphiql)\//.test(f) || f.includes('web-operations'))).toEqual([]);
  });

  it('is imported by a JavaScript project and talks to a running desk', async () => {
    writeFileSync(join(dir, 'project/consumer.mjs'), CONSUMER_JS);
    const { stdout } = await run(process.execPath, ['consumer.mjs'], {
      cwd: join(dir, 'project'),
      env: { ...process.env, DESK_URL: t.running.url, DESK_TOKEN: tokenFor('cust-ava') },
      timeout: 30_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').at(-1) as string);
    expect(out).toMatchObject({ company: 'Packed Co', answered: true, code: 'NOT_FOUND' });
    expect(out.tokens).toBeGreaterThan(0);
  });

  it('type-checks a TypeScript project against its declarations', async () => {
    writeFileSync(join(dir, 'project/consumer.ts'), CONSUMER_TS);
    writeFileSync(
      join(dir, 'project/tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          types: [],
          skipLibCheck: false,
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const res = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: join(dir, 'project') }).then(
      () => ({ ok: true, out: '' }),
      (err: { stdout: string }) => ({ ok: false, out: err.stdout }),
    );
    expect(res.out).toBe('');
    expect(res.ok).toBe(true);
  });
});
