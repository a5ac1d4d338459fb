/**
 * Helpers for the browser tests: find Debian's Chromium, build the web app when its sources are
 * newer than client/web/dist, and serve dist plus a proxy of /graphql (HTTP and WebSocket upgrade)
 * to the test API from one origin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const WEB_DIR = join(REPO_ROOT, 'client/web');
const DIST_DIR = join(WEB_DIR, 'dist');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output/screenshots');

/**
 * The Chromium to drive: $CHROMIUM_PATH (when set, and only it: a path that does not exist means
 * none), else `command -v chromium`, else /usr/bin/chromium; null when there is none.
 */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (found && existsSync(found)) return found;
    } catch {
      /* not on PATH */
    }
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

/** Arguments for a quiet, offline headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Builds client/web/dist unless it is newer than every source it is built from. Test files in
 * other workers may ask at the same time: one builds (holding a lock folder), the others wait and
 * then find the build fresh, so no server lists files that a later build replaces.
 */
export function ensureBuilt(): { built: boolean; ms: number } {
  const lock = join(REPO_ROOT, 'test-output/web-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock older than any build is left over from a killed run.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() > until || Date.now() - since > 120_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    return buildIfStale();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildIfStale(): { built: boolean; ms: number } {
  const started = Date.now();
  const index = join(DIST_DIR, 'index.html');
  const sources = [
    WEB_DIR,
    join(REPO_ROOT, 'client/src'),
    join(REPO_ROOT, 'client/generated'),
    join(REPO_ROOT, 'package-lock.json'),
  ].filter((p) => existsSync(p));
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(...sources.map(newestMtime)))
    return { built: false, ms: 0 };
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', '--config', join(WEB_DIR, 'vite.config.ts')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // vitest sets NODE_ENV=test, which would give a development build of React (StrictMode's double effects and all).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (res.status !== 0) throw new Error(`web build failed:\n${res.stdout}\n${res.stderr}`);
  return { built: true, ms: Date.now() - started };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves DIST_DIR and proxies /graphql (HTTP and WebSocket) to `apiPort` on 127.0.0.1. */
export async function serveWeb(apiPort: number): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/graphql' || path.startsWith('/graphql/')) {
      const upstream = httpRequest(
        { host: '127.0.0.1', port: apiPort, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (err) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy error: ${err.message}`);
      });
      req.pipe(upstream);
      return;
    }
    let file = normalize(join(DIST_DIR, decodeURIComponent(path)));
    if (!file.startsWith(DIST_DIR + sep) && file !== DIST_DIR) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(DIST_DIR, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  // WebSocket upgrades: replay the request line and headers to the API, then pipe both ways.
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const upstream = connect(apiPort, '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    sockets.add(client);
    const done = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', done);
    client.on('error', done);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** True when the server already serves the web app itself (then no proxy is needed). */
export function serverServesWeb(): boolean {
  try {
    return readFileSync(join(REPO_ROOT, 'server/app.ts'), 'utf8').includes('client/web/dist');
  } catch {
    return false;
  }
}
