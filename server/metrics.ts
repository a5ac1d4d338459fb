/**
 * Prometheus metrics for `GET /metrics` (prom-client, one registry per app): GraphQL operations,
 * cases by status and route, agent timings, the work queue, provider calls, tokens and cost,
 * WebSocket connections and subscriptions, and the process defaults (event-loop lag among them).
 * The desk and the providers know nothing of this module: it observes them from the outside.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/sqlite';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { bearer, type Identity, type TokenService } from './auth/tokens.js';
import type { PriceTable } from './config.js';
import type { AgentOutcome } from './desk/agent-metrics.js';
import type { Desk } from './desk/desk.js';
import { costOf } from './desk/pricing.js';
import type { Logger } from './logger.js';
import type { ChatRequest, LlmProvider, ProviderEvent, ProviderUsage } from './providers/provider.js';
import { errorCode, operationName } from './request-log.js';

/** Distinct operation names kept as labels; clients choose names, so later ones count as "other". */
const MAX_OPERATION_NAMES = 200;

/** What the scrape reads from the running app. */
interface MetricSources {
  orm: MikroORM;
  desk: Pick<Desk, 'status'>;
  ws: () => { connections: number; subscriptions: number };
}

/** A structured completion as the openai provider offers it (for counting only). */
type Complete = (req: { model: string; signal?: AbortSignal }) => Promise<{ usage: ProviderUsage }>;

/** The app's metrics. */
export interface AppMetrics {
  readonly registry: Registry;
  /** The Yoga plugin that counts and times operations. */
  plugin(): Plugin;
  /** Records a finished agent run (an AgentMetrics observer). */
  observeAgent(agent: string, outcome: AgentOutcome): void;
  /** The same provider, counting its calls, errors, tokens and cost. */
  instrument<P extends LlmProvider>(provider: P): P;
  /** Where gauges are read from on each scrape. */
  watch(sources: MetricSources): void;
  /** The exposition text, after reading the gauges. */
  scrape(): Promise<string>;
}

