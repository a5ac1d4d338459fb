import { resolve } from 'node:path';
import type { MikroORM } from '@mikro-orm/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../server/agents/knowledge/knowledge-base.js';
import { TOOLS, type ToolContext, toolSpec } from '../../server/agents/tools/index.js';
import { ROOT_DIR } from '../../server/config.js';
import { createCustomerData } from '../../server/db/customer-data.repository.js';
import { Payment, PendingAction, Refund } from '../../server/db/entities/index.js';
import * as demo from '../../server/db/seed/demo-data.js';
import { createTestDb } from '../helpers/app.js';

const kb = new KnowledgeBase(resolve(ROOT_DIR, 'server/knowledge/articles'));

interface Escalation {
  reason: string;
  priority: 'NORMAL' | 'HIGH' | 'URGENT';
}

/** A tool context for one customer, recording the escalations it asks for. */
function makeCtx(orm: MikroORM, customerId: string, route?: string): ToolContext & { escalations: Escalation[] } {
  const escalations: Escalation[] = [];
  return {
    caseId: 'test-case',
    data: createCustomerData(orm.em.fork(), customerId),
    kb,
    desk: {
      escalate: async (reason, priority) => {
        escalations.push({ reason, priority });
        return { status: 'ESCALATED', priority };
      },
    },
    route,
    now: new Date(),
    escalations,
  };
}

/** Calls a tool the way the agent runner does: parse, then run. */
async function call(name: string, args: unknown, ctx: ToolContext): Promise<any> {
  const tool = TOOLS[name];
  return tool.run(tool.input.parse(args), ctx);
}

const own = <T extends { customerKey: string }>(rows: T[], customer: string) =>
  rows.filter((r) => r.customerKey === customer);
const CUSTOMERS = demo.customers.map((c) => c.key);

/** A fresh seeded database for the enclosing describe block (so that blocks do not see each other's refunds). */
function useTestDb(): { readonly orm: MikroORM } {
  let db: Awaited<ReturnType<typeof createTestDb>> | undefined;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db?.close();
  });
  return {
    get orm() {
      return db!.orm;
    },
  };
}

