/**
 * Actions with consent: the customer (or an operator) confirms or declines what an agent
 * proposed, operators review what the policy sends them, and only then is money moved. Each
 * decision is stored, told to the customer on the case and audited.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { assessRefund } from '../agents/policy/refund.policy.js';
import { money } from '../agents/tools/index.js';
import type { CustomerDataFactory } from '../db/customer-data.js';
import { createCustomerData } from '../db/customer-data.repository.js';
import {
  type ActionStatus,
  Case,
  type ICase,
  type IPendingAction,
  Message,
  PendingAction,
} from '../db/entities/index.js';
import { AppError, BadInputError, ConflictError, NotFoundError } from '../errors.js';
import type { AuditLog } from '../security/audit.js';
import type { Actor, RequestMeta } from './case.service.js';
import { toMessageView } from './case.service.js';
import type { CaseEventLog, RecordEvent } from './case-event-log.js';

/** What the service needs. */
export interface ActionsServiceDeps {
  orm: MikroORM;
  log: CaseEventLog;
  audit: AuditLog;
  /** The company-data port for a customer (the desk's database unless given). */
  customerData?: CustomerDataFactory<EntityManager>;
}

/** An operator's decision on an action in review. */
export type ReviewDecision = 'APPROVE' | 'REJECT';

const ACTION_ID = /^act_[0-9a-f]{16}$/;
/** Statuses after the customer's yes: confirming again changes nothing. */
const AFTER_YES: ActionStatus[] = ['CONFIRMED', 'IN_REVIEW', 'APPROVED', 'EXECUTED'];

/** An action's amount as people read it. */
export function actionAmount(a: IPendingAction): string {
  return money(a.amountCents, a.currency);
}

/** The yes/no question the customer is asked about an action. */
export function actionQuestion(a: IPendingAction): string {
  return a.verdict.decision === 'review'
    ? `Send a refund of ${actionAmount(a)} for payment ${a.paymentRef} to a billing specialist for approval?`
    : `Refund ${actionAmount(a)} for payment ${a.paymentRef}?`;
}

