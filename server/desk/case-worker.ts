/**
 * Works one case turn: load (the case, its customer and messages, once), triage, guardrails, the
 * agent run or crew with tokens streamed as case events, then the stored answer with its usage
 * and cost and the case's next state. Falls back or escalates when the provider fails, stops at
 * the case's token budget, and parks cleanly when the desk stops. Each step lives in its module:
 * triage.ts, crew.ts, turn-memory.ts, turn-store.ts.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { type AgentRunResult, runAgent, TokenBudgetExceededError } from '../agents/agent-runner.js';
import type { AgentDefinition } from '../agents/definitions/index.js';
import { refusal, runGuardrails } from '../agents/guardrails.js';
import type { KnowledgeBase } from '../agents/knowledge/knowledge-base.js';
import type { Router } from '../agents/router/router.js';
import type { PriceTable } from '../config.js';
import type { CustomerDataFactory } from '../db/customer-data.js';
import type { Citation, ToolCallRecord } from '../db/entities/index.js';
import { type DeskEvent, topics } from '../events.js';
import type { Logger } from '../logger.js';
import type { OpenAiProvider } from '../providers/openai/openai.provider.js';
import type { LlmProvider } from '../providers/provider.js';
import { ProviderError } from '../providers/provider-error.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import { extractTrace, inSpan } from '../tracing.js';
import type { AgentMetrics, AgentOutcome, AgentStats } from './agent-metrics.js';
import type { CaseEventLog } from './case-event-log.js';
import { crewContent, runCrew } from './crew.js';
import type { SharedAgentFigures, TurnOrigin } from './ports.js';
import { addUsage, costOf, NO_USAGE, type Overhead } from './pricing.js';
import { type AgentName, maybeRouteWithModel, triage } from './triage.js';
import { buildMemory } from './turn-memory.js';
import { createTurnStore, type StartedMessage } from './turn-store.js';

/** What the worker needs. */
export interface CaseWorkerDeps {
  orm: MikroORM;
  log: CaseEventLog;
  pubsub: PubSub;
  router: Router;
  /** The agents, by name. */
  agents: Record<AgentDefinition['name'], AgentDefinition>;
  /** The company-data port for the case's customer. */
  customerData: CustomerDataFactory<EntityManager>;
  kb: KnowledgeBase;
  metrics: AgentMetrics;
  /** Per-agent figures of every instance (absent: `metrics`, this process's). */
  sharedFigures?: SharedAgentFigures;
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

/** Creates the function the work queue runs for each case. */
export function createCaseWorker(deps: CaseWorkerDeps) {
  const { orm, log, pubsub, router } = deps;
  const store = createTurnStore({ orm, log, pubsub, audit: deps.audit });
  const modelRouting = { ...deps, intents: router.classifier.intents };

  function publish(s: AgentStats): void {
    const ev: DeskEvent = {
      type: 'AGENT_STATUS',
      at: new Date(),
      agent: s.agent,
      active: s.active,
      handled: s.handled,
      errors: s.errors,
    };
    pubsub.publish(topics.desk, ev);
  }

  /** Tells dashboards an agent's figures after a run started or ended (`outcome`: it finished). */
  function publishAgentStatus(agent: string, outcome?: AgentOutcome): void {
    const local = deps.metrics.of(agent);
    if (!deps.sharedFigures) {
      publish(local);
      return;
    }
    // Desk-wide figures with several instances; none published when Redis cannot count it now.
    deps.sharedFigures.record(agent, local.active, outcome).then(publish, (err: unknown) => {
      deps.logger.warn({ err, agent }, 'agent figures: Redis');
    });
  }

  /** One turn, in the case turn's span. */
  async function work(caseId: string, signal: AbortSignal, logger: Logger): Promise<void> {
    const loaded = await store.load(caseId);
    if (!loaded) return;
    // Left STREAMING by an instance that died mid-answer: closed first (one transaction, only then).
    if (loaded.orphans.length) await store.closeOrphans(caseId, loaded.orphans);
    const { c, messages, pending } = loaded;
    if (pending.length === 0 || c.status === 'CLOSED' || c.assignee) {
      // Nothing to answer, or a human owns the case now.
      await store.idle(caseId);
      return;
    }
    const pendingIds = pending.map((m) => m.id);
    if (deps.caseTokenBudget > 0 && c.promptTokens + c.completionTokens >= deps.caseTokenBudget) {
      await store.stopForBudget(caseId, pendingIds, null, `the case has used its ${deps.caseTokenBudget}-token budget`);
      return;
    }
    const request = pending.map((m) => m.content).join('\n\n');
    const memory = buildMemory(c, messages, new Set(pendingIds), deps.memoryTokens);
    const overhead: Overhead = { usage: { ...NO_USAGE }, costUsd: 0 };
    const { triaged, decision, parts, route, agentsOnDuty, guardModel, routed } = await inSpan(
      'case.route',
      {},
      async (span) => {
        const triaged = triage(router, c, request);
        const { decision, parts } = await maybeRouteWithModel(
          deps.llm ? { ...modelRouting, logger } : modelRouting,
          c,
          request,
          triaged,
          overhead,
          signal,
        );
        span.setAttributes({
          'crewdesk.route': decision.route,
          'crewdesk.route.method': decision.method,
          'crewdesk.route.confidence': decision.confidence,
          'crewdesk.route.parts': parts.length,
        });
        logger.debug({ route: decision.route, method: decision.method, parts: parts.length }, 'case turn routed');
        const handoffFrom = triaged.handoffFrom && triaged.handoffFrom !== decision.route ? triaged.handoffFrom : null;
        const route = decision.route as AgentName;
        const agentsOnDuty = parts.length ? parts.map((p) => p.route as AgentName) : [route];
        const guardModel = deps.llm && deps.guardrails && !decision.emergency ? deps.llm : null;
        const routed = await store.route(caseId, {
          decision,
          parts,
          route,
          handoffFrom,
          agentsOnDuty,
          memory,
          startMessage: guardModel === null,
        });
        return { triaged, decision, parts, route, agentsOnDuty, guardModel, routed };
      },
    );
    // The checkbox alone makes a case URGENT; the desk-wide alert needs content that supports it.
    if (decision.emergency && triaged.alert) {
      const alert: DeskEvent = { type: 'EMERGENCY_ALERT', caseId, at: new Date(), reason: decision.reason };
      pubsub.publish(topics.desk, alert);
    }
    if (decision.needsHuman) await store.actions(caseId).escalate(`router unsure: ${decision.reason}`, 'NORMAL');

    // Guardrails run before any answer is streamed (model path only).
    if (guardModel) {
      try {
        const g = await runGuardrails(guardModel, deps.routerModel, deps.company, request, signal);
        overhead.usage = addUsage(overhead.usage, g.usage);
        overhead.costUsd += costOf(deps.prices, deps.routerModel, g.usage);
        const trip = g.verdicts.find((v) => v.tripped);
        if (trip) {
          const text = refusal({ ...trip, tripped: true }, deps.company);
          await store.refuse(caseId, c.customerId, pendingIds, trip, text, deps.routerModel, overhead);
          return;
        }
      } catch (err) {
        if (signal.aborted) return store.abort(caseId, null, abortReason(signal));
        logger.warn({ err }, 'guardrails unavailable; the agent’s own rules still apply');
      }
    }

    const profile = store.profile(loaded);
    const budgetLeft =
      deps.caseTokenBudget > 0
        ? deps.caseTokenBudget - (c.promptTokens + c.completionTokens) - overhead.usage.totalTokens
        : undefined;
    const crewName = parts.length ? agentsOnDuty.join('+') : route;

    /** One attempt with one provider, as one message. */
    const attempt = async (provider: LlmProvider, started: StartedMessage | null) => {
      const message = started ?? (await store.startMessage(caseId, agentsOnDuty, crewName));
      const messageId = message.id;
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
          agent: deps.agents[agentName],
          agents: deps.agents,
          provider,
          modelFor,
          tokenBudget: budgetLeft,
          company: deps.company,
          profile,
          history: memory.history,
          request: text,
          hints: { route: agentName, intent, language: decision.language },
          maxTurns: deps.maxTurns,
          signal,
          hooks: {
            // Synchronous when the token went out at once: no promise per token.
            onToken: (t) => {
              const r = onToken(t);
              return r instanceof Promise ? r.then(() => undefined) : undefined;
            },
            onToolCalled,
            onHandoff,
          },
          toolContext: {
            caseId,
            data: deps.customerData(orm.em.fork(), c.customerId, log.sql),
            kb: deps.kb,
            desk: store.actions(caseId),
            route: agentName,
            now: new Date(),
          },
        });
      for (const a of agentsOnDuty) {
        deps.metrics.started(a);
        publishAgentStatus(a);
      }
      const startedAt = performance.now();
      try {
        const results = parts.length
          ? await runCrew(parts, runOne, emitToken, deps.agents)
          : [
              {
                agent: route as string,
                result: await runOne(route, request, decision.intent, (t) => emitToken(route, t)),
              },
            ];
        for (const { agent, result } of results) {
          const done = { ok: true, timeToFirstTokenMs: result.timeToFirstTokenMs, latencyMs: result.latencyMs };
          deps.metrics.finished(agent, done);
          publishAgentStatus(agent, done);
        }
        return { ok: true as const, message, results, modelFor, startedAt };
      } catch (err) {
        for (const a of agentsOnDuty) {
          // Stopped by an operator, a closure or shutdown: not the agent's error.
          if (signal.aborted) {
            deps.metrics.stopped(a);
            publishAgentStatus(a);
          } else {
            const failed = { ok: false, timeToFirstTokenMs: null, latencyMs: 0 };
            deps.metrics.finished(a, failed);
            publishAgentStatus(a, failed);
          }
        }
        return { ok: false as const, message, err };
      }
    };

