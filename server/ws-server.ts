/**
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's port, executed through Yoga's envelop
 * so that the same context, plugins and error masking apply. Connections are authenticated when
 * they open (token in connectionParams) and closed when the token expires; limits on connections
 * per identity, subscriptions per connection, the init wait and the message size.
 */
import type { IncomingMessage, Server } from 'node:http';
import { type DocumentNode, type execute as Execute, GraphQLError, type subscribe as Subscribe } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Identity, TokenError, type TokenService } from './auth/tokens.js';
import type { Config } from './config.js';
import { type CallerInfo, tokenOf } from './context.js';
import { createConnectionCounter } from './desk/connection-counter.js';
import type { ConnectionCounter } from './desk/ports.js';
import type { AuditLog } from './security/audit.js';
import { batchWritesPerTurn } from './ws-batching.js';

/** Close codes the server uses (1012 Service Restart: this instance stops, reconnect, to another one). */
export const CLOSE = { unauthorized: 4401, forbidden: 4403, tooManyConnections: 4429, serviceRestart: 1012 } as const;

interface ConnectionState {
  identity: Identity | null;
  ip: string;
  subscriptions: number;
  expiryTimer?: NodeJS.Timeout;
}

/** Headers of the upgrade request as a Headers-like reader. */
function headersOf(req: IncomingMessage): CallerInfo['headers'] {
  return {
    get(name: string) {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(', ') : (v ?? null);
    },
  };
}

/** Attaches graphql-ws to the server; returns a function that closes it. */
export function attachWebSocket(deps: {
  server: Server;
  // The server context app.ts gives Yoga; the user context is Yoga's default.
  yoga: YogaServerInstance<{ caller?: CallerInfo; req?: IncomingMessage; requestId?: string }, Record<never, never>>;
  tokens: TokenService;
  audit: AuditLog;
  config: Config;
  /** Connections per identity (in this process unless given). */
  connections?: ConnectionCounter;
  /** The client's address (TRUST_PROXY-aware); the socket's peer when not given. */
  clientAddress?: (req: IncomingMessage) => string;
}): {
  wss: WebSocketServer;
  /** Accepted connections open now, and the operations running on them. */
  stats(): { connections: number; subscriptions: number };
  /**
   * Closes every connection with 1012 (Service Restart), no operation completed first, so clients
   * reconnect (through the load balancer, to another instance) and resume; waits at most `waitMs`.
   */
  closeForRestart(waitMs: number): Promise<void>;
  dispose(): Promise<void>;
} {
  const { yoga, tokens, audit, config } = deps;
  const wss = new WebSocketServer({
    server: deps.server,
    path: yoga.graphqlEndpoint,
    maxPayload: config.WS_MAX_PAYLOAD_BYTES,
  });
  wss.on('connection', (ws, req) => batchWritesPerTurn(ws, req.socket));
  const connections = deps.connections ?? createConnectionCounter();
  const states = new WeakMap<WebSocket, ConnectionState>();
  const open = new Set<ConnectionState>();

  const disposable = useServer(
    {
      connectionInitWaitTimeout: config.WS_CONNECTION_INIT_TIMEOUT_MS,
      execute: (args) => (args.rootValue as { execute: typeof Execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof Subscribe }).subscribe(args),
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const ip = deps.clientAddress?.(ctx.extra.request) ?? ctx.extra.request.socket.remoteAddress ?? 'unknown';
        const token = tokenOf({ headers: headersOf(ctx.extra.request), connectionParams: ctx.connectionParams });
        let identity: Identity | null = null;
        if (token) {
          try {
            identity = await tokens.verify(token);
          } catch (err) {
            const reason = err instanceof TokenError ? err.reason : 'invalid';
            await audit.record({
              category: 'auth',
              type: 'auth_failed',
              ip,
              detail: { reason, transport: 'websocket' },
            });
            socket.close(CLOSE.unauthorized, `Unauthorized: ${err instanceof Error ? err.message : 'invalid token'}`);
            return false;
          }
        }
        if (identity) {
          if (!(await connections.acquire(identity.sub, config.WS_MAX_CONNECTIONS_PER_IDENTITY))) {
            await audit.record({
              category: 'security',
              type: 'ws_connection_limit',
              actorId: identity.sub,
              actorRole: identity.role,
              ip,
              detail: { max: config.WS_MAX_CONNECTIONS_PER_IDENTITY },
            });
            socket.close(CLOSE.tooManyConnections, 'Too many connections for this identity');
            return false;
          }
        }
        const state: ConnectionState = { identity, ip, subscriptions: 0 };
        if (identity) {
          // A long subscription ends when its token does.
          const ms = identity.exp * 1000 - Date.now();
          state.expiryTimer = setTimeout(
            () => socket.close(CLOSE.unauthorized, 'Unauthorized: token expired'),
            Math.max(0, ms),
          );
          state.expiryTimer.unref();
        }
        states.set(socket, state);
        open.add(state);
        return true;
      },
      onClose: (ctx) => {
        const state = states.get(ctx.extra.socket);
        if (!state) return;
        clearTimeout(state.expiryTimer);
        if (state.identity) void connections.release(state.identity.sub);
        states.delete(ctx.extra.socket);
        open.delete(state);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const state = states.get(ctx.extra.socket);
        if (!state) return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        if (state.subscriptions >= config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            new GraphQLError(`At most ${config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION} operations per connection`, {
              extensions: { code: 'RATE_LIMITED', retryAfter: 1 },
            }),
          ];
        }
        // Yoga's GraphiQL sends its headers with each operation (extensions.headers), not in connection_init:
        // on a connection opened without a token, they authenticate that operation (verified by the context).
        const opHeaders = payload.extensions?.headers;
        const perOperation = !state.identity && opHeaders !== null && typeof opHeaders === 'object';
        const caller: CallerInfo = {
          headers: headersOf(ctx.extra.request),
          connectionParams: perOperation ? (opHeaders as Record<string, unknown>) : ctx.connectionParams,
          ip: state.ip,
          identity: perOperation ? undefined : state.identity,
        };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          caller,
          request: { headers: caller.headers },
        });
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('Syntax error')];
        }
        const errors = validate(schema, document);
        if (errors.length) return errors;
        state.subscriptions++;
        return {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
      onComplete: (ctx) => {
        const state = states.get(ctx.extra.socket);
        if (state) state.subscriptions = Math.max(0, state.subscriptions - 1);
      },
    },
    wss,
  );

  return {
    wss,
    stats() {
      let subscriptions = 0;
      for (const s of open) subscriptions += s.subscriptions;
      return { connections: open.size, subscriptions };
    },
    async closeForRestart(waitMs) {
      const closing = [...wss.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            if (client.readyState === client.CLOSED) return resolve();
            client.once('close', () => resolve());
            client.close(CLOSE.serviceRestart, 'Service restart: reconnect');
          }),
      );
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(closing),
        new Promise((resolve) => {
          timer = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(timer);
      for (const client of wss.clients) client.terminate();
    },
    async dispose() {
      await disposable.dispose();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