/** Creates the actions service. */
export function createActionsService(deps: ActionsServiceDeps) {
  const { orm, log, audit } = deps;

  function checkId(actionId: string): void {
    if (!ACTION_ID.test(actionId))
      throw new BadInputError('actionId must look like act_ and 16 hex digits', 'actionId');
  }

  /** Loads an action the actor may decide on: its case's customer, or staff. */
  async function load(actor: Actor, actionId: string, meta: RequestMeta): Promise<IPendingAction> {
    checkId(actionId);
    const a = await orm.em.fork().findOne(PendingAction, { id: actionId });
    if (!a) throw new NotFoundError('Action', actionId, 'actionId');
    if (actor.role === 'customer' && a.customer.id !== actor.id) {
      await audit.record({
        category: 'security',
        type: 'action_probe',
        actorId: actor.id,
        actorRole: actor.role,
        caseId: a.caseId,
        customerId: a.customer.id,
        ip: meta.ip,
        requestId: meta.requestId,
        detail: { actionId },
      });
      throw new AppError('This action belongs to another customer', 'FORBIDDEN', { field: 'actionId' });
    }
    return a;
  }

  /** Tells the customer on the case: a message from the desk, then an ACTION_UPDATED event. */
  function tell(tx: EntityManager, record: RecordEvent, c: ICase, a: IPendingAction, by: string, text: string) {
    const m = tx.create(Message, {
      id: randomUUID(),
      case: c,
      authorKind: 'AGENT',
      agentName: 'billing',
      authorName: null,
      content: text,
      status: 'COMPLETE',
      answered: true,
    });
    m.createdAt = new Date();
    // The message first: a client that sees the update has the message already.
    record(c, { type: 'MESSAGE_ADDED', message: toMessageView(m) });
    record(c, { type: 'ACTION_UPDATED', actionId: a.id, kind: a.kind, status: a.status, by, summary: text });
  }

  /** Carries out a refund action: the refund row and the payment change, under the policy at this moment. */
  async function execute(tx: EntityManager, a: IPendingAction): Promise<{ refundId: string; method: string }> {
    const data = (deps.customerData ?? createCustomerData)(tx, a.customer.id);
    const payment = await data.payment(a.paymentRef ?? '');
    if (!payment) throw new ConflictError(`Payment ${a.paymentRef} is no longer on the account`);
    // Re-checked now: the payment may have been refunded since the proposal.
    const verdict = assessRefund(payment, {
      payments: await data.payments(50),
      invoice: null,
      openRefund: null,
      now: new Date(),
      amountCents: a.amountCents,
    });
    if (!verdict.eligible) throw new ConflictError(`The refund can no longer be made: ${verdict.reason}`);
    const refund = await data.createRefund({
      payment,
      amountCents: a.amountCents,
      status: 'approved',
      reason: a.reason,
      caseId: a.caseId,
    });
    a.refundId = refund.id;
    a.executedAt = new Date();
    a.status = 'EXECUTED';
    return { refundId: refund.id, method: payment.method };
  }

  function doneText(a: IPendingAction, refundId: string, method: string): string {
    return `Done: I’ve refunded ${money(a.amountCents, a.currency)} for payment ${a.paymentRef}${a.invoiceNumber ? ` (invoice ${a.invoiceNumber})` : ''} — reference ${refundId}. It goes back to your ${method} within 5-10 business days.`;
  }

  /** Runs a decision in the case's transaction, with its audit row. */
  async function decide(
    actor: Actor,
    actionId: string,
    meta: RequestMeta,
    fn: (tx: EntityManager, a: IPendingAction, tell: (text: string) => void) => Promise<string | null>,
  ): Promise<IPendingAction> {
    const loaded = await load(actor, actionId, meta);
    return log.transaction(loaded.caseId, async (tx, record) => {
      // Read again under the case's lock: two confirmations in a row see each other.
      const a = await tx.findOneOrFail(PendingAction, { id: actionId });
      const c = await tx.findOneOrFail(Case, { id: a.caseId });
      const from = a.status;
      let said: string | null = null;
      const auditType = await fn(tx, a, (text) => {
        said = text;
      });
      if (!auditType) return a;
      if (said) tell(tx, record, c, a, actor.id, said);
      audit.add(tx, {
        category: 'action',
        type: auditType,
        actorId: actor.id,
        actorRole: actor.role,
        caseId: a.caseId,
        customerId: a.customer.id,
        ip: meta.ip,
        requestId: meta.requestId,
        detail: { actionId: a.id, kind: a.kind, from, to: a.status, amountCents: a.amountCents, refundId: a.refundId },
      });
      return a;
    });
  }

  return {
    /** The actions of a case (the caller has been authorised for the case). */
    async forCase(em: EntityManager, caseId: string): Promise<IPendingAction[]> {
      return em.find(PendingAction, { caseId }, { orderBy: { createdAt: 'asc' } });
    },

    /** Actions waiting for an operator's review, oldest first. */
    async pendingReviews(em: EntityManager): Promise<IPendingAction[]> {
      return em.find(PendingAction, { status: 'IN_REVIEW' }, { orderBy: { createdAt: 'asc' } });
    },

    /** The customer's (or an operator's) yes: carried out, or sent to review when the policy says so. */
    async confirm(actor: Actor, actionId: string, meta: RequestMeta = {}): Promise<IPendingAction> {
      return decide(actor, actionId, meta, async (tx, a, say) => {
        if (AFTER_YES.includes(a.status)) return null;
        if (a.status !== 'PENDING') throw new ConflictError(`Action ${a.id} was ${a.status.toLowerCase()}`);
        a.decidedBy = actor.id;
        a.decidedAt = new Date();
        if (a.verdict.decision === 'review') {
          a.status = 'IN_REVIEW';
          say(
            `Thanks — your refund request of ${money(a.amountCents, a.currency)} for payment ${a.paymentRef} is now with a billing specialist (${a.verdict.reason}). They decide within 2 business days and you’ll hear back here. Nothing has been refunded yet.`,
          );
          return 'action_confirmed';
        }
        a.status = 'CONFIRMED';
        const { refundId, method } = await execute(tx, a);
        say(doneText(a, refundId, method));
        return 'action_executed';
      });
    },

    /** The customer's (or an operator's) no: nothing happens. */
    async decline(actor: Actor, actionId: string, meta: RequestMeta = {}): Promise<IPendingAction> {
      return decide(actor, actionId, meta, async (_tx, a, say) => {
        if (a.status === 'DECLINED') return null;
        if (a.status !== 'PENDING') throw new ConflictError(`Action ${a.id} is already ${a.status.toLowerCase()}`);
        a.status = 'DECLINED';
        a.decidedBy = actor.id;
        a.decidedAt = new Date();
        say(
          `Understood — I won’t refund ${money(a.amountCents, a.currency)} for payment ${a.paymentRef}. Nothing on your account has changed.`,
        );
        return 'action_declined';
      });
    },

    /** An operator approves (and so carries out) or rejects an action in review. */
    async decideReview(
      actor: Actor,
      actionId: string,
      decision: ReviewDecision,
      note: string | null,
      meta: RequestMeta = {},
    ): Promise<IPendingAction> {
      const cleanNote = note?.trim().slice(0, 1000) || null;
      return decide(actor, actionId, meta, async (tx, a, say) => {
        if (a.status !== 'IN_REVIEW') throw new ConflictError(`Action ${a.id} is not in review (${a.status})`);
        a.reviewedBy = actor.id;
        a.reviewedAt = new Date();
        a.reviewNote = cleanNote;
        if (decision === 'REJECT') {
          a.status = 'REJECTED';
          say(
            `A billing specialist reviewed your refund request of ${money(a.amountCents, a.currency)} for payment ${a.paymentRef} and could not approve it${cleanNote ? `: ${cleanNote}` : '.'} Nothing has been refunded.`,
          );
          return 'refund_review_rejected';
        }
        a.status = 'APPROVED';
        const { refundId, method } = await execute(tx, a);
        say(`A billing specialist approved your refund. ${doneText(a, refundId, method)}`);
        return 'refund_review_approved';
      });
    },
  };
}

/** The actions service. */
export type ActionsService = ReturnType<typeof createActionsService>;
