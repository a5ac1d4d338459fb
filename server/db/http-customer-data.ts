/**
 * The CustomerData port on the company's own JSON API: invoices, payments, orders and the
 * subscription are read over HTTP from URL templates in config (`{customerId}` is filled in,
 * URL-encoded); everything the desk itself keeps (the customer row, refunds it recorded, proposed
 * actions, service incidents) stays in the desk's database. One instance serves one case turn, so
 * each list is fetched at most once per turn. See docs/adapters.md.
 */
import { z } from 'zod';
import type { CustomerData, InvoiceRecord, OrderRecord, PaymentRecord, SubscriptionRecord } from './customer-data.js';

/** Where and how the company's API is read. */
export interface CompanyApiOptions {
  /** URL templates with `{customerId}`; a kind without one is read from the desk's database. */
  urls: Partial<Record<'invoices' | 'payments' | 'orders' | 'subscription', string>>;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** The company's API failed or answered something that is not its documented shape. */
export class CompanyApiError extends Error {
  override readonly name = 'CompanyApiError';
}

const date = z.coerce.date();
const nullableDate = z.coerce.date().nullable().default(null);
const money = z.number().int();
const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/)
  .transform((c) => c.toUpperCase());

const invoiceSchema = z.object({
  number: z.string().min(1),
  amountCents: money,
  currency,
  status: z.string().min(1),
  issuedAt: date,
  dueAt: date,
  lines: z.array(z.object({ description: z.string(), amountCents: money })).default([]),
});
const paymentSchema = z.object({
  ref: z.string().min(1),
  invoiceNumber: z.string().nullable().default(null),
  amountCents: money,
  refundedCents: money.default(0),
  currency,
  method: z.string().min(1),
  status: z.string().min(1),
  failureReason: z.string().nullable().default(null),
  paidAt: date,
});
const orderSchema = z.object({
  number: z.string().min(1),
  status: z.string().min(1),
  items: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int(), unitPriceCents: money })),
  shippingCents: money.default(0),
  totalCents: money,
  currency,
  shippingMethod: z.string().default('standard'),
  carrier: z.string().nullable().default(null),
  trackingNumber: z.string().nullable().default(null),
  placedAt: date,
  eta: nullableDate,
  deliveredAt: nullableDate,
  address: z.object({ line1: z.string(), city: z.string(), postalCode: z.string(), country: z.string() }),
});
const subscriptionSchema = z.object({
  status: z.string().min(1),
  billingCycle: z.enum(['monthly', 'annual']),
  priceCents: money,
  startedAt: date,
  renewsAt: nullableDate,
  plan: z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    features: z.array(z.string()).default([]),
    maxDevices: z.number().int().nullable().default(null),
  }),
});

/** A list answer: a JSON array, or an object with the array under `data`. */
const listOf = <S extends z.ZodType>(item: S) =>
  z.preprocess(
    (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && 'data' in v ? v.data : v),
    z.array(item),
  );

const byNewest =
  <T>(at: (r: T) => Date) =>
  (a: T, b: T) =>
    at(b).getTime() - at(a).getTime();

/** Wraps the desk's own adapter (`local`): the kinds with a URL come from the company's API. */
export function createHttpCustomerData(local: CustomerData, api: CompanyApiOptions): CustomerData {
  const fetchImpl = api.fetch ?? globalThis.fetch;
  const cache = new Map<string, Promise<unknown>>();

  async function get<S extends z.ZodType>(
    kind: keyof CompanyApiOptions['urls'],
    schema: S,
  ): Promise<z.output<S> | null> {
    const template = api.urls[kind] as string;
    const url = template.replaceAll('{customerId}', encodeURIComponent(local.customerId));
    let res: Response;
    try {
      res = await fetchImpl(url, {
        headers: { accept: 'application/json', ...(api.token ? { authorization: `Bearer ${api.token}` } : {}) },
        signal: AbortSignal.timeout(api.timeoutMs),
      });
    } catch (err) {
      throw new CompanyApiError(`company API: ${kind} did not answer (${(err as Error).name})`);
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new CompanyApiError(`company API: ${kind} answered HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new CompanyApiError(`company API: ${kind} answered with something that is not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      // Paths and messages only: the values are the customer's data.
      const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      throw new CompanyApiError(`company API: ${kind} has an unexpected shape (${where.join('; ')})`);
    }
    return parsed.data;
  }

  /** A kind's records, fetched once per instance (a 404 is none). */
  function once<T>(kind: keyof CompanyApiOptions['urls'], load: () => Promise<T>): Promise<T> {
    let p = cache.get(kind) as Promise<T> | undefined;
    if (!p) {
      p = load();
      cache.set(kind, p);
      // A failure is not kept: the next tool call asks again.
      p.catch(() => cache.delete(kind));
    }
    return p;
  }

  const invoices = () =>
    once('invoices', async () =>
      ((await get('invoices', listOf(invoiceSchema))) ?? []).sort(byNewest((i) => i.issuedAt)),
    ) as Promise<InvoiceRecord[]>;
  const payments = () =>
    once('payments', async () =>
      ((await get('payments', listOf(paymentSchema))) ?? []).sort(byNewest((p) => p.paidAt)),
    ) as Promise<PaymentRecord[]>;
  const orders = () =>
    once('orders', async () =>
      ((await get('orders', listOf(orderSchema))) ?? []).sort(byNewest((o) => o.placedAt)),
    ) as Promise<OrderRecord[]>;
  const upper = (s: string) => s.trim().toUpperCase();

  return {
    // The customer row, refunds, actions and incidents: the desk's own records.
    ...local,
    ...(api.urls.invoices && {
      async invoices(limit: number, status?: string) {
        return (await invoices()).filter((i) => !status || i.status === status).slice(0, limit);
      },
      async invoice(number: string) {
        return (await invoices()).find((i) => upper(i.number) === upper(number)) ?? null;
      },
    }),
    ...(api.urls.payments && {
      async payments(limit: number) {
        return (await payments()).slice(0, limit);
      },
      async payment(ref: string) {
        return (await payments()).find((p) => p.ref === ref.trim()) ?? null;
      },
      async paymentsForInvoice(number: string) {
        return (await payments()).filter((p) => upper(p.invoiceNumber ?? '') === upper(number));
      },
    }),
    ...(api.urls.orders && {
      async orders(limit: number) {
        return (await orders()).slice(0, limit);
      },
      async order(number: string) {
        return (await orders()).find((o) => upper(o.number) === upper(number)) ?? null;
      },
    }),
    ...(api.urls.subscription && {
      subscription: () =>
        once('subscription', () => get('subscription', subscriptionSchema)) as Promise<SubscriptionRecord | null>,
    }),
  };
}
