import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Customer } from './customer.entity.js';

export const ACTION_KINDS = ['REFUND'] as const;
/** What an action would do. */
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'DECLINED',
  'IN_REVIEW',
  'APPROVED',
  'REJECTED',
  'EXECUTED',
] as const;
/** Where an action stands: proposed, decided by the customer, reviewed by an operator, carried out. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The policy's verdict on an action, as stored with it. */
export interface ActionVerdict {
  /** `consent`: the customer's yes carries it out; `review`: an operator must approve after the yes. */
  decision: 'consent' | 'review';
  reason: string;
  duplicateOf: string | null;
}

/**
 * An action that moves money or changes a contract, proposed by an agent and carried out only
 * after the case's customer (or an operator) says yes, and an operator approves when the policy asks.
 */
export const PendingAction = defineEntity({
  name: 'PendingAction',
  tableName: 'pending_actions',
  indexes: [{ properties: ['caseId', 'createdAt'] }, { properties: ['status', 'createdAt'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => `act_${randomUUID().replace(/-/g, '').slice(0, 16)}`),
    caseId: p.string(),
    customer: () => p.manyToOne(Customer).index(),
    kind: p.enum([...ACTION_KINDS]),
    paymentRef: p.string().nullable(),
    orderNumber: p.string().nullable(),
    invoiceNumber: p.string().nullable(),
    amountCents: p.integer(),
    currency: p.string(),
    reason: p.text(),
    verdict: p.json<ActionVerdict>(),
    status: p.enum([...ACTION_STATUSES]).default('PENDING'),
    /** Who said yes or no (the customer or an operator), and when. */
    decidedBy: p.string().nullable(),
    decidedAt: p.datetime().nullable(),
    /** The operator who approved or rejected it in review, when, and why. */
    reviewedBy: p.string().nullable(),
    reviewedAt: p.datetime().nullable(),
    reviewNote: p.text().nullable(),
    /** The refund row written when it was carried out. */
    refundId: p.string().nullable(),
    executedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IPendingAction = InferEntity<typeof PendingAction>;
