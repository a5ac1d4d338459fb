/**
 * Cases: submitting requests (store first, then queue the agents), operator replies and case
 * updates, and the queries the API needs.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/sqlite';
import { LRUCache } from 'lru-cache';
import {
  Case,
  type CaseStatus,
  type ICase,
  type IMessage,
  Message,
  type Priority,
  type Route,
} from '../db/entities/index.js';
import { type CaseRow, ensureGuestCustomer, type MessageRow, newCaseRow, newMessageRow } from '../db/sql/case-rows.js';
import { isUniqueViolation } from '../db/sql/sql-runner.js';
import { BadInputError, ConflictError, NotFoundError, UnavailableError } from '../errors.js';
import { type CaseEventPayload, type DeskEvent, type MessageView, topics } from '../events.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import { maskCardNumbers } from '../security/card-numbers.js';
import { detectInjection } from '../security/injection.js';
import { extractTrace, injectTrace, inSpan } from '../tracing.js';
import type { CaseEventLog } from './case-event-log.js';
import { urgencyOf } from './emergency-rules.js';
import { cleanContext, cleanIdempotencyKey, cleanMessage } from './input.js';
import { operatorName } from './operator-name.js';
import type { TurnOrigin } from './ports.js';

/** What the customer is told when a card number was removed from their message. */
export const CARD_NOTICE =
  'For your security we removed a card number from your message before storing it. Please never send full card numbers — the last 4 digits are all we need.';

export const REQUEST_TYPES = ['AUTO', 'BILLING', 'TECHNICAL', 'ESCALATION', 'GENERAL', 'COMPLEX'] as const;
type RequestType = (typeof REQUEST_TYPES)[number];

/** A customer's request. */
export interface SubmitRequestInput {
  message: string;
  requestType?: RequestType;
  emergency?: boolean;
  caseId?: string | null;
  context?: unknown;
  idempotencyKey?: string | null;
}

/** Who acts. */
export interface Actor {
  kind: 'customer' | 'operator';
  id: string;
  role: 'customer' | 'operator' | 'admin';
  name?: string;
}

/** Filters of the case list. */
export interface CaseFilter {
  status?: CaseStatus[];
  route?: Route[];
  priority?: Priority[];
  emergency?: boolean;
  customerId?: string;
}

