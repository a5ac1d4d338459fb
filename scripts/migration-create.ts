/** Writes a migration for the difference between the entities and the migrations so far. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { ormOptions } from '../server/db/orm.js';

const dir = mkdtempSync(join(tmpdir(), 'crewdesk-migrate-'));
const orm = await MikroORM.init(ormOptions(join(dir, 'scratch.sqlite')));
const migrator = orm.getMigrator();
await migrator.up();
const initial = process.argv.includes('--initial');
const result = initial ? await migrator.createInitialMigration() : await migrator.createMigration();
console.log(
  result.fileName
    ? `wrote server/db/migrations/${result.fileName}; add it to server/db/migrations/index.ts`
    : 'no changes',
);
await orm.close(true);
