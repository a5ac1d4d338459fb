/**
 * `npm run build`: compiles the server to JavaScript in dist/ (esbuild: the server's own code in
 * one file, its packages left in node_modules; source maps), so `npm start` runs no TypeScript. Types are checked by `npm run typecheck`.
 * `node scripts/build.mjs --if-stale` builds only when a source is newer than the last build, and
 * also builds the web app and GraphiQL when their sources are newer than client/web/dist and
 * client/graphiql/dist (what `npm start` runs first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ifStale = process.argv.includes('--if-stale');

/** Files under `dir` (recursively) whose names pass `keep`. */
function files(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p, keep) : keep(e.name) ? [p] : [];
  });
}

/** The newest modification time among paths (0 when none exist). */
function newest(paths) {
  return paths.reduce((t, p) => (existsSync(p) ? Math.max(t, statSync(p).mtimeMs) : t), 0);
}

function mtime(p) {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

const serverSources = files(join(root, 'server'), (n) => n.endsWith('.ts'));
const stamp = join(root, 'dist/.build-stamp');
const serverStale =
  mtime(stamp) < newest([...serverSources, join(root, 'package-lock.json'), fileURLToPath(import.meta.url)]);

if (!ifStale || serverStale) {
  const { build } = await import('esbuild');
  const started = performance.now();
  rmSync(join(root, 'dist/server'), { recursive: true, force: true });
  // One file for the server's own code (its packages stay in node_modules): the process starts
  // without resolving and compiling some 300 modules one by one.
  await build({
    entryPoints: [join(root, 'server/main.ts')],
    outfile: join(root, 'dist/server/main.js'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    bundle: true,
    packages: 'external',
    logLevel: 'warning',
  });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(
    `built dist/server/main.js (${serverSources.length} sources) in ${Math.round(performance.now() - started)} ms`,
  );
}

if (ifStale) {
  // The web app: client/web and the typed client it imports.
  const webSources = [
    ...files(join(root, 'client/web'), (n) => !n.startsWith('.')).filter(
      (p) => !relative(root, p).startsWith('client/web/dist'),
    ),
    ...files(join(root, 'client/src'), () => true),
    ...files(join(root, 'client/generated'), () => true),
  ];
  const built = join(root, 'client/web/dist/index.html');
  if (mtime(built) < newest(webSources)) {
    console.log(
      existsSync(built) ? 'rebuilding the web app (sources changed)…' : 'building the web app (first start)…',
    );
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'client/web/vite.config.ts',
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: 'inherit' },
    );
  }
  // GraphiQL (client/graphiql), built the same way into client/graphiql/dist.
  const graphiqlSources = files(join(root, 'client/graphiql'), (n) => !n.startsWith('.')).filter(
    (p) => !relative(root, p).startsWith('client/graphiql/dist'),
  );
  const graphiqlBuilt = join(root, 'client/graphiql/dist/index.html');
  if (mtime(graphiqlBuilt) < newest([...graphiqlSources, join(root, 'package-lock.json')])) {
    console.log(
      existsSync(graphiqlBuilt) ? 'rebuilding GraphiQL (sources changed)…' : 'building GraphiQL (first start)…',
    );
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'client/graphiql/vite.config.ts',
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: 'inherit' },
    );
  }
}
