import type { EntityManager } from '@mikro-orm/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerData } from '../../server/db/customer-data.js';
import { createCustomerData } from '../../server/db/customer-data.repository.js';
import {
  Customer,
  Invoice,
  Order,
  Payment,
  PendingAction,
  Refund,
  ServiceIncident,
  Subscription,
} from '../../server/db/entities/index.js';
import * as demo from '../../server/db/seed/demo-data.js';
import { openSqlRunner } from '../../server/db/sql/open-sql-runner.js';
import type { SqlRunner } from '../../server/db/sql/sql-runner.js';
import { createTestDb } from '../helpers/app.js';
import { testSqliteDriver } from '../helpers/database.js';

/** An entity as the plain record the port returns: its scalar properties, without the relations named. */
function record(em: EntityManager, entity: object, drop: string[] = ['customer']): Record<string, unknown> {
  const meta = em.getMetadata().get((entity as { constructor: { name: string } }).constructor.name);
  const e = entity as Record<string, unknown>;
  return Object.fromEntries(
    meta.props.filter((p) => p.kind === 'scalar' && !drop.includes(p.name)).map((p) => [p.name, e[p.name] ?? null]),
  );
}

describe('the desk-database CustomerData reads in plain SQL what the ORM reads', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let sql: SqlRunner;
  beforeAll(async () => {
    db = await createTestDb();
    sql = openSqlRunner(db.orm, testSqliteDriver());
    // An open action and a refund, so those reads have rows to compare.
    const em = db.orm.em.fork();
    em.create(PendingAction, {
      caseId: 'case-x',
      customer: 'cust-ava',
      kind: 'REFUND',
      paymentRef: 'pay_6YL6oFMsBE2Eq5',
      orderNumber: null,
      invoiceNumber: null,
      amountCents: 1200,
      currency: 'USD',
      reason: 'charged twice',
      verdict: { decision: 'consent', reason: 'within policy', duplicateOf: null },
      status: 'PENDING',
    });
    await em.flush();
  });
  afterAll(async () => {
    await sql.close();
    await db.close();
  });

  /** The same customer's port three ways: on the runner, on the entity manager, inside a transaction. */
  const ways = (customerId: string, fn: (data: CustomerData, how: string) => Promise<void>) =>
    Promise.all([
      fn(createCustomerData(db.orm.em.fork(), customerId, sql), 'runner'),
      fn(createCustomerData(db.orm.em.fork(), customerId), 'entity manager'),
      db.orm.em.fork().transactional((tx) => fn(createCustomerData(tx, customerId, sql), 'transaction')),
    ]);

  it.each(demo.customers.map((c) => c.key))('reads %s field for field as the entities hold them', async (id) => {
    const em = db.orm.em.fork();
    const mine = { customer: id };
    const expected = {
      customer: await em.findOne(Customer, { id }),
      subscription: await em.findOne(Subscription, mine, { populate: ['plan'], orderBy: { startedAt: 'desc' } }),
      invoices: await em.find(Invoice, mine, { orderBy: { issuedAt: 'desc' }, limit: 3 }),
      payments: await em.find(Payment, mine, { orderBy: { paidAt: 'desc' }, limit: 50 }),
      refunds: await em.find(Refund, mine, { orderBy: { createdAt: 'desc' } }),
      actions: await em.find(PendingAction, mine, { orderBy: { createdAt: 'desc' } }),
      orders: await em.find(Order, mine, { orderBy: { placedAt: 'desc' }, limit: 5 }),
      incidents: await em.find(ServiceIncident, {}, { orderBy: { startedAt: 'desc' } }),
    };
    const sub = expected.subscription;
    // Read before the ways run: a read on `em` inside the transaction would wait for its connection (SQLite).
    const byInvoice = new Map<string, { invoice: Record<string, unknown>; payments: Record<string, unknown>[] }>();
    for (const p of expected.payments) {
      if (!p.invoiceNumber || byInvoice.has(p.invoiceNumber)) continue;
      const invoice = await em.findOneOrFail(Invoice, { ...mine, number: p.invoiceNumber });
      const payments = await em.find(
        Payment,
        { ...mine, invoiceNumber: p.invoiceNumber },
        { orderBy: { paidAt: 'desc' } },
      );
      byInvoice.set(p.invoiceNumber, { invoice: record(em, invoice), payments: payments.map((r) => record(em, r)) });
    }
    await ways(id, async (data, how) => {
      const got = {
        customer: await data.customer(),
        subscription: await data.subscription(),
        invoices: await data.invoices(3),
        payments: await data.payments(50),
        refunds: await data.refunds(),
        actions: await data.openActions(),
        orders: await data.orders(5),
        incidents: await data.incidents(3650),
      };
      expect(got.customer, how).toEqual(expected.customer && record(em, expected.customer, []));
      expect(got.subscription, how).toEqual(
        sub && { ...record(em, sub, ['customer', 'plan']), plan: record(em, sub.plan as object, []) },
      );
      expect(got.invoices, how).toEqual(expected.invoices.map((r) => record(em, r)));
      expect(got.payments, how).toEqual(expected.payments.map((r) => record(em, r)));
      expect(got.refunds, how).toEqual(expected.refunds.map((r) => record(em, r)));
      expect(got.actions, how).toEqual(expected.actions.map((r) => record(em, r)));
      expect(got.orders, how).toEqual(expected.orders.map((r) => record(em, r)));
      expect(got.incidents, how).toEqual(expected.incidents.map((r) => record(em, r, [])));
      for (const p of expected.payments) {
        expect(await data.payment(p.ref), how).toEqual(record(em, p));
        if (!p.invoiceNumber) continue;
        const { invoice, payments } = byInvoice.get(p.invoiceNumber) ?? {};
        expect(await data.invoice(p.invoiceNumber.toLowerCase()), how).toEqual(invoice);
        expect(await data.paymentsForInvoice(p.invoiceNumber), how).toEqual(payments);
      }
      for (const o of expected.orders) expect(await data.order(o.number.toLowerCase()), how).toEqual(record(em, o));
    });
  });

  it("never reads another customer's records, whatever it is asked for", async () => {
    const other = await db.orm.em.fork().find(Payment, { customer: 'cust-ben' }, { limit: 1 });
    await ways('cust-ava', async (data, how) => {
      expect(await data.payment(other[0].ref), how).toBeNull();
      expect(await data.refunds(other[0].ref), how).toEqual([]);
      expect(
        (await data.payments(50)).every((p) => !other.some((o) => o.ref === p.ref)),
        how,
      ).toBe(true);
    });
    expect((await createCustomerData(db.orm.em.fork(), 'cust-ava', sql).openActions('case-x')).length).toBe(1);
    expect((await createCustomerData(db.orm.em.fork(), 'cust-ava', sql).openActions('case-y')).length).toBe(0);
    expect((await createCustomerData(db.orm.em.fork(), 'cust-ben', sql).openActions()).length).toBe(0);
  });

  it('reads only the incidents open or resolved within the days asked', async () => {
    const em = db.orm.em.fork();
    const all = await em.find(ServiceIncident, {}, { orderBy: { startedAt: 'desc' } });
    const since = new Date(Date.now() - 7 * 86_400_000);
    const expected = all.filter((i) => !i.resolvedAt || i.resolvedAt >= since).map((i) => i.id);
    expect(expected.length).toBeLessThan(all.length);
    await ways('cust-ava', async (data, how) => {
      expect(
        (await data.incidents(7)).map((i) => i.id),
        how,
      ).toEqual(expected);
    });
  });
});
