/**
 * The application: GraphQL over HTTP and SSE (Yoga) and WebSocket (graphql-ws) on one port,
 * the desk behind it, the database under it. Nothing happens until `start()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { MikroORM } from '@mikro-orm/sqlite';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as yogaMaskError } from 'graphql-yoga';
import { loadAgentsFile } from './agents/definitions/agents-file.js';
import { AGENTS } from './agents/definitions/index.js';
import { KnowledgeBase } from './agents/knowledge/knowledge-base.js';
import { loadClassifier, Router } from './agents/router/router.js';
import { resolveTokenOptions } from './auth/keys.js';
import { createTokenService } from './auth/tokens.js';
import { type Config, ROOT_DIR } from './config.js';
import { type CallerInfo, createContextFactory, requestIdOf } from './context.js';
import { inProcessCoordination } from './coordination.js';
import { createCustomerData } from './db/customer-data.repository.js';
import { createHttpCustomerData } from './db/http-customer-data.js';
import { createOrm } from './db/orm.js';
import { seedDemoData } from './db/seed/seed.js';
import { createDesk, type Desk } from './desk/desk.js';
import { DEFAULT_PRICES } from './desk/pricing.js';
import { AppError } from './errors.js';
import { recode, useInputErrorCodes } from './graphql-errors.js';
import { createHealthHandlers, databaseChecks } from './health.js';
import { createGraphiqlRoutes } from './http/graphiql.routes.js';
import { createGraphqlRunner } from './http/graphql-runner.js';
import { createReportRoutes } from './http/reports.routes.js';
import { createRestApi } from './http/rest-api.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, createMetricsHandler } from './metrics.js';
import { createEmbeddedProvider } from './providers/embedded/embedded.provider.js';
import type { PubSub } from './pubsub.js';
import { useOperationLog } from './request-log.js';
import { getSchema } from './schema/index.js';
import { createTokenDeltaShortcut } from './schema/token-delta-shortcut.js';
import { AuditLog } from './security/audit.js';
import { createClientAddress } from './security/client-address.js';
import { hardeningPlugins } from './security/hardening.js';
import { createRateLimiter } from './security/rate-limit.js';
import { useSharedEventExecution } from './shared-execution.js';
import { startTracing, type Tracing } from './tracing.js';
import { createWebAppHandler } from './web-app.js';
import { attachWebSocket } from './ws-server.js';

/** A started app. */
export interface RunningApp {
  url: string;
  wsUrl: string;
  port: number;
  desk: Desk;
  orm: MikroORM;
}

/** The app's lifecycle. */
export interface App {
  start(): Promise<RunningApp>;
  stop(): Promise<void>;
}

/** Maps domain errors to coded GraphQL errors; masks everything else (the operation log records it). */
export function createMaskError() {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof AppError) {
      const gql = error instanceof GraphQLError ? error : undefined;
      return new GraphQLError(original.message, {
        nodes: gql?.nodes,
        path: gql?.path,
        extensions: { code: original.code, ...original.extensions },
      });
    }
    if (error instanceof GraphQLError && !error.originalError) {
      // Yoga's CSRF check answers 403 without a code.
      if (!error.extensions?.code && error.extensions?.http && /CSRF/.test(error.message)) {
        return new GraphQLError(error.message, { extensions: { ...error.extensions, code: 'FORBIDDEN' } });
      }
      // graphql-armor throws its limit errors, so they arrive here rather than as validation results.
      return recode(error);
    }
    return yogaMaskError(error, message, false);
  };
}

/** Answers 404 with a small JSON body. */
function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: 'not found' }));
}

