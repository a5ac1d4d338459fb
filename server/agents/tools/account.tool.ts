/** Subscription, plan and order look-ups for the case's customer. */
import { z } from 'zod';
import type { OrderRecord as IOrder } from '../../db/customer-data.js';
import { day, defineTool, money } from './tool.js';

export const getSubscriptionTool = defineTool({
  name: 'get_subscription',
  description: "The customer's subscription: plan, features, price, billing cycle, status and renewal date.",
  input: z.object({}),
  async run(_input, ctx) {
    const s = await ctx.data.subscription();
    if (!s) return { found: false };
    return {
      found: true,
      plan: s.plan.name,
      planCode: s.plan.code,
      features: s.plan.features,
      maxDevices: s.plan.maxDevices,
      status: s.status,
      billingCycle: s.billingCycle,
      price: `${money(s.priceCents)} per ${s.billingCycle === 'annual' ? 'year' : 'month'}`,
      started: day(s.startedAt),
      renews: day(s.renewsAt),
    };
  },
});

/** An order as tools report it. */
function orderView(o: IOrder) {
  return {
    number: o.number,
    status: o.status,
    items: o.items.map((i) => `${i.quantity} × ${i.name}`),
    total: money(o.totalCents, o.currency),
    shippingMethod: o.shippingMethod,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    placed: day(o.placedAt),
    eta: day(o.eta),
    delivered: day(o.deliveredAt),
    shipTo: `${o.address.city}, ${o.address.country}`,
    changeable: o.status === 'processing',
  };
}

export const getOrderStatusTool = defineTool({
  name: 'get_order_status',
  description:
    'Status, carrier, tracking number and delivery estimate of one order (e.g. BW-100234), or of the recent orders when no number is given.',
  input: z.object({
    orderNumber: z
      .string()
      .regex(/^[Bb][Ww]-\d{5,8}$/, 'an order number like BW-100234')
      .optional(),
  }),
  async run(input, ctx) {
    if (input.orderNumber) {
      const o = await ctx.data.order(input.orderNumber);
      return o
        ? { found: true, orders: [orderView(o)] }
        : { found: false, orderNumber: input.orderNumber.toUpperCase() };
    }
    const rows = await ctx.data.orders(5);
    return { found: rows.length > 0, orders: rows.map(orderView) };
  },
});
