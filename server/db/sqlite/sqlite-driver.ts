/**
 * MikroORM's SQLite driver with one fix: 6.6.16 reads back an enum's check constraint with only its
 * first and last values (mikro-orm/mikro-orm#8139, fixed after 6.6.16), so every schema diff wanted
 * to rebuild the tables with enums — and a rebuilt `audit_events` loses its append-only triggers.
 * This reads every quoted value, as MikroORM 7 does.
 */
import type { Configuration } from '@mikro-orm/core';
import { AbstractSqlDriver, SqliteConnection, SqlitePlatform, SqliteSchemaHelper } from '@mikro-orm/sqlite';

type Ctx = Parameters<SqliteSchemaHelper['getEnumDefinitions']>[4];

class EnumSafeSqliteSchemaHelper extends SqliteSchemaHelper {
  override async getEnumDefinitions(
    connection: SqliteConnection,
    _checks: unknown,
    tableName: string,
    _schemaName?: string,
    ctx?: Ctx,
  ): Promise<Record<string, string[]>> {
    const sql = 'select sql from sqlite_master where type = ? and name = ?';
    const table = await connection.execute<{ sql: string }>(sql, ['table', tableName], 'get', ctx);
    const enums: Record<string, string[]> = {};
    // `name` text check (`name` in ('a', 'b', 'c'))
    for (const m of table.sql.matchAll(
      /[`["']([^`\]"']+)[`\]"'] text check \([^(]* in \(((?:'(?:[^']|'')*'\s*,?\s*)+)\)/gi,
    )) {
      enums[m[1]] = [...m[2].matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1].replace(/''/g, "'"));
    }
    return enums;
  }
}

class EnumSafeSqlitePlatform extends SqlitePlatform {
  protected override readonly schemaHelper: SqliteSchemaHelper = new EnumSafeSqliteSchemaHelper(this);
}

/** The SQLite driver whose schema diff reads enum columns correctly. */
export class CrewdeskSqliteDriver extends AbstractSqlDriver<SqliteConnection, EnumSafeSqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new EnumSafeSqlitePlatform(), SqliteConnection, ['knex', 'sqlite3']);
  }
}
