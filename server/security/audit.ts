/** Writes the append-only audit trail and tells dashboards about security events. */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { type AuditCategory, AuditEvent, type IAuditEvent } from '../db/entities/index.js';
import { type DeskEvent, topics } from '../events.js';
import type { PubSub } from '../pubsub.js';

/** One entry of the trail. */
export interface AuditEntry {
  category: AuditCategory;
  type: string;
  actorId?: string | null;
  actorRole?: string | null;
  caseId?: string | null;
  customerId?: string | null;
  ip?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown>;
}

/** The audit trail. */
export class AuditLog {
  constructor(
    private readonly orm: MikroORM,
    private readonly pubsub: PubSub,
  ) {}

  /** Adds an entry inside a transaction of the caller (published by `announce` after commit). */
  add(tx: EntityManager, entry: AuditEntry): IAuditEvent {
    return tx.create(AuditEvent, {
      at: new Date(),
      category: entry.category,
      type: entry.type,
      actorId: entry.actorId ?? null,
      actorRole: entry.actorRole ?? null,
      caseId: entry.caseId ?? null,
      customerId: entry.customerId ?? null,
      ip: entry.ip ?? null,
      requestId: entry.requestId ?? null,
      detail: entry.detail ?? {},
    });
  }

  /** Stores an entry in its own transaction and announces security events. */
  async record(entry: AuditEntry): Promise<void> {
    const em = this.orm.em.fork();
    const row = this.add(em, entry);
    await em.flush();
    this.announce(row);
  }

  /** Publishes a stored security or auth entry on the desk stream (for staff dashboards). */
  announce(row: IAuditEvent): void {
    if (row.category === 'action') return;
    const ev: DeskEvent = {
      type: 'SECURITY_EVENT',
      at: row.at,
      category: row.category,
      event: row.type,
      caseId: row.caseId ?? null,
      actorId: row.actorId ?? null,
    };
    this.pubsub.publish(topics.desk, ev);
  }
}
