/** Writes the append-only audit trail and tells dashboards about security events. */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { type AuditCategory, AuditEvent, type IAuditEvent } from '../db/entities/index.js';
import type { Sql } from '../db/sql/sql-runner.js';
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

/** What `announce` needs of a stored entry. */
type Announced = Pick<IAuditEvent, 'at' | 'category' | 'type' | 'actorId' | 'caseId'>;

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

  /** Adds an entry inside a plain-SQL transaction of the caller (published by `announce` after commit). */
  async insert(q: Sql, entry: AuditEntry): Promise<Announced> {
    const row: Announced = {
      at: new Date(),
      category: entry.category,
      type: entry.type,
      actorId: entry.actorId ?? null,
      caseId: entry.caseId ?? null,
    };
    await q.run(
      'insert into audit_events (at, category, type, actor_id, actor_role, case_id, customer_id, ip, request_id, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        row.at,
        row.category,
        row.type,
        row.actorId,
        entry.actorRole ?? null,
        row.caseId,
        entry.customerId ?? null,
        entry.ip ?? null,
        entry.requestId ?? null,
        entry.detail ?? {},
      ],
    );
    return row;
  }

  /** Stores an entry in its own transaction and announces security events. */
  async record(entry: AuditEntry): Promise<void> {
    const em = this.orm.em.fork();
    const row = this.add(em, entry);
    await em.flush();
    this.announce(row);
  }

  /** Publishes a stored security or auth entry on the desk stream (for staff dashboards). */
  announce(row: Announced): void {
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
