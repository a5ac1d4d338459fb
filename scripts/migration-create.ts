/**
 * Writes, for each dialect (SQLite, PostgreSQL), a migration for the difference between the
 * entities and that dialect's migrations so far, and lists it in the dialect's index.ts.
 * `--dialect sqlite|postgresql` does one; `--initial` starts a dialect's history.
 * PostgreSQL: MIGRATION_DATABASE_URL or TEST_DATABASE_URL (a server to make a scratch database on),
 * else a scratch server started with initdb/pg_ctl (Debian's postgresql package).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Option } from 'commander';
import { type DbTarget, DIALECTS, type Dialect, MIGRATIONS, ormOptions } from '../server/db/orm.js';
import { postgresUnavailableReason, startTestPostgres, type TestPostgres } from '../test/helpers/postgres.js';
import { createCli } from './lib/cli.js';

const cli = createCli(
  'npm run migration:create --',
  'Writes, for each dialect, a migration for what the entities changed since its last migration.',
)
  .option('--initial', "start a dialect's history (an empty migrations folder only)")
  .addOption(new Option('--dialect <name>', 'only this dialect').choices([...DIALECTS]))
  .addHelpText('after', "\nThen read each file it writes (it is listed in its dialect's index.ts) and commit them.")
  .parse();
const { initial = false, dialect: only = null } = cli.opts<{ initial?: boolean; dialect?: Dialect }>();

/** Adds `name` to the dialect's migrations/index.ts: its import, and the list rebuilt from the imports. */
function register(dialect: Dialect, name: string): string {
  const file = join(MIGRATIONS[dialect].path, 'index.ts');
  let text = readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/^import .*;$/gm)];
  const last = imports[imports.length - 1];
  const at = (last.index ?? 0) + last[0].length;
  text = `${text.slice(0, at)}\nimport { ${name} } from './${name}.js';${text.slice(at)}`;
  const names = [...text.matchAll(/^import \{ (Migration\w+) \} from/gm)].map((m) => m[1]);
  const list = names.map((n) => `  { name: '${n}', class: ${n} },`).join('\n');
  text = text.replace(/(migrationsList: MigrationObject\[\] = )\[[\s\S]*?\];/, `$1[\n${list}\n];`);
  writeFileSync(file, text);
  return file;
}

async function create(dialect: Dialect, target: DbTarget): Promise<void> {
  const orm = await MikroORM.init(await ormOptions(target));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = initial ? await migrator.createInitialMigration() : await migrator.createMigration();
    if (!result.fileName) {
      console.log(`${dialect}: no changes`);
      return;
    }
    const name = result.fileName.replace(/\.ts$/, '');
    const index = register(dialect, name);
    const written = join(MIGRATIONS[dialect].path, result.fileName);
    execFileSync('npx', ['biome', 'format', '--write', written, index], { stdio: 'ignore' });
    console.log(`${dialect}: wrote ${written} and listed it in ${index}; read it before committing`);
  } finally {
    await orm.close(true);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'crewdesk-migrate-'));
let pg: TestPostgres | null = null;
let failed = false;
try {
  for (const dialect of only ? [only] : DIALECTS) {
    if (dialect === 'sqlite') {
      await create('sqlite', { dialect: 'sqlite', path: join(dir, 'scratch.sqlite') });
      continue;
    }
    const given = process.env.MIGRATION_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const reason = given ? null : postgresUnavailableReason();
    if (reason) {
      console.error(
        `postgresql: not written — ${reason}. Install it (apt-get install postgresql) or set ` +
          'MIGRATION_DATABASE_URL=postgres://user@host:port/db (a server where a scratch database may be created), then run npm run migration:create -- --dialect postgresql',
      );
      failed = true;
      continue;
    }
    if (given) process.env.TEST_DATABASE_URL = given;
    pg = await startTestPostgres();
    await create('postgresql', { dialect: 'postgresql', url: await pg.createDatabase('crewdesk_migrate') });
  }
} finally {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
