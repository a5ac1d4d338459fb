/**
 * The desk: wires the event log, the case service, the work queue and the worker together,
 * resumes unfinished work at start, and stops cleanly.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import type { AgentDefinition } from '../agents/definitions/agent.js';
import { AGENTS } from '../agents/definitions/index.js';
import type { KnowledgeBase } from '../agents/knowledge/knowledge-base.js';
import type { Router } from '../agents/router/router.js';
import { TOOLS } from '../agents/tools/index.js';
import type { SqliteDriver } from '../config.js';
import type { CustomerDataFactory } from '../db/customer-data.js';
import { createCustomerData } from '../db/customer-data.repository.js';
import { Case, type CaseStatus } from '../db/entities/index.js';
import { type DeskEvent, topics } from '../events.js';
import type { Logger } from '../logger.js';
import type { LlmProvider } from '../providers/provider.js';
import type { PubSub, Subscription } from '../pubsub.js';
import { type ActionsService, createActionsService } from './actions.service.js';
import { AgentMetrics, type AgentStats } from './agent-metrics.js';
import { type CaseService, createCaseService } from './case.service.js';
import { CaseEventLog } from './case-event-log.js';
import { createCaseWorker } from './case-worker.js';
import type { CaseWorkerDeps } from './case-worker-deps.js';
import { createDeskOps, type DeskOps } from './desk-ops.js';
import type { CaseQueue, CaseSequencer, SequenceAllocator, SharedAgentFigures } from './ports.js';
import { createReportService, type ReportService } from './reports.service.js';
import { createSlaService, type SlaService } from './sla.service.js';
import { createSlaScheduler, type SlaScheduler } from './sla-scheduler.js';
import { createWebhookService, type WebhookService } from './webhooks.service.js';
import { createWebhookDispatcher, type WebhookDispatcher, type WebhookDispatchOptions } from './webhooks-dispatcher.js';
import { type CaseProcessor, WorkQueue } from './work-queue.js';

/** Settings the desk runs with. */
export interface DeskOptions {
  company: string;
  concurrency: number;
  maxTurns: number;
  maxMessageLength: number;
  maxContextBytes: number;
  /** A subscriber this many ms behind gets missed token deltas joined (0: never). */
  coalesceAfterMs: number;
  /** The driver of the hot path's statements on SQLite (node-sqlite3 unless said). */
  sqliteDriver?: SqliteDriver;
}

/** How agents are answered: providers, models, routing mode, guardrails, memory, budget, prices. */
export type AnsweringOptions = Pick<
  CaseWorkerDeps,
  | 'fallback'
  | 'llm'
  | 'modelFor'
  | 'routerModel'
  | 'routerMode'
  | 'routerLlmThreshold'
  | 'guardrails'
  | 'memoryTokens'
  | 'caseTokenBudget'
  | 'prices'
  | 'audit'
>;

/** The desk's status for dashboards. */
interface DeskStatus {
  agents: AgentStats[];
  queueDepth: number;
  activeRuns: number;
  casesByStatus: { status: CaseStatus; count: number }[];
  provider: string;
  model: string;
  /** The model each agent runs on, and the one for routing and guardrails. */
  models: { agent: string; model: string }[];
  routerModel: string | null;
  totalTokens: number;
  totalCostUsd: number;
  startedAt: Date;
  uptimeSeconds: number;
}

/** The running desk. */
export interface Desk {
  cases: CaseService;
  /** The company-data port for one customer (the desk's database, or the company's API). */
  customerData: CustomerDataFactory<EntityManager>;
  /** Proposed actions: the customer's yes or no, and the operators' review queue. */
  actions: ActionsService;
  log: CaseEventLog;
  metrics: AgentMetrics;
  /** Operators, notes, labels, canned responses, CSAT and search. */
  ops: DeskOps;
  /** Webhooks: the registrations and the outbox dispatcher. */
  webhooks: { service: WebhookService; dispatcher: WebhookDispatcher };
  /** SLA policies, business hours and the scheduler of warnings and breaches. */
  sla: { service: SlaService; scheduler: SlaScheduler };
  /** Reports from stored data. */
  reports: ReportService;
  /** Desk-wide events for dashboards. */
  deskEvents(): Subscription<DeskEvent>;
  /** Queues every case whose work was not finished (after a restart). */
  resume(): Promise<number>;
  /** Loads the agents' handled counts and timings from the stored answers (once, at start). */
  restoreMetrics(): Promise<void>;
  status(): Promise<DeskStatus>;
  /** The agents as data, each tool with its description. */
  agents(): AgentProfile[];
  stop(graceMs: number): Promise<void>;
}

