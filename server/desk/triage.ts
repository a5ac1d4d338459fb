/**
 * Who answers a turn: an emergency, an explicit request type, follow-up stickiness, or the router
 * (and, in llm or hybrid routing, a model for unsure cases).
 */
import type { AgentDefinition } from '../agents/definitions/index.js';
import { routeWithLlm } from '../agents/router/llm-router.js';
import type { Router, RoutingDecision, RoutingPart } from '../agents/router/router.js';
import { topicOf } from '../agents/router/topics.js';
import type { PriceTable } from '../config.js';
import type { CaseRow } from '../db/sql/case-rows.js';

/** What triage reads of the case. */
type TriageCase = Pick<CaseRow, 'id' | 'requestType' | 'agentName' | 'emergency' | 'route' | 'intent'>;

import type { Logger } from '../logger.js';
import type { OpenAiProvider } from '../providers/openai/openai.provider.js';
import { addUsage, costOf, type Overhead } from './pricing.js';

/** An agent's name. */
export type AgentName = AgentDefinition['name'];

/** What triage decided. */
export interface Triage {
  decision: RoutingDecision;
  parts: RoutingPart[];
  handoffFrom: string | null;
  /** What the customer wrote supports an emergency (not only the checkbox): alert every operator. */
  alert: boolean;
}

const EXPLICIT: Record<string, AgentName> = {
  BILLING: 'billing',
  TECHNICAL: 'technical',
  ESCALATION: 'escalation',
  GENERAL: 'general',
};
const HANDOFF_CONFIDENCE = 0.75;

/** Decides who answers: explicit type, emergency, follow-up stickiness, or the router. */
export function triage(router: Router, c: TriageCase, request: string): Triage {
  const d = router.route(request);
  return { ...decide(d, c, request), alert: d.emergency };
}

function decide(d: RoutingDecision, c: TriageCase, request: string): Omit<Triage, 'alert'> {
  const isFollowUp = !!c.agentName;
  if (c.emergency) {
    return {
      decision: {
        ...d,
        route: 'escalation',
        method: 'RULE',
        // The case is an emergency from the checkbox, or from its wording when it was stored.
        reason: d.emergency ? `emergency: ${d.reason}` : `emergency flagged by the customer; ${d.reason}`,
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
    // Several parts (one follow-up asking several things, or quick follow-ups batched into one
    // turn): each part gets its agent, as on a first message.
    if (d.parts.length >= 2) return { decision: d, parts: d.parts, handoffFrom: null };
    const clearlyElsewhere =
      d.route !== current &&
      (d.method === 'RULE' ||
        (d.method === 'CLASSIFIER' &&
          d.confidence >= HANDOFF_CONFIDENCE &&
          !['small_talk', 'out_of_scope'].includes(d.intent)));
    // Under the handoff confidence, a follow-up that names another team's subject ("what about
    // the amber light?" on a billing case) still goes there: its own subject drives the answer.
    const topic = clearlyElsewhere ? null : topicOf(request);
    if (topic && topic.route !== current && d.intent !== 'small_talk') {
      const intent = d.route === topic.route ? d.intent : topic.intent;
      return {
        decision: {
          ...d,
          route: topic.route,
          intent,
          method: 'FOLLOW_UP',
          reason: `follow-up names a ${topic.route} subject ("${topic.match}"; classifier: ${d.route} ${d.confidence.toFixed(2)})`,
        },
        parts: [],
        handoffFrom: current,
      };
    }
    if (!clearlyElsewhere) {
      // The new message's intent drives the answer: a thank-you gets a short reply, not the old
      // question's answer again; "still broken after I tried that" offers a human.
      const stuck = stillBroken(request);
      const intent = stuck
        ? 'human_agent'
        : d.intent === 'small_talk'
          ? 'small_talk'
          : d.route === current
            ? d.intent
            : (c.intent ?? d.intent);
      return {
        decision: {
          ...d,
          route: current,
          intent,
          method: 'FOLLOW_UP',
          reason: stuck
            ? `follow-up says the earlier steps did not help: ${current} offers a human`
            : `follow-up stays with ${current} (classifier: ${d.route} ${d.confidence.toFixed(2)})`,
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

/** "I tried the restart and it still drops": the earlier steps did not help. */
function stillBroken(text: string): boolean {
  return (
    /\b(?:tried|did|done|followed|restarted|rebooted|reset)\b[^.!?]{0,80}\b(?:still|again|same)\b/i.test(text) ||
    /\b(?:still|again)\b[^.!?]{0,30}\b(?:not working|doesn'?t work|does not work|broken|drops|dropping|failing|fails|the same)\b/i.test(
      text,
    ) ||
    /\b(?:didn'?t|did not|doesn'?t|does not) (?:help|work|fix)\b/i.test(text)
  );
}

/** What model routing needs. */
export interface ModelRoutingDeps {
  llm: OpenAiProvider | null;
  routerMode: 'embedded' | 'llm' | 'hybrid';
  routerLlmThreshold: number;
  routerModel: string;
  company: string;
  intents: string[];
  prices: PriceTable;
  logger: Logger;
}

/** Asks the model to route when the mode says so (always in llm mode; when unsure in hybrid). */
export async function maybeRouteWithModel(
  deps: ModelRoutingDeps,
  c: TriageCase,
  request: string,
  t: Triage,
  overhead: Overhead,
  signal: AbortSignal,
): Promise<Pick<Triage, 'decision' | 'parts'>> {
  const { decision, parts } = t;
  if (!deps.llm || deps.routerMode === 'embedded' || c.agentName || c.emergency) return { decision, parts };
  if (decision.method !== 'CLASSIFIER' && decision.method !== 'LOW_CONFIDENCE') return { decision, parts };
  if (parts.length >= 2) return { decision, parts };
  if (deps.routerMode === 'hybrid' && decision.confidence >= deps.routerLlmThreshold) return { decision, parts };
  try {
    const r = await routeWithLlm(deps.llm, deps.routerModel, deps.company, request, deps.intents, signal);
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
