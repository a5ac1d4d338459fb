/**
 * The webhook dispatcher. It turns stored case events (read after a stored cursor, so a restart
 * misses none; SLA breaches among them) into outbox rows (ratings write theirs with the rating, see
 * csat.service), and polls the outbox for due rows: each is claimed, sent, logged, and on failure
 * retried with exponential backoff until it runs out of attempts; a webhook that keeps failing is
 * disabled. The desk stream only wakes it.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/sqlite';
import { CaseEventRecord, StreamCursor, Webhook, WebhookAttempt, WebhookDelivery } from '../db/entities/index.js';
import { type DeskEvent, topics } from '../events.js';
import type { Logger } from '../logger.js';
import type { PubSub, Subscription } from '../pubsub.js';
import { startCursor, WEBHOOK_CURSOR, type WebhookEvent, type WebhookService } from './webhooks.service.js';
import { sendWebhook } from './webhooks-sender.js';

/** How deliveries are sent and retried. */
export interface WebhookDispatchOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  /** Failed attempts in a row after which a webhook is disabled. */
  disableAfter: number;
}

const BATCH = 200;
const SEND_BATCH = 10;
const STOP_WAIT_MS = 3000;
const WAKE_DEBOUNCE_MS = 20;
const CASE_EVENT_TYPES = [
  'CASE_OPENED',
  'MESSAGE_ADDED',
  'MESSAGE_COMPLETED',
  'STATUS_CHANGED',
  'PRIORITY_CHANGED',
  'ASSIGNEE_CHANGED',
  'CASE_ESCALATED',
  'SLA_BREACHED',
];

/** The webhook events a stored case event stands for. */
function fromCaseEvent(row: {
  id: number;
  caseId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: Date;
}): WebhookEvent[] {
  const data = { caseId: row.caseId, seq: row.seq, type: row.type, ...row.payload };
  const ev = (event: WebhookEvent['event']): WebhookEvent => ({
    event,
    key: `case-event:${row.id}:${event}`,
    at: row.at,
    data,
  });
  switch (row.type) {
    case 'CASE_OPENED':
      return [ev('case.created')];
    case 'MESSAGE_ADDED':
    case 'MESSAGE_COMPLETED':
      return [ev('message.created')];
    case 'STATUS_CHANGED':
      return row.payload.to === 'RESOLVED' ? [ev('case.updated'), ev('case.resolved')] : [ev('case.updated')];
    case 'SLA_BREACHED':
      return [ev('sla.breached')];
    default:
      return [ev('case.updated')];
  }
}

/** The delay before retry number `attempt` (1 = the first retry): base·2^(attempt−1), capped, ±10 %. */
function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay * (0.9 + Math.random() * 0.2));
}

