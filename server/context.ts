/**
 * The one context factory for HTTP, SSE and WebSocket operations: its own em.fork() each time (made on first use),
 * the caller's identity from a JWT (never from the request body), the client's address and a
 * request id, and the operation rate limits.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import type { GraphQLResolveInfo } from 'graphql';
import type { KnowledgeBase } from './agents/knowledge/knowledge-base.js';
import { bearer, type Identity, TokenError, type TokenService } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Actor } from './desk/case.service.js';
import type { Desk } from './desk/desk.js';
import type { Logger } from './logger.js';
import type { AuditLog } from './security/audit.js';
import type { RateLimiter } from './security/rate-limit.js';
import { traceHeaders } from './tracing.js';

/** What every resolver receives. */
export interface GraphQLContext {
  em: EntityManager;
  desk: Desk;
  /** The signed-in caller, or null. */
  actor: Actor | null;
  identity: Identity | null;
  /** Why a token that was sent did not authenticate. */
  authError: TokenError | null;
  ip: string;
  requestId: string;
  /** The caller's W3C trace headers (`traceparent`), when it sent any: the case turn's trace continues it. */
  trace: Record<string, string> | undefined;
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  audit: AuditLog;
  tokens: TokenService;
  /** Counts a call of an operation for the caller (by identity, or by address when anonymous). */
  rateLimit(
    operation: string,
    info: GraphQLResolveInfo,
    args: Record<string, unknown>,
    by?: 'identity' | 'ip',
    max?: number,
  ): Promise<void>;
}

/** What the transports know about a caller. */
export interface CallerInfo {
  headers: { get(name: string): string | null };
  connectionParams?: Record<string, unknown>;
  ip: string;
  /** Already verified (WebSocket connections are authenticated when they open). */
  identity?: Identity | null;
  /** The id the HTTP server already gave this request (and sent back in `x-request-id`). */
  requestId?: string;
}

/** Shared parts the context is built from. */
export interface ContextDeps {
  orm: MikroORM;
  desk: Desk;
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  audit: AuditLog;
  tokens: TokenService;
  limiter: RateLimiter;
}

/** The actor a verified identity acts as. */
function actorOf(identity: Identity): Actor {
  return identity.role === 'customer'
    ? { kind: 'customer', id: identity.sub, role: 'customer', name: identity.name }
    : { kind: 'operator', id: identity.sub, role: identity.role, name: identity.name ?? identity.sub };
}

/** The token a caller sent: `Authorization: Bearer` over HTTP/SSE, `connectionParams` over WebSocket. */
export function tokenOf(caller: Pick<CallerInfo, 'headers' | 'connectionParams'>): string | null {
  // Header-style keys in any case (GraphiQL sends its headers as connectionParams).
  const p = Object.fromEntries(Object.entries(caller.connectionParams ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const fromParams =
    typeof p.authorization === 'string'
      ? (bearer(p.authorization) ?? p.authorization)
      : typeof p.token === 'string'
        ? p.token
        : null;
  return fromParams ?? bearer(caller.headers.get('authorization'));
}

/** A caller's `x-request-id` when it is a sensible id (up to 128 of [A-Za-z0-9._-]), else a new one. */
export function requestIdOf(given: string | null | undefined): string {
  return given && /^[A-Za-z0-9._-]{1,128}$/.test(given) ? given : randomUUID();
}

/** Creates the context factory. */
export function createContextFactory(deps: ContextDeps) {
  return async (caller: CallerInfo, target?: object): Promise<GraphQLContext> => {
    const requestId = caller.requestId ?? requestIdOf(caller.headers.get('x-request-id'));
    let identity: Identity | null = caller.identity ?? null;
    let authError: TokenError | null = null;
    if (caller.identity === undefined) {
      const token = tokenOf(caller);
      if (token) {
        try {
          identity = await deps.tokens.verify(token);
        } catch (err) {
          authError = err instanceof TokenError ? err : new TokenError('invalid token', 'invalid');
          await deps.audit.record({
            category: 'auth',
            type: 'auth_failed',
            ip: caller.ip,
            requestId,
            detail: { reason: authError.reason },
          });
        }
      }
    }
    const actor = identity ? actorOf(identity) : null;
    const ctx: Omit<GraphQLContext, 'em' | 'logger'> = {
      desk: deps.desk,
      actor,
      identity,
      authError,
      ip: caller.ip,
      requestId,
      trace: traceHeaders(caller.headers),
      config: deps.config,
      kb: deps.kb,
      audit: deps.audit,
      tokens: deps.tokens,
      async rateLimit(operation, info, args, by = 'identity', max) {
        const key = by === 'identity' && actor ? `id:${actor.id}` : `ip:${caller.ip}`;
        try {
          await deps.limiter.check(operation, key, info, args, max);
        } catch (err) {
          await deps.audit.record({
            category: 'security',
            type: 'rate_limited',
            actorId: actor?.id,
            actorRole: identity?.role,
            ip: caller.ip,
            requestId,
            detail: { operation },
          });
          throw err;
        }
      },
    };
    // The fork and the child logger are made when first used: a subscription that only streams
    // events from memory holds neither for its whole life. They are defined on `target` (the
    // object Yoga builds the context on) when given: Yoga copies the returned fields onto it with
    // Object.assign, which would read (and so make) them at once.
    const on = target ?? ctx;
    lazyField(on, 'em', () => deps.orm.em.fork());
    lazyField(on, 'logger', () => deps.logger.child({ requestId }));
    return ctx as GraphQLContext;
  };
}

/** Defines `key` on `obj` as a value made on first read (then kept as a plain property). */
function lazyField<T>(obj: object, key: string, make: () => T): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(obj, key, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
  });
}
