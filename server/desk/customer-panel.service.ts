/** The customer panel for staff: profile, plan, invoices, payments, refunds, orders and earlier cases. */
import type { EntityManager } from '@mikro-orm/sqlite';
import type { CustomerDataFactory } from '../db/customer-data.js';
import { createCustomerData } from '../db/customer-data.repository.js';
import { Case } from '../db/entities/index.js';
import { NotFoundError } from '../errors.js';

const LIMIT = 20;

/** Loads one customer's panel (NOT_FOUND for an unknown customer). */
export async function loadCustomerPanel(
  em: EntityManager,
  customerId: string,
  customerData: CustomerDataFactory<EntityManager> = createCustomerData,
) {
  const data = customerData(em, customerId);
  const customer = await data.customer();
  if (!customer) throw new NotFoundError('Customer', customerId, 'customerId');
  const [subscription, invoices, payments, refunds, orders, cases] = await Promise.all([
    data.subscription(),
    data.invoices(LIMIT),
    data.payments(LIMIT),
    data.refunds(),
    data.orders(LIMIT),
    em.find(Case, { customer: customerId }, { orderBy: { createdAt: 'desc' }, limit: LIMIT }),
  ]);
  return { customer, subscription, invoices, payments, refunds: refunds.slice(0, LIMIT), orders, cases };
}

/** A customer panel. */
export type CustomerPanel = Awaited<ReturnType<typeof loadCustomerPanel>>;
