/**
 * What a turn stores, each step in one transaction of the case's event log: the routing and the
 * first answer message, the finished answer and the case's next state, and the ways a turn ends
 * early (incomplete, refused, over budget, stopped, failed). Rows the worker already holds are not
 * read again; a transaction reads the case row only where it must see its current state.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import type { RoutingDecision, RoutingPart } from '../agents/router/router.js';
import type { DeskActions } from '../agents/tools/index.js';
import { Case, type Citation, type ICase, Message, type ToolCallRecord } from '../db/entities/index.js';
import {
  type CaseRow,
  type CustomerSummary,
  type MessageRow,
  selectCase,
  selectCustomerSummary,
  selectTurnMessages,
  updateMessages,
} from '../db/sql/case-rows.js';
import type { MessageView } from '../events.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import { maxPriority, publishCaseUpdate, toMessageView } from './case.service.js';
import type { CaseEventLog, RecordEvent, RecordRowEvent } from './case-event-log.js';
import type { CaseTx } from './case-tx.js';
import type { Overhead, Usage } from './pricing.js';
import { profileText } from './turn-memory.js';

/** A turn's case, its customer and its completed messages, read once. */
export interface LoadedTurn {
  c: CaseRow;
  /** The customer's name and plan (null when the customer row is gone). */
  customer: CustomerSummary | null;
  messages: MessageRow[];
  /** The customer's messages this turn answers, oldest first. */
  pending: MessageRow[];
  /** Answers still marked STREAMING: a turn that never ended (its instance died) left them. */
  orphans: MessageRow[];
}

/** An answer message that was started. */
export interface StartedMessage {
  id: string;
  agentName: string;
  createdAt: Date;
}

/** Names an answer message before its transaction stores it (so its agents can start meanwhile). */
export function newMessage(agentName: string): StartedMessage {
  return { id: randomUUID(), agentName, createdAt: new Date() };
}

/** What a finished answer stores. */
export interface FinishedAnswer {
  message: StartedMessage;
  content: string;
  citations: Citation[];
  toolCalls: ToolCallRecord[];
  usage: Usage;
  model: string;
  costUsd: number;
  latencyMs: number;
  timeToFirstTokenMs: number | null;
  /** The agent that wrote the answer when a handoff moved it from the routed one. */
  handedTo: string | null;
}

