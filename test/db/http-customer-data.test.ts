/** The CustomerData port on a company's JSON API, against a local HTTP server standing in for that API. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { createCustomerData } from '../../server/db/customer-data.repository.js';
import { CompanyApiError, createHttpCustomerData } from '../../server/db/http-customer-data.js';
import { createTestDb, startTestApp, type TestApp } from '../helpers/app.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const TOKEN = 'company-api-token-0123456789';

/** The company's records, as its API answers them (the demo database has none of these numbers). */
const records: Record<string, unknown> = {
  invoices: [
    {
      number: 'NW-9001',
      amountCents: 4900,
      currency: 'eur',
      status: 'paid',
      issuedAt: '2026-10-01T00:00:00Z',
      dueAt: '2026-10-15T00:00:00Z',
      lines: [{ description: 'Fibre 500', amountCents: 4900 }],
    },
    {
      number: 'NW-9002',
      amountCents: 5900,
      currency: 'EUR',
      status: 'open',
      issuedAt: '2026-11-01T00:00:00Z',
      dueAt: '2026-11-15T00:00:00Z',
    },
  ],
  payments: {
    data: [
      {
        ref: 'pay_nw_1',
        invoiceNumber: 'NW-9001',
        amountCents: 4900,
        currency: 'EUR',
        method: 'card',
        status: 'succeeded',
        paidAt: '2026-10-03T09:00:00Z',
      },
      {
        ref: 'pay_nw_2',
        invoiceNumber: 'NW-9001',
        amountCents: 4900,
        currency: 'EUR',
        method: 'card',
        status: 'succeeded',
        paidAt: '2026-10-03T09:01:00Z',
      },
    ],
  },
  orders: [
    {
      number: 'NWO-77',
      status: 'shipped',
      items: [{ sku: 'ONT-2', name: 'Fibre modem', quantity: 1, unitPriceCents: 9900 }],
      totalCents: 9900,
      currency: 'EUR',
      carrier: 'PostNL',
      trackingNumber: 'TRK123',
      placedAt: '2026-11-20T10:00:00Z',
      eta: '2026-11-25T00:00:00Z',
      address: { line1: '1 Canal St', city: 'Utrecht', postalCode: '3511', country: 'NL' },
    },
  ],
  subscription: {
    status: 'active',
    billingCycle: 'monthly',
    priceCents: 4900,
    startedAt: '2025-01-01T00:00:00Z',
    renewsAt: '2026-12-01T00:00:00Z',
    plan: { code: 'fibre-500', name: 'Fibre 500', features: ['500 Mbit/s'] },
  },
};

