/**
 * Webhooks: admins register URLs for events; each event becomes one outbox row per subscribed
 * webhook (the delivery), which the dispatcher sends and which is also the delivery log.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import {
  CaseEventRecord,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type IStreamCursor,
  type IWebhook,
  type IWebhookAttempt,
  type IWebhookDelivery,
  StreamCursor,
  WEBHOOK_EVENTS,
  Webhook,
  WebhookAttempt,
  WebhookDelivery,
  type WebhookEventName,
} from '../db/entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { Actor } from './case.service.js';
import { checkWebhookUrl } from './webhooks-guard.js';

/** What an admin sets on a webhook. */
export interface WebhookInput {
  url?: string | null;
  events?: WebhookEventName[] | null;
  description?: string | null;
  enabled?: boolean | null;
}

/** An event as it is queued: its name, a key that identifies it, when it happened, and its data. */
export interface WebhookEvent {
  event: WebhookEventName;
  key: string;
  at: Date;
  data: Record<string, unknown>;
}

const MAX_WEBHOOKS = 50;
/** The stream cursor of the case events turned into deliveries. */
export const WEBHOOK_CURSOR = 'webhooks';

/** The cursor, created at the newest case event when missing: webhooks get events from now on, not history. */
export async function startCursor(tx: EntityManager): Promise<IStreamCursor> {
  const found = await tx.findOne(StreamCursor, { name: WEBHOOK_CURSOR });
  if (found) return found;
  const [last] = await tx.find(CaseEventRecord, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] });
  // The dispatcher may start it at the same moment: the first one wins.
  await tx
    .createQueryBuilder(StreamCursor)
    .insert({ name: WEBHOOK_CURSOR, position: last?.id ?? 0, updatedAt: new Date() })
    .onConflict('name')
    .ignore()
    .execute();
  return tx.findOneOrFail(StreamCursor, { name: WEBHOOK_CURSOR });
}

/** The body every delivery of an event carries (the same for each webhook). */
function deliveryBody(ev: WebhookEvent): string {
  return JSON.stringify({ id: ev.key, event: ev.event, createdAt: ev.at.toISOString(), data: ev.data });
}

/** Creates the webhook service. */
export function createWebhookService(deps: { orm: MikroORM; allowPrivate: boolean }) {
  const { orm } = deps;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };

  function checkEvents(events: readonly string[]): WebhookEventName[] {
    const unique = [...new Set(events)];
    if (!unique.length) throw new BadInputError('events must name at least one event', 'events');
    for (const e of unique)
      if (!WEBHOOK_EVENTS.includes(e as WebhookEventName))
        throw new BadInputError(`events: ${e} is not one of ${WEBHOOK_EVENTS.join(', ')}`, 'events');
    return unique as WebhookEventName[];
  }

  function checkDescription(d: string | null | undefined): string | null {
    const text = d?.trim() || null;
    if (text && text.length > 200) throw new BadInputError('description must be at most 200 characters', 'description');
    return text;
  }

  return {
    /** Calls `listener` after a webhook is created, changed or removed on this instance; returns the unsubscribe. */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Registers a webhook; the secret is returned here only. */
    async create(
      actor: Actor,
      input: WebhookInput & { url: string; events: WebhookEventName[] },
    ): Promise<{ webhook: IWebhook; secret: string }> {
      const url = await checkWebhookUrl(input.url, deps.allowPrivate);
      const events = checkEvents(input.events);
      const em = orm.em.fork();
      if ((await em.count(Webhook, {})) >= MAX_WEBHOOKS)
        throw new BadInputError(`at most ${MAX_WEBHOOKS} webhooks`, 'url');
      const secret = `whsec_${randomBytes(24).toString('base64url')}`;
      const webhook = em.create(Webhook, {
        id: randomUUID(),
        url,
        events,
        secret,
        description: checkDescription(input.description),
        enabled: input.enabled ?? true,
        consecutiveFailures: 0,
        disabledReason: null,
        createdBy: actor.id,
      });
      await em.flush();
      await startCursor(em);
      changed();
      return { webhook, secret };
    },

    /** Changes a webhook; enabling it again clears its failure count. */
    async update(id: string, input: WebhookInput): Promise<IWebhook> {
      const em = orm.em.fork();
      const w = await em.findOne(Webhook, { id });
      if (!w) throw new NotFoundError('Webhook', id, 'id');
      if (input.url) w.url = await checkWebhookUrl(input.url, deps.allowPrivate);
      if (input.events) w.events = checkEvents(input.events);
      if (input.description !== undefined) w.description = checkDescription(input.description);
      if (input.enabled === true && !w.enabled) {
        w.enabled = true;
        w.consecutiveFailures = 0;
        w.disabledReason = null;
      } else if (input.enabled === false) w.enabled = false;
      await em.flush();
      if (w.enabled) await startCursor(em);
      changed();
      return w;
    },

    /** Removes a webhook and its delivery log. */
    async remove(id: string): Promise<boolean> {
      const em = orm.em.fork();
      const w = await em.findOne(Webhook, { id });
      if (!w) throw new NotFoundError('Webhook', id, 'id');
      await em.nativeDelete(WebhookDelivery, { webhook: id });
      await em.removeAndFlush(w);
      changed();
      return true;
    },

    /** Every webhook, oldest first. */
    list(em: EntityManager): Promise<IWebhook[]> {
      return em.find(Webhook, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    },

    /** Deliveries, newest first (of one webhook, of one status). */
    deliveries(
      em: EntityManager,
      filter: { webhookId?: string | null; status?: DeliveryStatus | null; limit?: number | null },
    ): Promise<IWebhookDelivery[]> {
      if (filter.status && !DELIVERY_STATUSES.includes(filter.status))
        throw new BadInputError(`status must be one of ${DELIVERY_STATUSES.join(', ')}`, 'status');
      const limit = filter.limit ?? 50;
      if (limit < 1 || limit > 500) throw new BadInputError('limit must be 1 to 500', 'limit');
      return em.find(
        WebhookDelivery,
        {
          ...(filter.webhookId ? { webhook: filter.webhookId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
        },
        { orderBy: { createdAt: 'desc', id: 'asc' }, limit },
      );
    },

    /** The attempts of a delivery, in order. */
    attempts(em: EntityManager, deliveryId: string): Promise<IWebhookAttempt[]> {
      return em.find(WebhookAttempt, { delivery: deliveryId }, { orderBy: { attempt: 'asc' } });
    },

    /** Queues an event for every enabled webhook that subscribed to it (once per webhook and key). */
    async enqueue(em: EntityManager, events: WebhookEvent[]): Promise<number> {
      if (!events.length) return 0;
      const hooks = await em.find(Webhook, { enabled: true });
      const rows = events.flatMap((ev) =>
        hooks
          .filter((h) => h.events.includes(ev.event))
          .map((h) => ({
            id: randomUUID(),
            webhook: h.id,
            event: ev.event,
            eventKey: ev.key,
            body: deliveryBody(ev),
            status: 'PENDING' as const,
            attempts: 0,
            nextAttemptAt: new Date(),
            createdAt: new Date(),
          })),
      );
      if (!rows.length) return 0;
      await em.createQueryBuilder(WebhookDelivery).insert(rows).onConflict(['webhook', 'eventKey']).ignore().execute();
      return rows.length;
    },
  };
}

/** The webhook service. */
export type WebhookService = ReturnType<typeof createWebhookService>;
