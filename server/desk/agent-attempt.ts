/**
 * One attempt at a turn's answer with one provider, as one message: the agent (or the crew) runs
 * with its tokens, tool calls and handoffs going out as case events, and every agent's figures
 * (active, handled, errors) are counted and published to dashboards as it starts and ends.
 */
import { type AgentRunResult, runAgent } from '../agents/agent-runner.js';
import type { RoutingDecision, RoutingPart } from '../agents/router/router.js';
import type { ToolCallRecord } from '../db/entities/index.js';
import type { CaseRow } from '../db/sql/case-rows.js';
import { type DeskEvent, topics } from '../events.js';
import type { LlmProvider } from '../providers/provider.js';
import type { AgentOutcome, AgentStats } from './agent-metrics.js';
import type { CaseWorkerDeps } from './case-worker-deps.js';
import { runCrew } from './crew.js';
import type { Overhead } from './pricing.js';
import type { AgentName } from './triage.js';
import type { TurnMemory } from './turn-memory.js';
import type { createTurnStore, StartedMessage } from './turn-store.js';

/** What a turn decided before its agents run. */
export interface TurnPlan {
  caseId: string;
  c: CaseRow;
  request: string;
  memory: TurnMemory;
  decision: RoutingDecision;
  parts: RoutingPart[];
  route: AgentName;
  agentsOnDuty: AgentName[];
  /** The name the answer is written under (the route, or the crew's agents joined by `+`). */
  crewName: string;
  /** The customer's profile for the agents' instructions. */
  profile: string;
  /** What routing and guardrails spent so far (counts against the case's token budget). */
  overhead: Overhead;
  signal: AbortSignal;
}

/** How an attempt ended: its message, and the results of its agents or the error that stopped them. */
export type AttemptOutcome =
  | {
      ok: true;
      message: StartedMessage;
      results: { agent: string; result: AgentRunResult }[];
      modelFor(agent: AgentName): string;
      startedAt: number;
    }
  | { ok: false; message: StartedMessage; err: unknown };

type Store = ReturnType<typeof createTurnStore>;

/** Creates the function that runs one attempt of a planned turn. */
export function createAttempt(deps: CaseWorkerDeps, store: Store) {
  const { log, pubsub } = deps;

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

  /**
   * Runs `plan` with `provider` as `started` (null: a new message, in its own transaction). With
   * `ready`, the agents ask the model at once, but nothing of theirs goes out before it resolves.
   */
  return async function attempt(
    plan: TurnPlan,
    provider: LlmProvider,
    started: StartedMessage | null,
    ready?: Promise<unknown>,
  ): Promise<AttemptOutcome> {
    const { caseId, c, parts, route, agentsOnDuty, decision, signal } = plan;
    const message = started ?? (await store.startMessage(caseId, agentsOnDuty, plan.crewName));
    const messageId = message.id;
    const budgetLeft =
      deps.caseTokenBudget > 0
        ? deps.caseTokenBudget - (c.promptTokens + c.completionTokens) - plan.overhead.usage.totalTokens
        : undefined;
    let firstOut = false;
    const emitToken = (agent: string, text: string) => {
      const live = log.emitLive(caseId, { type: 'TOKEN_DELTA', agent, messageId, text });
      if (firstOut) return live;
      firstOut = true;
      // The message's first token gets a turn of the event loop to reach the sockets: a model's
      // burst would otherwise hold it back until the whole burst is framed (frames of one turn leave together).
      return Promise.resolve(live).then(nextTurn);
    };
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
        profile: plan.profile,
        history: plan.memory.history,
        request: text,
        hints: { route: agentName, intent, language: decision.language },
        maxTurns: deps.maxTurns,
        signal,
        ready,
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
          data: deps.customerData(deps.orm.em.fork(), c.customerId, log.sql),
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
              result: await runOne(route, plan.request, decision.intent, (t) => emitToken(route, t)),
            },
          ];
      for (const { agent, result } of results) {
        const done = { ok: true, timeToFirstTokenMs: result.timeToFirstTokenMs, latencyMs: result.latencyMs };
        deps.metrics.finished(agent, done);
        publishAgentStatus(agent, done);
      }
      return { ok: true, message, results, modelFor, startedAt };
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
      return { ok: false, message, err };
    }
  };
}

/**
 * Resolves in the next turn of the event loop, once the immediates queued in this one have run
 * (the sockets' batched writes among them, see ws-batching.ts).
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/** A short, single-line rendering of a tool's input or output for the event stream. */
function short(v: unknown, max = 300): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
