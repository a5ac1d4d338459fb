/**
 * The company-data port: what the agents' tools, the customer panel and refunds read and write
 * about ONE customer. Adapters: the desk's own SQL database (`customer-data.repository.ts`, the
 * demo company) and the company's JSON API (`http-customer-data.ts`). See docs/adapters.md.
 */
import type { InferEntity } from '@mikro-orm/core';
import type {
  ICustomer,
  IInvoice,
  IOrder,
  IPayment,
  IPendingAction,
  IRefund,
  ISubscription,
  ServiceIncident,
} from './entities/index.js';
import type { Sql } from './sql/sql-runner.js';

type IServiceIncident = InferEntity<typeof ServiceIncident>;

/** The records as plain data: what an adapter returns (the customer reference is implied). */
export type InvoiceRecord = Omit<IInvoice, 'customer'>;
export type PaymentRecord = Omit<IPayment, 'customer'>;
export type OrderRecord = Omit<IOrder, 'customer'>;
export type RefundRecord = Omit<IRefund, 'customer'>;
export type ActionRecord = Omit<IPendingAction, 'customer'>;
export type IncidentRecord = IServiceIncident;
export type SubscriptionRecord = Pick<
  ISubscription,
  'status' | 'billingCycle' | 'priceCents' | 'startedAt' | 'renewsAt'
> & {
  plan: { code: string; name: string; features: string[]; maxDevices?: number | null };
};

/** A new action's fields (nothing is carried out until the customer says yes). */
interface ProposedAction {
  caseId: string;
  kind: IPendingAction['kind'];
  paymentRef: string | null;
  orderNumber: string | null;
  invoiceNumber: string | null;
  amountCents: number;
  currency: string;
  reason: string;
  verdict: IPendingAction['verdict'];
}

/** Read and write access to one customer's records; every call is bound to that customer. */
export interface CustomerData {
  readonly customerId: string;
  /** The customer's own row (name, country, guest or not). */
  customer(): Promise<ICustomer | null>;
  subscription(): Promise<SubscriptionRecord | null>;
  /** Newest first, at most `limit`, optionally of one status. */
  invoices(limit: number, status?: string): Promise<InvoiceRecord[]>;
  invoice(number: string): Promise<InvoiceRecord | null>;
  /** Newest first, at most `limit`. */
  payments(limit: number): Promise<PaymentRecord[]>;
  payment(ref: string): Promise<PaymentRecord | null>;
  paymentsForInvoice(number: string): Promise<PaymentRecord[]>;
  refunds(paymentRef?: string): Promise<RefundRecord[]>;
  /** Records a refund the customer confirmed. */
  createRefund(input: {
    payment: PaymentRecord;
    amountCents: number;
    status: 'approved' | 'pending_review';
    reason: string;
    caseId: string;
  }): Promise<IRefund>;
  /** The customer's actions that are still open (on one case, or all). */
  openActions(caseId?: string): Promise<ActionRecord[]>;
  proposeAction(input: ProposedAction): Promise<IPendingAction>;
  /** Newest first, at most `limit`. */
  orders(limit: number): Promise<OrderRecord[]>;
  order(number: string): Promise<OrderRecord | null>;
  /** Service incidents are company-wide, not per customer. */
  incidents(sinceDays: number): Promise<IncidentRecord[]>;
}

/**
 * Makes the port for a customer, on an entity manager of the desk's database (for its own records)
 * and, outside a transaction, the desk's plain-SQL runner for its reads.
 */
export type CustomerDataFactory<EM = unknown> = (em: EM, customerId: string, sql?: Sql) => CustomerData;
