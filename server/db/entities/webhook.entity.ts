import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** The events a webhook may subscribe to. */
export const WEBHOOK_EVENTS = [
  'case.created',
  'case.updated',
  'message.created',
  'case.resolved',
  'sla.breached',
  'csat.received',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];
export const DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A URL an admin registered to receive signed event deliveries. */
export const Webhook = defineEntity({
  name: 'Webhook',
  tableName: 'webhooks',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    url: p.string().length(2000),
    events: p.json<WebhookEventName[]>(),
    /** The HMAC-SHA256 signing secret (shown once, when the webhook is created). */
    secret: p.string(),
    description: p.string().nullable(),
    enabled: p.boolean().default(true),
    /** Failed attempts since the last success; the webhook is disabled when it reaches the limit. */
    consecutiveFailures: p.integer().default(0),
    disabledReason: p.string().length(500).nullable(),
    createdBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IWebhook = InferEntity<typeof Webhook>;

/** One event for one webhook: the outbox row the dispatcher polls, and the delivery log. */
export const WebhookDelivery = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  uniques: [{ properties: ['webhook', 'eventKey'] }],
  indexes: [{ properties: ['status', 'nextAttemptAt'] }, { properties: ['webhook', 'createdAt'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    webhook: () => p.manyToOne(Webhook).deleteRule('cascade'),
    event: p.string(),
    /** Identifies the source event, so that one event is queued once per webhook. */
    eventKey: p.string(),
    /** The exact JSON body that is signed and sent. */
    body: p.text(),
    status: p.enum([...DELIVERY_STATUSES]).default('PENDING'),
    attempts: p.integer().default(0),
    /** When the dispatcher may next send it (also a lease while an attempt is in flight). */
    nextAttemptAt: p.datetime(),
    lastAttemptAt: p.datetime().nullable(),
    responseStatus: p.integer().nullable(),
    error: p.string().length(500).nullable(),
    deliveredAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IWebhookDelivery = InferEntity<typeof WebhookDelivery>;

/** One attempt to send a delivery: what the receiver answered (a snippet of the body only). */
export const WebhookAttempt = defineEntity({
  name: 'WebhookAttempt',
  tableName: 'webhook_attempts',
  indexes: [{ properties: ['delivery', 'attempt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    delivery: () => p.manyToOne(WebhookDelivery).deleteRule('cascade'),
    attempt: p.integer(),
    at: p.datetime(),
    ok: p.boolean(),
    responseStatus: p.integer().nullable(),
    responseSnippet: p.string().length(500).nullable(),
    error: p.string().length(500).nullable(),
    durationMs: p.integer(),
  },
});
export type IWebhookAttempt = InferEntity<typeof WebhookAttempt>;

/** A named position in a stored stream (the last case event the webhooks turned into deliveries). */
export const StreamCursor = defineEntity({
  name: 'StreamCursor',
  tableName: 'stream_cursors',
  properties: {
    name: p.string().primary(),
    position: p.bigint('number').default(0),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IStreamCursor = InferEntity<typeof StreamCursor>;
