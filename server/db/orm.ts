import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/sqlite';
import { entities } from './entities/index.js';
import { migrationsList } from './migrations/index.js';

/** The MikroORM options for a SQLite file: WAL, busy timeout, migrations, no global context. */
export function ormOptions(databasePath: string, debug = false): Options {
  return {
    dbName: databasePath,
    entities,
    allowGlobalContext: false,
    debug,
    forceUtcTimezone: true,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    migrations: {
      migrationsList,
      path: 'server/db/migrations',
      pathTs: 'server/db/migrations',
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    pool: {
      afterCreate: (conn: SqliteConn, done: (err: Error | null, conn: SqliteConn) => void) => {
        conn.configure('busyTimeout', 5000);
        conn.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;', (err) =>
          done(err, conn),
        );
      },
    },
  };
}

interface SqliteConn {
  configure(option: 'busyTimeout', value: number): void;
  exec(sql: string, cb: (err: Error | null) => void): void;
}

/** Opens the database and applies pending migrations (never schema sync at runtime). */
export async function createOrm(databasePath: string): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(databasePath));
  await orm.getMigrator().up();
  return orm;
}

export { MikroORM };
