/** Sessions and the audit trail: guest sessions, who am I, and the audit log for admins. */
import { randomUUID } from 'node:crypto';
import { AUDIT_CATEGORIES, AuditEvent, Customer, type IAuditEvent } from '../db/entities/index.js';
import { BadInputError } from '../errors.js';
import { builder, me, tokenExpiry } from './builder.js';

const GuestSession = builder.simpleObject('GuestSession', {
  description: 'A short-lived customer token for an anonymous visitor',
  fields: (t) => ({ token: t.string(), expiresAt: t.field({ type: 'DateTime' }), customerId: t.id() }),
});

const Viewer = builder.simpleObject('Viewer', {
  fields: (t) => ({
    id: t.id(),
    role: t.string(),
    name: t.string({ nullable: true }),
    expiresAt: t.field({ type: 'DateTime' }),
  }),
});

const AuditCategoryEnum = builder.enumType('AuditCategory', {
  values: AUDIT_CATEGORIES.map((c) => c.toUpperCase()) as ['AUTH', 'SECURITY', 'ACTION'],
});

const AuditEventType = builder.objectRef<IAuditEvent>('AuditEvent').implement({
  description: 'An entry of the append-only audit trail',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    category: t.field({ type: AuditCategoryEnum, resolve: (e) => e.category.toUpperCase() as 'AUTH' }),
    type: t.exposeString('type'),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorRole: t.exposeString('actorRole', { nullable: true }),
    caseId: t.exposeID('caseId', { nullable: true }),
    customerId: t.exposeID('customerId', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
    detail: t.field({ type: 'JSON', resolve: (e) => e.detail }),
  }),
});

const AuditPage = builder.simpleObject('AuditEventPage', {
  fields: (t) => ({
    events: t.field({ type: [AuditEventType] }),
    endCursor: t.string({ nullable: true }),
    hasNextPage: t.boolean(),
  }),
});

const AuditFilterInput = builder.inputType('AuditFilterInput', {
  fields: (t) => ({
    category: t.field({ type: [AuditCategoryEnum], required: false }),
    type: t.string({ required: false }),
    caseId: t.id({ required: false }),
    actorId: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  startGuestSession: t.field({
    type: GuestSession,
    description: 'Gives an anonymous visitor a short-lived customer token for a fresh guest id (limited per address)',
    resolve: async (_r, _a, ctx, info) => {
      await ctx.rateLimit('startGuestSession', info, {}, 'ip', ctx.config.GUEST_SESSIONS_PER_MINUTE);
      const id = `guest-${randomUUID()}`;
      ctx.em.create(Customer, { id, name: 'Guest', isGuest: true, externalRef: null });
      await ctx.em.flush();
      const { token, expiresAt } = ctx.tokens.sign(
        { sub: id, role: 'customer', name: 'Guest' },
        ctx.config.GUEST_TOKEN_TTL_SEC,
      );
      await ctx.audit.record({
        category: 'auth',
        type: 'token_issued',
        actorId: id,
        actorRole: 'customer',
        customerId: id,
        ip: ctx.ip,
        requestId: ctx.requestId,
        detail: { kind: 'guest', expiresAt: expiresAt.toISOString() },
      });
      return { token, expiresAt, customerId: id };
    },
  }),
}));

builder.queryFields((t) => ({
  me: t.field({
    type: Viewer,
    description: 'Who the token says you are',
    authScopes: { authenticated: true },
    resolve: (_r, _a, ctx) => {
      const actor = me(ctx);
      return {
        id: actor.id,
        role: actor.role,
        name: actor.name ?? null,
        expiresAt: new Date(tokenExpiry(ctx) * 1000),
      };
    },
  }),
  auditEvents: t.field({
    type: AuditPage,
    description: 'The audit trail, newest first (admins only)',
    authScopes: { admin: true },
    args: {
      filter: t.arg({ type: AuditFilterInput, required: false }),
      first: t.arg.int({ required: false, defaultValue: 50 }),
      after: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 1 || first > 200) throw new BadInputError('first must be between 1 and 200', 'first');
      const f = args.filter ?? {};
      const where: Record<string, unknown> = {};
      if (f.category?.length) where.category = { $in: f.category.map((c) => c.toLowerCase()) };
      if (f.type) where.type = f.type;
      if (f.caseId) where.caseId = String(f.caseId);
      if (f.actorId) where.actorId = f.actorId;
      if (args.after) {
        const before = Number(Buffer.from(args.after, 'base64url').toString());
        if (!Number.isInteger(before)) throw new BadInputError('after is not a valid cursor', 'after');
        where.id = { $lt: before };
      }
      const rows = await ctx.em.find(AuditEvent, where, { orderBy: { id: 'desc' }, limit: first + 1 });
      const events = rows.slice(0, first);
      const last = events.at(-1);
      return {
        events,
        hasNextPage: rows.length > first,
        endCursor: last ? Buffer.from(String(last.id)).toString('base64url') : null,
      };
    },
  }),
}));