describe('tools', () => {
  describe('customer scoping', () => {
    const db = useTestDb();

    it('returns found false when cust-ava asks for an invoice of cust-oliver', async () => {
      const ava = makeCtx(db.orm, 'cust-ava');
      const res = await call('get_invoice', { number: 'INV-2026-0137' }, ava);
      expect(res).toEqual({ found: false, number: 'INV-2026-0137' });
      // ...and Oliver sees his own invoice with both of its payments.
      const mine = await call('get_invoice', { number: 'inv-2026-0137' }, makeCtx(db.orm, 'cust-oliver'));
      expect(mine.found).toBe(true);
      expect(mine.invoice.number).toBe('INV-2026-0137');
      expect(mine.payments.map((p: { ref: string }) => p.ref).sort()).toEqual([
        'pay_98KY7C3fA4aEHM',
        'pay_eEoW5yEyYyKEsn',
      ]);
    });

    it('returns found false when cust-ava asks for an order of another customer', async () => {
      const ava = makeCtx(db.orm, 'cust-ava');
      for (const number of ['BW-100207', 'BW-100217', 'BW-100215']) {
        expect(await call('get_order_status', { orderNumber: number }, ava)).toEqual({
          found: false,
          orderNumber: number,
        });
      }
      const mine = await call('get_order_status', { orderNumber: 'bw-100214' }, ava);
      expect(mine.found).toBe(true);
      expect(mine.orders[0]).toMatchObject({ number: 'BW-100214', status: 'shipped', carrier: 'UPS' });
    });

    it('lists only her own orders when cust-ava gives no order number', async () => {
      const res = await call('get_order_status', {}, makeCtx(db.orm, 'cust-ava'));
      expect(res.found).toBe(true);
      expect(res.orders.map((o: { number: string }) => o.number)).toEqual(['BW-100214', 'BW-100206']);
    });

    it('finds no payment when cust-ava checks refund eligibility of another customer’s payment or invoice', async () => {
      const ava = makeCtx(db.orm, 'cust-ava');
      for (const reference of ['pay_98KY7C3fA4aEHM', 'pay_LLRW77rKz6GTWW', 'INV-2026-0137', 'INV-2026-0134']) {
        expect(await call('check_refund_eligibility', { reference }, ava)).toEqual({ found: false, reference });
      }
    });

    it('refuses and changes nothing when cust-ava requests a refund of another customer’s payment or invoice', async () => {
      const ava = makeCtx(db.orm, 'cust-ava');
      for (const reference of ['pay_98KY7C3fA4aEHM', 'INV-2026-0134']) {
        const res = await call('request_refund', { reference, reason: 'give me the money' }, ava);
        expect(res.ok).toBe(false);
        expect(res.error).toMatch(/no payment found/);
        expect(res.refund).toBeUndefined();
      }
      expect(ava.escalations).toEqual([]);
      const em = db.orm.em.fork();
      expect((await em.findOneOrFail(Payment, { ref: 'pay_98KY7C3fA4aEHM' })).refundedCents).toBe(0);
      expect((await em.findOneOrFail(Payment, { ref: 'pay_LLRW77rKz6GTWW' })).refundedCents).toBe(0);
      expect(await em.count(Refund, { caseId: 'test-case' })).toBe(0);
      expect(await em.count(PendingAction, {})).toBe(0);
    });

    it.each(CUSTOMERS)('lists exactly the invoices of the seed when the customer is %s', async (customer) => {
      const res = await call('list_invoices', { limit: 20 }, makeCtx(db.orm, customer));
      const expected = own(demo.invoices, customer);
      expect(res.count).toBe(expected.length);
      expect(res.invoices.map((i: { number: string }) => i.number).sort()).toEqual(
        expected.map((i) => i.number).sort(),
      );
    });

    it.each(CUSTOMERS)(
      'lists exactly the payments and refunds of the seed when the customer is %s',
      async (customer) => {
        const res = await call('list_payments', { limit: 20 }, makeCtx(db.orm, customer));
        expect(res.payments.map((p: { ref: string }) => p.ref).sort()).toEqual(
          own(demo.payments, customer)
            .map((p) => p.ref)
            .sort(),
        );
        expect(res.refunds.map((r: { payment: string }) => r.payment).sort()).toEqual(
          own(demo.refunds, customer)
            .map((r) => r.paymentRef)
            .sort(),
        );
      },
    );

    it.each(CUSTOMERS)('returns the customer’s own subscription when the customer is %s', async (customer) => {
      const res = await call('get_subscription', {}, makeCtx(db.orm, customer));
      const sub = own(demo.subscriptions, customer)[0];
      const plan = demo.plans.find((p) => p.code === sub.planCode)!;
      expect(res).toMatchObject({
        found: true,
        planCode: sub.planCode,
        plan: plan.name,
        status: sub.status,
        billingCycle: sub.billingCycle,
        features: plan.features,
      });
    });

    it('returns found false when the customer does not exist', async () => {
      const ghost = makeCtx(db.orm, 'cust-nobody');
      expect(await call('get_subscription', {}, ghost)).toEqual({ found: false });
      expect(await call('list_invoices', {}, ghost)).toEqual({ count: 0, invoices: [] });
      expect(await call('get_order_status', {}, ghost)).toEqual({ found: false, orders: [] });
    });

    it('lists newest invoices first and filters by status when a status is given', async () => {
      const ava = makeCtx(db.orm, 'cust-ava');
      const res = await call('list_invoices', { limit: 2 }, ava);
      expect(res.count).toBe(2);
      const newest = [...own(demo.invoices, 'cust-ava')].sort((a, b) => a.issuedDaysAgo - b.issuedDaysAgo).slice(0, 2);
      expect(res.invoices.map((i: { number: string }) => i.number)).toEqual(newest.map((i) => i.number));
      const kofi = await call('list_invoices', { status: 'open' }, makeCtx(db.orm, 'cust-kofi'));
      expect(kofi.invoices.map((i: { number: string }) => i.number)).toEqual(
        own(demo.invoices, 'cust-kofi')
          .filter((i) => i.status === 'open')
          .map((i) => i.number),
      );
      for (const i of kofi.invoices) expect(i.status).toBe('open');
    });
  });

  describe('input schemas', () => {
    it.each([
      ['get_invoice', { number: 'hello' }],
      ['get_invoice', {}],
      ['get_order_status', { orderNumber: 'BW-1' }],
      ['list_invoices', { limit: 0 }],
      ['list_invoices', { limit: 21 }],
      ['list_invoices', { status: 'pending' }],
      ['list_payments', { limit: 2.5 }],
      ['request_refund', { reference: 'pay_6YL6oFMsBE2Eq5' }],
      ['request_refund', { reference: 'pay_6YL6oFMsBE2Eq5', amountCents: -100, reason: 'too much' }],
      ['check_refund_eligibility', { reference: 'x' }],
      ['search_knowledge_base', { query: 'a' }],
      ['get_service_status', { component: 'toaster' }],
      ['escalate_to_human', { reason: 'help', priority: 'LOW' }],
    ])('rejects the arguments of %s when they are %j', (name, args) => {
      expect(TOOLS[name].input.safeParse(args).success).toBe(false);
    });

    it('applies defaults when optional arguments are left out', () => {
      expect(TOOLS.list_invoices.input.parse({})).toEqual({ limit: 6 });
      expect(TOOLS.escalate_to_human.input.parse({ reason: 'customer asks for a person' })).toEqual({
        reason: 'customer asks for a person',
        priority: 'HIGH',
      });
    });

    it.each(Object.keys(TOOLS))('gives an object JSON schema when %s is turned into a spec', (name) => {
      const spec = toolSpec(TOOLS[name]);
      expect(spec.name).toBe(name);
      expect(spec.description.length).toBeGreaterThan(10);
      expect(spec.parameters).toMatchObject({ type: 'object' });
      expect(spec.parameters).not.toHaveProperty('$schema');
    });

    it('lists the required invoice number when get_invoice is turned into a spec', () => {
      const p = toolSpec(TOOLS.get_invoice).parameters as {
        properties: Record<string, { type: string; pattern: string }>;
        required: string[];
      };
      expect(p.properties.number.type).toBe('string');
      expect(p.properties.number.pattern).toBeTruthy();
      expect(p.required).toEqual(['number']);
    });

    it('leaves defaulted fields out of `required` when a tool with defaults is turned into a spec', () => {
      for (const [name, field] of [
        ['list_invoices', 'limit'],
        ['list_payments', 'limit'],
        ['search_knowledge_base', 'limit'],
        ['escalate_to_human', 'priority'],
      ] as const) {
        const p = toolSpec(TOOLS[name]).parameters as { properties: Record<string, unknown>; required?: string[] };
        expect(p.properties).toHaveProperty(field);
        expect(p.required ?? []).not.toContain(field);
      }
    });
  });

  describe('refund policy', () => {
    const db = useTestDb();
    const actionsOf = (paymentRef: string) => db.orm.em.fork().find(PendingAction, { paymentRef });
    const refundsOf = (paymentRef: string) => db.orm.em.fork().count(Refund, { paymentRef });

    it('proposes a refund of Ava’s recent small payment, refunds nothing and keeps one proposal', async () => {
      const ava = makeCtx(db.orm, 'cust-ava');
      const check = await call('check_refund_eligibility', { reference: 'pay_6YL6oFMsBE2Eq5' }, ava);
      expect(check.verdict).toMatchObject({
        eligible: true,
        decision: 'consent',
        refundableCents: 1900,
        duplicateOf: null,
        paidDaysAgo: 5,
      });

      const res = await call(
        'request_refund',
        { reference: 'pay_6YL6oFMsBE2Eq5', reason: 'I did not use the service this month' },
        ava,
      );
      expect(res).toMatchObject({
        ok: true,
        status: 'PENDING',
        action: { kind: 'REFUND', amount: '$19.00', payment: 'pay_6YL6oFMsBE2Eq5', invoice: 'INV-2026-0136' },
        verdict: { decision: 'consent' },
      });
      expect(res.actionId).toMatch(/^act_[0-9a-f]{16}$/);
      expect(res.question).toMatch(/^Shall I refund \$19\.00 for payment pay_6YL6oFMsBE2Eq5 .*\(yes\/no\)$/);
      expect(res.nextStep).toMatch(/Nothing has been refunded yet/);
      expect(ava.escalations).toEqual([]);

      const em = db.orm.em.fork();
      expect(await em.findOneOrFail(Payment, { ref: 'pay_6YL6oFMsBE2Eq5' })).toMatchObject({
        refundedCents: 0,
        status: 'succeeded',
      });
      expect(await refundsOf('pay_6YL6oFMsBE2Eq5')).toBe(0);
      const [action] = await actionsOf('pay_6YL6oFMsBE2Eq5');
      expect(action).toMatchObject({
        id: res.actionId,
        caseId: 'test-case',
        customer: { id: 'cust-ava' },
        kind: 'REFUND',
        amountCents: 1900,
        currency: 'USD',
        status: 'PENDING',
        decidedBy: null,
        refundId: null,
      });

      // Asking again on the same case gives the same proposal, not a second one.
      const again = await call('request_refund', { reference: 'INV-2026-0136', reason: 'once more please' }, ava);
      expect(again.actionId).toBe(res.actionId);
      expect(await actionsOf('pay_6YL6oFMsBE2Eq5')).toHaveLength(1);
      // Another case of the same customer sees the open proposal and is refused.
      const other = await call(
        'request_refund',
        { reference: 'pay_6YL6oFMsBE2Eq5', reason: 'once more please' },
        { ...makeCtx(db.orm, 'cust-ava'), caseId: 'other-case' },
      );
      expect(other.ok).toBe(false);
      expect(other.error).toMatch(new RegExp(res.actionId));
    });

    it('proposes Harper’s $990 refund for review after her yes, without escalating or refunding', async () => {
      const harper = makeCtx(db.orm, 'cust-harper');
      const res = await call(
        'request_refund',
        { reference: 'INV-2026-0134', reason: 'We want to go back to monthly billing' },
        harper,
      );
      expect(res).toMatchObject({
        ok: true,
        status: 'PENDING',
        action: { amount: '$990.00', payment: 'pay_LLRW77rKz6GTWW' },
        verdict: { decision: 'review' },
      });
      expect(res.verdict.reason).toMatch(/over the \$500\.00 limit/);
      expect(res.question).toMatch(/billing specialist for approval\? \(yes\/no\)$/);
      expect(harper.escalations).toEqual([]);
      expect((await db.orm.em.fork().findOneOrFail(Payment, { ref: 'pay_LLRW77rKz6GTWW' })).refundedCents).toBe(0);
      expect(await refundsOf('pay_LLRW77rKz6GTWW')).toBe(0);
    });

    it('refuses Ben’s 40-day-old payment because its refund is already under review', async () => {
      // The seed holds a pending_review refund of this payment; the policy refuses a second request while it is pending.
      const ben = makeCtx(db.orm, 'cust-ben');
      const check = await call('check_refund_eligibility', { reference: 'pay_b9JN9ou73YRfiK' }, ben);
      expect(check.found).toBe(true);
      expect(check.verdict).toMatchObject({ eligible: false, decision: 'not_refundable', paidDaysAgo: 40 });
      expect(check.verdict.reason).toMatch(/already being reviewed/);

      const res = await call('request_refund', { reference: 'pay_b9JN9ou73YRfiK', reason: 'switch to monthly' }, ben);
      expect(res.ok).toBe(false);
      expect(res.error).toMatch(/already being reviewed/);
      expect(await refundsOf('pay_b9JN9ou73YRfiK')).toBe(1);
      expect(await actionsOf('pay_b9JN9ou73YRfiK')).toEqual([]);
    });

    it('sends a subscription payment older than 30 days to review, and an old hub payment to a return', async () => {
      const grace = makeCtx(db.orm, 'cust-grace');
      const check = await call('check_refund_eligibility', { reference: 'pay_qmSnCeEPNxyQzg' }, grace);
      expect(check.verdict).toMatchObject({ eligible: true, decision: 'review', paidDaysAgo: 160 });
      expect(check.verdict.reason).toMatch(/outside the 30-day window/);
      const maya = makeCtx(db.orm, 'cust-maya');
      const hub = await call('check_refund_eligibility', { reference: 'pay_TjhR7eXeBaS3rH' }, maya);
      expect(hub.verdict).toMatchObject({ eligible: false, decision: 'return_required', paidDaysAgo: 45 });
    });

    it('proposes Oliver’s duplicate charge in full with duplicateOf set', async () => {
      const oliver = makeCtx(db.orm, 'cust-oliver');
      const check = await call(
        'check_refund_eligibility',
        { reference: 'pay_98KY7C3fA4aEHM', claim: 'duplicate_charge' },
        oliver,
      );
      expect(check.verdict).toMatchObject({
        eligible: true,
        decision: 'consent',
        duplicateOf: 'pay_eEoW5yEyYyKEsn',
        refundableCents: 1900,
      });
      const res = await call(
        'request_refund',
        { reference: 'pay_98KY7C3fA4aEHM', reason: 'I was charged twice for the same renewal' },
        oliver,
      );
      expect(res).toMatchObject({
        ok: true,
        action: { amount: '£19.00', payment: 'pay_98KY7C3fA4aEHM', invoice: 'INV-2026-0137' },
        verdict: { decision: 'consent', duplicateOf: 'pay_eEoW5yEyYyKEsn' },
      });
      expect(await refundsOf('pay_98KY7C3fA4aEHM')).toBe(0);
    });

    it.each([
      ['the reason says so', { reason: 'I was charged twice for my Pro plan this month (39 euros)' }],
      ['the claim says so', { reason: 'please refund it', claim: 'duplicate_charge' }],
    ])('refuses a duplicate-charge refund of Emma’s single Pro payment when %s', async (_why, args) => {
      const emma = makeCtx(db.orm, 'cust-emma');
      const res = await call('request_refund', { reference: 'pay_GxFrwUESWXdiRR', ...args }, emma);
      expect(res).toMatchObject({ ok: false, decision: 'no_duplicate' });
      expect(res.error).toMatch(/not a duplicate/);
      expect(await actionsOf('pay_GxFrwUESWXdiRR')).toEqual([]);
      expect(await refundsOf('pay_GxFrwUESWXdiRR')).toBe(0);
    });

    it('sends Daan’s hub payment to a return instead of proposing a refund', async () => {
      const daan = makeCtx(db.orm, 'cust-daan');
      const res = await call(
        'request_refund',
        { reference: 'INV-2026-0133', reason: 'I no longer need the hub' },
        daan,
      );
      expect(res).toMatchObject({ ok: false, decision: 'return_required' });
      expect(res.error).toMatch(/hardware \(order BW-100212\).*return/);
      expect(await actionsOf('pay_CjxHF8urqHNNo6')).toEqual([]);
      expect(await refundsOf('pay_CjxHF8urqHNNo6')).toBe(0);
      // A subscription payment of the same customer is not hardware: outside the window it goes to review.
      const plus = await call('check_refund_eligibility', { reference: 'pay_XoKE6cWfv42LtA' }, daan);
      expect(plus.verdict.decision).toBe('review');
    });

    it('proposes a partial refund when the amount is within the remaining refundable amount', async () => {
      const jade = makeCtx(db.orm, 'cust-jade');
      const check = await call('check_refund_eligibility', { reference: 'pay_6ZJPToNAUcivjo' }, jade);
      expect(check.verdict).toMatchObject({ eligible: true, refundableCents: 9900 - 2475 });
      const tooMuch = await call(
        'request_refund',
        { reference: 'pay_6ZJPToNAUcivjo', amountCents: 9900, reason: 'full refund' },
        jade,
      );
      expect(tooMuch.ok).toBe(false);
      expect(tooMuch.error).toMatch(/at most \$74\.25/);
      const res = await call(
        'request_refund',
        { reference: 'pay_6ZJPToNAUcivjo', amountCents: 1000, reason: 'goodwill credit' },
        jade,
      );
      expect(res).toMatchObject({ ok: true, status: 'PENDING', action: { amount: '$10.00' } });
      expect((await db.orm.em.fork().findOneOrFail(Payment, { ref: 'pay_6ZJPToNAUcivjo' })).refundedCents).toBe(2475);
    });

    it('refuses a refund when the payment failed or was refunded in full', async () => {
      const kofi = await call(
        'request_refund',
        { reference: 'pay_xxjEPqA6wPEejN', reason: 'card expired' },
        makeCtx(db.orm, 'cust-kofi'),
      );
      expect(kofi.ok).toBe(false);
      expect(kofi.error).toMatch(/failed/);
      const emma = await call(
        'check_refund_eligibility',
        { reference: 'pay_D4F4SJzt2Y2gBN' },
        makeCtx(db.orm, 'cust-emma'),
      );
      expect(emma.verdict).toMatchObject({ eligible: false, decision: 'not_refundable', refundableCents: 0 });
    });

    it('checks the recent successful payments when no reference is given', async () => {
      const res = await call('check_refund_eligibility', {}, makeCtx(db.orm, 'cust-chloe'));
      expect(res.found).toBe(true);
      expect(res.policy).toEqual({ windowDays: 30, limitWithoutReview: '$500.00' });
      expect(res.payments.map((p: { payment: { ref: string } }) => p.payment.ref).sort()).toEqual([
        'pay_6ZMeAYDxjEbZKy',
        'pay_ZFqhR7Ku3LjYiq',
      ]);
    });

    it('reads the records once for all the recent payments it checks, with the verdicts of checking each', async () => {
      const ctx = makeCtx(db.orm, 'cust-ava');
      const calls: string[] = [];
      const data = ctx.data;
      ctx.data = new Proxy(data, {
        get(target, key, receiver) {
          const v = Reflect.get(target, key, receiver);
          return typeof v === 'function'
            ? (...args: unknown[]) => {
                calls.push(String(key));
                return v.apply(target, args);
              }
            : v;
        },
      });
      const all = await call('check_refund_eligibility', {}, ctx);
      expect(all.payments.length).toBe(5);
      const count = (name: string) => calls.filter((c) => c === name).length;
      expect({ payments: count('payments'), refunds: count('refunds'), openActions: count('openActions') }).toEqual({
        payments: 1,
        refunds: 1,
        openActions: 1,
      });
      const invoices = new Set(all.payments.map((p: { payment: { invoice: string | null } }) => p.payment.invoice));
      expect(count('invoice')).toBeLessThanOrEqual(invoices.size);
      for (const p of all.payments) {
        const one = await call('check_refund_eligibility', { reference: p.payment.ref }, makeCtx(db.orm, 'cust-ava'));
        expect(p.verdict).toEqual(one.verdict);
      }
    });
  });

  describe('support tools', () => {
    const db = useTestDb();

    it('returns articles with id, title and summary when the knowledge base is searched', async () => {
      const res = await call(
        'search_knowledge_base',
        { query: 'I was charged twice' },
        makeCtx(db.orm, 'cust-ava', 'billing'),
      );
      expect(res.count).toBeGreaterThan(0);
      expect(res.articles[0].id).toBe('duplicate-or-unknown-charges');
      for (const a of res.articles) {
        expect(typeof a.id).toBe('string');
        expect(a.title.length).toBeGreaterThan(0);
        expect(a.summary.length).toBeGreaterThan(0);
      }
      const limited = await call('search_knowledge_base', { query: 'refund', limit: 1 }, makeCtx(db.orm, 'cust-ava'));
      expect(limited.articles).toHaveLength(1);
    });

    it('reports the degraded EU West incident to a customer in France when the service status is asked for', async () => {
      const res = await call('get_service_status', {}, makeCtx(db.orm, 'cust-chloe'));
      expect(res.country).toBe('FR');
      expect(res.overall).toBe('degraded');
      expect(res.active).toHaveLength(1);
      expect(res.active[0]).toMatchObject({ component: 'mesh-cloud', status: 'degraded', regions: ['eu-west'] });
      expect(res.elsewhere).toEqual([]);
      const api = await call('get_service_status', { component: 'api' }, makeCtx(db.orm, 'cust-chloe'));
      expect(api.overall).toBe('operational');
      expect(api.active).toEqual([]);
    });

    it('keeps the EU West incident out of the active list when the customer is in the US', async () => {
      const res = await call('get_service_status', {}, makeCtx(db.orm, 'cust-ava'));
      expect(res.country).toBe('US');
      expect(res.overall).toBe('operational');
      expect(res.active).toEqual([]);
      expect(res.elsewhere.map((i: { regions: string[] }) => i.regions)).toEqual([['eu-west']]);
      // The API outage of last week hit the US regions, so it is listed as recently resolved.
      expect(res.recentlyResolved.map((i: { component: string }) => i.component)).toEqual(['api']);
      const ca = await call('get_service_status', {}, makeCtx(db.orm, 'cust-isaac'));
      expect(ca.active).toEqual([]);
    });

    it('asks for a NORMAL escalation when escalate_to_human runs for a request for a person', async () => {
      const ctx = makeCtx(db.orm, 'cust-ava');
      await call('escalate_to_human', { reason: 'The customer asks for a person', priority: 'NORMAL' }, ctx);
      expect(ctx.escalations).toEqual([{ reason: 'The customer asks for a person', priority: 'NORMAL' }]);
    });

    it('calls desk.escalate when escalate_to_human runs', async () => {
      const ctx = makeCtx(db.orm, 'cust-ava');
      const res = await call(
        'escalate_to_human',
        { reason: 'The customer asks for a manager', priority: 'URGENT' },
        ctx,
      );
      expect(res).toEqual({ escalated: true, status: 'ESCALATED', priority: 'URGENT' });
      expect(ctx.escalations).toEqual([{ reason: 'The customer asks for a manager', priority: 'URGENT' }]);
      await call('escalate_to_human', { reason: 'second thoughts' }, ctx);
      expect(ctx.escalations[1]).toEqual({ reason: 'second thoughts', priority: 'HIGH' });
    });
  });
});
