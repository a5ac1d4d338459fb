/** The database's commands: `npm run db:migrate`, `db:status`, `db:seed`, `db:reset` (development only). */
import { MikroORM } from '@mikro-orm/sqlite';
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { ormOptions } from '../server/db/orm.js';
import { seedDemoData } from '../server/db/seed/seed.js';
import { createCli } from './lib/cli.js';

/** Runs `work` on the configured database (opened without migrating) and closes it. */
async function withOrm(work: (orm: MikroORM, config: Config) => Promise<void>): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    process.exit(1);
  }
  const orm = await (MikroORM.init((await ormOptions(config.database)) as never) as Promise<MikroORM>);
  try {
    await work(orm, config);
  } catch (err) {
    console.error(`failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await orm.close(true);
  }
}

/** Applies pending migrations and says which. */
async function migrate(orm: MikroORM): Promise<void> {
  const applied = await orm.getMigrator().up();
  console.log(
    applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'up to date: no pending migrations',
  );
}

const cli = createCli('db', 'The desk’s database (DATABASE_URL): migrations, demo data, reset.');
cli
  .command('migrate')
  .description('apply pending migrations')
  .action(() => withOrm((orm) => migrate(orm)));
cli
  .command('status')
  .description('list applied and pending migrations')
  .action(() =>
    withOrm(async (orm, config) => {
      const migrator = orm.getMigrator();
      const executed = await migrator.getExecutedMigrations();
      const pending = await migrator.getPendingMigrations();
      console.log(`database: ${config.databasePath}`);
      for (const m of executed) console.log(`applied  ${m.name}  ${m.executed_at.toISOString()}`);
      for (const m of pending) console.log(`pending  ${m.name}`);
      console.log(`${executed.length} applied, ${pending.length} pending`);
    }),
  );
cli
  .command('seed')
  .description('apply migrations, then add the demo company unless customers exist')
  .action(() =>
    withOrm(async (orm) => {
      await migrate(orm);
      console.log((await seedDemoData(orm.em.fork())) ? 'seeded the demo company' : 'customers exist: nothing seeded');
    }),
  );
cli
  .command('reset')
  .description('development only: drop every table, migrate again and seed the demo company')
  .action(() =>
    withOrm(async (orm, config) => {
      if (config.NODE_ENV !== 'development') {
        console.error(
          `refused: db:reset deletes every record and runs only with NODE_ENV=development (it is ${config.NODE_ENV})`,
        );
        process.exitCode = 1;
        return;
      }
      // Migrations are one-way: every table (and the migrations' own) is dropped instead.
      // Tables the entities do not describe (SQLite's FTS5 search tables) are dropped by name first:
      // the schema tools cannot read them.
      if (config.database.dialect === 'sqlite') {
        const conn = orm.em.getConnection();
        const extra = await conn.execute<{ name: string }[]>(
          "select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'",
        );
        for (const t of extra) await conn.execute(`drop table if exists "${t.name}"`);
      }
      await orm.getSchemaGenerator().dropSchema({ dropMigrationsTable: true });
      console.log(`dropped every table in ${config.databasePath}`);
      await migrate(orm);
      console.log((await seedDemoData(orm.em.fork())) ? 'seeded the demo company' : 'nothing seeded');
    }),
  );
await cli.parseAsync();
