/** Webhooks (admins): registrations, the signing secret (shown once) and the delivery log. */
import {
  DELIVERY_STATUSES,
  type IWebhook,
  type IWebhookAttempt,
  type IWebhookDelivery,
  WEBHOOK_EVENTS,
  type WebhookEventName,
} from '../db/entities/index.js';
import { builder, me } from './builder.js';

/** GraphQL names of the webhook events (case.created → CASE_CREATED). */
const EVENT_VALUES = Object.fromEntries(
  WEBHOOK_EVENTS.map((e) => [e.replace('.', '_').toUpperCase(), { value: e, description: `\`${e}\`` }]),
) as Record<string, { value: WebhookEventName; description: string }>;

const WebhookEventEnum = builder.enumType('WebhookEvent', {
  description: 'An event a webhook can receive (the `event` of the delivered JSON is the dotted name)',
  values: EVENT_VALUES,
});
const DeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', { values: [...DELIVERY_STATUSES] as const });

const WebhookType = builder.objectRef<IWebhook>('Webhook').implement({
  description: 'A URL that receives signed POSTs for the events it subscribed to',
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    events: t.field({ type: [WebhookEventEnum], resolve: (w) => w.events }),
    description: t.exposeString('description', { nullable: true }),
    enabled: t.exposeBoolean('enabled'),
    consecutiveFailures: t.exposeInt('consecutiveFailures', { description: 'Failed attempts since the last success' }),
    disabledReason: t.exposeString('disabledReason', { nullable: true }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.field({ type: 'DateTime', resolve: (w) => w.createdAt }),
  }),
});

const WebhookAttemptType = builder.objectRef<IWebhookAttempt>('WebhookAttempt').implement({
  description: 'One attempt to send a delivery (a snippet of the answer only)',
  fields: (t) => ({
    attempt: t.exposeInt('attempt'),
    at: t.field({ type: 'DateTime', resolve: (a) => a.at }),
    ok: t.exposeBoolean('ok'),
    responseStatus: t.exposeInt('responseStatus', { nullable: true }),
    responseSnippet: t.exposeString('responseSnippet', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    durationMs: t.exposeInt('durationMs'),
  }),
});

const WebhookDeliveryType = builder.objectRef<IWebhookDelivery>('WebhookDelivery').implement({
  description: 'One event for one webhook: queued, retried with backoff, then succeeded or failed',
  fields: (t) => ({
    id: t.exposeID('id'),
    webhookId: t.id({ resolve: (d) => d.webhook.id }),
    event: t.field({ type: WebhookEventEnum, resolve: (d) => d.event as WebhookEventName }),
    status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts'),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
    }),
    lastAttemptAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.lastAttemptAt ?? null }),
    responseStatus: t.exposeInt('responseStatus', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.deliveredAt ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (d) => d.createdAt }),
    body: t.exposeString('body', { description: 'The signed JSON body' }),
    attemptLog: t.field({
      type: [WebhookAttemptType],
      resolve: (d, _a, ctx) => ctx.desk.webhooks.service.attempts(ctx.em, d.id),
    }),
  }),
});

const WebhookCreatedType = builder.simpleObject('WebhookCreated', {
  fields: (t) => ({
    webhook: t.field({ type: WebhookType }),
    secret: t.string({ description: 'The signing secret: shown here only, keep it' }),
  }),
});

const WebhookInput = builder.inputType('WebhookInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'http(s) URL; private and loopback addresses are refused' }),
    events: t.field({ type: [WebhookEventEnum], required: true }),
    description: t.string({ required: false }),
  }),
});

const WebhookUpdateInput = builder.inputType('WebhookUpdateInput', {
  fields: (t) => ({
    url: t.string({ required: false }),
    events: t.field({ type: [WebhookEventEnum], required: false }),
    description: t.string({ required: false }),
    enabled: t.boolean({ required: false, description: 'true re-enables a disabled webhook and clears its failures' }),
  }),
});

builder.queryFields((t) => ({
  webhooks: t.field({
    type: [WebhookType],
    description: 'The registered webhooks (admins)',
    authScopes: { admin: true },
    resolve: (_r, _a, ctx) => ctx.desk.webhooks.service.list(ctx.em),
  }),
  webhookDeliveries: t.field({
    type: [WebhookDeliveryType],
    description: 'The delivery log, newest first (admins)',
    authScopes: { admin: true },
    args: {
      webhookId: t.arg.id({ required: false }),
      status: t.arg({ type: DeliveryStatusEnum, required: false }),
      limit: t.arg.int({ required: false, description: '1-500, default 50' }),
    },
    resolve: (_r, args, ctx) =>
      ctx.desk.webhooks.service.deliveries(ctx.em, {
        webhookId: args.webhookId ? String(args.webhookId) : null,
        status: args.status,
        limit: args.limit,
      }),
  }),
}));

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: WebhookCreatedType,
    description: 'Registers a webhook (admins); returns its signing secret once',
    authScopes: { admin: true },
    args: { input: t.arg({ type: WebhookInput, required: true }) },
    resolve: async (_r, { input }, ctx, info) => {
      await ctx.rateLimit('createWebhook', info, { input });
      return ctx.desk.webhooks.service.create(me(ctx), {
        url: input.url,
        events: input.events,
        description: input.description,
      });
    },
  }),
  updateWebhook: t.field({
    type: WebhookType,
    description: 'Changes a webhook: URL, events, description, enabled (admins)',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: WebhookUpdateInput, required: true }) },
    resolve: async (_r, { id, input }, ctx, info) => {
      await ctx.rateLimit('updateWebhook', info, { id, input });
      return ctx.desk.webhooks.service.update(String(id), input);
    },
  }),
  deleteWebhook: t.boolean({
    description: 'Removes a webhook and its delivery log (admins)',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx, info) => {
      await ctx.rateLimit('deleteWebhook', info, args);
      return ctx.desk.webhooks.service.remove(String(args.id));
    },
  }),
}));
