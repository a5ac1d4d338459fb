/** The customer panel for staff: profile, plan, invoices, payments, refunds, orders and earlier cases. */
import type {
  InvoiceRecord as IInvoice,
  OrderRecord as IOrder,
  PaymentRecord as IPayment,
  SubscriptionRecord as ISubscription,
  RefundRecord,
} from '../db/customer-data.js';
import type { ICustomer } from '../db/entities/index.js';
import { type CustomerPanel, loadCustomerPanel } from '../desk/customer-panel.service.js';
import { builder } from './builder.js';
import { CaseType } from './case.schema.js';

const ProfileType = builder.objectRef<ICustomer>('CustomerProfile').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    isGuest: t.exposeBoolean('isGuest'),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
  }),
});

const PlanType = builder.objectRef<ISubscription>('CustomerPlan').implement({
  description: 'The customer’s subscription and its plan',
  fields: (t) => ({
    code: t.string({ resolve: (s) => s.plan.code }),
    name: t.string({ resolve: (s) => s.plan.name ?? s.plan.code }),
    status: t.exposeString('status'),
    billingCycle: t.exposeString('billingCycle'),
    priceCents: t.exposeInt('priceCents'),
    startedAt: t.field({ type: 'DateTime', resolve: (s) => s.startedAt }),
    renewsAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.renewsAt ?? null }),
  }),
});

const InvoiceType = builder.objectRef<IInvoice>('PanelInvoice').implement({
  fields: (t) => ({
    number: t.exposeString('number'),
    amountCents: t.exposeInt('amountCents'),
    currency: t.exposeString('currency'),
    status: t.exposeString('status'),
    issuedAt: t.field({ type: 'DateTime', resolve: (i) => i.issuedAt }),
    dueAt: t.field({ type: 'DateTime', resolve: (i) => i.dueAt }),
  }),
});

const PaymentType = builder.objectRef<IPayment>('PanelPayment').implement({
  fields: (t) => ({
    ref: t.exposeString('ref'),
    invoiceNumber: t.exposeString('invoiceNumber', { nullable: true }),
    amountCents: t.exposeInt('amountCents'),
    refundedCents: t.exposeInt('refundedCents'),
    currency: t.exposeString('currency'),
    method: t.exposeString('method'),
    status: t.exposeString('status'),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    paidAt: t.field({ type: 'DateTime', resolve: (p) => p.paidAt }),
  }),
});

const RefundType = builder.objectRef<RefundRecord>('PanelRefund').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    paymentRef: t.exposeString('paymentRef'),
    amountCents: t.exposeInt('amountCents'),
    currency: t.exposeString('currency'),
    status: t.exposeString('status'),
    reason: t.exposeString('reason'),
    caseId: t.exposeString('caseId', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
  }),
});

const OrderType = builder.objectRef<IOrder>('PanelOrder').implement({
  fields: (t) => ({
    number: t.exposeString('number'),
    status: t.exposeString('status'),
    totalCents: t.exposeInt('totalCents'),
    currency: t.exposeString('currency'),
    items: t.int({ description: 'Number of items', resolve: (o) => o.items.reduce((n, i) => n + i.quantity, 0) }),
    carrier: t.exposeString('carrier', { nullable: true }),
    trackingNumber: t.exposeString('trackingNumber', { nullable: true }),
    placedAt: t.field({ type: 'DateTime', resolve: (o) => o.placedAt }),
    eta: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.eta ?? null }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.deliveredAt ?? null }),
  }),
});

const CustomerPanelType = builder.objectRef<CustomerPanel>('CustomerPanel').implement({
  description: 'What staff see of a customer beside a case (latest 20 of each)',
  fields: (t) => ({
    customer: t.field({ type: ProfileType, resolve: (p) => p.customer }),
    plan: t.field({ type: PlanType, nullable: true, resolve: (p) => p.subscription }),
    invoices: t.field({ type: [InvoiceType], resolve: (p) => p.invoices }),
    payments: t.field({ type: [PaymentType], resolve: (p) => p.payments }),
    refunds: t.field({ type: [RefundType], resolve: (p) => p.refunds }),
    orders: t.field({ type: [OrderType], resolve: (p) => p.orders }),
    cases: t.field({ type: [CaseType], description: 'Their cases, newest first', resolve: (p) => p.cases }),
  }),
});

builder.queryFields((t) => ({
  customerPanel: t.field({
    type: CustomerPanelType,
    description: 'A customer’s profile, plan, invoices, payments, refunds, orders and cases (staff only)',
    authScopes: { staff: true },
    args: { customerId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => loadCustomerPanel(ctx.em, String(args.customerId), ctx.desk.customerData),
  }),
}));
