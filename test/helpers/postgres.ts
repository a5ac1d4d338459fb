/**
 * A real PostgreSQL for tests and scripts: `TEST_DATABASE_URL` when given, else a server started
 * with initdb/pg_ctl on a temporary folder and a free port on 127.0.0.1 (as the `postgres` user
 * when running as root). Each caller gets its own fresh database on it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';

/** A PostgreSQL server: its admin URL, fresh databases on it, and how to stop it. */
export interface TestPostgres {
  /** URL of the server's `postgres` database (for administration). */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** Stops the server this helper started (a TEST_DATABASE_URL server is left running). */
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: Debian's newest under /usr/lib/postgresql, else PATH. */
function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(root, versions[0], 'bin');
  }
  try {
    return execFileSync('sh', ['-c', 'dirname "$(command -v pg_ctl)"'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the `postgres` user when this process is root (initdb refuses root). */
function runPg(bin: string, args: string[]): void {
  const asRoot = userInfo().uid === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** Why PostgreSQL cannot be started here, or null when it can. */
export function postgresUnavailableReason(): string | null {
  if (process.env.TEST_DATABASE_URL) return null;
  const bin = binDir();
  if (!bin || !existsSync(join(bin, 'initdb'))) return 'no initdb/pg_ctl (install Debian package postgresql)';
  if (userInfo().uid === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no postgres user to run initdb as';
    }
  }
  return null;
}

/** Starts (or connects to) PostgreSQL; throws with the reason when it cannot. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return server(given, async () => {});
  const reason = postgresUnavailableReason();
  if (reason) throw new Error(`PostgreSQL cannot be started: ${reason}`);
  const bin = binDir() as string;
  const dir = mkdtempSync(join(tmpdir(), 'crewdesk-pg-'));
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  runPg(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  // Durability is not what these tests check: no fsync makes migrations and commits fast.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runPg(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
  return server(`postgres://postgres@127.0.0.1:${port}/postgres`, async () => {
    try {
      runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

function server(url: string, stop: () => Promise<void>): TestPostgres {
  return {
    url,
    async createDatabase(prefix = 'crewdesk_test') {
      const name = `${prefix}_${randomBytes(6).toString('hex')}`;
      const admin = await MikroORM.init({
        driver: PostgreSqlDriver,
        clientUrl: url,
        entities: [],
        discovery: { warnWhenNoEntities: false },
        pool: { min: 0, max: 1 },
      });
      try {
        await admin.em.getConnection().execute(`create database "${name}"`);
      } finally {
        await admin.close(true);
      }
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop,
  };
}
