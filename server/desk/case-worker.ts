import { type Context, context } from '@opentelemetry/api';
import { type DeskEvent, topics } from '../events.js';
import type { Logger } from '../logger.js';
import { extractTrace, inSpan } from '../tracing.js';
import { type AttemptOutcome, createAttempt, type TurnPlan } from './agent-attempt.js';
import type { CaseWorkerDeps } from './case-worker-deps.js';
import { guardTurn } from './guardrails-step.js';
import type { TurnOrigin } from './ports.js';
import { NO_USAGE, type Overhead } from './pricing.js';
import { type AgentName, maybeRouteWithModel, triage } from './triage.js';
import { endTurn } from './turn-end.js';
import { buildMemory } from './turn-memory.js';
import { createTurnStore, newMessage } from './turn-store.js';

/** Creates the function the work queue runs for each case. */
export function createCaseWorker(deps: CaseWorkerDeps) {
  const { orm, log, pubsub, router } = deps;
  const store = createTurnStore({ orm, log, pubsub, audit: deps.audit });
  const attempt = createAttempt(deps, store);
  const modelRouting = { ...deps, intents: router.classifier.intents };

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
    // The agents' spans are the turn's children, also when they start inside the routing's.
    const turnTrace = context.active();
    const { triaged, plan, guardModel, message, early } = await inSpan('case.route', {}, async (span) => {
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
      const crewName = parts.length ? agentsOnDuty.join('+') : route;
      const guardModel = deps.llm && deps.guardrails && !decision.emergency ? deps.llm : null;
      // The first answer's message starts with the routing, unless guardrails must pass first.
      const message = guardModel === null ? newMessage(crewName) : null;
      const plan: TurnPlan = {
        caseId,
        c,
        request,
        memory,
        decision,
        parts,
        route,
        agentsOnDuty,
        crewName,
        profile: store.profile(loaded),
        overhead,
        signal,
      };
      const routing = store.route(caseId, { decision, parts, route, handoffFrom, agentsOnDuty, memory, message });
      // Nothing else comes between the routing and the answer: the agents ask the model while the
      // routing commits, and what they say waits for it (the first token's wait is the longer of the two).
      const early =
        message && !decision.needsHuman && !(decision.emergency && triaged.alert)
          ? startAlongside(signal, turnTrace, (own) =>
              attempt({ ...plan, signal: own }, deps.provider, message, routing),
            )
          : null;
      try {
        await routing;
      } catch (err) {
        if (early) {
          early.stop.abort(err);
          await early.outcome;
        }
        throw err;
      }
      return { triaged, plan, guardModel, message, early };
    });
    const { decision } = plan;
    // The checkbox alone makes a case URGENT; the desk-wide alert needs content that supports it.
    if (decision.emergency && triaged.alert) {
      const alert: DeskEvent = { type: 'EMERGENCY_ALERT', caseId, at: new Date(), reason: decision.reason };
      pubsub.publish(topics.desk, alert);
    }
    if (decision.needsHuman) await store.actions(caseId).escalate(`router unsure: ${decision.reason}`, 'NORMAL');

    // Guardrails run before any answer is streamed (model path only).
    if (
      guardModel &&
      (await guardTurn(deps, store, guardModel, { ...plan, customerId: c.customerId, pendingIds }, logger))
    )
      return;
    const first = early ? await early.outcome : await attempt(plan, deps.provider, message);
    await endTurn(deps, store, attempt, plan, pendingIds, first, logger);
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

/** An attempt started beside the routing: its outcome, and how to stop it should the routing fail. */
interface EarlyAttempt {
  outcome: Promise<AttemptOutcome>;
  stop: AbortController;
}

/** Runs `run` in the turn's trace with a signal of its own that follows the turn's. */
function startAlongside(
  signal: AbortSignal,
  trace: Context,
  run: (own: AbortSignal) => Promise<AttemptOutcome>,
): EarlyAttempt {
  const stop = new AbortController();
  const follow = () => stop.abort(signal.reason);
  signal.addEventListener('abort', follow, { once: true });
  const outcome = context.with(trace, () => run(stop.signal));
  return { outcome: outcome.finally(() => signal.removeEventListener('abort', follow)), stop };
}
