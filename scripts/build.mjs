/**
 * `npm run build`: compiles the server to JavaScript in dist/ (esbuild: the server and its pure
 * JavaScript packages in one file, lazily loaded parts in dist/server/chunks; source maps), so `npm start` runs no TypeScript. Types are checked by `npm run typecheck`.
 * `node scripts/build.mjs --if-stale` builds only when a source is newer than the last build, and
 * also builds the web app and GraphiQL when their sources are newer than client/web/dist and
 * client/graphiql/dist (what `npm start` runs first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Packages with compiled parts (or optional ones that may be), loaded from node_modules. */
const NATIVE_PACKAGES = ['sqlite3', 'better-sqlite3', 'pg-native', 'msgpackr-extract', 'bufferutil', 'utf-8-validate'];
/**
 * What knex and MikroORM require only if asked for, none of it installed: drivers of dialects the
 * desk does not run on, MikroORM's optional parts, TypeScript loaders.
 */
const NOT_INSTALLED = [
  'mysql',
  'mysql2',
  'oracledb',
  'tedious',
  'pg-query-stream',
  'mariadb',
  'libsql',
  '@mikro-orm/entity-generator',
  '@mikro-orm/seeder',
  'ts-node',
  'typescript',
];

const serverSources = files(join(root, 'server'), (n) => n.endsWith('.ts'));
const stamp = join(root, 'dist/.build-stamp');
const serverStale =
  mtime(stamp) < newest([...serverSources, join(root, 'package-lock.json'), fileURLToPath(import.meta.url)]);

if (!ifStale || serverStale) {
  const { build } = await import('esbuild');
  const started = performance.now();
  // Built beside dist/server and swapped in whole, so a server started meanwhile (a test, the bench)
  // never finds half a build. Same depth as dist/server: the source maps' paths stay right.
  const out = join(root, `dist/.server-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  // The server and the packages it runs on in one file: Node resolves, reads and compiles about a
  // dozen files at start instead of some 2,000 (on a 2-core machine: ready in ~0.8 s, not ~1.7 s).
  // What only some configurations load (the openai provider, Redis coordination, tracing) goes to
  // chunks of its own, loaded when asked for. Native modules stay in node_modules, required at
  // run time, and what is not installed is never bundled.
  await build({
    entryPoints: { main: join(root, 'server/main.ts') },
    outdir: out,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // Stack traces need the mappings, not a copy of every source.
    sourcesContent: false,
    bundle: true,
    external: [...NATIVE_PACKAGES, ...NOT_INSTALLED],
    // The CommonJS packages in the bundle (and the externals) are loaded with a real `require`.
    banner: {
      js: "import { createRequire as __crewdeskCreateRequire } from 'node:module'; const require = __crewdeskCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const old = join(root, `dist/.old-server-${process.pid}`);
  if (existsSync(join(root, 'dist/server'))) renameSync(join(root, 'dist/server'), old);
  renameSync(out, join(root, 'dist/server'));
  rmSync(old, { recursive: true, force: true });
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
