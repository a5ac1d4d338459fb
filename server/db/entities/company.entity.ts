import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Customer } from './customer.entity.js';

/** A subscription plan the company sells. */
export const Plan = defineEntity({
  name: 'Plan',
  tableName: 'plans',
  properties: {
    code: p.string().primary(),
    name: p.string(),
    monthlyPriceCents: p.integer(),
    annualPriceCents: p.integer(),
    features: p.json<string[]>(),
    maxDevices: p.integer().nullable(),
  },
});

/** A customer's subscription to a plan. */
export const Subscription = defineEntity({
  name: 'Subscription',
  tableName: 'subscriptions',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    customer: () => p.manyToOne(Customer).index(),
    plan: () => p.manyToOne(Plan),
    status: p.string(),
    billingCycle: p.string(),
    priceCents: p.integer(),
    startedAt: p.datetime(),
    renewsAt: p.datetime().nullable(),
  },
});
/** A subscription row (with its plan when populated). */
export type ISubscription = InferEntity<typeof Subscription>;

/** An invoice issued to a customer. */
export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoices',
  properties: {
    number: p.string().primary(),
    customer: () => p.manyToOne(Customer).index(),
    amountCents: p.integer(),
    currency: p.string(),
    status: p.string(),
    issuedAt: p.datetime(),
    dueAt: p.datetime(),
    lines: p.json<{ description: string; amountCents: number }[]>(),
  },
});
export type IInvoice = InferEntity<typeof Invoice>;

/** A payment (or failed attempt) by a customer. */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payments',
  properties: {
    ref: p.string().primary(),
    customer: () => p.manyToOne(Customer).index(),
    invoiceNumber: p.string().nullable(),
    amountCents: p.integer(),
    refundedCents: p.integer().default(0),
    currency: p.string(),
    method: p.string(),
    status: p.string(),
    failureReason: p.string().nullable(),
    paidAt: p.datetime(),
  },
});
export type IPayment = InferEntity<typeof Payment>;

/** A refund of (part of) a payment. */
export const Refund = defineEntity({
  name: 'Refund',
  tableName: 'refunds',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => `rf_${randomUUID().slice(0, 12)}`),
    customer: () => p.manyToOne(Customer).index(),
    paymentRef: p.string(),
    amountCents: p.integer(),
    currency: p.string(),
    status: p.string(),
    reason: p.text(),
    caseId: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IRefund = InferEntity<typeof Refund>;

/** An order of hardware from the web shop. */
export const Order = defineEntity({
  name: 'Order',
  tableName: 'orders',
  properties: {
    number: p.string().primary(),
    customer: () => p.manyToOne(Customer).index(),
    status: p.string(),
    items: p.json<{ sku: string; name: string; quantity: number; unitPriceCents: number }[]>(),
    shippingCents: p.integer(),
    totalCents: p.integer(),
    currency: p.string(),
    shippingMethod: p.string(),
    carrier: p.string().nullable(),
    trackingNumber: p.string().nullable(),
    placedAt: p.datetime(),
    eta: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
    address: p.json<{ line1: string; city: string; postalCode: string; country: string }>(),
  },
});
export type IOrder = InferEntity<typeof Order>;

/** A service incident or maintenance window, for the service-status tool. */
export const ServiceIncident = defineEntity({
  name: 'ServiceIncident',
  tableName: 'service_incidents',
  properties: {
    id: p.integer().primary().autoincrement(),
    component: p.string(),
    status: p.string(),
    title: p.string(),
    regions: p.json<string[]>(),
    startedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
  },
});
