/**
 * Case search for staff: full text over subjects and messages (SQLite FTS5, see the migration
 * that creates cases_fts and messages_fts), filters, and saved views per operator.
 */
import { randomUUID } from 'node:crypto';
import {
  type EntityManager,
  type FilterQuery,
  type MikroORM,
  UniqueConstraintViolationException,
} from '@mikro-orm/sqlite';
import {
  Case,
  CaseLabel,
  type CaseStatus,
  type ICase,
  type ISavedView,
  type Priority,
  type Route,
  SavedView,
} from '../db/entities/index.js';
import { BadInputError, ConflictError } from '../errors.js';
import { type Actor, type CasePage, decodeCursor, encodeCursor } from './case.service.js';
import { labelName } from './labels.service.js';
import { type SlaState, slaStateFilter } from './sla-state.js';

/** What a search asks for; every part is optional and they combine with AND. */
export interface CaseSearch {
  text?: string | null;
  assignee?: string | null;
  /** Only cases nobody is assigned to. */
  unassigned?: boolean | null;
  team?: string | null;
  label?: string | null;
  status?: CaseStatus[] | null;
  priority?: Priority[] | null;
  route?: Route[] | null;
  customerId?: string | null;
  emergency?: boolean | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  /** Where the case's SLA clock stands now (any of these). */
  slaState?: SlaState[] | null;
}

const MAX_MATCHES = 2000;

/** The words of what an operator typed (at most 12), or null when there are none. */
function wordsOf(text: string): string[] | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  return words?.length ? words.slice(0, 12) : null;
}

/** The FTS5 query (SQLite): every word must match, the last one as a prefix. */
function ftsQuery(words: string[]): string {
  const terms = words.map((w) => `"${w}"`);
  terms[terms.length - 1] += '*';
  return terms.join(' ');
}

/** The tsquery (PostgreSQL): every word must match, the last one as a prefix. */
function tsQuery(words: string[]): string {
  const terms = words.map((w) => `'${w.toLowerCase()}'`);
  terms[terms.length - 1] += ':*';
  return terms.join(' & ');
}

/** Creates the search service. */
export function createSearchService(deps: {
  orm: MikroORM;
  /** The desk's SLA clock (searches by SLA state are at its time). */
  now: () => Date;
}) {
  async function matching(em: EntityManager, text: string): Promise<string[]> {
    const words = wordsOf(text);
    if (!words) return [];
    const postgres = em.getPlatform().constructor.name.startsWith('PostgreSql');
    const rows = postgres
      ? await em.getConnection().execute<{ id: string }[]>(
          `select c.id as id from cases c where to_tsvector('simple', c.subject) @@ to_tsquery('simple', ?)
           union
           select m.case_id as id from messages m where to_tsvector('simple', m.content) @@ to_tsquery('simple', ?)
           limit ${MAX_MATCHES}`,
          [tsQuery(words), tsQuery(words)],
        )
      : await em.getConnection().execute<{ id: string }[]>(
          `select c.id as id from cases c where c.rowid in (select rowid from cases_fts where cases_fts match ? limit ${MAX_MATCHES})
           union
           select m.case_id as id from messages m where m.rowid in (select rowid from messages_fts where messages_fts match ? limit ${MAX_MATCHES})`,
          [ftsQuery(words), ftsQuery(words)],
        );
    return rows.map((r) => r.id);
  }

  async function where(em: EntityManager, s: CaseSearch): Promise<FilterQuery<ICase>> {
    const parts: FilterQuery<ICase>[] = [];
    if (s.text?.trim()) parts.push({ id: { $in: await matching(em, s.text) } });
    if (s.label) {
      const rows = await em.find(CaseLabel, { label: labelName(s.label, 'label') }, { fields: ['case'] });
      parts.push({ id: { $in: rows.map((r) => r.case.id) } });
    }
    if (s.assignee) parts.push({ assignee: s.assignee });
    if (s.unassigned) parts.push({ assignee: null });
    if (s.team) parts.push({ team: s.team });
    if (s.status?.length) parts.push({ status: { $in: s.status } });
    if (s.priority?.length) parts.push({ priority: { $in: s.priority } });
    if (s.route?.length) parts.push({ route: { $in: s.route } });
    if (s.customerId) parts.push({ customer: s.customerId });
    if (s.emergency !== null && s.emergency !== undefined) parts.push({ emergency: s.emergency });
    if (s.createdFrom) parts.push({ createdAt: { $gte: s.createdFrom } });
    if (s.createdTo) parts.push({ createdAt: { $lt: s.createdTo } });
    if (s.slaState?.length) parts.push(slaStateFilter(em, s.slaState, deps.now()));
    if (s.createdFrom && s.createdTo && s.createdFrom > s.createdTo)
      throw new BadInputError('createdFrom must be before createdTo', 'createdFrom');
    return parts.length ? { $and: parts } : {};
  }

  return {
    /** Cases matching a search, newest first, with keyset pagination. */
    async search(em: EntityManager, s: CaseSearch, first: number, after?: string | null): Promise<CasePage> {
      if (first < 1 || first > 100) throw new BadInputError('first must be between 1 and 100', 'first');
      if (s.text && s.text.length > 200) throw new BadInputError('text must be at most 200 characters', 'text');
      const filter = await where(em, s);
      const totalCount = await em.count(Case, filter);
      let page = filter;
      if (after) {
        const cur = decodeCursor(after);
        page = {
          $and: [filter, { $or: [{ createdAt: { $lt: cur.at } }, { createdAt: cur.at, id: { $lt: cur.id } }] }],
        };
      }
      const rows = await em.find(Case, page, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: first + 1 });
      const cases = rows.slice(0, first);
      const last = cases.at(-1);
      return { cases, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null, totalCount };
    },

    /** The caller's saved views, by name. */
    views(em: EntityManager, actor: Actor): Promise<ISavedView[]> {
      return em.find(SavedView, { operatorId: actor.id }, { orderBy: { name: 'asc' } });
    },

    /** Saves (or replaces, by name) one of the caller's views. */
    async saveView(actor: Actor, name: string, search: Record<string, unknown>): Promise<ISavedView> {
      const n = name.trim();
      if (!n || n.length > 60) throw new BadInputError('name must be 1-60 characters', 'name');
      const em = deps.orm.em.fork();
      const found = await em.findOne(SavedView, { operatorId: actor.id, name: n });
      if (found) found.filter = search;
      const row = found ?? em.create(SavedView, { id: randomUUID(), operatorId: actor.id, name: n, filter: search });
      try {
        await em.flush();
      } catch (err) {
        if (err instanceof UniqueConstraintViolationException) throw new ConflictError(`A view named ${n} exists`);
        throw err;
      }
      return row;
    },

    /** Deletes one of the caller's views; false when they have none with that id. */
    async deleteView(actor: Actor, id: string): Promise<boolean> {
      return (await deps.orm.em.fork().nativeDelete(SavedView, { id, operatorId: actor.id })) > 0;
    },
  };
}

/** The search service. */
export type SearchService = ReturnType<typeof createSearchService>;
