/** Invoice and payment look-ups for the case's customer. */
import { z } from 'zod';
import type { InvoiceRecord as IInvoice, PaymentRecord as IPayment } from '../../db/customer-data.js';
import { day, defineTool, money } from './tool.js';

/** An invoice as tools report it. */
function invoiceView(i: IInvoice) {
  return {
    number: i.number,
    amount: money(i.amountCents, i.currency),
    amountCents: i.amountCents,
    currency: i.currency,
    status: i.status,
    issued: day(i.issuedAt),
    due: day(i.dueAt),
    lines: i.lines.map((l) => ({ description: l.description, amount: money(l.amountCents, i.currency) })),
  };
}

/** A payment as tools report it. */
export function paymentView(p: IPayment) {
  return {
    ref: p.ref,
    invoice: p.invoiceNumber,
    amount: money(p.amountCents, p.currency),
    amountCents: p.amountCents,
    refunded: money(p.refundedCents, p.currency),
    status: p.status,
    method: p.method,
    date: day(p.paidAt),
    failureReason: p.failureReason,
  };
}

export const listInvoicesTool = defineTool({
  name: 'list_invoices',
  description: "List the customer's most recent invoices (newest first), optionally by status.",
  input: z.object({
    limit: z.number().int().min(1).max(20).default(6).describe('how many invoices'),
    status: z.enum(['paid', 'open', 'overdue', 'void']).optional().describe('only invoices with this status'),
  }),
  async run(input, ctx) {
    const rows = await ctx.data.invoices(input.limit, input.status);
    return { count: rows.length, invoices: rows.map(invoiceView) };
  },
});

export const getInvoiceTool = defineTool({
  name: 'get_invoice',
  description: 'Look up one of the customer’s invoices by its number (e.g. INV-2026-0142), with its payments.',
  input: z.object({ number: z.string().regex(/^[Ii][Nn][Vv]-\d{4}-\d{3,6}$/, 'an invoice number like INV-2026-0142') }),
  async run(input, ctx) {
    const invoice = await ctx.data.invoice(input.number);
    if (!invoice) return { found: false, number: input.number.toUpperCase() };
    const payments = await ctx.data.paymentsForInvoice(invoice.number);
    return { found: true, invoice: invoiceView(invoice), payments: payments.map(paymentView) };
  },
});

export const listPaymentsTool = defineTool({
  name: 'list_payments',
  description:
    "List the customer's most recent payments and payment attempts (method, status, failure reason) and their refunds with status.",
  input: z.object({ limit: z.number().int().min(1).max(20).default(6) }),
  async run(input, ctx) {
    const rows = await ctx.data.payments(input.limit);
    const refunds = await ctx.data.refunds();
    return {
      count: rows.length,
      payments: rows.map(paymentView),
      refunds: refunds.map((r) => ({
        id: r.id,
        payment: r.paymentRef,
        amount: money(r.amountCents, r.currency),
        status: r.status,
        requested: day(r.createdAt),
      })),
    };
  },
});
