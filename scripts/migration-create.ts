/** Writes a migration for the difference between the entities and the migrations so far. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { ormOptions } from '../server/db/orm.js';
import { createCli } from './lib/cli.js';

const cli = createCli(
  'npm run migration:create --',
  'Writes server/db/migrations/MigrationNNNN.ts for what the entities changed since the last migration.',
)
  .option('--initial', 'write the initial migration (an empty migrations folder only)')
  .addHelpText('after', '\nThen read the file, add it to server/db/migrations/index.ts and commit both.')
  .parse();
const { initial } = cli.opts<{ initial?: boolean }>();

// The difference is taken against a scratch database with every migration so far applied.
const dir = mkdtempSync(join(tmpdir(), 'crewdesk-migrate-'));
const orm = await MikroORM.init(ormOptions(join(dir, 'scratch.sqlite')));
try {
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = initial ? await migrator.createInitialMigration() : await migrator.createMigration();
  console.log(
    result.fileName
      ? `wrote server/db/migrations/${result.fileName}; add it to server/db/migrations/index.ts`
      : 'no changes',
  );
} finally {
  await orm.close(true);
  rmSync(dir, { recursive: true, force: true });
}
