/**
 * How a turn ends once its first attempt is over: the stored answer with its usage and cost and
 * the case's next state; or, when the provider failed, the fallback's answer (the embedded engine)
 * or a human taking over; or the case stopped at its token budget, or parked when the desk stops.
 */
import { TokenBudgetExceededError } from '../agents/agent-runner.js';
import type { Citation } from '../db/entities/index.js';
import type { Logger } from '../logger.js';
import { ProviderError } from '../providers/provider-error.js';
import { inSpan } from '../tracing.js';
import type { AttemptOutcome, createAttempt, TurnPlan } from './agent-attempt.js';
import type { CaseWorkerDeps } from './case-worker-deps.js';
import { crewContent } from './crew.js';
import { addUsage, costOf, NO_USAGE } from './pricing.js';
import type { AgentName } from './triage.js';
import type { createTurnStore } from './turn-store.js';

type Store = ReturnType<typeof createTurnStore>;
type Attempt = ReturnType<typeof createAttempt>;

/** Ends the turn planned as `plan` whose first attempt ended as `first`. */
export async function endTurn(
  deps: CaseWorkerDeps,
  store: Store,
  attempt: Attempt,
  plan: TurnPlan,
  pendingIds: string[],
  first: AttemptOutcome,
  logger: Logger,
): Promise<void> {
  const { caseId, signal, overhead, parts, route } = plan;
  let outcome = first;
  if (!outcome.ok && outcome.err instanceof ProviderError && !signal.aborted) {
    const failure = outcome.err;
    if (!deps.fallback) {
      logger.error({ err: failure }, 'agent run failed');
      await store.fail(
        caseId,
        outcome.message,
        `The model API failed (${failure.kind}); a human operator will take over.`,
        'PROVIDER_FAILED',
      );
      return;
    }
    await store.markIncomplete(caseId, outcome.message, {
      code: 'PROVIDER_FAILED',
      message: `The model API failed (${failure.kind}); answering with the embedded engine instead.`,
      recoverable: true,
    });
    outcome = await attempt(plan, deps.fallback, null);
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
  logger.debug({ agent: finalAgent ?? plan.crewName, tools: results.length }, 'case turn answered');
}

/** Why a turn's signal stopped it. */
export function abortReason(signal: AbortSignal): string {
  return String((signal.reason as Error | undefined)?.message ?? 'aborted');
}

function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => !seen.has(c.id) && seen.add(c.id));
}
