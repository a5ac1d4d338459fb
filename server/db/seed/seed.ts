/** Inserts the demo company once: does nothing when customers already exist. */
import type { EntityManager } from '@mikro-orm/sqlite';
import {
  CannedResponse,
  Customer,
  Invoice,
  Label,
  Operator,
  Order,
  Payment,
  Plan,
  Refund,
  ServiceIncident,
  Subscription,
} from '../entities/index.js';
import * as demo from './demo-data.js';
import * as desk from './demo-desk.js';

const DAY = 86_400_000;

/** Seeds the demo data in one transaction; returns whether it wrote anything. */
export async function seedDemoData(em: EntityManager, now = new Date()): Promise<boolean> {
  if ((await em.count(Customer, {})) > 0) return false;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const ahead = (days: number) => new Date(now.getTime() + days * DAY);
  await em.transactional(async (tx) => {
    for (const p of demo.plans) tx.create(Plan, p);
    for (const c of demo.customers) {
      tx.create(Customer, {
        id: c.key,
        externalRef: c.key,
        name: c.name,
        email: c.email,
        phone: c.phone,
        country: c.country,
        notes: c.notes,
        isGuest: false,
        createdAt: ago(c.createdDaysAgo),
      });
    }
    for (const s of demo.subscriptions) {
      tx.create(Subscription, {
        customer: s.customerKey,
        plan: s.planCode,
        status: s.status,
        billingCycle: s.billingCycle,
        priceCents: s.priceCents,
        startedAt: ago(s.startedDaysAgo),
        renewsAt: s.renewsInDays === null ? null : ahead(s.renewsInDays),
      });
    }
    for (const i of demo.invoices) {
      tx.create(Invoice, {
        number: i.number,
        customer: i.customerKey,
        amountCents: i.amountCents,
        currency: i.currency,
        status: i.status,
        issuedAt: ago(i.issuedDaysAgo),
        dueAt: ahead(i.dueInDays),
        lines: i.lines,
      });
    }
    const refunded = new Map<string, number>();
    for (const r of demo.refunds) {
      if (r.status === 'completed' || r.status === 'approved')
        refunded.set(r.paymentRef, (refunded.get(r.paymentRef) ?? 0) + r.amountCents);
    }
    for (const p of demo.payments) {
      tx.create(Payment, {
        ref: p.ref,
        customer: p.customerKey,
        invoiceNumber: p.invoiceNumber,
        amountCents: p.amountCents,
        refundedCents: refunded.get(p.ref) ?? 0,
        currency: p.currency,
        method: p.method,
        status: p.status,
        failureReason: p.failureReason,
        paidAt: ago(p.daysAgo),
      });
    }
    for (const r of demo.refunds) {
      const currency = demo.payments.find((p) => p.ref === r.paymentRef)?.currency ?? 'USD';
      tx.create(Refund, {
        customer: r.customerKey,
        paymentRef: r.paymentRef,
        amountCents: r.amountCents,
        currency,
        status: r.status,
        reason: r.reason,
        caseId: null,
        createdAt: ago(r.daysAgo),
      });
    }
    for (const o of demo.orders) {
      tx.create(Order, {
        number: o.number,
        customer: o.customerKey,
        status: o.status,
        items: o.items,
        shippingCents: o.shippingCents,
        totalCents: o.totalCents,
        currency: o.currency,
        shippingMethod: o.shippingMethod,
        carrier: o.carrier,
        trackingNumber: o.trackingNumber,
        placedAt: ago(o.placedDaysAgo),
        eta: o.etaInDays === null ? null : ahead(o.etaInDays),
        deliveredAt: o.deliveredDaysAgo === null ? null : ago(o.deliveredDaysAgo),
        address: o.address,
      });
    }
    for (const o of desk.operators) tx.create(Operator, { ...o, availability: 'offline', lastAssignedAt: null });
    for (const l of desk.labels) tx.create(Label, l);
    for (const r of desk.cannedResponses) tx.create(CannedResponse, { ...r, createdBy: 'seed' });
    for (const inc of demo.incidents) {
      tx.create(ServiceIncident, {
        component: inc.component,
        status: inc.status,
        title: inc.title,
        regions: inc.regions,
        startedAt: ago(inc.startedDaysAgo),
        resolvedAt: inc.resolvedDaysAgo === null ? null : ago(inc.resolvedDaysAgo),
      });
    }
  });
  return true;
}
