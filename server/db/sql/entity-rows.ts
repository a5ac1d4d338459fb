/**
 * An entity's scalar columns read in plain SQL (see sql-runner.ts) and decoded into a plain record
 * with the entity's property names, the way the ORM would hydrate them: dates from epoch
 * milliseconds (SQLite) or the driver's Date, JSON columns parsed when stored as text, booleans
 * from 0/1. Built once per entity from the ORM's metadata, so it follows the entities.
 * Relations (a record's `customer`) are left out.
 */
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import type { SqlRow } from './sql-runner.js';

/** Reads one entity's rows. */
export interface EntityRows<T> {
  /** `alias.column as prefixcolumn, ...`: the entity's scalar columns for a select list. */
  columns(alias: string, prefix?: string): string;
  /** The record in a row (its columns under `prefix`, as `columns` named them). */
  decode(row: SqlRow, prefix?: string): T;
}

type Decode = (v: unknown) => unknown;

const asDate: Decode = (v) => {
  if (v === null || v === undefined || v instanceof Date) return v ?? null;
  // Epoch milliseconds (SQLite), as a number or a string of digits; else a date string.
  return new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number));
};
// Text on SQLite; PostgreSQL's driver has parsed it already (the desk's JSON columns hold objects and arrays, never a bare string).
const asJson: Decode = (v) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null));
const asBoolean: Decode = (v) => (v === null || v === undefined ? null : Boolean(v));
const asIs: Decode = (v) => (v === undefined ? null : v);

function decoderOf(p: EntityProperty): Decode {
  const type = String(p.type).toLowerCase();
  if (p.runtimeType === 'Date' || type === 'date' || type === 'datetime') return asDate;
  if (type === 'jsontype' || type === 'json' || p.customType?.constructor?.name === 'JsonType') return asJson;
  if (p.runtimeType === 'boolean' || type === 'boolean') return asBoolean;
  return asIs;
}

const cache = new WeakMap<EntityMetadata, EntityRows<unknown>>();

/** The reader of an entity's rows (`meta`: the ORM's metadata of it). */
export function entityRows<T>(meta: EntityMetadata): EntityRows<T> {
  let rows = cache.get(meta);
  if (!rows) {
    const scalars = meta.props
      .filter((p) => p.kind === 'scalar' && p.persist !== false && p.fieldNames?.length === 1)
      .map((p) => ({ name: p.name, field: p.fieldNames[0], decode: decoderOf(p) }));
    rows = {
      columns: (alias, prefix = '') => scalars.map((s) => `${alias}."${s.field}" as "${prefix}${s.field}"`).join(', '),
      decode: (row, prefix = '') => {
        const out: Record<string, unknown> = {};
        for (const s of scalars) out[s.name] = s.decode(row[prefix + s.field]);
        return out;
      },
    };
    cache.set(meta, rows);
  }
  return rows as EntityRows<T>;
}
