/** The Pothos builder: non-null fields by default, scope-based auth, DateTime and JSON scalars. */
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import type { GraphQLContext } from '../context.js';
import type { Actor } from '../desk/case.service.js';
import { AppError } from '../errors.js';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  AuthScopes: { authenticated: boolean; customer: boolean; staff: boolean; admin: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ScopeAuthPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      authenticated: !!ctx.actor,
      customer: ctx.actor?.role === 'customer',
      staff: ctx.actor?.role === 'operator' || ctx.actor?.role === 'admin',
      admin: ctx.actor?.role === 'admin',
    }),
    unauthorizedError: (_parent, ctx, info) => {
      if (!ctx.actor) {
        return new AppError(
          ctx.authError
            ? `Not signed in: ${ctx.authError.message}`
            : 'Not signed in: send a token (Authorization: Bearer …)',
          'UNAUTHENTICATED',
        );
      }
      void ctx.audit
        .record({
          category: 'security',
          type: 'forbidden',
          actorId: ctx.actor.id,
          actorRole: ctx.actor.role,
          ip: ctx.ip,
          requestId: ctx.requestId,
          detail: { field: `${info.parentType.name}.${info.fieldName}` },
        })
        .catch((err) => ctx.logger.error({ err }, 'audit write failed'));
      return new AppError(`Your role (${ctx.actor.role}) may not use ${info.fieldName}`, 'FORBIDDEN');
    },
  },
});

/** The signed-in caller (fields that call this are guarded by an auth scope). */
export function me(ctx: GraphQLContext): Actor {
  if (!ctx.actor) throw new AppError('Not signed in', 'UNAUTHENTICATED');
  return ctx.actor;
}

/** When the caller's token expires, in seconds since the epoch (for guarded fields, like `me`). */
export function tokenExpiry(ctx: GraphQLContext): number {
  if (!ctx.identity) throw new AppError('Not signed in', 'UNAUTHENTICATED');
  return ctx.identity.exp;
}

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