/** Creates the app from a parsed config (`webDir`: the built web app, client/web/dist by default). */
export function createApp(
  config: Config,
  opts: {
    logger?: Logger;
    webDir?: string /** Spans go here instead of OTLP (tests). */;
    traceExporter?: SpanExporter;
  } = {},
): App {
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL, config.LOG_FILE);
  let running: {
    server: Server;
    orm: MikroORM;
    desk: Desk;
    pubsub: PubSub;
    disposeWs: () => Promise<void>;
    closeWsForRestart: () => Promise<void>;
    closeCoordination: () => Promise<void>;
    tracing: Tracing;
  } | null = null;

  return {
    async start() {
      if (running) throw new Error('already started');
      // A bad agents file stops the start with every problem listed, before anything opens.
      const agents = config.agentsFile ? loadAgentsFile(config.agentsFile, AGENTS) : AGENTS;
      const tracing = await startTracing({
        endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
        exporter: opts.traceExporter,
      });
      const { options: tokenOptions, notice } = resolveTokenOptions(config);
      if (notice) logger.warn(notice);
      const tokens = createTokenService(tokenOptions);
      const orm = await createOrm(config.database);
      if (config.SEED_DEMO_DATA && (await seedDemoData(orm.em.fork()))) logger.info('seeded the demo company');
      const kb = new KnowledgeBase(config.knowledgeDir);
      const router = new Router(loadClassifier(config.routerModelPath), {
        confidenceThreshold: config.ROUTER_CONFIDENCE_THRESHOLD,
        lowConfidenceRoute: config.LOW_CONFIDENCE_ROUTE,
      });
      const prices = { ...DEFAULT_PRICES, ...config.PRICE_TABLE };
      const metrics = createMetrics({ prices });
      const embedded = metrics.instrument(
        createEmbeddedProvider({
          model: config.EMBEDDED_MODEL_NAME,
          company: config.COMPANY_NAME,
          classify: (t) => router.classify(t),
          chunkDelayMs: config.STREAM_CHUNK_DELAY_MS,
        }),
      );
      const llm =
        // The config refuses openai without a key; the check narrows the type. The SDK is loaded
        // only for this provider: the embedded default starts without it.
        config.provider === 'openai' && config.OPENAI_API_KEY
          ? metrics.instrument(
              (await import('./providers/openai/openai.provider.js')).createOpenAiProvider({
                apiKey: config.OPENAI_API_KEY,
                baseURL: config.OPENAI_BASE_URL,
                model: config.OPENAI_MODEL,
                maxRetries: config.OPENAI_MAX_RETRIES,
                firstTokenTimeoutMs: config.OPENAI_FIRST_TOKEN_TIMEOUT_MS,
                totalTimeoutMs: config.OPENAI_TIMEOUT_MS,
                limits: { requestsPerMinute: config.OPENAI_MAX_RPM, tokensPerMinute: config.OPENAI_MAX_TPM },
              }),
            )
          : null;
      const provider = llm ?? embedded;
      const agentModels: Record<string, string | undefined> = {
        billing: config.OPENAI_MODEL_BILLING,
        technical: config.OPENAI_MODEL_TECHNICAL,
        escalation: config.OPENAI_MODEL_ESCALATION,
        general: config.OPENAI_MODEL_GENERAL,
      };
      // In this process, or on Redis with REDIS_URL (events, limits, connection counts, work queue).
      const coordination = config.redis
        ? await (await import('./redis/redis-coordination.js')).createRedisCoordination(config.redis, config, logger)
        : inProcessCoordination();
      const { pubsub } = coordination;
      const audit = new AuditLog(orm, pubsub);
      const { companyApi } = config;
      const desk = createDesk({
        orm,
        pubsub,
        router,
        agents,
        // The company's JSON API for the kinds it has URLs for, the desk's database for the rest.
        customerData: companyApi
          ? (em, customerId, sql) => createHttpCustomerData(createCustomerData(em, customerId, sql), companyApi)
          : undefined,
        provider,
        kb,
        logger,
        options: {
          company: config.COMPANY_NAME,
          concurrency: config.workerConcurrency,
          maxTurns: config.AGENT_MAX_TURNS,
          maxMessageLength: config.MAX_MESSAGE_LENGTH,
          maxContextBytes: config.MAX_CONTEXT_BYTES,
          coalesceAfterMs: config.STREAM_COALESCE_AFTER_MS,
          sqliteDriver: config.SQLITE_DRIVER,
        },
        queue: coordination.queue,
        sequencer: coordination.sequencer,
        agentFigures: coordination.agentFigures,
        answering: {
          llm,
          fallback: llm && config.PROVIDER_FALLBACK === 'embedded' ? embedded : null,
          modelFor: (agent) => (llm ? (agentModels[agent] ?? config.OPENAI_MODEL) : embedded.model),
          routerModel: config.OPENAI_ROUTER_MODEL,
          routerMode: config.ROUTER,
          routerLlmThreshold: config.ROUTER_LLM_THRESHOLD,
          guardrails: config.GUARDRAILS,
          memoryTokens: config.MEMORY_TOKEN_BUDGET,
          caseTokenBudget: config.CASE_TOKEN_BUDGET,
          prices,
          audit,
        },
        webhooks: {
          allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
          timeoutMs: config.WEBHOOK_TIMEOUT_MS,
          pollMs: config.WEBHOOK_POLL_MS,
          retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
          retryMaxMs: config.WEBHOOK_RETRY_MAX_MS,
          maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
          disableAfter: config.WEBHOOK_DISABLE_AFTER,
        },
        slaPollMs: config.SLA_POLL_MS,
      });
      const makeContext = createContextFactory({
        orm,
        desk,
        config,
        logger,
        kb,
        audit,
        tokens,
        limiter: createRateLimiter({
          perMinute: config.RATE_LIMIT_PER_MINUTE,
          perOperation: config.RATE_LIMITS,
          store: coordination.limiterStore,
        }),
      });

      const graphiql = createGraphiqlRoutes(resolve(ROOT_DIR, 'client/graphiql/dist'));
      const clientAddress = createClientAddress(config.TRUST_PROXY);
      const yoga = createYoga<{ caller?: CallerInfo; req?: IncomingMessage; requestId?: string }>({
        schema: getSchema(),
        graphqlEndpoint: '/graphql',
        logging: false,
        batching: false,
        cors: config.CORS_ORIGINS.length
          ? { origin: config.CORS_ORIGINS, credentials: true, methods: ['GET', 'POST', 'OPTIONS'] }
          : false,
        maskedErrors: { maskError: createMaskError() },
        plugins: [
          useInputErrorCodes(),
          useOperationLog(),
          metrics.plugin(),
          ...hardeningPlugins(config),
          // Event fields resolve the same for every viewer of a role (no per-viewer field rules).
          useSharedEventExecution({
            viewerKey: (ctx) => (ctx as { identity?: { role: string } | null }).identity?.role ?? 'anonymous',
            // Token deltas with a selection of leaves skip the executor (same JSON).
            shortcut: createTokenDeltaShortcut(getSchema()),
          }),
        ],
        // crewdesk's own GraphiQL build (client/graphiql): tabs, headers and the Stream panel are in it.
        graphiql: config.graphiql ? { title: 'crewdesk' } : false,
        renderGraphiQL: () => graphiql.render(),
        // The context's fields go onto Yoga's own context object (see createContextFactory).
        context: (initial) => {
          const { request, caller, req, requestId } = initial;
          return makeContext(
            caller ?? { headers: request.headers, ip: req ? clientAddress(req) : 'unknown', requestId },
            initial,
          );
        },
      });

      const serveMetrics = createMetricsHandler({ metrics, tokens, metricsToken: config.METRICS_TOKEN, logger });
      const rest = createRestApi({ yoga, schema: getSchema(), config, logger });
      const reports = createReportRoutes({ runner: createGraphqlRunner(yoga) });
      const web = createWebAppHandler(opts.webDir ?? resolve(ROOT_DIR, 'client/web/dist'));
      const probes = createHealthHandlers([...databaseChecks(orm), ...coordination.checks], () => running === null);
      const server = createServer((req, res) => {
        const requestId = requestIdOf(req.headers['x-request-id'] as string | undefined);
        res.setHeader('x-request-id', requestId);
        const path = (req.url ?? '/').split('?')[0];
        if (path === '/metrics') {
          void serveMetrics(req, res);
          return;
        }
        if (path === '/health' || path === '/ready') {
          if (path === '/health') probes.health(req, res);
          else void probes.ready(req, res);
          return;
        }
        if (rest(req, res, requestId, () => notFound(res))) return;
        if (reports(req, res, requestId)) return;
        if (config.graphiql && graphiql.handle(req, res, () => notFound(res))) return;
        if (path !== '/graphql') {
          // Only the web app's own routes and files; anything else is a 404, never the app's HTML.
          if (web && (req.method === 'GET' || req.method === 'HEAD')) web(req, res, () => notFound(res));
          else notFound(res);
          return;
        }
        // Bodies are bounded before Yoga reads them.
        const length = Number(req.headers['content-length'] ?? 0);
        if (
          length > config.MAX_BODY_BYTES ||
          (req.method === 'POST' && req.headers['transfer-encoding'] && !req.headers['content-length'])
        ) {
          res.writeHead(length > config.MAX_BODY_BYTES ? 413 : 411, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              errors: [
                {
                  message:
                    length > config.MAX_BODY_BYTES
                      ? `Request body over ${config.MAX_BODY_BYTES} bytes`
                      : 'Send a Content-Length',
                  extensions: { code: 'BAD_REQUEST' },
                },
              ],
            }),
          );
          return;
        }
        void yoga(req, res, { req, requestId });
      });
      const ws = attachWebSocket({
        server,
        yoga,
        tokens,
        audit,
        config,
        clientAddress,
        connections: coordination.connections,
      });
      desk.metrics.observe((agent, outcome) => metrics.observeAgent(agent, outcome));
      metrics.watch({ orm, desk, ws: () => ws.stats() });

      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      running = {
        server,
        orm,
        desk,
        pubsub,
        disposeWs: () => ws.dispose(),
        closeWsForRestart: () => ws.closeForRestart(1000),
        closeCoordination: () => coordination.close(),
        tracing,
      };
      await desk.restoreMetrics();
      const resumed = await desk.resume();
      if (resumed) logger.info({ cases: resumed }, 'resumed unfinished cases');
      const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
      return { url: `http://${host}:${port}/graphql`, wsUrl: `ws://${host}:${port}/graphql`, port, desk, orm };
    },

    async stop() {
      if (!running) return;
      const r = running;
      running = null;
      // Stop taking requests and jobs (/ready fails from now), let agents finish or hand them back,
      // then close sockets with 1012 so clients reconnect elsewhere and resume (their streams are
      // not completed first), then the rest of the streams, the ORM and the coordination.
      const closed = new Promise<void>((resolve) => r.server.close(() => resolve()));
      await r.desk.stop(config.SHUTDOWN_TIMEOUT_MS);
      await r.closeWsForRestart();
      r.pubsub.closeAll();
      await r.disposeWs();
      r.server.closeAllConnections();
      await closed;
      await r.orm.close(true);
      await r.closeCoordination();
      await r.tracing.shutdown();
    },
  };
}
