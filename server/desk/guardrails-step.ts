/**
 * The guardrails step of a turn (model path only): the request is checked before any answer is
 * streamed; a tripped check stores the refusal and ends the turn, and guardrails that cannot be
 * reached leave the agents' own rules in charge.
 */
import { refusal, runGuardrails } from '../agents/guardrails.js';
import type { Logger } from '../logger.js';
import type { OpenAiProvider } from '../providers/openai/openai.provider.js';
import type { CaseWorkerDeps } from './case-worker-deps.js';
import { addUsage, costOf, type Overhead } from './pricing.js';
import { abortReason } from './turn-end.js';
import type { createTurnStore } from './turn-store.js';

/** What the step needs of the turn. */
interface GuardedTurn {
  caseId: string;
  customerId: string;
  request: string;
  pendingIds: string[];
  overhead: Overhead;
  signal: AbortSignal;
}

/** Runs the guardrails on `model`, charging `turn.overhead`; true when the turn ended (refused or stopped). */
export async function guardTurn(
  deps: CaseWorkerDeps,
  store: ReturnType<typeof createTurnStore>,
  model: OpenAiProvider,
  turn: GuardedTurn,
  logger: Logger,
): Promise<boolean> {
  const { caseId, overhead, signal } = turn;
  try {
    const g = await runGuardrails(model, deps.routerModel, deps.company, turn.request, signal);
    overhead.usage = addUsage(overhead.usage, g.usage);
    overhead.costUsd += costOf(deps.prices, deps.routerModel, g.usage);
    const trip = g.verdicts.find((v) => v.tripped);
    if (!trip) return false;
    const text = refusal({ ...trip, tripped: true }, deps.company);
    await store.refuse(caseId, turn.customerId, turn.pendingIds, trip, text, deps.routerModel, overhead);
    return true;
  } catch (err) {
    if (signal.aborted) {
      await store.abort(caseId, null, abortReason(signal));
      return true;
    }
    logger.warn({ err }, 'guardrails unavailable; the agent’s own rules still apply');
    return false;
  }
}