/** Creates the registry and its metrics (and starts the process default metrics on it). */
export function createMetrics(opts: { prices: PriceTable }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const operations = new Counter({
    name: 'crewdesk_graphql_operations_total',
    help: 'GraphQL operations by operation name and result code (OK, or the first error code)',
    labelNames: ['operation', 'code'] as const,
    registers,
  });
  const operationSeconds = new Histogram({
    name: 'crewdesk_graphql_operation_duration_seconds',
    help: 'Execution time of GraphQL queries and mutations',
    labelNames: ['operation', 'code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const cases = new Gauge({
    name: 'crewdesk_cases',
    help: 'Cases by status and route (route "none" before routing), read from the database on scrape',
    labelNames: ['status', 'route'] as const,
    registers,
  });
  const agentRuns = new Counter({
    name: 'crewdesk_agent_runs_total',
    help: 'Finished agent runs by agent and outcome (ok or error)',
    labelNames: ['agent', 'outcome'] as const,
    registers,
  });
  const firstToken = new Histogram({
    name: 'crewdesk_agent_time_to_first_token_seconds',
    help: 'Time from an agent starting to its first streamed token',
    labelNames: ['agent'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60],
    registers,
  });
  const fullAnswer = new Histogram({
    name: 'crewdesk_agent_time_to_answer_seconds',
    help: 'Time from an agent starting to its finished answer',
    labelNames: ['agent'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60, 120, 300],
    registers,
  });
  const queueDepth = new Gauge({ name: 'crewdesk_queue_depth', help: 'Cases waiting for an agent', registers });
  const activeRuns = new Gauge({ name: 'crewdesk_active_runs', help: 'Cases being answered now', registers });
  const providerCalls = new Counter({
    name: 'crewdesk_provider_calls_total',
    help: 'Calls to the model provider (kind: stream for answers, complete for routing and guardrails)',
    labelNames: ['provider', 'model', 'kind'] as const,
    registers,
  });
  const providerErrors = new Counter({
    name: 'crewdesk_provider_errors_total',
    help: 'Failed provider calls by reason (rate_limited, timeout, server_error, stream_cut, ...); aborts not counted',
    labelNames: ['provider', 'model', 'kind', 'reason'] as const,
    registers,
  });
  const providerTokens = new Counter({
    name: 'crewdesk_provider_tokens_total',
    help: 'Tokens the provider reported, by type (prompt or completion)',
    labelNames: ['provider', 'model', 'type'] as const,
    registers,
  });
  const providerCost = new Counter({
    name: 'crewdesk_provider_cost_usd_total',
    help: 'Cost of the reported tokens in USD, from the price table (0 for models without a price)',
    labelNames: ['provider', 'model'] as const,
    registers,
  });
  const wsConnections = new Gauge({
    name: 'crewdesk_ws_connections',
    help: 'Open, accepted WebSocket connections',
    registers,
  });
  const wsSubscriptions = new Gauge({
    name: 'crewdesk_ws_subscriptions',
    help: 'Operations running over WebSocket connections (subscriptions, mostly)',
    registers,
  });

  const names = new Set<string>();
  const operationLabel = (name: string | null): string => {
    if (!name) return 'anonymous';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };
  const codeOf = (errors: readonly GraphQLError[] | undefined): string =>
    errors?.length ? errorCode(errors[0]) : 'OK';

  const countUsage = (provider: string, model: string, usage: ProviderUsage) => {
    providerTokens.inc({ provider, model, type: 'prompt' }, usage.promptTokens);
    providerTokens.inc({ provider, model, type: 'completion' }, usage.completionTokens);
    providerCost.inc({ provider, model }, costOf(opts.prices, model, usage));
  };
  const countError = (provider: string, model: string, kind: string, err: unknown) => {
    const reason = (err as { kind?: unknown } | null)?.kind;
    providerErrors.inc({ provider, model, kind, reason: typeof reason === 'string' ? reason : 'error' });
  };

  let sources: MetricSources | null = null;

  return {
    registry,
    plugin() {
      return {
        onExecute({ args }) {
          const started = performance.now();
          const operation = operationLabel(operationName(args));
          return {
            onExecuteDone({ result }) {
              // Incremental delivery (defer/stream) is not enabled; count only single results.
              if (!('errors' in result) && !('data' in result)) return;
              const code = codeOf((result as { errors?: readonly GraphQLError[] }).errors);
              operations.inc({ operation, code });
              operationSeconds.observe({ operation, code }, (performance.now() - started) / 1000);
            },
          };
        },
        onSubscribe({ args }) {
          const operation = operationLabel(operationName(args));
          return {
            onSubscribeResult({ result }) {
              const errors =
                Symbol.asyncIterator in result ? undefined : (result as { errors?: readonly GraphQLError[] }).errors;
              operations.inc({ operation, code: codeOf(errors) });
            },
            onSubscribeError({ error }) {
              operations.inc({ operation, code: codeOf([error as GraphQLError]) });
            },
          };
        },
      };
    },
    observeAgent(agent, outcome) {
      agentRuns.inc({ agent, outcome: outcome.ok ? 'ok' : 'error' });
      if (!outcome.ok) return;
      if (outcome.timeToFirstTokenMs !== null) firstToken.observe({ agent }, outcome.timeToFirstTokenMs / 1000);
      fullAnswer.observe({ agent }, outcome.latencyMs / 1000);
    },
    instrument<P extends LlmProvider>(provider: P): P {
      // Everything else (name, model, …) is read through the prototype.
      const wrapped = Object.create(provider) as P;
      wrapped.stream = async function* (req: ChatRequest, signal?: AbortSignal): AsyncIterable<ProviderEvent> {
        providerCalls.inc({ provider: provider.name, model: req.model, kind: 'stream' });
        try {
          for await (const event of provider.stream(req, signal)) {
            if (event.type === 'usage') countUsage(provider.name, req.model, event.usage);
            yield event;
          }
        } catch (err) {
          if (!signal?.aborted) countError(provider.name, req.model, 'stream', err);
          throw err;
        }
      };
      const complete = (provider as { complete?: Complete }).complete;
      if (typeof complete === 'function') {
        const counted: Complete = async (req) => {
          providerCalls.inc({ provider: provider.name, model: req.model, kind: 'complete' });
          try {
            const result = await complete.call(provider, req);
            countUsage(provider.name, req.model, result.usage);
            return result;
          } catch (err) {
            if (!req.signal?.aborted) countError(provider.name, req.model, 'complete', err);
            throw err;
          }
        };
        Object.assign(wrapped, { complete: counted });
      }
      return wrapped;
    },
    watch(s) {
      sources = s;
    },
    async scrape() {
      if (sources) {
        const rows = await sources.orm.em
          .fork()
          .getConnection()
          .execute<{ status: string; route: string | null; count: number }[]>(
            'select status, route, count(*) as count from cases group by status, route',
          );
        cases.reset();
        for (const r of rows) cases.set({ status: r.status, route: r.route ?? 'none' }, Number(r.count));
        const status = await sources.desk.status();
        queueDepth.set(status.queueDepth);
        activeRuns.set(status.activeRuns);
        const ws = sources.ws();
        wsConnections.set(ws.connections);
        wsSubscriptions.set(ws.subscriptions);
      }
      return registry.metrics();
    },
  };
}

/** Compares secrets in constant time (digests, so lengths do not leak either). */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

function answer(res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ error }));
}

/**
 * The `GET /metrics` handler: an admin's JWT or `Authorization: Bearer <METRICS_TOKEN>`;
 * 401 without a valid token, 403 for a valid token of another role.
 */
export function createMetricsHandler(deps: {
  metrics: AppMetrics;
  tokens: TokenService;
  metricsToken?: string;
  logger: Logger;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'method not allowed', { allow: 'GET' });
    const token = bearer(req.headers.authorization);
    const challenge = { 'www-authenticate': 'Bearer' };
    if (!token) return answer(res, 401, 'unauthorized', challenge);
    if (!deps.metricsToken || !sameSecret(token, deps.metricsToken)) {
      let identity: Identity;
      try {
        identity = await deps.tokens.verify(token);
      } catch {
        return answer(res, 401, 'unauthorized', challenge);
      }
      if (identity.role !== 'admin') return answer(res, 403, 'forbidden');
    }
    try {
      const text = await deps.metrics.scrape();
      res.writeHead(200, { 'content-type': deps.metrics.registry.contentType, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
    } catch (err) {
      deps.logger.error({ err }, 'metrics scrape failed');
      answer(res, 500, 'metrics unavailable');
    }
  };
}
