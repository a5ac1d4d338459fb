/// <reference lib="dom" />
/** The customer panel of the details sidebar: profile, plan, invoices, payments, refunds, orders, earlier cases. */
import { createElement as h, type ReactNode, useEffect, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { label } from './api.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';
import { customerPanel, type CustomerPanel as Panel } from './workspace-api.js';

function money(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString() : '—');

function List<T>(props: { title: string; items: T[]; row: (t: T) => ReactNode; testId: string; max?: number }) {
  if (props.items.length === 0) return null;
  return h(
    'details',
    { className: 'panel-list', 'data-testid': props.testId, open: props.items.length <= 3 },
    h('summary', null, `${props.title} (${props.items.length})`),
    h(
      'ul',
      null,
      props.items.slice(0, props.max ?? 5).map((t, i) => h('li', { key: i }, props.row(t))),
    ),
  );
}

export function CustomerPanel(props: {
  desk: DeskClient;
  customerId: string;
  caseId: string;
  onOpenCase: (id: string) => void;
}): ReactNode {
  const { desk, customerId } = props;
  const [panel, setPanel] = useState<Panel | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    let cancelled = false;
    customerPanel(desk, customerId).then(
      (p) => !cancelled && setPanel(p),
      (err: unknown) => !cancelled && setError(toShownError(err, 'Loading the customer')),
    );
    return () => {
      cancelled = true;
    };
  }, [desk, customerId]);
  if (!panel) return h('section', { className: 'side-block muted' }, 'Loading the customer…', h(ErrorNote, { error }));
  const c = panel.customer;
  const others = panel.cases.filter((x) => x.id !== props.caseId);
  return h(
    'section',
    { className: 'side-block customer-panel', 'aria-label': 'Customer', 'data-testid': 'customer-panel' },
    h('h3', null, 'Customer'),
    h(
      'p',
      { className: 'cust-name', 'data-testid': 'customer-name' },
      h('strong', null, c.name),
      c.isGuest ? ' (guest)' : '',
    ),
    h(
      'dl',
      { className: 'facts' },
      c.email ? [h('dt', { key: 'e' }, 'E-mail'), h('dd', { key: 'ev' }, c.email)] : null,
      c.phone ? [h('dt', { key: 'p' }, 'Phone'), h('dd', { key: 'pv' }, c.phone)] : null,
      c.country ? [h('dt', { key: 'c' }, 'Country'), h('dd', { key: 'cv' }, c.country)] : null,
      h('dt', null, 'Since'),
      h('dd', null, day(c.createdAt)),
      panel.plan
        ? [
            h('dt', { key: 'pl' }, 'Plan'),
            h(
              'dd',
              { key: 'plv', 'data-testid': 'customer-plan' },
              `${panel.plan.name} · ${label(panel.plan.status)} · ${(panel.plan.priceCents / 100).toFixed(2)}/${panel.plan.billingCycle}`,
            ),
          ]
        : null,
    ),
    c.notes ? h('p', { className: 'muted small' }, c.notes) : null,
    h(List<Panel['invoices'][number]>, {
      title: 'Invoices',
      items: panel.invoices,
      testId: 'panel-invoices',
      row: (i) => `${i.number} · ${money(i.amountCents, i.currency)} · ${label(i.status)} · due ${day(i.dueAt)}`,
    }),
    h(List<Panel['payments'][number]>, {
      title: 'Payments',
      items: panel.payments,
      testId: 'panel-payments',
      row: (p) =>
        `${p.ref} · ${money(p.amountCents, p.currency)} · ${label(p.status)}${p.refundedCents ? ` · refunded ${money(p.refundedCents, p.currency)}` : ''} · ${day(p.paidAt)}`,
    }),
    h(List<Panel['refunds'][number]>, {
      title: 'Refunds',
      items: panel.refunds,
      testId: 'panel-refunds',
      row: (r) => `${money(r.amountCents, r.currency)} · ${label(r.status)} · ${r.paymentRef} · ${day(r.createdAt)}`,
    }),
    h(List<Panel['orders'][number]>, {
      title: 'Orders',
      items: panel.orders,
      testId: 'panel-orders',
      row: (o) => `${o.number} · ${o.items} items · ${money(o.totalCents, o.currency)} · ${label(o.status)}`,
    }),
    h(List<(typeof others)[number]>, {
      title: 'Earlier cases',
      items: others,
      testId: 'panel-cases',
      row: (x) =>
        h(
          'button',
          { type: 'button', className: 'link', onClick: () => props.onOpenCase(x.id) },
          `${x.subject} · ${label(x.status)} · ${day(x.createdAt)}`,
        ),
    }),
  );
}