    let outcome = await attempt(deps.provider, routed.message);
    if (!outcome.ok && outcome.err instanceof ProviderError && !signal.aborted) {
      const failure = outcome.err;
      if (deps.fallback) {
        await store.markIncomplete(caseId, outcome.message, {
          code: 'PROVIDER_FAILED',
          message: `The model API failed (${failure.kind}); answering with the embedded engine instead.`,
          recoverable: true,
        });
        outcome = await attempt(deps.fallback, null);
      } else {
        logger.error({ err: failure }, 'agent run failed');
        await store.fail(
          caseId,
          outcome.message,
          `The model API failed (${failure.kind}); a human operator will take over.`,
          'PROVIDER_FAILED',
        );
        return;
      }
    }
    if (!outcome.ok) {
      if (signal.aborted) return store.abort(caseId, outcome.message, abortReason(signal));
      if (outcome.err instanceof TokenBudgetExceededError) {
        const spent = outcome.err.usage;
        const cost = costOf(deps.prices, deps.modelFor(outcome.err.agent as AgentName), spent) + overhead.costUsd;
        await store.stopForBudget(
          caseId,
          pendingIds,
          outcome.message,
          `the case spent its token budget (${spent.totalTokens} tokens this answer)`,
          { usage: addUsage(spent, overhead.usage), costUsd: cost },
        );
        return;
      }
      logger.error({ err: outcome.err }, 'agent run failed');
      await store.fail(
        caseId,
        outcome.message,
        'The agent could not finish its answer; a human operator will take over.',
        'AGENT_FAILED',
      );
      return;
    }

