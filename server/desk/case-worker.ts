/**
 * Works one case: triage (route, priority, crew; a model for unsure cases in hybrid mode),
 * guardrails, the agent run(s) with tokens streamed as case events, then the stored answer with
 * its usage and cost, and the case's next state. Falls back or escalates when the provider fails,
 * stops at the case's token budget, and parks cleanly when the desk stops.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { type AgentRunResult, runAgent, TokenBudgetExceededError } from '../agents/agent-runner.js';
import { AGENTS, type AgentDefinition } from '../agents/definitions/index.js';
import { refusal, runGuardrails } from '../agents/guardrails.js';
import type { KnowledgeBase } from '../agents/knowledge/knowledge-base.js';
import { extractiveSummary, trimHistory } from '../agents/memory.js';
import { routeWithLlm } from '../agents/router/llm-router.js';
import type { Router, RoutingDecision, RoutingPart } from '../agents/router/router.js';
import type { DeskActions } from '../agents/tools/index.js';
import type { PriceTable } from '../config.js';
import { createCustomerData } from '../db/customer-data.repository.js';
import { Case, type Citation, type ICase, Message, type ToolCallRecord } from '../db/entities/index.js';
import { type DeskEvent, topics } from '../events.js';
import type { Logger } from '../logger.js';
import { type OpenAiProvider, ProviderError } from '../providers/openai/openai.provider.js';
import type { LlmProvider, ProviderUsage } from '../providers/provider.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import type { AgentMetrics } from './agent-metrics.js';
import { maxPriority, publishCaseUpdate, toMessageView } from './case.service.js';
import type { CaseEventLog, RecordEvent } from './case-event-log.js';
import { costOf } from './pricing.js';

/** What the worker needs. */
export interface CaseWorkerDeps {
  orm: MikroORM;
  log: CaseEventLog;
  pubsub: PubSub;
  router: Router;
  kb: KnowledgeBase;
  metrics: AgentMetrics;
  logger: Logger;
  company: string;
  maxTurns: number;
  /** The provider that answers. */
  provider: LlmProvider;
  /** Answers instead when the provider fails (null: escalate to a human instead). */
  fallback: LlmProvider | null;
  /** The model API for routing and guardrails (null on the embedded path). */
  llm: OpenAiProvider | null;
  modelFor(agent: AgentName): string;
  routerModel: string;
  routerMode: 'embedded' | 'llm' | 'hybrid';
  routerLlmThreshold: number;
  guardrails: boolean;
  memoryTokens: number;
  /** Most tokens a case may spend (0: no limit). */
  caseTokenBudget: number;
  prices: PriceTable;
  audit: AuditLog;
}

type AgentName = AgentDefinition['name'];
const EXPLICIT: Record<string, AgentName> = {
  BILLING: 'billing',
  TECHNICAL: 'technical',
  ESCALATION: 'escalation',
  GENERAL: 'general',
};
const HANDOFF_CONFIDENCE = 0.75;
const AGENT_TITLES = Object.fromEntries(Object.values(AGENTS).map((a) => [a.name, a.title]));
const NO_USAGE: ProviderUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

/** Usage and cost spent outside the answer (routing, guardrails). */
interface Overhead {
  usage: ProviderUsage;
  costUsd: number;
}

function addUsage(a: ProviderUsage, b: ProviderUsage): ProviderUsage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}

