/// <reference lib="dom" />
/** The details sidebar: status, priority, assignee, team, labels, SLA, CSAT and the customer panel. */
import { type ChangeEvent, createElement as h, type ReactNode, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { type CaseStatus, label, PRIORITIES, type Priority, STATUSES, updateCase } from './api.js';
import { CustomerPanel } from './customer-panel.js';
import { shortDuration, slaView } from './sla.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';
import { addLabel, type CaseDetails, removeLabel } from './workspace-api.js';

function when(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const left = Date.parse(iso) - now;
  return `${new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })} (${left >= 0 ? 'in ' : ''}${shortDuration(left)}${left < 0 ? ' ago' : ''})`;
}

function Sla(props: { details: CaseDetails; now: number }): ReactNode {
  const c = props.details.case;
  const s = c.sla;
  const view = slaView(s, c.firstResponseAt, props.now);
  return h(
    'section',
    { className: 'side-block', 'aria-label': 'SLA', 'data-testid': 'sla-block', 'data-sla': view.state },
    h(
      'h3',
      null,
      'SLA ',
      h('span', { className: `sla sla-${view.state}` }, view.state === 'none' ? 'not started' : view.state),
    ),
    s
      ? h(
          'dl',
          { className: 'facts' },
          h('dt', null, 'First response'),
          h(
            'dd',
            null,
            c.firstResponseAt
              ? `done ${new Date(c.firstResponseAt).toLocaleTimeString()}${s.firstResponseBreached ? ' (late)' : ''}`
              : when(s.firstResponseDueAt, props.now),
          ),
          h('dt', null, 'Resolution'),
          h(
            'dd',
            null,
            c.resolvedAt ? `done${s.resolutionBreached ? ' (late)' : ''}` : when(s.resolutionDueAt, props.now),
          ),
          s.paused ? [h('dt', { key: 'p' }, 'Paused'), h('dd', { key: 'pv' }, 'waiting on the customer')] : null,
        )
      : h('p', { className: 'muted small' }, 'The SLA clock starts once the scheduler has seen the case.'),
  );
}

export function DetailsPane(props: {
  desk: DeskClient;
  details: CaseDetails;
  status: CaseStatus | null;
  priority: Priority | null;
  assignee: string | null;
  now: number;
  onChanged: () => void;
  onOpenCase: (id: string) => void;
}): ReactNode {
  const { desk, details, now } = props;
  const c = details.case;
  const caseId = c.id;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const status = props.status ?? c.status;
  const priority = props.priority ?? c.priority;
  const assignee = props.assignee === undefined ? c.assignee : props.assignee;
  const closed = status === 'CLOSED';

  const act = (what: string, fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    fn()
      .then(props.onChanged)
      .catch((err: unknown) => setError(toShownError(err, what)))
      .finally(() => setBusy(false));
  };
  const select = (
    id: string,
    text: string,
    value: string,
    options: { value: string; text: string }[],
    onChange: (v: string) => void,
  ) =>
    h(
      'div',
      { className: 'field side-field' },
      h('label', { htmlFor: id }, text),
      h(
        'select',
        {
          id,
          value,
          disabled: busy || closed,
          onChange: (e: ChangeEvent<HTMLSelectElement>) => onChange(e.currentTarget.value),
          'data-testid': id,
        },
        options.map((o) => h('option', { key: o.value, value: o.value }, o.text)),
      ),
    );
  const available = details.labels.filter((l) => !c.labels.includes(l.name));
  const colour = new Map(details.labels.map((l) => [l.name, l.color]));

  return h(
    'aside',
    { className: 'pane details', 'aria-label': 'Case details', 'data-testid': 'details-pane' },
    h(
      'section',
      { className: 'side-block' },
      h('h3', null, 'Case'),
      select(
        'status-select',
        'Status',
        status,
        STATUSES.map((s) => ({ value: s, text: label(s) })),
        (v) => act('Changing the status', () => updateCase(desk, { caseId, status: v as CaseStatus })),
      ),
      select(
        'priority-select',
        'Priority',
        priority,
        PRIORITIES.map((p) => ({ value: p, text: label(p) })),
        (v) => act('Changing the priority', () => updateCase(desk, { caseId, priority: v as Priority })),
      ),
      select(
        'assignee-select',
        'Assignee',
        assignee ?? '',
        [
          { value: '', text: 'Unassigned (AI)' },
          ...details.operators.map((o) => ({
            value: o.id,
            text: `${o.name}${o.team ? ` · ${o.team.toLowerCase()}` : ''} · ${o.availability.toLowerCase()}`,
          })),
        ],
        (v) => act('Assigning', () => updateCase(desk, { caseId, assignee: v || null })),
      ),
      h(
        'dl',
        { className: 'facts' },
        h('dt', null, 'Team'),
        h('dd', { 'data-testid': 'case-team' }, c.team ? label(c.team) : '—'),
        h('dt', null, 'Opened'),
        h('dd', null, new Date(c.createdAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })),
      ),
    ),
    h(
      'section',
      { className: 'side-block', 'aria-label': 'Labels' },
      h('h3', null, 'Labels'),
      h(
        'div',
        { className: 'chips' },
        c.labels.length === 0 ? h('span', { className: 'muted small' }, 'None') : null,
        c.labels.map((name) =>
          h(
            'span',
            {
              key: name,
              className: 'chip',
              style: { borderColor: colour.get(name) },
              'data-testid': 'case-label',
              'data-label': name,
            },
            name,
            h(
              'button',
              {
                type: 'button',
                className: 'link',
                'aria-label': `Remove label ${name}`,
                disabled: busy,
                onClick: () => act('Removing the label', () => removeLabel(desk, caseId, name)),
                'data-testid': 'label-remove',
              },
              '×',
            ),
          ),
        ),
      ),
      h(
        'select',
        {
          'aria-label': 'Add a label',
          value: '',
          disabled: busy || available.length === 0,
          onChange: (e: ChangeEvent<HTMLSelectElement>) => {
            const name = e.currentTarget.value;
            if (name) act('Adding the label', () => addLabel(desk, caseId, name));
          },
          'data-testid': 'label-select',
        },
        h('option', { value: '' }, 'Add label…'),
        available.map((l) => h('option', { key: l.name, value: l.name }, l.name)),
      ),
    ),
    h(ErrorNote, { error, testId: 'details-error' }),
    h(Sla, { details, now }),
    h(
      'section',
      { className: 'side-block', 'aria-label': 'Customer satisfaction', 'data-testid': 'csat' },
      h('h3', null, 'CSAT'),
      c.rating
        ? h(
            'p',
            { 'data-testid': 'csat-score', 'data-score': c.rating.score },
            h(
              'span',
              { className: 'stars', 'aria-label': `${c.rating.score} of 5` },
              '★'.repeat(c.rating.score) + '☆'.repeat(5 - c.rating.score),
            ),
            c.rating.comment ? h('span', { className: 'muted' }, ` “${c.rating.comment}”`) : null,
          )
        : h(
            'p',
            { className: 'muted small' },
            status === 'RESOLVED' ? 'Asked; not rated yet.' : 'Asked once resolved.',
          ),
    ),
    h(CustomerPanel, { desk, customerId: c.customer.id, caseId, onOpenCase: props.onOpenCase }),
  );
}
