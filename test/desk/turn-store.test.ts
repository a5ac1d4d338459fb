import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Case, Message } from '../../server/db/entities/index.js';
import { CaseEventLog } from '../../server/desk/case-event-log.js';
import { NO_USAGE } from '../../server/desk/pricing.js';
import { createTurnStore, newMessage } from '../../server/desk/turn-store.js';
import { createPubSub } from '../../server/pubsub.js';
import { AuditLog } from '../../server/security/audit.js';
import { createTestDb } from '../helpers/app.js';

describe('turn store', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  /** A case with customer messages; returns their ids. */
  async function caseWith(id: string, messages: number): Promise<string[]> {
    const em = db.orm.em.fork();
    em.create(Case, { id, customer: 'cust-ava', subject: 'test', status: 'IN_PROGRESS', workState: 'RUNNING' });
    const ids = Array.from({ length: messages }, (_, i) => `${id}-m${i}`);
    for (const [i, mid] of ids.entries()) {
      const m = em.create(Message, {
        id: mid,
        case: id,
        authorKind: 'CUSTOMER',
        content: `question ${i}`,
        status: 'COMPLETE',
        answered: false,
      });
      m.createdAt = new Date(Date.now() + i);
    }
    await em.flush();
    return ids;
  }

  async function finishTurn(caseId: string, pendingIds: string[]) {
    const pubsub = createPubSub();
    const log = new CaseEventLog(db.orm, pubsub);
    const store = createTurnStore({ orm: db.orm, log, pubsub, audit: new AuditLog(db.orm, pubsub) });
    const routed = await store.route(caseId, {
      decision: {
        route: 'general',
        intent: 'order_status',
        confidence: 0.9,
        scores: [],
        reason: 'test',
        method: 'CLASSIFIER',
        parts: [],
      } as never,
      parts: [],
      route: 'general',
      handoffFrom: null,
      agentsOnDuty: ['general'],
      memory: { summarizedCount: 0 },
      message: newMessage('general'),
    });
    if (!routed.message) throw new Error('no message started');
    await store.finish(
      caseId,
      pendingIds,
      {
        message: routed.message,
        content: 'the answer',
        citations: [],
        toolCalls: [],
        usage: NO_USAGE,
        model: 'm',
        costUsd: 0,
        latencyMs: 1,
        timeToFirstTokenMs: null,
        handedTo: null,
      },
      { usage: NO_USAGE, costUsd: 0 },
    );
    await log.close();
    return db.orm.em.fork().findOneOrFail(Case, { id: caseId });
  }

  it('leaves the case IDLE when the turn answered every customer message', async () => {
    const ids = await caseWith('t-idle', 2);
    const c = await finishTurn('t-idle', ids);
    expect(c.workState).toBe('IDLE');
    expect(c.status).toBe('WAITING_ON_CUSTOMER');
  });

  it('puts the case back to QUEUED when a message arrived while the agents ran', async () => {
    const ids = await caseWith('t-queued', 2);
    const c = await finishTurn('t-queued', ids.slice(0, 1));
    expect(c.workState).toBe('QUEUED');
    const left = await db.orm.em.fork().find(Message, { case: 't-queued', answered: false });
    expect(left.map((m) => m.id)).toEqual([ids[1]]);
  });
});