/** Creates the function the work queue runs for each case. */
export function createCaseWorker(deps: CaseWorkerDeps) {
  const { orm, log, pubsub, router } = deps;

  function publishAgentStatus(agent: string): void {
    const s = deps.metrics.of(agent);
    const ev: DeskEvent = {
      type: 'AGENT_STATUS',
      at: new Date(),
      agent,
      active: s.active,
      handled: s.handled,
      errors: s.errors,
    };
    pubsub.publish(topics.desk, ev);
  }

  /** Escalation as tools and failures use it. */
  function deskActions(caseId: string): DeskActions {
    return {
      async escalate(reason, priority) {
        const c = await log.transaction(caseId, async (tx, record) => {
          const c = await tx.findOneOrFail(Case, { id: caseId });
          const to = maxPriority(c.priority, priority);
          if (to !== c.priority) {
            record(c, { type: 'PRIORITY_CHANGED', from: c.priority, to, by: 'agent' });
            c.priority = to;
          }
          if (c.status !== 'ESCALATED') {
            record(c, { type: 'STATUS_CHANGED', from: c.status, to: 'ESCALATED', by: 'agent' });
            c.status = 'ESCALATED';
          }
          record(c, { type: 'CASE_ESCALATED', reason, by: 'agent', priority: c.priority });
          return c;
        });
        publishCaseUpdate(pubsub, c);
        return { status: c.status, priority: c.priority };
      },
    };
  }

  /** Decides who answers: explicit type, emergency, follow-up stickiness, or the router. */
  function triage(
    c: ICase,
    request: string,
  ): { decision: RoutingDecision; parts: RoutingPart[]; handoffFrom: string | null } {
    const d = router.route(request);
    const isFollowUp = !!c.agentName;
    if (c.emergency) {
      return {
        decision: {
          ...d,
          route: 'escalation',
          method: 'RULE',
          reason: `emergency flagged by the customer; ${d.reason}`,
          emergency: true,
          priority: 'URGENT',
        },
        parts: [],
        handoffFrom: null,
      };
    }
    if (!isFollowUp && EXPLICIT[c.requestType]) {
      const route = EXPLICIT[c.requestType];
      const intent = d.route === route ? d.intent : route;
      return {
        decision: {
          ...d,
          route,
          intent,
          method: 'EXPLICIT',
          reason: `request type ${c.requestType} chosen by the customer (classifier said ${d.route})`,
        },
        parts: [],
        handoffFrom: null,
      };
    }
    if (isFollowUp && c.route) {
      const current = c.route as AgentName;
      const clearlyElsewhere =
        d.route !== current &&
        (d.method === 'RULE' ||
          (d.method === 'CLASSIFIER' &&
            d.confidence >= HANDOFF_CONFIDENCE &&
            !['small_talk', 'out_of_scope'].includes(d.intent)));
      if (!clearlyElsewhere) {
        return {
          decision: {
            ...d,
            route: current,
            intent: d.route === current ? d.intent : (c.intent ?? d.intent),
            method: 'FOLLOW_UP',
            reason: `follow-up stays with ${current} (classifier: ${d.route} ${d.confidence.toFixed(2)})`,
          },
          parts: [],
          handoffFrom: null,
        };
      }
      return { decision: d, parts: [], handoffFrom: current };
    }
    const wantsCrew = c.requestType === 'COMPLEX' || d.parts.length >= 2;
    return { decision: d, parts: wantsCrew && d.parts.length >= 2 ? d.parts : [], handoffFrom: null };
  }

  /** Asks the model to route when the mode says so (always in llm mode; when unsure in hybrid). */
  async function maybeRouteWithLlm(
    c: ICase,
    request: string,
    decision: RoutingDecision,
    parts: RoutingPart[],
    overhead: Overhead,
    signal: AbortSignal,
  ): Promise<{ decision: RoutingDecision; parts: RoutingPart[] }> {
    if (!deps.llm || deps.routerMode === 'embedded' || c.agentName || c.emergency) return { decision, parts };
    if (decision.method !== 'CLASSIFIER' && decision.method !== 'LOW_CONFIDENCE') return { decision, parts };
    if (parts.length >= 2) return { decision, parts };
    if (deps.routerMode === 'hybrid' && decision.confidence >= deps.routerLlmThreshold) return { decision, parts };
    try {
      const r = await routeWithLlm(
        deps.llm,
        deps.routerModel,
        deps.company,
        request,
        router.classifier.intents,
        signal,
      );
      overhead.usage = addUsage(overhead.usage, r.usage);
      overhead.costUsd += costOf(deps.prices, deps.routerModel, r.usage);
      return {
        decision: {
          ...decision,
          route: r.route,
          intent: r.intent,
          confidence: r.confidence,
          method: 'LLM',
          needsHuman: false,
          reason: `${r.reason} (classifier: ${decision.route} ${decision.confidence.toFixed(2)})`,
        },
        parts: [],
      };
    } catch (err) {
      if (signal.aborted) throw err;
      deps.logger.warn({ err, caseId: c.id }, 'model routing failed; keeping the classifier’s route');
      return { decision, parts };
    }
  }

  return async function processCase(caseId: string, signal: AbortSignal): Promise<void> {
    const em = orm.em.fork();
    const c = await em.findOne(Case, { id: caseId }, { populate: ['customer'] });
    if (!c) return;
    const pending = await em.find(
      Message,
      { case: caseId, authorKind: 'CUSTOMER', answered: false },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    if (pending.length === 0 || c.status === 'CLOSED' || c.assignee) {
      // Nothing to answer, or a human owns the case now.
      await em.nativeUpdate(Case, { id: caseId }, { workState: 'IDLE' });
      return;
    }
    const pendingIds = pending.map((m) => m.id);
    if (deps.caseTokenBudget > 0 && c.promptTokens + c.completionTokens >= deps.caseTokenBudget) {
      await stopForBudget(caseId, pendingIds, null, `the case has used its ${deps.caseTokenBudget}-token budget`);
      return;
    }
    const request = pending.map((m) => m.content).join('\n\n');
    const memory = await buildMemory(c, new Set(pendingIds));
    const overhead: Overhead = { usage: { ...NO_USAGE }, costUsd: 0 };
    const triaged = triage(c, request);
    const { decision, parts } = await maybeRouteWithLlm(c, request, triaged.decision, triaged.parts, overhead, signal);
    const handoffFrom = triaged.handoffFrom && triaged.handoffFrom !== decision.route ? triaged.handoffFrom : null;
    const route = decision.route as AgentName;
    const agentsOnDuty = parts.length ? parts.map((p) => p.route as AgentName) : [route];
    const guardModel = deps.llm && deps.guardrails && !decision.emergency ? deps.llm : null;
    const guarded = guardModel !== null;

    // Routing, priority and status changes: stored and streamed before the agents start.
    const routed = await log.transaction(caseId, async (tx, record) => {
      const row = await tx.findOneOrFail(Case, { id: caseId });
      record(row, {
        type: 'CASE_ROUTED',
        route,
        intent: decision.intent,
        confidence: decision.confidence,
        scores: decision.scores,
        reason: decision.reason,
        method: decision.method,
        parts: parts.map((p) => ({ route: p.route, intent: p.intent, confidence: p.confidence })),
      });
      if (handoffFrom)
        record(row, {
          type: 'AGENT_HANDOFF',
          from: handoffFrom,
          to: route,
          reason: `follow-up is about ${route}: ${decision.reason}`,
        });
      const priority = maxPriority(row.priority, decision.priority ?? row.priority);
      if (priority !== row.priority) {
        record(row, { type: 'PRIORITY_CHANGED', from: row.priority, to: priority, by: 'router' });
        row.priority = priority;
      }
      if (decision.emergency && !row.emergency) row.emergency = true;
      if (row.status === 'OPEN' || row.status === 'WAITING_ON_CUSTOMER') {
        record(row, { type: 'STATUS_CHANGED', from: row.status, to: 'IN_PROGRESS', by: 'router' });
        row.status = 'IN_PROGRESS';
      }
      row.route = route;
      row.intent = decision.intent;
      row.agentName = parts.length ? parts.map((p) => p.route).join('+') : route;
      row.workState = 'RUNNING';
      if (memory.summary !== undefined) {
        row.summary = memory.summary;
        row.summarizedCount = memory.summarizedCount;
      }
      // The first answer's message starts in the same transaction: one less round before the first token.
      const messageId = guarded ? null : createAgentMessage(tx, record, row, agentsOnDuty, row.agentName);
      return { row, messageId };
    });
    publishCaseUpdate(pubsub, routed.row);
    if (decision.emergency) {
      const alert: DeskEvent = { type: 'EMERGENCY_ALERT', caseId, at: new Date(), reason: decision.reason };
      pubsub.publish(topics.desk, alert);
    }
    if (decision.needsHuman) await deskActions(caseId).escalate(`router unsure: ${decision.reason}`, 'NORMAL');

    // Guardrails run before any answer is streamed (model path only).
    if (guardModel) {
      try {
        const g = await runGuardrails(guardModel, deps.routerModel, deps.company, request, signal);
        overhead.usage = addUsage(overhead.usage, g.usage);
        overhead.costUsd += costOf(deps.prices, deps.routerModel, g.usage);
        const trip = g.verdicts.find((v) => v.tripped);
        if (trip) {
          await answerWithRefusal(caseId, c.customer.id, pendingIds, trip, overhead);
          return;
        }
      } catch (err) {
        if (signal.aborted) return settleAbort(caseId, null, signal);
        deps.logger.warn({ err, caseId }, 'guardrails unavailable; the agent’s own rules still apply');
      }
    }

    const profile = await customerProfile(caseId, c.customer.id);
    const budgetLeft =
      deps.caseTokenBudget > 0
        ? deps.caseTokenBudget - (c.promptTokens + c.completionTokens) - overhead.usage.totalTokens
        : undefined;

    /** One attempt with one provider, as one message. */
    const attempt = async (provider: LlmProvider, startedMessageId: string | null) => {
      const messageId =
        startedMessageId ?? (await startMessage(caseId, agentsOnDuty, parts.length ? agentsOnDuty.join('+') : route));
      const emitToken = (agent: string, text: string) =>
        log.emitLive(caseId, { type: 'TOKEN_DELTA', agent, messageId, text });
      const onToolCalled = (r: ToolCallRecord) =>
        log
          .emit(caseId, {
            type: 'TOOL_CALLED',
            agent: r.agent,
            messageId,
            tool: r.name,
            input: short(r.input),
            output: short(r.output),
            ok: r.ok,
            durationMs: r.durationMs,
          })
          .then(() => undefined);
      const onHandoff = (from: string, to: string, reason: string) =>
        log.emit(caseId, { type: 'AGENT_HANDOFF', from, to, reason }).then(() => undefined);
      const modelFor = (a: AgentName) => (provider === deps.provider ? deps.modelFor(a) : provider.model);
      const runOne = (
        agentName: AgentName,
        text: string,
        intent: string,
        onToken: (t: string) => unknown,
      ): Promise<AgentRunResult> =>
        runAgent({
          agent: AGENTS[agentName],
          agents: AGENTS,
          provider,
          modelFor,
          tokenBudget: budgetLeft,
          company: deps.company,
          profile,
          history: memory.history,
          request: text,
          hints: { route: agentName, intent },
          maxTurns: deps.maxTurns,
          signal,
          hooks: { onToken: async (t) => void (await onToken(t)), onToolCalled, onHandoff },
          toolContext: {
            caseId,
            data: createCustomerData(orm.em.fork(), c.customer.id),
            kb: deps.kb,
            desk: deskActions(caseId),
            route: agentName,
            now: new Date(),
          },
        });
      for (const a of agentsOnDuty) {
        deps.metrics.started(a);
        publishAgentStatus(a);
      }
      const started = performance.now();
      try {
        const results = parts.length
          ? await runCrew(parts, runOne, emitToken)
          : [
              {
                agent: route as string,
                result: await runOne(route, request, decision.intent, (t) => emitToken(route, t)),
              },
            ];
        for (const { agent, result } of results) {
          deps.metrics.finished(agent, {
            ok: true,
            timeToFirstTokenMs: result.timeToFirstTokenMs,
            latencyMs: result.latencyMs,
          });
          publishAgentStatus(agent);
        }
        return { ok: true as const, messageId, results, modelFor, started };
      } catch (err) {
        for (const a of agentsOnDuty) {
          deps.metrics.finished(a, { ok: false, timeToFirstTokenMs: null, latencyMs: 0 });
          publishAgentStatus(a);
        }
        return { ok: false as const, messageId, err };
      }
    };

    let outcome = await attempt(deps.provider, routed.messageId);
    if (!outcome.ok && outcome.err instanceof ProviderError && !signal.aborted) {
      const failure = outcome.err;
      if (deps.fallback) {
        await markIncomplete(caseId, outcome.messageId, {
          code: 'PROVIDER_FAILED',
          message: `The model API failed (${failure.kind}); answering with the embedded engine instead.`,
          recoverable: true,
        });
        outcome = await attempt(deps.fallback, null);
      } else {
        await settleFailure(
          caseId,
          outcome.messageId,
          failure,
          `The model API failed (${failure.kind}); a human operator will take over.`,
          'PROVIDER_FAILED',
        );
        return;
      }
    }
    if (!outcome.ok) {
      if (signal.aborted) return settleAbort(caseId, outcome.messageId, signal);
      if (outcome.err instanceof TokenBudgetExceededError) {
        const spent = outcome.err.usage;
        const cost = costOf(deps.prices, deps.modelFor(outcome.err.agent as AgentName), spent) + overhead.costUsd;
        await stopForBudget(
          caseId,
          pendingIds,
          outcome.messageId,
          `the case spent its token budget (${spent.totalTokens} tokens this answer)`,
          { usage: addUsage(spent, overhead.usage), costUsd: cost },
        );
        return;
      }
      await settleFailure(
        caseId,
        outcome.messageId,
        outcome.err,
        'The agent could not finish its answer; a human operator will take over.',
        'AGENT_FAILED',
      );
      return;
    }

    const { messageId, results, modelFor, started } = outcome;
    const content = parts.length ? crewContent(parts, results) : results[0].result.content;
    const answerUsage = results.reduce((u, r) => addUsage(u, r.result.usage), { ...NO_USAGE });
    const answerCost = results.reduce((n, r) => n + costOf(deps.prices, modelFor(r.result.agent), r.result.usage), 0);
    const models = [...new Set(results.map((r) => modelFor(r.result.agent)))].join(',');
    const citations = dedupe(results.flatMap((r) => r.result.citations));
    const ttfts = results.map((r) => r.result.timeToFirstTokenMs).filter((x): x is number => x !== null);
    const finalAgent = results.length === 1 ? (results[0].result.agent as AgentName) : null;
    const finished = await log.transaction(caseId, async (tx, record) => {
      const row = await tx.findOneOrFail(Case, { id: caseId });
      const m = await tx.findOneOrFail(Message, { id: messageId });
      Object.assign(m, {
        content,
        status: 'COMPLETE',
        citations,
        toolCalls: results.flatMap((r) => r.result.toolCalls),
        usage: answerUsage,
        model: models,
        costUsd: answerCost,
        agentName: finalAgent && finalAgent !== route ? finalAgent : m.agentName,
        latencyMs: Math.round(performance.now() - started),
        timeToFirstTokenMs: ttfts.length ? Math.min(...ttfts) : null,
      });
      chargeCase(row, addUsage(answerUsage, overhead.usage), answerCost + overhead.costUsd);
      if (finalAgent && finalAgent !== route) {
        row.route = finalAgent;
        row.agentName = finalAgent;
      }
      await tx.nativeUpdate(Message, { id: { $in: pendingIds } }, { answered: true });
      record(row, { type: 'MESSAGE_COMPLETED', message: toMessageView(m) });
      row.firstResponseAt ??= new Date();
      if (row.status !== 'ESCALATED' && row.status !== 'CLOSED' && row.status !== 'RESOLVED') {
        record(row, { type: 'STATUS_CHANGED', from: row.status, to: 'WAITING_ON_CUSTOMER', by: 'agent' });
        row.status = 'WAITING_ON_CUSTOMER';
      }
      const more = await tx.count(Message, {
        case: caseId,
        authorKind: 'CUSTOMER',
        answered: false,
        id: { $nin: pendingIds },
      });
      row.workState = more > 0 ? 'QUEUED' : 'IDLE';
      return row;
    });
    publishCaseUpdate(pubsub, finished);
  };

  function chargeCase(row: ICase, usage: ProviderUsage, costUsd: number): void {
    row.promptTokens = (row.promptTokens ?? 0) + usage.promptTokens;
    row.completionTokens = (row.completionTokens ?? 0) + usage.completionTokens;
    row.costUsd = Math.round(((row.costUsd ?? 0) + costUsd) * 1e6) / 1e6;
  }

  /** Creates the (streaming) agent message and its AGENT_STARTED events, in a transaction. */
  function createAgentMessage(
    tx: EntityManager,
    record: RecordEvent,
    row: ICase,
    agents: string[],
    agentName: string,
  ): string {
    const m = tx.create(Message, {
      id: randomUUID(),
      case: row,
      authorKind: 'AGENT',
      agentName,
      content: '',
      status: 'STREAMING',
      answered: true,
    });
    m.createdAt = new Date();
    for (const name of agents) record(row, { type: 'AGENT_STARTED', agent: name, messageId: m.id });
    return m.id;
  }

  /** Starts a new agent message in its own transaction. */
  async function startMessage(caseId: string, agents: string[], agentName: string): Promise<string> {
    return log.transaction(caseId, async (tx, record) =>
      createAgentMessage(tx, record, await tx.findOneOrFail(Case, { id: caseId }), agents, agentName),
    );
  }

  /** Keeps what was said of a message, marks it incomplete, and records why. */
  async function markIncomplete(
    caseId: string,
    messageId: string,
    error: { code: string; message: string; recoverable: boolean },
  ): Promise<void> {
    const partial = log.liveTokens(caseId, messageId);
    await log.transaction(caseId, async (tx, record) => {
      const row = await tx.findOneOrFail(Case, { id: caseId });
      const m = await tx.findOneOrFail(Message, { id: messageId });
      m.content = partial;
      m.status = 'INCOMPLETE';
      record(row, { type: 'MESSAGE_COMPLETED', message: toMessageView(m) });
      record(row, { type: 'CASE_ERROR', ...error });
    });
  }

  /** A guardrail tripped: a polite refusal, a case event and a stored security event. */
  async function answerWithRefusal(
    caseId: string,
    customerId: string,
    pendingIds: string[],
    trip: { guardrail: 'relevance' | 'jailbreak'; reason: string },
    overhead: Overhead,
  ): Promise<void> {
    const result = await log.transaction(caseId, async (tx, record) => {
      const row = await tx.findOneOrFail(Case, { id: caseId });
      record(row, { type: 'GUARDRAIL_TRIPPED', guardrail: trip.guardrail, reason: trip.reason });
      const entry = deps.audit.add(tx, {
        category: 'security',
        type: `guardrail_${trip.guardrail}`,
        actorId: customerId,
        actorRole: 'customer',
        caseId,
        customerId,
        detail: { reason: trip.reason },
      });
      row.securityFlag = true;
      const m = tx.create(Message, {
        id: randomUUID(),
        case: row,
        authorKind: 'AGENT',
        agentName: row.agentName,
        content: refusal({ ...trip, tripped: true }, deps.company),
        status: 'COMPLETE',
        answered: true,
        model: deps.routerModel,
      });
      m.createdAt = new Date();
      record(row, { type: 'MESSAGE_COMPLETED', message: toMessageView(m) });
      chargeCase(row, overhead.usage, overhead.costUsd);
      await tx.nativeUpdate(Message, { id: { $in: pendingIds } }, { answered: true });
      if (row.status !== 'ESCALATED') {
        record(row, { type: 'STATUS_CHANGED', from: row.status, to: 'WAITING_ON_CUSTOMER', by: 'guardrail' });
        row.status = 'WAITING_ON_CUSTOMER';
      }
      row.firstResponseAt ??= new Date();
      row.workState = 'IDLE';
      return { row, entry };
    });
    deps.audit.announce(result.entry);
    publishCaseUpdate(pubsub, result.row);
  }

  /** The token budget is spent: stop, say so, and hand the case to a human. */
  async function stopForBudget(
    caseId: string,
    pendingIds: string[],
    messageId: string | null,
    why: string,
    spent?: Overhead,
  ): Promise<void> {
    if (spent) {
      await log.transaction(caseId, async (tx) =>
        chargeCase(await tx.findOneOrFail(Case, { id: caseId }), spent.usage, spent.costUsd),
      );
    }
    if (messageId)
      await markIncomplete(caseId, messageId, {
        code: 'BUDGET_EXHAUSTED',
        message: `Stopped: ${why}; a human operator will take over.`,
        recoverable: false,
      });
    else
      await log.emit(caseId, {
        type: 'CASE_ERROR',
        code: 'BUDGET_EXHAUSTED',
        message: `Stopped: ${why}; a human operator will take over.`,
        recoverable: false,
      });
    await orm.em.fork().nativeUpdate(Message, { id: { $in: pendingIds } }, { answered: true });
    await deskActions(caseId).escalate(`token budget: ${why}`, 'HIGH');
    await orm.em.fork().nativeUpdate(Case, { id: caseId }, { workState: 'IDLE' });
  }

  /** Stopped by the desk (parked for the next start) or by an operator or closure (left to the human). */
  async function settleAbort(caseId: string, messageId: string | null, signal: AbortSignal): Promise<void> {
    const reason = String((signal.reason as Error | undefined)?.message ?? 'aborted');
    const partial = messageId ? log.liveTokens(caseId, messageId) : '';
    const row = await log.transaction(caseId, async (tx, record) => {
      const row = await tx.findOneOrFail(Case, { id: caseId });
      if (messageId) {
        const m = await tx.findOneOrFail(Message, { id: messageId });
        m.content = partial;
        m.status = 'INCOMPLETE';
        record(row, { type: 'MESSAGE_COMPLETED', message: toMessageView(m) });
      }
      // Parked: the customer's messages stay unanswered and the case is resumed at next start.
      row.workState = reason === 'shutdown' ? 'QUEUED' : 'IDLE';
      return row;
    });
    publishCaseUpdate(pubsub, row);
  }

  /** A failure: keep what was said, mark it incomplete, and never leave the case hanging. */
  async function settleFailure(
    caseId: string,
    messageId: string,
    err: unknown,
    text: string,
    code: string,
  ): Promise<void> {
    deps.logger.error({ err, caseId }, 'agent run failed');
    const partial = log.liveTokens(caseId, messageId);
    const row = await log.transaction(caseId, async (tx, record) => {
      const row = await tx.findOneOrFail(Case, { id: caseId });
      const m = await tx.findOneOrFail(Message, { id: messageId });
      m.content = partial;
      m.status = 'INCOMPLETE';
      record(row, { type: 'MESSAGE_COMPLETED', message: toMessageView(m) });
      record(row, { type: 'CASE_ERROR', code, message: text, recoverable: true });
      await tx.nativeUpdate(Message, { case: caseId, authorKind: 'CUSTOMER', answered: false }, { answered: true });
      if (row.status !== 'ESCALATED') {
        record(row, { type: 'STATUS_CHANGED', from: row.status, to: 'ESCALATED', by: 'system' });
        row.status = 'ESCALATED';
      }
      record(row, {
        type: 'CASE_ESCALATED',
        reason: code === 'PROVIDER_FAILED' ? 'model API failure' : 'agent failure',
        by: 'system',
        priority: row.priority,
      });
      row.workState = 'IDLE';
      return row;
    });
    publishCaseUpdate(pubsub, row);
  }

  /** The conversation so far within the memory budget, and the updated running summary. */
  async function buildMemory(
    c: ICase,
    exclude: Set<string>,
  ): Promise<{ history: ReturnType<typeof trimHistory>['history']; summary?: string; summarizedCount: number }> {
    const rows = await orm.em
      .fork()
      .find(Message, { case: c.id, status: 'COMPLETE' }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const past = rows
      .filter((m) => !exclude.has(m.id) && m.content)
      .map((m) => ({ authorKind: m.authorKind, content: m.content }));
    const already = c.summarizedCount ?? 0;
    const mem = trimHistory(past.slice(already), deps.memoryTokens, c.summary ?? null);
    if (mem.trimmed.length === 0) return { history: mem.history, summarizedCount: already };
    const summary = extractiveSummary(c.summary ?? null, mem.trimmed);
    return {
      history: trimHistory(past.slice(already + mem.trimmed.length), deps.memoryTokens, summary).history,
      summary,
      summarizedCount: already + mem.trimmed.length,
    };
  }

  async function customerProfile(caseId: string, customerId: string): Promise<string> {
    const { customer, subscription, openCases } = await createCustomerData(orm.em.fork(), customerId).profile();
    const lines = [`Customer: ${customer?.name ?? 'Guest'}`];
    if (subscription)
      lines.push(`Plan: ${subscription.plan.name} (${subscription.billingCycle}, ${subscription.status})`);
    lines.push(`Open cases: ${openCases}`, `Case: ${caseId}`);
    return lines.join('\n');
  }
}

/** Runs a crew: all parts concurrently, streamed as one message with a section per agent, in order. */
async function runCrew(
  parts: RoutingPart[],
  runOne: (agent: AgentName, text: string, intent: string, onToken: (t: string) => unknown) => Promise<AgentRunResult>,
  emitToken: (agent: string, text: string) => Promise<unknown>,
): Promise<{ agent: string; result: AgentRunResult }[]> {
  const runs = parts.map((part) => {
    const chunks: string[] = [];
    let done = false;
    let wake: (() => void) | null = null;
    const poke = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    const promise = runOne(part.route as AgentName, part.text, part.intent, (t) => {
      chunks.push(t);
      poke();
    }).finally(() => {
      done = true;
      poke();
    });
    promise.catch(() => undefined);
    return { part, chunks, promise, isDone: () => done, wait: () => new Promise<void>((r) => (wake = r)) };
  });
  const results: { agent: string; result: AgentRunResult }[] = [];
  for (const [i, run] of runs.entries()) {
    await emitToken(run.part.route, sectionHeader(i, run.part));
    let next = 0;
    for (;;) {
      while (next < run.chunks.length) await emitToken(run.part.route, run.chunks[next++]);
      if (run.isDone()) break;
      await run.wait();
    }
    results.push({ agent: run.part.route, result: await run.promise });
  }
  return results;
}

function sectionHeader(i: number, part: RoutingPart): string {
  return `${i === 0 ? '' : '\n\n'}### ${AGENT_TITLES[part.route] ?? part.route}\n\n`;
}

function crewContent(parts: RoutingPart[], results: { result: AgentRunResult }[]): string {
  return parts.map((p, i) => `${sectionHeader(i, p)}${results[i].result.content}`).join('');
}

function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => !seen.has(c.id) && seen.add(c.id));
}

/** A short, single-line rendering of a tool's input or output for the event stream. */
function short(v: unknown, max = 300): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