/** An agent as the desk shows it. */
type AgentProfile = Omit<AgentDefinition, 'tools'> & { tools: { name: string; description: string }[] };

/** Creates the desk. */
export function createDesk(deps: {
  orm: MikroORM;
  pubsub: PubSub;
  router: Router;
  /** The company-data port (the desk's database unless given, e.g. the company's API). */
  customerData?: CustomerDataFactory<EntityManager>;
  /** The agents (the built-in four unless given, e.g. from AGENTS_FILE). */
  agents?: Record<AgentDefinition['name'], AgentDefinition>;
  provider: LlmProvider;
  kb: KnowledgeBase;
  logger: Logger;
  options: DeskOptions;
  answering: AnsweringOptions;
  /** Numbering of case events (blocks in the case row unless given). */
  sequences?: SequenceAllocator;
  /** Numbers and publishes case events in one order for every instance (this process alone unless given). */
  sequencer?: CaseSequencer;
  /** Per-agent figures of every instance (this process's alone unless given). */
  agentFigures?: SharedAgentFigures;
  /** The work queue (in this process unless given). */
  queue?: (worker: CaseProcessor) => CaseQueue;
  /** How webhooks are sent and retried. */
  webhooks: WebhookDispatchOptions;
  /** How often the SLA scheduler polls due times (ms). */
  slaPollMs: number;
}): Desk {
  const { orm, pubsub, logger, options } = deps;
  const agents = deps.agents ?? AGENTS;
  const customerData = deps.customerData ?? createCustomerData;
  const log = new CaseEventLog(orm, pubsub, {
    coalesceAfterMs: options.coalesceAfterMs,
    sqliteDriver: options.sqliteDriver,
    sequences: deps.sequences,
    sequencer: deps.sequencer,
  });
  const metrics = new AgentMetrics(Object.keys(agents));
  const startedAt = new Date();
  let accepting = true;
  const worker = createCaseWorker({
    orm,
    log,
    pubsub,
    router: deps.router,
    agents,
    customerData,
    provider: deps.provider,
    kb: deps.kb,
    metrics,
    sharedFigures: deps.agentFigures,
    logger,
    company: options.company,
    maxTurns: options.maxTurns,
    ...deps.answering,
  });
  const queue: CaseQueue =
    deps.queue?.(worker) ??
    new WorkQueue(options.concurrency, worker, (caseId, err, origin) =>
      logger.error({ err, caseId, requestId: origin?.requestId }, 'case processing failed'),
    );
  const cases = createCaseService({
    log,
    pubsub,
    enqueue: (caseId, priority, origin) => queue.enqueue(caseId, priority, origin),
    abortAgents: (caseId, reason) => queue.abort(caseId, reason),
    isAccepting: () => accepting,
    limits: { maxMessageLength: options.maxMessageLength, maxContextBytes: options.maxContextBytes },
    audit: deps.answering.audit,
    checkAssignee: (tx, assignee, actor, opts) => ops.operators.checkAssignee(tx, assignee, actor, opts),
  });
  const webhookService = createWebhookService({ orm, allowPrivate: deps.webhooks.allowPrivate });
  const ops = createDeskOps({
    orm,
    pubsub,
    audit: deps.answering.audit,
    logger,
    cases,
    maxMessageLength: options.maxMessageLength,
    // The scheduler is made below: by the time anyone searches, it is there.
    slaNow: () => sla.scheduler.now(),
    webhooks: webhookService,
  });
  ops.operators.start();
  const webhooks = {
    service: webhookService,
    dispatcher: createWebhookDispatcher({
      orm,
      pubsub,
      logger,
      webhooks: webhookService,
      options: deps.webhooks,
    }),
  };
  webhooks.dispatcher.start();
  const slaService = createSlaService({ orm });
  const sla = {
    service: slaService,
    scheduler: createSlaScheduler({ orm, pubsub, logger, sla: slaService, log, pollMs: deps.slaPollMs }),
  };
  sla.scheduler.start();

  const actions = createActionsService({ orm, log, audit: deps.answering.audit, customerData });

  return {
    cases,
    actions,
    customerData,
    ops,
    webhooks,
    sla,
    reports: createReportService({ sla: slaService }),
    log,
    metrics,
    deskEvents: () => pubsub.subscribe<DeskEvent>(topics.desk),
    async resume() {
      const rows = await orm.em
        .fork()
        .find(Case, { workState: { $in: ['QUEUED', 'RUNNING'] } }, { orderBy: { createdAt: 'asc' } });
      for (const c of rows) queue.enqueue(c.id, c.priority);
      return rows.length;
    },
    async restoreMetrics() {
      // One grouped query at start; crews' joint answers (billing+technical) are not split.
      const rows = await orm.em.getConnection().execute<
        {
          agent: string;
          handled: number;
          ttft_sum: number | null;
          ttft_n: number;
          total_sum: number | null;
          total_n: number;
        }[]
      >(
        `select agent_name as agent, count(*) as handled, sum(time_to_first_token_ms) as ttft_sum,
           count(time_to_first_token_ms) as ttft_n, sum(latency_ms) as total_sum, count(latency_ms) as total_n
         from messages where author_kind = 'AGENT' and status = 'COMPLETE' and agent_name is not null
         group by agent_name`,
      );
      const stored = rows
        .filter((r) => Object.hasOwn(agents, r.agent))
        .map((r) => ({
          agent: r.agent,
          handled: Number(r.handled),
          ttftSum: Number(r.ttft_sum ?? 0),
          ttftN: Number(r.ttft_n),
          totalSum: Number(r.total_sum ?? 0),
          totalN: Number(r.total_n),
        }));
      metrics.restore(stored);
      // Shared figures keep counting across restarts: only the first instance after Redis was empty adds them.
      await deps.agentFigures
        ?.seed(stored)
        .catch((err: unknown) => logger.warn({ err }, 'agent figures: stored answers not added in Redis'));
    },
    agents() {
      return Object.values(agents).map((a) => ({
        ...a,
        tools: a.tools.map((name) => ({ name, description: TOOLS[name]?.description ?? '' })),
      }));
    },
    async status() {
      const em = orm.em.fork();
      const conn = em.getConnection();
      const grouped = await conn.execute<{ status: CaseStatus; count: number }[]>(
        'select status, count(*) as count from cases group by status order by status',
      );
      const [totals] = await conn.execute<{ tokens: number | null; cost: number | null }[]>(
        'select sum(prompt_tokens + completion_tokens) as tokens, sum(cost_usd) as cost from cases',
      );
      // Desk-wide with a shared queue (BullMQ), else this process's.
      const wide = await queue.counts?.().catch(() => undefined);
      // Over every instance with shared figures (this process's if Redis cannot answer now).
      const names = Object.keys(agents);
      const figures = deps.agentFigures
        ? await deps.agentFigures.snapshot(names).catch(() => metrics.snapshot())
        : metrics.snapshot();
      return {
        agents: figures,
        queueDepth: wide?.waiting ?? queue.depth,
        activeRuns: wide?.active ?? queue.active,
        casesByStatus: grouped.map((g) => ({ status: g.status, count: Number(g.count) })),
        provider: deps.provider.name,
        model: deps.provider.model,
        models: Object.keys(agents).map((a) => ({
          agent: a,
          model: deps.answering.modelFor(a as AgentDefinition['name']),
        })),
        routerModel: deps.answering.llm ? deps.answering.routerModel : null,
        totalTokens: Number(totals?.tokens ?? 0),
        totalCostUsd: Math.round(Number(totals?.cost ?? 0) * 1e6) / 1e6,
        startedAt,
        uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      };
    },
    async stop(graceMs) {
      accepting = false;
      await queue.stop(graceMs);
      await ops.operators.stop();
      await sla.scheduler.stop();
      await webhooks.dispatcher.stop();
      await log.close();
    },
  };
}
