import type { Options as CoreOptions, MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/sqlite';
import { entities } from './entities/index.js';
import { migrationsList } from './migrations/index.js';
import { migrationsList as postgresqlMigrationsList } from './migrations/postgresql/index.js';
import { CrewdeskSqliteDriver } from './sqlite/sqlite-driver.js';

/** Where the data lives: a SQLite file (the default) or a PostgreSQL database. */
export type DbTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgresql'; url: string };
/** The SQL dialects the desk runs on, each with its own migrations. */
export type Dialect = DbTarget['dialect'];
/** The dialects, SQLite first. */
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgresql'];

/** A target from a SQLite path or a `postgres://` / `postgresql://` URL. */
function dbTarget(pathOrUrl: string | DbTarget): DbTarget {
  if (typeof pathOrUrl !== 'string') return pathOrUrl;
  return /^postgres(ql)?:\/\//.test(pathOrUrl)
    ? { dialect: 'postgresql', url: pathOrUrl }
    : { dialect: 'sqlite', path: pathOrUrl };
}

/** Each dialect's migrations: the list that runs and the folder `npm run migration:create` writes to. */
export const MIGRATIONS: Record<Dialect, { list: MigrationObject[]; path: string }> = {
  sqlite: { list: migrationsList, path: 'server/db/migrations' },
  postgresql: { list: postgresqlMigrationsList, path: 'server/db/migrations/postgresql' },
};

/** How long a SQLite connection waits for another's lock on the file. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** What every SQLite connection of the desk is set to (the ORM's, and the better-sqlite3 runner's). */
export const SQLITE_CONNECTION_PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;';

/**
 * The MikroORM options for a target: on SQLite WAL and a busy timeout; on either the dialect's
 * migrations and no global context. The PostgreSQL driver (and `pg`) is loaded only for a
 * PostgreSQL target, so the SQLite default starts without it.
 */
export async function ormOptions(pathOrUrl: string | DbTarget, debug = false): Promise<CoreOptions> {
  const target = dbTarget(pathOrUrl);
  const migrations = MIGRATIONS[target.dialect];
  const common: CoreOptions = {
    entities,
    allowGlobalContext: false,
    debug,
    forceUtcTimezone: true,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    // Search tables (SQLite FTS5 and its shadow tables) are written by hand in migrations; the
    // schema diff knows nothing of them and must not read or drop them.
    schemaGenerator: { skipTables: [/_fts($|_)/] },
    migrations: {
      migrationsList: migrations.list,
      path: migrations.path,
      pathTs: migrations.path,
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  };
  if (target.dialect === 'postgresql') {
    const { PostgreSqlDriver } = await import('./postgresql-driver.js');
    return { ...common, driver: PostgreSqlDriver, clientUrl: target.url };
  }
  return {
    ...common,
    driver: CrewdeskSqliteDriver,
    dbName: target.path,
    pool: {
      afterCreate: (conn: SqliteConn, done: (err: Error | null, conn: SqliteConn) => void) => {
        conn.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
        conn.exec(SQLITE_CONNECTION_PRAGMAS, (err) => done(err, conn));
      },
    },
  };
}

interface SqliteConn {
  configure(option: 'busyTimeout', value: number): void;
  exec(sql: string, cb: (err: Error | null) => void): void;
}

/**
 * Opens the database and applies pending migrations (never schema sync at runtime). Typed as the
 * SQLite ORM the code imports: both drivers share the SQL entity manager and query builder it uses.
 */
export async function createOrm(pathOrUrl: string | DbTarget): Promise<MikroORM> {
  const target = dbTarget(pathOrUrl);
  const orm = (await MikroORM.init((await ormOptions(target)) as never)) as MikroORM;
  if (target.dialect === 'sqlite') {
    await orm.getMigrator().up();
    return orm;
  }
  // Instances starting together: one applies the migrations while the others wait for its commit.
  const conn = orm.em.getConnection();
  await conn.transactional(async (trx) => {
    await conn.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY], 'all', trx);
    await orm.getMigrator().up({ transaction: trx });
  });
  return orm;
}

/** The PostgreSQL advisory lock held while migrating. */
const MIGRATION_LOCK_KEY = 72_617_353_810;

export { MikroORM };

/** The dialect an open ORM (or one of its entity managers) talks to. */
export function dialectOf(orm: { config: { get(key: 'driver'): unknown } }): Dialect {
  return (orm.config.get('driver') as unknown) === CrewdeskSqliteDriver ? 'sqlite' : 'postgresql';
}
