/**
 * The CustomerData port on the desk's own database (the demo company's records, or a company that
 * keeps its records there). Every query is bound to the customer id given at creation, so that
 * nothing an agent or a model says can reach another customer's data.
 */
import type { InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import type {
  ActionRecord,
  CustomerData,
  IncidentRecord,
  InvoiceRecord,
  OrderRecord,
  PaymentRecord,
  RefundRecord,
} from './customer-data.js';
import {
  Customer,
  type ICustomer,
  Invoice,
  type IPendingAction,
  type IRefund,
  type ISubscription,
  Order,
  Payment,
  PendingAction,
  Plan,
  Refund,
  ServiceIncident,
  Subscription,
} from './entities/index.js';
import { dialectOf } from './orm.js';
import { type EntityRows, entityRows } from './sql/entity-rows.js';
import type { Sql } from './sql/sql-runner.js';

export type { CustomerData } from './customer-data.js';

/** The statuses of an action that is still open. */
const OPEN_ACTIONS = ['PENDING', 'CONFIRMED', 'IN_REVIEW', 'APPROVED'];

type Row = Record<string, unknown>;

/**
 * Runs a read: on `sql` (the desk's plain-SQL runner, prepared statements) when given and the
 * entity manager is not in a transaction, else on the entity manager's connection (inside its
 * transaction when it is in one).
 */
function readerOf(em: EntityManager, sql: Sql | undefined) {
  const sqlite = dialectOf(em) === 'sqlite';
  return (query: string, params: unknown[]): Promise<Row[]> => {
    if (sql && !em.isInTransaction()) return sql.all(query, params);
    const values = params.map((v) => (v instanceof Date && sqlite ? v.getTime() : v));
    return em.getConnection().execute<Row[]>(query, values, 'all', em.getTransactionContext());
  };
}

/**
 * Binds the repository to a customer. Reads are plain SQL decoded from the entities' metadata
 * (records, not managed entities: an ORM find costs five to ten times the statement it runs);
 * `sql`: the desk's runner to run them on.
 */
export function createCustomerData(em: EntityManager, customerId: string, sql?: Sql): CustomerData {
  const mine = { customer: customerId };
  const read = readerOf(em, sql);
  const meta = em.getMetadata();
  const rowsOf = <T>(entity: { meta: { className: string } }) => entityRows<T>(meta.get(entity.meta.className));
  const customers = rowsOf<ICustomer>(Customer);
  const subscriptions = rowsOf<Omit<ISubscription, 'customer' | 'plan'>>(Subscription);
  const plans = rowsOf<InferEntity<typeof Plan>>(Plan);
  const invoiceRows = rowsOf<InvoiceRecord>(Invoice);
  const paymentRows = rowsOf<PaymentRecord>(Payment);
  const refundRows = rowsOf<RefundRecord>(Refund);
  const actionRows = rowsOf<ActionRecord>(PendingAction);
  const orderRows = rowsOf<OrderRecord>(Order);
  const incidentRows = rowsOf<IncidentRecord>(ServiceIncident);
  /** The records of a select over one table (aliased `t`). */
  const list = async <T>(rows: EntityRows<T>, table: string, rest: string, params: unknown[]): Promise<T[]> =>
    (await read(`select ${rows.columns('t')} from ${table} t ${rest}`, params)).map((r) => rows.decode(r));
  const first = async <T>(rows: EntityRows<T>, table: string, rest: string, params: unknown[]) =>
    (await list(rows, table, `${rest} limit 1`, params))[0] ?? null;
  return {
    customerId,
    /** The customer's own row (name, country, guest or not). */
    customer: () => first(customers, 'customers', 'where t.id = ?', [customerId]),
    async subscription() {
      const rows = await read(
        `select ${subscriptions.columns('t')}, ${plans.columns('p', 'plan_')} from subscriptions t join plans p on p.code = t.plan_code where t.customer_id = ? order by t.started_at desc limit 1`,
        [customerId],
      );
      return rows[0] ? { ...subscriptions.decode(rows[0]), plan: plans.decode(rows[0], 'plan_') } : null;
    },
    invoices: (limit: number, status?: string) =>
      status
        ? list(invoiceRows, 'invoices', 'where t.customer_id = ? and t.status = ? order by t.issued_at desc limit ?', [
            customerId,
            status,
            limit,
          ])
        : list(invoiceRows, 'invoices', 'where t.customer_id = ? order by t.issued_at desc limit ?', [
            customerId,
            limit,
          ]),
    invoice: (number: string) =>
      first(invoiceRows, 'invoices', 'where t.customer_id = ? and t.number = ?', [customerId, number.toUpperCase()]),
    payments: (limit: number) =>
      list(paymentRows, 'payments', 'where t.customer_id = ? order by t.paid_at desc limit ?', [customerId, limit]),
    payment: (ref: string) =>
      first(paymentRows, 'payments', 'where t.customer_id = ? and t.ref = ?', [customerId, ref]),
    paymentsForInvoice: (number: string) =>
      list(paymentRows, 'payments', 'where t.customer_id = ? and t.invoice_number = ? order by t.paid_at desc', [
        customerId,
        number.toUpperCase(),
      ]),
    refunds: (paymentRef?: string) =>
      paymentRef
        ? list(refundRows, 'refunds', 'where t.customer_id = ? and t.payment_ref = ? order by t.created_at desc', [
            customerId,
            paymentRef,
          ])
        : list(refundRows, 'refunds', 'where t.customer_id = ? order by t.created_at desc', [customerId]),
    /** Records a refund (and, when approved, the refunded amount on the payment) in one transaction. */
    async createRefund(input): Promise<IRefund> {
      return em.transactional(async (tx) => {
        // A payment from another source (the company's API) is not in this database: only the refund is recorded.
        const payment = await tx.findOne(Payment, { ...mine, ref: input.payment.ref });
        const refund = tx.create(Refund, {
          customer: customerId,
          paymentRef: input.payment.ref,
          amountCents: input.amountCents,
          currency: input.payment.currency,
          status: input.status,
          reason: input.reason,
          caseId: input.caseId,
        });
        if (payment && input.status === 'approved') {
          payment.refundedCents += input.amountCents;
          payment.status = payment.refundedCents >= payment.amountCents ? 'refunded' : 'partially_refunded';
        }
        return refund;
      });
    },
    /** The customer's actions on a case that are still open (proposed, or confirmed and in review). */
    openActions: (caseId?: string) =>
      list(
        actionRows,
        'pending_actions',
        `where t.customer_id = ?${caseId ? ' and t.case_id = ?' : ''} and t.status in (${OPEN_ACTIONS.map(() => '?').join(', ')}) order by t.created_at desc`,
        [customerId, ...(caseId ? [caseId] : []), ...OPEN_ACTIONS],
      ),
    /** Stores a proposed action (nothing is carried out until the customer says yes). */
    async proposeAction(input): Promise<IPendingAction> {
      const action = em.create(PendingAction, { ...input, customer: customerId, status: 'PENDING' });
      await em.flush();
      return action;
    },
    orders: (limit: number) =>
      list(orderRows, 'orders', 'where t.customer_id = ? order by t.placed_at desc limit ?', [customerId, limit]),
    order: (number: string) =>
      first(orderRows, 'orders', 'where t.customer_id = ? and t.number = ?', [customerId, number.toUpperCase()]),
    /** Service incidents are company-wide, not per customer. */
    incidents: (sinceDays: number) =>
      list(
        incidentRows,
        'service_incidents',
        'where t.resolved_at is null or t.resolved_at >= ? order by t.started_at desc',
        [new Date(Date.now() - sinceDays * 86_400_000)],
      ),
  };
}
