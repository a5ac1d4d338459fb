import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A security-relevant event (guardrail trip, injection attempt, ...); append-only. */
export const SecurityEvent = defineEntity({
  name: 'SecurityEvent',
  tableName: 'security_events',
  indexes: [{ properties: ['at'] }, { properties: ['caseId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    type: p.string(),
    caseId: p.string().nullable(),
    customerId: p.string().nullable(),
    detail: p.json<Record<string, unknown>>(),
    at: p.datetime(),
  },
});
export type ISecurityEvent = InferEntity<typeof SecurityEvent>;