/** Creates the dispatcher (started by the desk). */
export function createWebhookDispatcher(deps: {
  orm: MikroORM;
  pubsub: PubSub;
  logger: Logger;
  webhooks: WebhookService;
  options: WebhookDispatchOptions;
}) {
  const { orm, options } = deps;
  let sub: Subscription<DeskEvent> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  /** Whether the last pass saw an enabled webhook: with none, desk events wake nothing (no per-case work). */
  let active = false;
  let soon: NodeJS.Timeout | null = null;
  let unwatch: (() => void) | null = null;

  /** Turns the case events after the cursor into deliveries and moves the cursor, in one transaction. */
  async function scan(): Promise<void> {
    await orm.em.fork().transactional(async (tx) => {
      let cursor = await tx.findOne(StreamCursor, { name: WEBHOOK_CURSOR });
      // With no enabled webhook nothing is read; the next one starts its cursor from then (webhooks.service).
      active = (await tx.count(Webhook, { enabled: true })) > 0;
      if (!active) {
        if (cursor) tx.remove(cursor);
        return;
      }
      cursor ??= await startCursor(tx);
      const rows = await tx.find(
        CaseEventRecord,
        { id: { $gt: cursor.position }, type: { $in: CASE_EVENT_TYPES } },
        { orderBy: { id: 'asc' }, limit: BATCH },
      );
      if (!rows.length) return;
      const events = rows.flatMap((r) =>
        fromCaseEvent({ id: r.id, caseId: r.case.id, seq: r.seq, type: r.type, payload: r.payload, at: r.at }),
      );
      await deps.webhooks.enqueue(tx, events);
      cursor.position = rows[rows.length - 1].id;
      if (rows.length === BATCH) again = true;
    });
  }

  /** Sends one claimed delivery and records the outcome. */
  async function deliver(id: string): Promise<void> {
    const em = orm.em.fork();
    const d = await em.findOne(WebhookDelivery, { id }, { populate: ['webhook'] });
    if (!d) return;
    const hook = d.webhook;
    const result = await sendWebhook({
      url: hook.url,
      body: d.body,
      secret: hook.secret,
      event: d.event,
      deliveryId: d.id,
      timeoutMs: options.timeoutMs,
      allowPrivate: options.allowPrivate,
    });
    const now = new Date();
    await em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(WebhookDelivery, { id });
      const w = await tx.findOneOrFail(Webhook, { id: hook.id });
      row.attempts += 1;
      row.lastAttemptAt = now;
      row.responseStatus = result.status;
      row.error = result.error?.slice(0, 500) ?? null;
      tx.create(WebhookAttempt, {
        delivery: row,
        attempt: row.attempts,
        at: now,
        ok: result.ok,
        responseStatus: result.status,
        responseSnippet: result.snippet?.slice(0, 500) ?? null,
        error: result.error?.slice(0, 500) ?? null,
        durationMs: result.durationMs,
      });
      if (result.ok) {
        row.status = 'SUCCEEDED';
        row.deliveredAt = now;
        w.consecutiveFailures = 0;
        return;
      }
      if (row.attempts >= options.maxAttempts) row.status = 'FAILED';
      else
        row.nextAttemptAt = new Date(
          now.getTime() + retryDelayMs(row.attempts, options.retryBaseMs, options.retryMaxMs),
        );
      w.consecutiveFailures += 1;
      if (w.enabled && w.consecutiveFailures >= options.disableAfter) {
        w.enabled = false;
        w.disabledReason =
          `disabled after ${w.consecutiveFailures} failed attempts in a row (last: ${row.error ?? 'failed'})`.slice(
            0,
            500,
          );
        deps.logger.warn({ webhookId: w.id }, 'webhook disabled after repeated failures');
      }
    });
  }

  /** Claims and sends the deliveries that are due (a claim is a lease: another instance skips it). */
  async function dispatchDue(): Promise<void> {
    const em = orm.em.fork();
    const now = new Date();
    const due = await em.find(
      WebhookDelivery,
      { status: 'PENDING', nextAttemptAt: { $lte: now }, webhook: { enabled: true } },
      { orderBy: { nextAttemptAt: 'asc' }, limit: SEND_BATCH, fields: ['id', 'nextAttemptAt'] },
    );
    const lease = new Date(now.getTime() + options.timeoutMs * 2 + 1000);
    const claimed: string[] = [];
    for (const d of due) {
      const n = await em.nativeUpdate(
        WebhookDelivery,
        { id: d.id, status: 'PENDING', nextAttemptAt: d.nextAttemptAt },
        { nextAttemptAt: lease },
      );
      if (n === 1) claimed.push(d.id);
    }
    await Promise.all(
      claimed.map((id) =>
        deliver(id).catch((err) => deps.logger.error({ err, deliveryId: id }, 'webhook delivery failed')),
      ),
    );
    if (due.length === SEND_BATCH) again = true;
  }

  async function tick(): Promise<void> {
    do {
      again = false;
      await scan();
      await dispatchDue();
    } while (again && !stopped);
  }

  /** Runs a pass now (or right after the one in progress). */
  function wake(): Promise<void> {
    if (running !== null) {
      again = true;
      return running;
    }
    running = tick()
      .catch((err) => deps.logger.error({ err }, 'webhook dispatch failed'))
      .finally(() => {
        running = null;
      });
    return running;
  }

  /** A pass shortly, once for a burst of desk events (busy desks batch their case events per pass). */
  function wakeSoon(): void {
    if (soon || stopped) return;
    soon = setTimeout(() => {
      soon = null;
      void wake();
    }, WAKE_DEBOUNCE_MS);
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void wake().finally(schedule);
    }, options.pollMs);
  }

  return {
    /** Starts listening and polling. */
    start(): void {
      if (!stopped) return;
      stopped = false;
      unwatch = deps.webhooks.onChange(() => void wake());
      const s = deps.pubsub.subscribe<DeskEvent>(topics.desk);
      sub = s;
      void (async () => {
        for await (const e of s) {
          // A rating or a breach has its outbox rows stored already: sent at once.
          if (e.type === 'CASE_RATED' || e.type === 'SLA_BREACHED') void wake();
          else if (active && (e.type === 'CASE_CREATED' || e.type === 'CASE_UPDATED')) wakeSoon();
        }
      })().catch((err) => deps.logger.error({ err }, 'webhook listener stopped'));
      void wake();
      schedule();
    },

    /** Runs one pass and waits for it (tests, and the first pass at start). */
    flush: wake,

    /** Stops polling and waits for the pass in flight. */
    async stop(): Promise<void> {
      stopped = true;
      sub?.close();
      sub = null;
      unwatch?.();
      unwatch = null;
      if (timer) clearTimeout(timer);
      if (soon) clearTimeout(soon);
      timer = null;
      soon = null;
      // Bounded: a pass stuck on a database that went away must not hold up the shutdown.
      await Promise.race([running?.catch(() => undefined), delay(STOP_WAIT_MS, undefined, { ref: false })]);
    },
  };
}

/** The webhook dispatcher. */
export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