/** A page of cases. */
export interface CasePage {
  cases: ICase[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

/** What the service needs from the rest of the desk. */
export interface CaseServiceDeps {
  log: CaseEventLog;
  pubsub: PubSub;
  enqueue(caseId: string, priority: Priority, origin?: TurnOrigin): void;
  abortAgents(caseId: string, reason: 'operator' | 'closed'): void;
  isAccepting(): boolean;
  limits: { maxMessageLength: number; maxContextBytes: number };
  audit: AuditLog;
  /**
   * Checks an assignee (a known operator; BAD_USER_INPUT otherwise) and names their team;
   * `withinCapacity`: a ConflictError when their open cases fill their capacity.
   */
  checkAssignee?(
    tx: EntityManager,
    assignee: string,
    actor: Actor,
    opts?: { withinCapacity?: boolean },
  ): Promise<{ team: string | null }>;
}

/** Where a request came from, for the audit trail, the worker's log lines and the trace. */
export interface RequestMeta {
  ip?: string;
  requestId?: string;
  /** The caller's W3C trace headers (`traceparent`, `tracestate`), when it sent any. */
  trace?: Record<string, string>;
}

const PRIORITY_RANK: Record<Priority, number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

/** The higher of two priorities. */
export function maxPriority(a: Priority, b: Priority): Priority {
  return PRIORITY_RANK[a] >= PRIORITY_RANK[b] ? a : b;
}

/** A stored message as the API and events carry it. */
export function toMessageView(m: IMessage | MessageRow, content = m.content): MessageView {
  return {
    id: m.id,
    caseId: 'caseId' in m ? m.caseId : typeof m.case === 'string' ? m.case : m.case.id,
    authorKind: m.authorKind,
    authorName: m.authorName ?? null,
    agentName: m.agentName ?? null,
    content,
    status: m.status,
    citations: m.citations ?? [],
    toolCalls: m.toolCalls ?? [],
    usage: m.usage ?? null,
    model: m.model ?? null,
    costUsd: m.costUsd ?? null,
    latencyMs: m.latencyMs ?? null,
    timeToFirstTokenMs: m.timeToFirstTokenMs ?? null,
    createdAt: m.createdAt,
  };
}

/** Publishes a case-level change for dashboards. */
export function publishCaseUpdate(
  pubsub: PubSub,
  c: Pick<ICase, 'id' | 'status' | 'priority' | 'route' | 'emergency' | 'subject' | 'assignee' | 'agentName'>,
  created = false,
): void {
  const at = new Date();
  const ev: DeskEvent = created
    ? {
        type: 'CASE_CREATED',
        caseId: c.id,
        at,
        status: c.status,
        priority: c.priority,
        route: c.route ?? null,
        emergency: c.emergency,
        subject: c.subject,
      }
    : {
        type: 'CASE_UPDATED',
        caseId: c.id,
        at,
        status: c.status,
        priority: c.priority,
        route: c.route ?? null,
        emergency: c.emergency,
        assignee: c.assignee ?? null,
        agentName: c.agentName ?? null,
      };
  pubsub.publish(topics.desk, ev);
}

/** Creates the case service. */
export function createCaseService(deps: CaseServiceDeps) {
  const { log, pubsub } = deps;
  // A case's customer never changes, and customers are never deleted: both are remembered, so
  // a subscription and a submit need no read to check them.
  const owners = new LRUCache<string, string>({ max: 100_000 });
  const knownCustomers = new LRUCache<string, true>({ max: 100_000 });

  async function ensureCustomer(id: string): Promise<void> {
    if (knownCustomers.has(id)) return;
    // Until sign-in exists, an unknown caller id becomes a guest customer.
    await ensureGuestCustomer(log.sql, id);
    knownCustomers.set(id, true);
  }

  /** A probe of someone else's case: recorded, and answered NOT_FOUND like a missing case. */
  async function refuseProbe(actor: Actor, caseId: string, owner: string, field: string, meta: RequestMeta) {
    await deps.audit.record({
      category: 'security',
      type: 'case_probe',
      actorId: actor.id,
      actorRole: actor.role,
      caseId,
      customerId: owner,
      ip: meta.ip,
      requestId: meta.requestId,
      detail: { field },
    });
    return new NotFoundError('Case', caseId, field);
  }

  /** Sets status with its event (and the timestamps that go with it). */
  function changeStatus<C extends { status: CaseStatus; resolvedAt?: Date | null }>(
    c: C,
    to: CaseStatus,
    by: string,
    record: (row: C, payload: CaseEventPayload) => unknown,
  ): void {
    if (c.status === to) return;
    record(c, { type: 'STATUS_CHANGED', from: c.status, to, by });
    c.status = to;
    if (to === 'RESOLVED' || to === 'CLOSED') c.resolvedAt ??= new Date();
    else c.resolvedAt = null;
  }

  async function findOwnedCase(
    em: EntityManager,
    caseId: string,
    actor: Actor,
    field: string,
    meta: RequestMeta = {},
  ): Promise<ICase> {
    const c = await em.findOne(Case, { id: caseId });
    if (!c) throw new NotFoundError('Case', caseId, field);
    owners.set(caseId, c.customer.id);
    if (actor.kind === 'customer' && c.customer.id !== actor.id)
      throw await refuseProbe(actor, caseId, c.customer.id, field, meta);
    return c;
  }

  return {
    /**
     * Stores the request (case, message, events) in one transaction, then queues the agents.
     * A retry with the same idempotency key returns the first result.
     */
    async submitRequest(
      /** Only for a follow-up or a retried key (a new case needs no entity manager). */
      em: () => EntityManager,
      actor: Actor,
      input: SubmitRequestInput,
      meta: RequestMeta = {},
    ): Promise<{ case: ICase | CaseRow; message: IMessage | MessageRow; duplicate: boolean }> {
      // The case turn's trace starts here (a child of the caller's traceparent, if any).
      const attributes = meta.requestId ? { 'crewdesk.request_id': meta.requestId } : {};
      return inSpan(
        'case.submit',
        attributes,
        async (span) => {
          if (!deps.isAccepting()) throw new UnavailableError();
          // Card numbers are masked before the message is stored or sent to any provider.
          const masked = maskCardNumbers(cleanMessage(input.message, 'message', deps.limits.maxMessageLength));
          const content = masked.text;
          // Scanned before cleaning, so that invisible characters used to hide instructions are seen.
          const injection = detectInjection(input.message, { customerId: actor.id });
          const context = cleanContext(input.context, 'context', deps.limits.maxContextBytes);
          const key = cleanIdempotencyKey(input.idempotencyKey);
          const requestType = input.requestType ?? 'AUTO';
          if (!REQUEST_TYPES.includes(requestType))
            throw new BadInputError(`requestType must be one of ${REQUEST_TYPES.join(', ')}`, 'requestType');
          const storedKey = key ? `${actor.id}:${key}` : null;

          const existing = async (idempotencyKey: string) => {
            const m = await em()
              .fork()
              .findOne(Message, { idempotencyKey }, { populate: ['case'] });
            return m ? { case: m.case as ICase, message: m, duplicate: true } : null;
          };
          if (storedKey) {
            const found = await existing(storedKey);
            if (found) {
              span.setAttributes({ 'crewdesk.case_id': found.case.id, 'crewdesk.duplicate': true });
              return found;
            }
          }
          await ensureCustomer(actor.id);

          const caseId = input.caseId ?? randomUUID();
          span.setAttribute('crewdesk.case_id', caseId);
          if (input.caseId) {
            const c = await findOwnedCase(em().fork(), input.caseId, actor, 'caseId', meta);
            if (c.status === 'CLOSED')
              throw new ConflictError(`Case ${c.id} is closed; submit without caseId to open a new case`);
          }
          // Urgency from the wording and the checkbox, before the case is queued: emergencies jump the queue.
          const urgency = urgencyOf(content, input.emergency ?? false);
          try {
            const result = await log.sqlTransaction(caseId, async (tx, record) => {
              let c: CaseRow;
              let created = false;
              const now = new Date();
              if (input.caseId) {
                c = await tx.case(caseId);
                if (c.status !== 'OPEN' && c.status !== 'IN_PROGRESS' && c.status !== 'ESCALATED')
                  changeStatus(c, 'OPEN', 'customer', record);
                if (urgency.emergency) c.emergency = true;
                if (PRIORITY_RANK[urgency.priority] > PRIORITY_RANK[c.priority]) {
                  record(c, { type: 'PRIORITY_CHANGED', from: c.priority, to: urgency.priority, by: 'customer' });
                  c.priority = urgency.priority;
                }
              } else {
                created = true;
                c = tx.newCase(
                  newCaseRow({
                    id: caseId,
                    customerId: actor.id,
                    subject: subjectOf(content),
                    priority: urgency.priority,
                    requestType,
                    emergency: urgency.emergency,
                    context: (context ?? null) as CaseRow['context'],
                    now,
                  }),
                );
                record(c, {
                  type: 'CASE_OPENED',
                  subject: c.subject,
                  customerId: actor.id,
                  priority: c.priority,
                  emergency: c.emergency,
                  requestType,
                });
              }
              c.workState = 'QUEUED';
              const m = tx.newMessage(
                newMessageRow({
                  caseId,
                  authorKind: 'CUSTOMER',
                  content,
                  idempotencyKey: storedKey,
                  answered: false,
                  now,
                }),
              );
              record(c, { type: 'MESSAGE_ADDED', message: toMessageView(m) });
              const entries = [];
              if (masked.masked > 0) {
                const notice = tx.newMessage(
                  newMessageRow({
                    caseId,
                    authorKind: 'SYSTEM',
                    content: CARD_NOTICE,
                    answered: true,
                    now: new Date(),
                  }),
                );
                record(c, { type: 'MESSAGE_ADDED', message: toMessageView(notice) });
                entries.push(
                  await deps.audit.insert(tx.q, {
                    category: 'security',
                    type: 'card_number_masked',
                    actorId: actor.id,
                    actorRole: actor.role,
                    caseId: c.id,
                    customerId: actor.id,
                    ip: meta.ip,
                    requestId: meta.requestId,
                    detail: { count: masked.masked, messageId: m.id },
                  }),
                );
              }
              if (injection.detected) {
                // The message is kept and answered within the agent's rules; the case is flagged and the attempt recorded.
                c.securityFlag = true;
                entries.push(
                  await deps.audit.insert(tx.q, {
                    category: 'security',
                    type: 'prompt_injection',
                    actorId: actor.id,
                    actorRole: actor.role,
                    caseId: c.id,
                    customerId: actor.id,
                    ip: meta.ip,
                    requestId: meta.requestId,
                    detail: { kinds: injection.kinds, messageId: m.id },
                  }),
                );
              }
              return { case: c, message: m, duplicate: false, created, entries };
            });
            for (const e of result.entries) deps.audit.announce(e);
            if (result.created) owners.set(result.case.id, actor.id);
            publishCaseUpdate(pubsub, result.case, result.created);
            deps.enqueue(result.case.id, result.case.priority, { requestId: meta.requestId, trace: injectTrace(span) });
            return { case: result.case, message: result.message, duplicate: false };
          } catch (err) {
            if (storedKey && isUniqueViolation(err)) {
              const found = await existing(storedKey);
              if (found) return found;
            }
            throw err;
          }
        },
        extractTrace(meta.trace),
      );
    },

    /** An operator's reply: stored, streamed, and it stops any agent still answering. */
    async replyAsOperator(actor: Actor, caseId: string, message: string): Promise<IMessage> {
      const content = maskCardNumbers(cleanMessage(message, 'message', deps.limits.maxMessageLength)).text;
      deps.abortAgents(caseId, 'operator');
      const result = await log.transaction(caseId, async (tx, record) => {
        const c = await tx.findOne(Case, { id: caseId });
        if (!c) throw new NotFoundError('Case', caseId, 'caseId');
        if (c.status === 'CLOSED') throw new ConflictError(`Case ${caseId} is closed`);
        const m = tx.create(Message, {
          id: randomUUID(),
          case: c,
          authorKind: 'OPERATOR',
          authorName: await operatorName(tx, actor),
          content,
          status: 'COMPLETE',
          answered: true,
        });
        deps.audit.add(tx, {
          category: 'action',
          type: 'operator_reply',
          actorId: actor.id,
          actorRole: actor.role,
          caseId: c.id,
          customerId: c.customer.id,
          detail: { messageId: m.id },
        });
        m.createdAt = new Date();
        record(c, { type: 'MESSAGE_ADDED', message: toMessageView(m) });
        if (!c.assignee) {
          record(c, { type: 'ASSIGNEE_CHANGED', from: null, to: actor.id, by: actor.id });
          c.assignee = actor.id;
        }
        // The operator has answered what the customer asked so far.
        await tx.nativeUpdate(Message, { case: c.id, authorKind: 'CUSTOMER', answered: false }, { answered: true });
        c.workState = 'IDLE';
        c.firstResponseAt ??= new Date();
        changeStatus(c, 'WAITING_ON_CUSTOMER', actor.id, record);
        return { c, m };
      });
      publishCaseUpdate(pubsub, result.c);
      return result.m;
    },

    /**
     * Changes status, priority or assignee, each with its event. With `ifAssignee`, only while the
     * case's assignee is still that one (ConflictError otherwise): a conditional update of the row
     * first, which holds it until commit, so of several instances assigning one case, one does.
     * With `withinCapacity`, only while the new assignee has room (ConflictError otherwise).
     */
    async updateCase(
      actor: Actor,
      caseId: string,
      patch: { status?: CaseStatus | null; priority?: Priority | null; assignee?: string | null },
      clearAssignee = false,
      opts: { ifAssignee?: string | null; withinCapacity?: boolean } = {},
      meta: RequestMeta = {},
    ): Promise<ICase> {
      if (patch.status === 'CLOSED') deps.abortAgents(caseId, 'closed');
      // A human taking the case over stops the AI at once (its message is kept, INCOMPLETE).
      else if (!clearAssignee && patch.assignee?.trim()) deps.abortAgents(caseId, 'operator');
      let handedBack = false;
      const c = await log.transaction(caseId, async (tx, record) => {
        if (opts.ifAssignee !== undefined) {
          const held = await tx.nativeUpdate(
            Case,
            { id: caseId, assignee: opts.ifAssignee },
            { assignee: opts.ifAssignee },
          );
          if (held === 0)
            throw new ConflictError(`Case ${caseId} is no longer assigned to ${opts.ifAssignee ?? 'nobody'}`);
        }
        const c = await tx.findOne(Case, { id: caseId });
        if (!c) throw new NotFoundError('Case', caseId, 'caseId');
        if (patch.status) changeStatus(c, patch.status, actor.id, record);
        if (patch.status === 'CLOSED') c.workState = 'IDLE';
        if (patch.priority && patch.priority !== c.priority) {
          record(c, { type: 'PRIORITY_CHANGED', from: c.priority, to: patch.priority, by: actor.id });
          c.priority = patch.priority;
        }
        deps.audit.add(tx, {
          category: 'action',
          type: 'case_updated',
          actorId: actor.id,
          actorRole: actor.role,
          caseId: c.id,
          customerId: c.customer.id,
          detail: {
            status: patch.status ?? null,
            priority: patch.priority ?? null,
            assignee: clearAssignee ? null : (patch.assignee ?? null),
          },
        });
        const assignee = clearAssignee ? null : patch.assignee?.trim();
        if (assignee !== undefined && assignee !== c.assignee) {
          if (assignee !== null && (assignee.length === 0 || assignee.length > 100))
            throw new BadInputError('assignee must be 1-100 characters', 'assignee');
          if (assignee !== null && deps.checkAssignee)
            c.team =
              (await deps.checkAssignee(tx, assignee, actor, { withinCapacity: opts.withinCapacity })).team ?? c.team;
          record(c, { type: 'ASSIGNEE_CHANGED', from: c.assignee ?? null, to: assignee, by: actor.id });
          c.assignee = assignee;
          // Handed back to the AI: messages the customer wrote meanwhile are answered now.
          if (assignee === null && c.status !== 'CLOSED') {
            const waiting = await tx.count(Message, { case: c.id, authorKind: 'CUSTOMER', answered: false });
            if (waiting > 0) {
              c.workState = 'QUEUED';
              handedBack = true;
            }
          }
        }
        return c;
      });
      publishCaseUpdate(pubsub, c);
      if (handedBack) deps.enqueue(c.id, c.priority, { requestId: meta.requestId });
      return c;
    },

    /**
     * The id of a case the actor may see (NOT_FOUND otherwise), for streams that need no row:
     * answered from memory for a case seen before.
     */
    async authorizeCase(
      em: () => EntityManager,
      actor: Actor,
      caseId: string,
      meta: RequestMeta = {},
    ): Promise<string> {
      const owner = owners.get(caseId);
      // The entity manager only when the owner is not remembered (a subscription keeps its context).
      if (owner === undefined) return (await findOwnedCase(em(), caseId, actor, 'caseId', meta)).id;
      if (actor.kind === 'customer' && owner !== actor.id)
        throw await refuseProbe(actor, caseId, owner, 'caseId', meta);
      return caseId;
    },

    /** One case, if the actor may see it. */
    async getCase(em: EntityManager, actor: Actor, caseId: string, meta: RequestMeta = {}): Promise<ICase> {
      return findOwnedCase(em, caseId, actor, 'id', meta);
    },

    /** Cases, newest first, with keyset pagination. */
    async listCases(
      em: EntityManager,
      actor: Actor,
      filter: CaseFilter,
      first: number,
      after?: string | null,
    ): Promise<CasePage> {
      if (first < 1 || first > 100) throw new BadInputError('first must be between 1 and 100', 'first');
      const where: FilterQuery<ICase> = {};
      if (actor.kind === 'customer') where.customer = actor.id;
      else if (filter.customerId) where.customer = filter.customerId;
      if (filter.status?.length) where.status = { $in: filter.status };
      if (filter.route?.length) where.route = { $in: filter.route };
      if (filter.priority?.length) where.priority = { $in: filter.priority };
      if (filter.emergency !== undefined && filter.emergency !== null) where.emergency = filter.emergency;
      const totalCount = await em.count(Case, where);
      let pageWhere = where;
      if (after) {
        const cur = decodeCursor(after);
        pageWhere = {
          $and: [where, { $or: [{ createdAt: { $lt: cur.at } }, { createdAt: cur.at, id: { $lt: cur.id } }] }],
        };
      }
      const rows = await em.find(Case, pageWhere, {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: first + 1,
      });
      const cases = rows.slice(0, first);
      const last = cases.at(-1);
      return { cases, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null, totalCount };
    },

    /** Messages of a case, oldest first. */
    async messages(em: EntityManager, caseId: string): Promise<IMessage[]> {
      return em.find(Message, { case: caseId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;

function subjectOf(text: string): string {
  const first = text.split('\n')[0];
  return first.length <= 80 ? first : `${first.slice(0, 77).trimEnd()}…`;
}

/** The opaque cursor of a case in the newest-first list. */
export function encodeCursor(c: ICase): string {
  return Buffer.from(JSON.stringify([c.createdAt.getTime(), c.id])).toString('base64url');
}

/** Reads a cursor made by encodeCursor (BAD_USER_INPUT when it is not one). */
export function decodeCursor(s: string): { at: Date; id: string } {
  try {
    const [ms, id] = JSON.parse(Buffer.from(s, 'base64url').toString()) as [number, string];
    const at = new Date(ms);
    if (typeof ms !== 'number' || !Number.isFinite(at.getTime()) || typeof id !== 'string' || id.length > 64)
      throw new Error('shape');
    return { at, id };
  } catch {
    throw new BadInputError('after is not a valid cursor', 'after');
  }
}
