/**
 * Internal notes on a case: staff only. Stored apart from messages, so they are never in the
 * customer's view or stream and never in what a model is sent; announced on the staff desk stream.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { Case, CaseNote, type ICaseNote } from '../db/entities/index.js';
import { NotFoundError } from '../errors.js';
import { type DeskEvent, topics } from '../events.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import { maskCardNumbers } from '../security/card-numbers.js';
import type { Actor } from './case.service.js';
import { cleanMessage } from './input.js';
import { operatorName } from './operator-name.js';

/** Creates the note service. */
export function createNoteService(deps: { orm: MikroORM; pubsub: PubSub; audit: AuditLog; maxLength: number }) {
  return {
    /** Adds a note to a case. */
    async addNote(actor: Actor, caseId: string, body: string): Promise<ICaseNote> {
      const text = maskCardNumbers(cleanMessage(body, 'body', deps.maxLength)).text;
      const note = await deps.orm.em.fork().transactional(async (tx) => {
        const c = await tx.findOne(Case, { id: caseId });
        if (!c) throw new NotFoundError('Case', caseId, 'caseId');
        const n = tx.create(CaseNote, {
          id: randomUUID(),
          case: c,
          authorId: actor.id,
          authorName: await operatorName(tx, actor),
          body: text,
          createdAt: new Date(),
        });
        deps.audit.add(tx, {
          category: 'action',
          type: 'note_added',
          actorId: actor.id,
          actorRole: actor.role,
          caseId: c.id,
          customerId: c.customer.id,
          detail: { noteId: n.id },
        });
        return n;
      });
      deps.pubsub.publish<DeskEvent>(topics.desk, {
        type: 'NOTE_ADDED',
        caseId,
        at: note.createdAt,
        noteId: note.id,
        authorId: note.authorId,
        authorName: note.authorName,
        body: note.body,
      });
      return note;
    },

    /** A case's notes, oldest first. */
    notes(em: EntityManager, caseId: string): Promise<ICaseNote[]> {
      return em.find(CaseNote, { case: caseId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    },
  };
}

/** The note service. */
export type NoteService = ReturnType<typeof createNoteService>;
