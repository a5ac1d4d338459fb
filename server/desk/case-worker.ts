/**
 * Works one case: triage (route, priority, crew), the agent run(s) with tokens streamed as case
 * events, then the stored answer and the case's next state. Parks cleanly when stopped.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/sqlite';
import { runAgent, type AgentRunResult } from '../agents/agent-runner.js';
import { AGENTS, type AgentDefinition } from '../agents/definitions/index.js';
import type { KnowledgeBase } from '../agents/knowledge/knowledge-base.js';
import type { RoutingDecision, Router, RoutingPart } from '../agents/router/router.js';
import type { DeskActions } from '../agents/tools/index.js';
import { createCustomerData } from '../db/customer-data.repository.js';
import { Case, Message, type Citation, type ICase, type IMessage, type Priority, type ToolCallRecord } from '../db/entities/index.js';
import type { Logger } from '../logger.js';
import type { ChatMessage, LlmProvider } from '../providers/provider.js';
import type { PubSub } from '../pubsub.js';
import type { AgentMetrics } from './agent-metrics.js';
import type { CaseEventLog } from './case-event-log.js';
import { topics, type DeskEvent } from './case-events.js';
import { maxPriority, publishCaseUpdate, toMessageView } from './case.service.js';

/** What the worker needs. */
export interface CaseWorkerDeps {
  orm: MikroORM;
  log: CaseEventLog;
  pubsub: PubSub;
  router: Router;
  provider: LlmProvider;
  kb: KnowledgeBase;
  metrics: AgentMetrics;
  logger: Logger;
  company: string;
  maxTurns: number;
}

type AgentName = AgentDefinition['name'];
const EXPLICIT: Record<string, AgentName> = { BILLING: 'billing', TECHNICAL: 'technical', ESCALATION: 'escalation', GENERAL: 'general' };
const HANDOFF_CONFIDENCE = 0.75;
const HISTORY_MESSAGES = 20;
const AGENT_TITLES = Object.fromEntries(Object.values(AGENTS).map((a) => [a.name, a.title]));