    const { message, results, modelFor, startedAt } = outcome;
    const ttfts = results.map((r) => r.result.timeToFirstTokenMs).filter((x): x is number => x !== null);
    const finalAgent = results.length === 1 ? results[0].result.agent : null;
    const usage = results.reduce((u, r) => addUsage(u, r.result.usage), { ...NO_USAGE });
    const completed = { 'crewdesk.message_id': message.id, 'crewdesk.tokens': usage.totalTokens };
    await inSpan('case.message_completed', completed, () =>
      store.finish(
        caseId,
        pendingIds,
        {
          message,
          content: parts.length ? crewContent(parts, results, deps.agents) : results[0].result.content,
          citations: dedupe(results.flatMap((r) => r.result.citations)),
          toolCalls: results.flatMap((r) => r.result.toolCalls),
          usage,
          model: [...new Set(results.map((r) => modelFor(r.result.agent)))].join(','),
          costUsd: results.reduce((n, r) => n + costOf(deps.prices, modelFor(r.result.agent), r.result.usage), 0),
          latencyMs: Math.round(performance.now() - startedAt),
          timeToFirstTokenMs: ttfts.length ? Math.min(...ttfts) : null,
          handedTo: finalAgent && finalAgent !== route ? finalAgent : null,
        },
        overhead,
      ),
    );
    logger.debug({ agent: finalAgent ?? crewName, tools: results.length }, 'case turn answered');
  }

  return function processCase(caseId: string, signal: AbortSignal, origin?: TurnOrigin): Promise<void> {
    // Every line of this turn names the request that caused it (a child logger costs well under 1 µs).
    const logger = deps.logger.child(origin?.requestId ? { requestId: origin.requestId, caseId } : { caseId });
    // One trace per case turn: a child of the submit span that queued it (no-op with tracing off).
    const attributes = origin?.requestId
      ? { 'crewdesk.case_id': caseId, 'crewdesk.request_id': origin.requestId }
      : { 'crewdesk.case_id': caseId };
    return inSpan('case.turn', attributes, () => work(caseId, signal, logger), extractTrace(origin?.trace));
  };
}

function abortReason(signal: AbortSignal): string {
  return String((signal.reason as Error | undefined)?.message ?? 'aborted');
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
