/**
 * The CustomerData port on the desk's own database (the demo company's records, or a company that
 * keeps its records there). Every query is bound to the customer id given at creation, so that
 * nothing an agent or a model says can reach another customer's data.
 */
import type { EntityManager } from '@mikro-orm/sqlite';
import type { CustomerData } from './customer-data.js';
import {
  Customer,
  type IInvoice,
  Invoice,
  type IOrder,
  type IPayment,
  type IPendingAction,
  type IRefund,
  Order,
  Payment,
  PendingAction,
  Refund,
  ServiceIncident,
  Subscription,
} from './entities/index.js';

export type { CustomerData } from './customer-data.js';

/** Binds the repository to a customer. */
export function createCustomerData(em: EntityManager, customerId: string): CustomerData {
  const mine = { customer: customerId };
  return {
    customerId,
    /** The customer's own row (name, country, guest or not). */
    async customer() {
      return em.findOne(Customer, { id: customerId });
    },
    async subscription() {
      return em.findOne(Subscription, mine, { populate: ['plan'], orderBy: { startedAt: 'desc' } });
    },
    async invoices(limit: number, status?: string): Promise<IInvoice[]> {
      return em.find(Invoice, status ? { ...mine, status } : mine, { orderBy: { issuedAt: 'desc' }, limit });
    },
    async invoice(number: string): Promise<IInvoice | null> {
      return em.findOne(Invoice, { ...mine, number: number.toUpperCase() });
    },
    async payments(limit: number): Promise<IPayment[]> {
      return em.find(Payment, mine, { orderBy: { paidAt: 'desc' }, limit });
    },
    async payment(ref: string): Promise<IPayment | null> {
      return em.findOne(Payment, { ...mine, ref });
    },
    async paymentsForInvoice(number: string): Promise<IPayment[]> {
      return em.find(Payment, { ...mine, invoiceNumber: number.toUpperCase() }, { orderBy: { paidAt: 'desc' } });
    },
    async refunds(paymentRef?: string): Promise<IRefund[]> {
      return em.find(Refund, paymentRef ? { ...mine, paymentRef } : mine, { orderBy: { createdAt: 'desc' } });
    },
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
    async openActions(caseId?: string): Promise<IPendingAction[]> {
      return em.find(
        PendingAction,
        { ...mine, ...(caseId ? { caseId } : {}), status: { $in: ['PENDING', 'CONFIRMED', 'IN_REVIEW', 'APPROVED'] } },
        { orderBy: { createdAt: 'desc' } },
      );
    },
    /** Stores a proposed action (nothing is carried out until the customer says yes). */
    async proposeAction(input): Promise<IPendingAction> {
      const action = em.create(PendingAction, { ...input, customer: customerId, status: 'PENDING' });
      await em.flush();
      return action;
    },
    async orders(limit: number): Promise<IOrder[]> {
      return em.find(Order, mine, { orderBy: { placedAt: 'desc' }, limit });
    },
    async order(number: string): Promise<IOrder | null> {
      return em.findOne(Order, { ...mine, number: number.toUpperCase() });
    },
    /** Service incidents are company-wide, not per customer. */
    async incidents(sinceDays: number) {
      const since = new Date(Date.now() - sinceDays * 86_400_000);
      return em.find(
        ServiceIncident,
        { $or: [{ resolvedAt: null }, { resolvedAt: { $gte: since } }] },
        { orderBy: { startedAt: 'desc' } },
      );
    },
  };
}