describe('HTTP CustomerData adapter', () => {
  let server: Server;
  let base: string;
  const seen: { path: string; auth?: string }[] = [];
  let answer: (kind: string, req: IncomingMessage) => { status: number; body?: unknown } = (kind) => ({
    status: 200,
    body: records[kind],
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', auth: req.headers.authorization });
      const m = /^\/api\/customers\/([^/]+)\/(invoices|payments|orders|subscription)$/.exec(req.url ?? '');
      if (!m || req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(m ? 401 : 404).end();
        return;
      }
      const { status, body } = answer(m[2], req);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/customers/{customerId}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    seen.length = 0;
    answer = (kind) => ({ status: 200, body: records[kind] });
  });

  const urls = () => ({
    invoices: `${base}/invoices`,
    payments: `${base}/payments`,
    orders: `${base}/orders`,
    subscription: `${base}/subscription`,
  });

  describe('reading', () => {
    let db: Awaited<ReturnType<typeof createTestDb>>;
    beforeAll(async () => {
      db = await createTestDb();
    });
    afterAll(async () => {
      await db.close();
    });
    const adapter = (customerId = 'cust-ava', u: ReturnType<typeof urls> | Partial<ReturnType<typeof urls>> = urls()) =>
      createHttpCustomerData(createCustomerData(db.orm.em.fork(), customerId), {
        urls: u,
        token: TOKEN,
        timeoutMs: 2000,
      });

    it('reads invoices, payments, orders and the subscription from the API, newest first, once per instance', async () => {
      const data = adapter();
      const invoices = await data.invoices(10);
      expect(invoices.map((i) => i.number)).toEqual(['NW-9002', 'NW-9001']);
      expect(invoices[1]).toMatchObject({ currency: 'EUR', issuedAt: new Date('2026-10-01T00:00:00Z') });
      expect(invoices[0].lines).toEqual([]);
      expect((await data.invoices(10, 'paid')).map((i) => i.number)).toEqual(['NW-9001']);
      expect((await data.invoice('nw-9002'))?.amountCents).toBe(5900);
      expect(await data.invoice('NW-1')).toBeNull();
      expect((await data.payments(1)).map((p) => p.ref)).toEqual(['pay_nw_2']);
      expect((await data.paymentsForInvoice('NW-9001')).map((p) => p.ref)).toEqual(['pay_nw_2', 'pay_nw_1']);
      expect(await data.payment('pay_nw_1')).toMatchObject({ refundedCents: 0, failureReason: null });
      expect((await data.order('nwo-77'))?.trackingNumber).toBe('TRK123');
      expect(await data.subscription()).toMatchObject({
        plan: { code: 'fibre-500', maxDevices: null },
        status: 'active',
      });
      expect(seen.map((s) => s.path.split('/').at(-1)).sort()).toEqual([
        'invoices',
        'orders',
        'payments',
        'subscription',
      ]);
      expect(seen.every((s) => s.auth === `Bearer ${TOKEN}`)).toBe(true);
    });

    it('fills the customer id into the template, URL-encoded', async () => {
      await adapter('cust/../x y').invoices(5);
      expect(seen[0].path).toBe('/api/customers/cust%2F..%2Fx%20y/invoices');
    });

    it('keeps what the desk itself records (customer, refunds, incidents) and unset kinds in the database', async () => {
      const data = adapter('cust-ava', { invoices: `${base}/invoices` });
      expect((await data.customer())?.id).toBe('cust-ava');
      const local = createCustomerData(db.orm.em.fork(), 'cust-ava');
      expect((await data.payments(50)).map((p) => p.ref)).toEqual((await local.payments(50)).map((p) => p.ref));
      expect(seen.map((s) => s.path.split('/').at(-1))).toEqual([]);
      expect((await data.invoices(5))[0].number).toBe('NW-9002');
    });

    it('answers null for a subscription the API does not have (404)', async () => {
      answer = () => ({ status: 404 });
      expect(await adapter().subscription()).toBeNull();
    });

    it('fails with a coded message, never the values, on an error status or a wrong shape', async () => {
      answer = () => ({ status: 503 });
      await expect(adapter().invoices(5)).rejects.toThrow(
        new CompanyApiError('company API: invoices answered HTTP 503'),
      );
      answer = () => ({ status: 200, body: [{ number: 'NW-1', amountCents: 'lots', secretNote: 'ava@example.com' }] });
      const err = await adapter()
        .invoices(5)
        .catch((e: Error) => e);
      expect(err).toBeInstanceOf(CompanyApiError);
      expect((err as Error).message).toMatch(/invoices has an unexpected shape \(0\.amountCents: /);
      expect((err as Error).message).not.toContain('lots');
    });

    it('asks again after a failure', async () => {
      const data = adapter();
      answer = () => ({ status: 500 });
      await expect(data.orders(5)).rejects.toThrow(CompanyApiError);
      answer = (kind) => ({ status: 200, body: records[kind] });
      expect((await data.orders(5)).map((o) => o.number)).toEqual(['NWO-77']);
    });

    it('needs {customerId} in every URL template', () => {
      expect(() => loadConfig({ COMPANY_API_INVOICES_URL: 'https://api.invalid/invoices' }, false)).toThrow(
        /COMPANY_API_INVOICES_URL: must contain \{customerId\}/,
      );
      expect(loadConfig({ COMPANY_API_ORDERS_URL: `${base}/orders` }, false).companyApi).toEqual({
        urls: { orders: `${base}/orders` },
        token: undefined,
        timeoutMs: 5000,
      });
    });
  });

  describe('in the running desk', () => {
    let t: TestApp;
    beforeAll(async () => {
      const u = urls();
      t = await startTestApp({
        COMPANY_API_INVOICES_URL: u.invoices,
        COMPANY_API_PAYMENTS_URL: u.payments,
        COMPANY_API_ORDERS_URL: u.orders,
        COMPANY_API_SUBSCRIPTION_URL: u.subscription,
        COMPANY_API_TOKEN: TOKEN,
      });
    });
    afterAll(async () => {
      await t.stop();
    });

    it('answers from the company’s API: the agent’s tools read it for the case’s customer', async () => {
      const r = await t.gql('mutation($m: String!) { submitRequest(input: { message: $m }) { case { id } } }', {
        m: 'Can you list my invoices please? I want to check what I paid',
      });
      const caseId = r.data.submitRequest.case.id;
      const events = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, (evs) =>
        evs.some((e) => e.__typename === 'MessageCompleted'),
      );
      const tools = events.filter((e) => e.__typename === 'ToolCalled');
      const listed = tools.find((e) => e.tool === 'list_invoices');
      expect(listed?.ok).toBe(true);
      expect(listed?.output).toContain('NW-9001');
      expect(seen.some((s) => s.path === '/api/customers/cust-ava/invoices')).toBe(true);
      const answer = events.find((e) => e.__typename === 'MessageCompleted').message.content as string;
      expect(answer).toMatch(/NW-900[12]/);
    });

    it('shows the API’s records in the customer panel', async () => {
      const r = await t.gql(
        'query($id: ID!) { customerPanel(customerId: $id) { invoices { number } orders { number } plan { code } } }',
        { id: 'cust-ava' },
        { 'x-operator-id': 'maria' },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.customerPanel).toEqual({
        invoices: [{ number: 'NW-9002' }, { number: 'NW-9001' }],
        orders: [{ number: 'NWO-77' }],
        plan: { code: 'fibre-500' },
      });
    });
  });
});
