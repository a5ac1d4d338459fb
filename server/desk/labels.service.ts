/** Labels: the desk's label set (admins manage it) and the labels on each case. */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { Case, CaseLabel, type ILabel, Label } from '../db/entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { type DeskEvent, topics } from '../events.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import type { Actor } from './case.service.js';

/** A label as an admin defines it. */
export interface LabelInput {
  name: string;
  color?: string | null;
  description?: string | null;
}

/** The canonical form of a label name (lower case, trimmed); BAD_USER_INPUT when it is not one. */
export function labelName(raw: string, field = 'name'): string {
  const name = raw.trim().toLowerCase();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u.test(name))
    throw new BadInputError('a label is 1-40 letters, digits, spaces, - or _', field);
  return name;
}

/** Creates the label service. */
export function createLabelService(deps: { orm: MikroORM; pubsub: PubSub; audit: AuditLog }) {
  async function current(em: EntityManager, caseId: string): Promise<string[]> {
    const rows = await em.find(CaseLabel, { case: caseId }, { orderBy: { label: 'asc' } });
    return rows.map((r) => r.label.name);
  }

  async function change(actor: Actor, caseId: string, raw: string, add: boolean): Promise<string[]> {
    const name = labelName(raw, 'label');
    const em = deps.orm.em.fork();
    const labels = await em.transactional(async (tx) => {
      const c = await tx.findOne(Case, { id: caseId });
      if (!c) throw new NotFoundError('Case', caseId, 'caseId');
      if (!(await tx.findOne(Label, { name })))
        throw new BadInputError(`label ${name} is not in the label set`, 'label');
      const existing = await tx.findOne(CaseLabel, { case: caseId, label: name });
      if (add && !existing) tx.create(CaseLabel, { case: c, label: name, addedBy: actor.id, createdAt: new Date() });
      else if (!add && existing) tx.remove(existing);
      else return null;
      deps.audit.add(tx, {
        category: 'action',
        type: add ? 'label_added' : 'label_removed',
        actorId: actor.id,
        actorRole: actor.role,
        caseId,
        customerId: c.customer.id,
        detail: { label: name },
      });
      await tx.flush();
      return current(tx, caseId);
    });
    if (!labels) return current(em, caseId);
    deps.pubsub.publish<DeskEvent>(topics.desk, {
      type: 'LABELS_CHANGED',
      caseId,
      at: new Date(),
      labels,
      by: actor.id,
    });
    return labels;
  }

  return {
    /** The label set, by name. */
    labels(em: EntityManager): Promise<ILabel[]> {
      return em.find(Label, {}, { orderBy: { name: 'asc' } });
    },

    /** Creates or changes a label of the set. */
    async saveLabel(input: LabelInput): Promise<ILabel> {
      const name = labelName(input.name);
      if (input.color && !/^#[0-9a-fA-F]{6}$/.test(input.color))
        throw new BadInputError('color must be #rrggbb', 'color');
      if (input.description && input.description.length > 200)
        throw new BadInputError('description must be at most 200 characters', 'description');
      const em = deps.orm.em.fork();
      const label = await em.upsert(Label, {
        name,
        color: input.color ?? '#64748b',
        description: input.description ?? null,
        createdAt: new Date(),
      });
      return label;
    },

    /** Removes a label from the set and from every case. */
    async deleteLabel(raw: string): Promise<boolean> {
      const name = labelName(raw);
      const em = deps.orm.em.fork();
      return em.transactional(async (tx) => {
        await tx.nativeDelete(CaseLabel, { label: name });
        return (await tx.nativeDelete(Label, { name })) > 0;
      });
    },

    /** Adds a label of the set to a case; returns the case's labels. */
    addLabel: (actor: Actor, caseId: string, label: string) => change(actor, caseId, label, true),

    /** Removes a label from a case; returns the case's labels. */
    removeLabel: (actor: Actor, caseId: string, label: string) => change(actor, caseId, label, false),

    /** The labels of several cases in one query, by case id (cases without labels get none). */
    async labelsOfMany(em: EntityManager, caseIds: readonly string[]): Promise<Map<string, string[]>> {
      const rows = await em.find(CaseLabel, { case: { $in: [...caseIds] } }, { orderBy: { label: 'asc' } });
      const by = new Map<string, string[]>();
      for (const r of rows) {
        const id = (r.case as { id: string }).id;
        const list = by.get(id);
        if (list) list.push(r.label.name);
        else by.set(id, [r.label.name]);
      }
      return by;
    },
  };
}

/** The label service. */
export type LabelService = ReturnType<typeof createLabelService>;
