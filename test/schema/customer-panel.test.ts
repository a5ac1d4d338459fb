/** The customer panel: a staff query over the customer's records and cases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, invoices, orders, payments, refunds } from '../../server/db/seed/demo-data.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const PANEL = /* GraphQL */ `
  query($id: ID!) {
    customerPanel(customerId: $id) {
      customer { id name email country isGuest }
      plan { code name status billingCycle priceCents }
      invoices { number amountCents status }
      payments { ref status }
      refunds { paymentRef status }
      orders { number status items }
      cases { id subject }
    }
  }
`;

describe('customer panel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('shows staff the customer’s profile, plan, records and cases', async () => {
    const submitted = await t.gql(
      `mutation { submitRequest(input: { message: "Where is my extender order?" }) { case { id } } }`,
    );
    const caseId = submitted.data.submitRequest.case.id;
    const r = await t.gql(PANEL, { id: 'cust-ava' }, { 'x-operator-id': 'maria' });
    expect(r.errors).toBeUndefined();
    const p = r.data.customerPanel;
    const ava = customers.find((c) => c.key === 'cust-ava');
    expect(p.customer).toEqual({ id: 'cust-ava', name: ava?.name, email: ava?.email, country: 'US', isGuest: false });
    expect(p.plan).toMatchObject({ code: 'plus', status: expect.any(String) });
    const mine = <T extends { customerKey: string }>(rows: T[]) => rows.filter((x) => x.customerKey === 'cust-ava');
    expect(p.invoices.map((i: any) => i.number).sort()).toEqual(
      mine(invoices)
        .map((i) => i.number)
        .sort(),
    );
    expect(p.payments.map((x: any) => x.ref).sort()).toEqual(
      mine(payments)
        .map((x) => x.ref)
        .sort(),
    );
    expect(p.refunds).toHaveLength(mine(refunds).length);
    expect(p.orders.map((o: any) => o.number).sort()).toEqual(
      mine(orders)
        .map((o) => o.number)
        .sort(),
    );
    expect(p.cases.map((c: any) => c.id)).toEqual([caseId]);
  });

  it('refuses customers and answers NOT_FOUND for an unknown customer', async () => {
    const asCustomer = await t.gql(PANEL, { id: 'cust-ava' });
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await t.gql(PANEL, { id: 'cust-nobody' }, { 'x-operator-id': 'maria' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'customerId' });
  });
});
