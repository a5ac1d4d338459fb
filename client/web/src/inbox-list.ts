/// <reference lib="dom" />
/** The inbox's dense case list: SLA timer, priority, labels, assignee and unread marks per row. */
import { createElement as h, type ReactNode, useEffect, useRef } from 'react';
import { formatAge, label } from './api.js';
import { slaView } from './sla.js';
import type { InboxCase } from './workspace-api.js';

export function CaseRow(props: {
  c: InboxCase;
  now: number;
  selected: boolean;
  cursor: boolean;
  unread: boolean;
  onOpen: () => void;
}): ReactNode {
  const { c, now } = props;
  const sla = slaView(c.sla, c.firstResponseAt, now);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (props.cursor) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [props.cursor]);
  const cls = [
    'case-row',
    props.selected ? 'selected' : '',
    props.cursor ? 'cursor' : '',
    props.unread ? 'unread' : '',
  ];
  if (c.emergency) cls.push('emergency');
  return h(
    'li',
    {
      ref,
      className: cls.filter(Boolean).join(' '),
      role: 'option',
      'aria-selected': props.selected,
      'data-testid': 'case-row',
      'data-case-id': c.id,
      'data-status': c.status,
      'data-unread': props.unread ? 'true' : 'false',
      onClick: props.onOpen,
    },
    h(
      'div',
      { className: 'row-line' },
      props.unread ? h('span', { className: 'dot', 'aria-label': 'unread', 'data-testid': 'unread-mark' }) : null,
      h(
        'button',
        { type: 'button', className: 'link subject', title: c.subject, 'data-testid': 'case-open', tabIndex: -1 },
        `${c.emergency ? '⚠ ' : ''}${c.subject}`,
      ),
      h(
        'span',
        {
          className: `sla sla-${sla.state}`,
          'data-testid': 'case-row-sla',
          'data-sla': sla.state,
          title: sla.target ?? '',
        },
        sla.text,
      ),
    ),
    h(
      'div',
      { className: 'row-line meta' },
      h('span', { className: 'cust' }, c.customer.name),
      h(
        'span',
        { className: `badge status-${c.status.toLowerCase()}`, 'data-testid': 'case-row-status' },
        label(c.status),
      ),
      h(
        'span',
        { className: `badge prio-${c.priority.toLowerCase()}`, 'data-testid': 'case-row-priority' },
        label(c.priority),
      ),
      h('span', { 'data-testid': 'case-row-route' }, c.route ? label(c.route) : '—'),
      h(
        'span',
        { 'data-testid': 'case-row-emergency', className: c.emergency ? 'badge urgent' : 'sr-only' },
        c.emergency ? 'Yes' : 'No',
      ),
      h('span', { className: 'muted' }, formatAge(c.createdAt, now)),
      h('span', { className: 'assignee', 'data-testid': 'case-row-assignee' }, c.assignee ?? 'unassigned'),
    ),
    c.labels.length
      ? h(
          'div',
          { className: 'row-line chips' },
          c.labels.map((l) => h('span', { key: l, className: 'chip small', 'data-testid': 'case-row-label' }, l)),
        )
      : null,
  );
}
