import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const AUDIT_CATEGORIES = ['auth', 'security', 'action'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

/**
 * The audit trail: auth failures, probes, rate-limit hits, guardrail and injection trips,
 * operator actions, status changes, token issuance. Append-only (the database refuses updates
 * and deletes; no API writes it).
 */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  indexes: [{ properties: ['at'] }, { properties: ['caseId'] }, { properties: ['category', 'at'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.datetime(),
    category: p.enum([...AUDIT_CATEGORIES]),
    type: p.string(),
    actorId: p.string().nullable(),
    actorRole: p.string().nullable(),
    caseId: p.string().nullable(),
    customerId: p.string().nullable(),
    ip: p.string().nullable(),
    requestId: p.string().nullable(),
    detail: p.json<Record<string, unknown>>(),
  },
});
export type IAuditEvent = InferEntity<typeof AuditEvent>;