/** Creates the turn store. */
export function createTurnStore(deps: { orm: MikroORM; log: CaseEventLog; pubsub: PubSub; audit: AuditLog }) {
  const { orm, log, pubsub } = deps;

  function chargeCase(
    row: Pick<CaseRow, 'promptTokens' | 'completionTokens' | 'costUsd'>,
    usage: Usage,
    costUsd: number,
  ): void {
    row.promptTokens = (row.promptTokens ?? 0) + usage.promptTokens;
    row.completionTokens = (row.completionTokens ?? 0) + usage.completionTokens;
    row.costUsd = Math.round(((row.costUsd ?? 0) + costUsd) * 1e6) / 1e6;
  }

  /** Creates the (streaming) agent message named before, and its AGENT_STARTED events, in a transaction. */
  function createAgentMessage(
    tx: CaseTx,
    record: RecordRowEvent,
    row: { id: string; seqReserved: number },
    agents: string[],
    { id, agentName, createdAt }: StartedMessage,
  ): StartedMessage {
    const m = tx.newMessage({
      id,
      caseId: row.id,
      authorKind: 'AGENT',
      authorName: null,
      agentName,
      content: '',
      status: 'STREAMING',
      idempotencyKey: null,
      citations: null,
      toolCalls: null,
      usage: null,
      model: null,
      costUsd: null,
      latencyMs: null,
      timeToFirstTokenMs: null,
      answered: true,
      createdAt,
    });
    for (const name of agents) record(row, { type: 'AGENT_STARTED', agent: name, messageId: m.id });
    return { id: m.id, agentName, createdAt };
  }

  /** The view of an agent message from what the worker holds (no read). */
  function viewOf(
    caseId: string,
    m: StartedMessage,
    fields: Partial<MessageView> & Pick<MessageView, 'content' | 'status'>,
  ): MessageView {
    return {
      id: m.id,
      caseId,
      authorKind: 'AGENT',
      authorName: null,
      agentName: m.agentName,
      citations: [],
      toolCalls: [],
      usage: null,
      model: null,
      costUsd: null,
      latencyMs: null,
      timeToFirstTokenMs: null,
      createdAt: m.createdAt,
      ...fields,
    };
  }

  /**
   * Sets a message still streaming to what was said of it so far, INCOMPLETE, and records its
   * completion event (none when it was closed already, by the instance that took its case over).
   */
  async function incomplete(
    tx: EntityManager,
    record: RecordEvent,
    row: ICase,
    m: StartedMessage,
    partial: string,
  ): Promise<void> {
    const n = await tx.nativeUpdate(
      Message,
      { id: m.id, status: 'STREAMING' },
      { content: partial, status: 'INCOMPLETE' },
    );
    if (n === 0) return;
    record(row, {
      type: 'MESSAGE_COMPLETED',
      message: viewOf(row.id, m, { content: partial, status: 'INCOMPLETE' }),
    });
  }

  const store = {
    /** The case with its customer and its completed messages; null when the case is gone. */
    async load(caseId: string): Promise<LoadedTurn | null> {
      // One connection for the three reads (one pool round, not three, before the first token).
      const read = await log.sql.session(async (q) => {
        const c = await selectCase(q, caseId);
        if (!c) return null;
        const [customer, rows] = await Promise.all([
          selectCustomerSummary(q, c.customerId),
          selectTurnMessages(q, caseId),
        ]);
        return { c, customer, rows };
      });
      if (!read) return null;
      const { c, customer, rows } = read;
      const messages = rows.filter((m) => m.status === 'COMPLETE');
      const orphans = rows.filter((m) => m.status === 'STREAMING');
      const pending = messages.filter((m) => m.authorKind === 'CUSTOMER' && !m.answered);
      return { c, customer, messages, pending, orphans };
    },

    /**
     * Closes answers a dead instance left STREAMING: each keeps the text it had streamed (from the
     * shared live buffer when there is one) and is marked INCOMPLETE, with its events, before the
     * case is answered again.
     */
    async closeOrphans(caseId: string, orphans: MessageRow[]): Promise<void> {
      const texts = await Promise.all(orphans.map((m) => log.liveText(caseId, m.id)));
      await log.transaction(caseId, async (tx, record) => {
        const row = await log.caseRow(tx, caseId);
        for (const [i, m] of orphans.entries()) {
          const started = { id: m.id, agentName: m.agentName ?? '', createdAt: m.createdAt };
          await incomplete(tx, record, row, started, texts[i] || m.content);
        }
        record(row, {
          type: 'CASE_ERROR',
          code: 'ANSWER_INTERRUPTED',
          message: 'The answer was cut off (the server writing it stopped); answering again.',
          recoverable: true,
        });
      });
    },

    /** The customer's profile for an agent's instructions (from what the turn loaded). */
    profile(turn: LoadedTurn): string {
      return profileText(turn.c.id, turn.customer);
    },

    /** Marks a case as having nothing for an agent to do. */
    async idle(caseId: string): Promise<void> {
      await orm.em.fork().nativeUpdate(Case, { id: caseId }, { workState: 'IDLE' });
    },

    /**
     * Routing, priority and status changes, stored before the agents start; the first answer's
     * message starts in the same transaction (one less round before the first token).
     */
    async route(
      caseId: string,
      input: {
        decision: RoutingDecision;
        parts: RoutingPart[];
        route: string;
        handoffFrom: string | null;
        agentsOnDuty: string[];
        memory: { summary?: string; summarizedCount: number };
        /** The first answer's message, named before (null: none starts with the routing). */
        message: StartedMessage | null;
      },
    ): Promise<{ row: CaseRow; message: StartedMessage | null }> {
      const { decision, parts, route } = input;
      const routed = await log.sqlTransaction(caseId, async (tx, record) => {
        const row = await tx.case(caseId);
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
        if (input.handoffFrom)
          record(row, {
            type: 'AGENT_HANDOFF',
            from: input.handoffFrom,
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
        row.route = route as CaseRow['route'];
        row.intent = decision.intent;
        row.agentName = parts.length ? parts.map((p) => p.route).join('+') : route;
        row.workState = 'RUNNING';
        if (input.memory.summary !== undefined) {
          row.summary = input.memory.summary;
          row.summarizedCount = input.memory.summarizedCount;
        }
        const message = input.message ? createAgentMessage(tx, record, row, input.agentsOnDuty, input.message) : null;
        return { row, message };
      });
      publishCaseUpdate(pubsub, routed.row);
      return routed;
    },

    /** Starts a new agent message in its own transaction. */
    startMessage(caseId: string, agents: string[], agentName: string): Promise<StartedMessage> {
      return log.sqlTransaction(caseId, async (tx, record) =>
        createAgentMessage(tx, record, await log.seqRow(tx, caseId), agents, newMessage(agentName)),
      );
    },

    /**
     * The answer, its events, the customer's messages answered and the case's next state, in one
     * transaction. The case goes back to QUEUED when a message arrived while the agents ran.
     */
    async finish(caseId: string, pendingIds: string[], answer: FinishedAnswer, overhead: Overhead): Promise<void> {
      const row = await log.sqlTransaction(caseId, async (tx, record) => {
        const row = await tx.case(caseId);
        const agentName = answer.handedTo ?? answer.message.agentName;
        const fields = {
          content: answer.content,
          status: 'COMPLETE' as const,
          citations: answer.citations,
          toolCalls: answer.toolCalls,
          usage: answer.usage,
          model: answer.model,
          costUsd: answer.costUsd,
          agentName,
          latencyMs: answer.latencyMs,
          timeToFirstTokenMs: answer.timeToFirstTokenMs,
        };
        await updateMessages(tx.q, [answer.message.id], fields);
        await updateMessages(tx.q, pendingIds, { answered: true });
        chargeCase(
          row,
          {
            promptTokens: answer.usage.promptTokens + overhead.usage.promptTokens,
            completionTokens: answer.usage.completionTokens + overhead.usage.completionTokens,
            totalTokens: answer.usage.totalTokens + overhead.usage.totalTokens,
          },
          answer.costUsd + overhead.costUsd,
        );
        if (answer.handedTo) {
          row.route = answer.handedTo as CaseRow['route'];
          row.agentName = answer.handedTo;
        }
        record(row, { type: 'MESSAGE_COMPLETED', message: viewOf(caseId, answer.message, fields) });
        row.firstResponseAt ??= new Date();
        if (row.status !== 'ESCALATED' && row.status !== 'CLOSED' && row.status !== 'RESOLVED') {
          record(row, { type: 'STATUS_CHANGED', from: row.status, to: 'WAITING_ON_CUSTOMER', by: 'agent' });
          row.status = 'WAITING_ON_CUSTOMER';
        }
        // Decided by the database as the row is written, so a follow-up stored meanwhile is not lost.
        tx.setExpression(caseId, 'workState', {
          sql: "case when exists (select 1 from messages where case_id = ? and author_kind = 'CUSTOMER' and answered = ?) then 'QUEUED' else 'IDLE' end",
          params: [caseId, false],
        });
        return row;
      });
      publishCaseUpdate(pubsub, row);
    },

    /** Keeps what was said of a message, marks it incomplete, and records why. */
    async markIncomplete(
      caseId: string,
      m: StartedMessage,
      error: { code: string; message: string; recoverable: boolean },
    ): Promise<void> {
      const partial = log.liveTokens(caseId, m.id);
      await log.transaction(caseId, async (tx, record) => {
        const row = await log.caseRow(tx, caseId);
        await incomplete(tx, record, row, m, partial);
        record(row, { type: 'CASE_ERROR', ...error });
      });
    },

    /** A guardrail tripped: a polite refusal, a case event and a stored security event. */
    async refuse(
      caseId: string,
      customerId: string,
      pendingIds: string[],
      trip: { guardrail: 'relevance' | 'jailbreak'; reason: string },
      refusalText: string,
      model: string,
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
          content: refusalText,
          status: 'COMPLETE',
          answered: true,
          model,
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
    },

    /** The token budget is spent: stop, say so, and hand the case to a human. */
    async stopForBudget(
      caseId: string,
      pendingIds: string[],
      m: StartedMessage | null,
      why: string,
      spent?: Overhead,
    ): Promise<void> {
      const text = `Stopped: ${why}; a human operator will take over.`;
      await log.transaction(caseId, async (tx, record) => {
        const row = await tx.findOneOrFail(Case, { id: caseId });
        if (spent) chargeCase(row, spent.usage, spent.costUsd);
        if (m) await incomplete(tx, record, row, m, log.liveTokens(caseId, m.id));
        record(row, { type: 'CASE_ERROR', code: 'BUDGET_EXHAUSTED', message: text, recoverable: false });
        await tx.nativeUpdate(Message, { id: { $in: pendingIds } }, { answered: true });
      });
      await store.actions(caseId).escalate(`token budget: ${why}`, 'HIGH');
      await store.idle(caseId);
    },

    /** Stopped by the desk (parked for the next start) or by an operator or closure (left to the human). */
    async abort(caseId: string, m: StartedMessage | null, reason: string): Promise<void> {
      const partial = m ? log.liveTokens(caseId, m.id) : '';
      const row = await log.transaction(caseId, async (tx, record) => {
        const row = await tx.findOneOrFail(Case, { id: caseId });
        if (m) await incomplete(tx, record, row, m, partial);
        // Parked: the customer's messages stay unanswered and the case is resumed at next start.
        row.workState = reason === 'shutdown' ? 'QUEUED' : 'IDLE';
        return row;
      });
      publishCaseUpdate(pubsub, row);
    },

    /** A failure: keep what was said, mark it incomplete, and never leave the case hanging. */
    async fail(caseId: string, m: StartedMessage, text: string, code: string): Promise<void> {
      const partial = log.liveTokens(caseId, m.id);
      const row = await log.transaction(caseId, async (tx, record) => {
        const row = await tx.findOneOrFail(Case, { id: caseId });
        await incomplete(tx, record, row, m, partial);
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
    },

    /** Escalation as tools and failures use it. */
    actions(caseId: string): DeskActions {
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
    },
  };
  return store;
}
