/**
 * CSAT: a customer rates a resolved case (1-5 and a comment), once per resolution. The rating's
 * webhook outbox rows (csat.received) are written in its transaction, so none is lost to a crash.
 */
import { randomUUID } from 'node:crypto';
import { type EntityManager, type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/sqlite';
import { Case, CaseRating, type ICaseRating } from '../db/entities/index.js';
import { AppError, BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { type DeskEvent, topics } from '../events.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import type { Actor } from './case.service.js';
import { cleanMessage } from './input.js';
import type { WebhookService } from './webhooks.service.js';

/** Creates the CSAT service. */
export function createCsatService(deps: {
  orm: MikroORM;
  pubsub: PubSub;
  audit: AuditLog;
  webhooks: Pick<WebhookService, 'enqueue'>;
}) {
  return {
    /** Stores the case's customer's rating of its current resolution. */
    async rate(actor: Actor, caseId: string, score: number, comment?: string | null): Promise<ICaseRating> {
      if (!Number.isInteger(score) || score < 1 || score > 5) throw new BadInputError('score must be 1 to 5', 'score');
      const text = comment?.trim() ? cleanMessage(comment, 'comment', 2000) : null;
      const em = deps.orm.em.fork();
      const c = await em.findOne(Case, { id: caseId });
      if (!c) throw new NotFoundError('Case', caseId, 'caseId');
      if (actor.kind !== 'customer' || c.customer.id !== actor.id) {
        await deps.audit.record({
          category: 'security',
          type: 'forbidden',
          actorId: actor.id,
          actorRole: actor.role,
          caseId,
          customerId: c.customer.id,
          detail: { field: 'rateCase' },
        });
        throw new AppError('Only the case’s customer may rate it', 'FORBIDDEN');
      }
      if ((c.status !== 'RESOLVED' && c.status !== 'CLOSED') || !c.resolvedAt)
        throw new ConflictError('Only a resolved case can be rated');
      const resolvedAt = c.resolvedAt;
      let rating: ICaseRating;
      try {
        rating = await em.transactional(async (tx) => {
          const r = tx.create(CaseRating, {
            id: randomUUID(),
            case: c,
            customerId: actor.id,
            score,
            comment: text,
            resolvedAt,
            createdAt: new Date(),
          });
          await tx.flush();
          await deps.webhooks.enqueue(tx, [
            { event: 'csat.received', key: `csat:${r.id}`, at: r.createdAt, data: { caseId, score, comment: text } },
          ]);
          return r;
        });
      } catch (err) {
        if (err instanceof UniqueConstraintViolationException)
          throw new ConflictError('This resolution has already been rated');
        throw err;
      }
      deps.pubsub.publish<DeskEvent>(topics.desk, {
        type: 'CASE_RATED',
        caseId,
        at: rating.createdAt,
        score,
        comment: text,
      });
      return rating;
    },

    /** The rating of the case's current resolution, if any. */
    async ratingOf(em: EntityManager, c: { id: string; resolvedAt?: Date | null }): Promise<ICaseRating | null> {
      if (!c.resolvedAt) return null;
      return em.findOne(CaseRating, { case: c.id, resolvedAt: c.resolvedAt });
    },

    /** Every rating of a case, newest first. */
    ratings(em: EntityManager, caseId: string): Promise<ICaseRating[]> {
      return em.find(CaseRating, { case: caseId }, { orderBy: { createdAt: 'desc' } });
    },
  };
}

/** The CSAT service. */
export type CsatService = ReturnType<typeof createCsatService>;