/** Creates the function the work queue runs for each case. */
export function createCaseWorker(deps: CaseWorkerDeps) {
  const { orm, log, pubsub, router } = deps;

  function publishAgentStatus(agent: string): void {
    const s = deps.metrics.of(agent);
    const ev: DeskEvent = { type: 'AGENT_STATUS', at: new Date(), agent, active: s.active, handled: s.handled, errors: s.errors };
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
  function triage(c: ICase, request: string): { decision: RoutingDecision; parts: RoutingPart[]; handoffFrom: string | null } {
    const d = router.route(request);
    const isFollowUp = !!c.agentName;
    if (c.emergency) {
      return { decision: { ...d, route: 'escalation', method: 'RULE', reason: `emergency flagged by the customer; ${d.reason}`, emergency: true, priority: 'URGENT' }, parts: [], handoffFrom: null };
    }
    if (!isFollowUp && EXPLICIT[c.requestType]) {
      const route = EXPLICIT[c.requestType];
      const intent = d.route === route ? d.intent : route;
      return { decision: { ...d, route, intent, method: 'EXPLICIT', reason: `request type ${c.requestType} chosen by the customer (classifier said ${d.route})` }, parts: [], handoffFrom: null };
    }
    if (isFollowUp && c.route) {
      const current = c.route as AgentName;
      const clearlyElsewhere = d.route !== current && (d.method === 'RULE' || (d.method === 'CLASSIFIER' && d.confidence >= HANDOFF_CONFIDENCE && !['small_talk', 'out_of_scope'].includes(d.intent)));
      if (!clearlyElsewhere) {
        return { decision: { ...d, route: current, intent: d.route === current ? d.intent : c.intent ?? d.intent, method: 'FOLLOW_UP', reason: `follow-up stays with ${current} (classifier: ${d.route} ${d.confidence.toFixed(2)})` }, parts: [], handoffFrom: null };
      }
      return { decision: d, parts: [], handoffFrom: current };
    }
    const wantsCrew = c.requestType === 'COMPLEX' || d.parts.length >= 2;
    return { decision: d, parts: wantsCrew && d.parts.length >= 2 ? d.parts : [], handoffFrom: null };
  }

  return async function processCase(caseId: string, signal: AbortSignal): Promise<void> {
    const em = orm.em.fork();
    const c = await em.findOne(Case, { id: caseId }, { populate: ['customer'] });
    if (!c) return;
    const pending = await em.find(Message, { case: caseId, authorKind: 'CUSTOMER', answered: false }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    if (pending.length === 0 || c.status === 'CLOSED' || c.assignee) {
      // Nothing to answer, or a human owns the case now.
      await em.nativeUpdate(Case, { id: caseId }, { workState: 'IDLE' });
      return;
    }
    const request = pending.map((m) => m.content).join('\n\n');
    const history = await buildHistory(caseId, new Set(pending.map((m) => m.id)));
    const { decision, parts, handoffFrom } = triage(c, request);
    const route = decision.route as AgentName;

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
      if (handoffFrom) record(row, { type: 'AGENT_HANDOFF', from: handoffFrom, to: route, reason: `follow-up is about ${route}: ${decision.reason}` });
      const wanted: Priority = decision.priority ?? row.priority;
      const priority = maxPriority(row.priority, wanted);
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
      const agentName = row.agentName;
      const m = tx.create(Message, { id: randomUUID(), case: row, authorKind: 'AGENT', agentName, content: '', status: 'STREAMING', answered: true });
      m.createdAt = new Date();
      for (const name of parts.length ? parts.map((p) => p.route) : [route]) record(row, { type: 'AGENT_STARTED', agent: name, messageId: m.id });
      return { row, message: m };
    });
    publishCaseUpdate(pubsub, routed.row);
    if (decision.emergency) {
      const alert: DeskEvent = { type: 'EMERGENCY_ALERT', caseId, at: new Date(), reason: decision.reason };
      pubsub.publish(topics.desk, alert);
    }

    if (decision.needsHuman) await deskActions(caseId).escalate(`router unsure: ${decision.reason}`, 'NORMAL');

    const messageId = routed.message.id;
    const emitToken = (agent: string, text: string) => log.emitLive(caseId, { type: 'TOKEN_DELTA', agent, messageId, text });
    const onToolCalled = (r: ToolCallRecord) =>
      log.emit(caseId, { type: 'TOOL_CALLED', agent: r.agent, messageId, tool: r.name, input: short(r.input), output: short(r.output), ok: r.ok, durationMs: r.durationMs }).then(() => undefined);

    const profile = await customerProfile(caseId, c.customer.id);
    const runOne = (agentName: AgentName, text: string, intent: string, onToken: (t: string) => unknown): Promise<AgentRunResult> => {
      const agent = AGENTS[agentName];
      return runAgent({
        agent,
        provider: deps.provider,
        model: deps.provider.model,
        company: deps.company,
        profile,
        history,
        request: text,
        hints: { route: agentName, intent },
        maxTurns: deps.maxTurns,
        signal,
        hooks: { onToken: async (t) => void (await onToken(t)), onToolCalled },
        toolContext: { caseId, data: createCustomerData(orm.em.fork(), c.customer.id), kb: deps.kb, desk: deskActions(caseId), route: agentName, now: new Date() },
      });
    };

    const agentsOnDuty = parts.length ? parts.map((p) => p.route) : [route];
    for (const a of agentsOnDuty) {
      deps.metrics.started(a);
      publishAgentStatus(a);
    }
    const started = performance.now();
    let results: { agent: string; result: AgentRunResult }[] = [];
    try {
      if (parts.length === 0) {
        results = [{ agent: route, result: await runOne(route, request, decision.intent, (t) => emitToken(route, t)) }];
      } else {
        results = await runCrew(parts, runOne, emitToken);
      }
    } catch (err) {
      for (const a of agentsOnDuty) {
        deps.metrics.finished(a, { ok: false, timeToFirstTokenMs: null, latencyMs: 0 });
        publishAgentStatus(a);
      }
      await settleFailure(caseId, routed.message, err, signal);
      return;
    }
    for (const { agent, result } of results) {
      deps.metrics.finished(agent, { ok: true, timeToFirstTokenMs: result.timeToFirstTokenMs, latencyMs: result.latencyMs });
      publishAgentStatus(agent);
    }

    const content = parts.length ? crewContent(parts, results) : results[0].result.content;
    const usage = results.reduce((u, r) => ({ promptTokens: u.promptTokens + r.result.usage.promptTokens, completionTokens: u.completionTokens + r.result.usage.completionTokens, totalTokens: u.totalTokens + r.result.usage.totalTokens }), { promptTokens: 0, completionTokens: 0, totalTokens: 0 });
    const citations = dedupe(results.flatMap((r) => r.result.citations));
    const ttfts = results.map((r) => r.result.timeToFirstTokenMs).filter((x): x is number => x !== null);
    const finished = await log.transaction(caseId, async (tx, record) => {
      const row = await tx.findOneOrFail(Case, { id: caseId });
      const m = await tx.findOneOrFail(Message, { id: messageId });
      Object.assign(m, {
        content,
        status: 'COMPLETE',
        citations,
        toolCalls: results.flatMap((r) => r.result.toolCalls),
        usage,
        latencyMs: Math.round(performance.now() - started),
        timeToFirstTokenMs: ttfts.length ? Math.min(...ttfts) : null,
      });
      await tx.nativeUpdate(Message, { id: { $in: pending.map((p) => p.id) } }, { answered: true });
      record(row, { type: 'MESSAGE_COMPLETED', message: toMessageView(m) });
      row.firstResponseAt ??= new Date();
      if (row.status !== 'ESCALATED' && row.status !== 'CLOSED' && row.status !== 'RESOLVED') {
        record(row, { type: 'STATUS_CHANGED', from: row.status, to: 'WAITING_ON_CUSTOMER', by: 'agent' });
        row.status = 'WAITING_ON_CUSTOMER';
      }
      const more = await tx.count(Message, { case: caseId, authorKind: 'CUSTOMER', answered: false, id: { $nin: pending.map((p) => p.id) } });
      row.workState = more > 0 ? 'QUEUED' : 'IDLE';
      return row;
    });
    publishCaseUpdate(pubsub, finished);
  };

  /** Stops or failures: keep what was said, mark it incomplete, and never leave the case hanging. */
  async function settleFailure(caseId: string, message: IMessage, err: unknown, signal: AbortSignal): Promise<void> {
    const reason = signal.aborted ? String((signal.reason as Error | undefined)?.message ?? 'aborted') : 'error';
    const partial = log.liveTokens(caseId, message.id);
    if (reason === 'error') deps.logger.error({ err, caseId }, 'agent run failed');
    const escalate = reason === 'error';
    const row = await log.transaction(caseId, async (tx, record) => {
      const row = await tx.findOneOrFail(Case, { id: caseId });
      const m = await tx.findOneOrFail(Message, { id: message.id });
      m.content = partial;
      m.status = 'INCOMPLETE';
      record(row, { type: 'MESSAGE_COMPLETED', message: toMessageView(m) });
      if (reason === 'shutdown') {
        // Parked: the customer's messages stay unanswered and the case is resumed at next start.
        row.workState = 'QUEUED';
        return row;
      }
      if (escalate) {
        record(row, { type: 'CASE_ERROR', code: 'AGENT_FAILED', message: 'The agent could not finish its answer; a human operator will take over.', recoverable: true });
        await tx.nativeUpdate(Message, { case: caseId, authorKind: 'CUSTOMER', answered: false }, { answered: true });
        if (row.status !== 'ESCALATED') {
          record(row, { type: 'STATUS_CHANGED', from: row.status, to: 'ESCALATED', by: 'system' });
          row.status = 'ESCALATED';
        }
        record(row, { type: 'CASE_ESCALATED', reason: 'agent failure', by: 'system', priority: row.priority });
      }
      row.workState = 'IDLE';
      return row;
    });
    publishCaseUpdate(pubsub, row);
  }

  async function buildHistory(caseId: string, exclude: Set<string>): Promise<ChatMessage[]> {
    const rows = await orm.em.fork().find(Message, { case: caseId, status: 'COMPLETE' }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: HISTORY_MESSAGES + exclude.size });
    return rows
      .filter((m) => !exclude.has(m.id) && m.content)
      .slice(0, HISTORY_MESSAGES)
      .reverse()
      .map((m) => (m.authorKind === 'CUSTOMER' ? { role: 'user', content: m.content } : { role: 'assistant', content: m.content }));
  }

  async function customerProfile(caseId: string, customerId: string): Promise<string> {
    const { customer, subscription, openCases } = await createCustomerData(orm.em.fork(), customerId).profile();
    const lines = [`Customer: ${customer?.name ?? 'Guest'}`];
    if (subscription) lines.push(`Plan: ${subscription.plan.name} (${subscription.billingCycle}, ${subscription.status})`);
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
