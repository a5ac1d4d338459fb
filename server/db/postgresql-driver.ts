/**
 * MikroORM's PostgreSQL driver (and with it `pg`), in a module of its own that `orm.ts` imports
 * only for a PostgreSQL target. Imported statically here, so the built bundle keeps the named
 * export (a dynamic import of a CommonJS package from the bundle would see only its default export).
 */
export { PostgreSqlDriver } from '@mikro-orm/postgresql';
