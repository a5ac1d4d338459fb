/// <reference lib="dom" />
/** The inbox's filters: what the operator picked, the search it becomes, and the bar that edits it. */
import { type ChangeEvent, createElement as h, type ReactNode } from 'react';
import type { SlaState, Team } from '../../generated/graphql.js';
import { type CaseStatus, label, PRIORITIES, type Priority, ROUTES, type Route, STATUSES } from './api.js';
import { SLA_FILTERS } from './sla.js';
import type { CaseSearchInput } from './workspace-api.js';

const TEAMS: Team[] = ['BILLING', 'TECHNICAL', 'ESCALATIONS'];

export interface InboxFilters {
  text: string;
  status: CaseStatus | '';
  route: Route | '';
  priority: Priority | '';
  emergency: '' | 'yes' | 'no';
  label: string;
  /** '' anyone, 'none' nobody, else an operator id. */
  assignee: string;
  team: Team | '';
  /** Where the SLA clock stands (the search computes it from the stored due times). */
  sla: SlaState | '';
}

export const NO_FILTERS: InboxFilters = {
  text: '',
  status: '',
  route: '',
  priority: '',
  emergency: '',
  label: '',
  assignee: '',
  team: '',
  sla: '',
};

/** The search the filters ask for. */
export function toSearch(f: InboxFilters): CaseSearchInput {
  const s: CaseSearchInput = {};
  if (f.text.trim()) s.text = f.text.trim();
  if (f.status) s.status = [f.status];
  if (f.route) s.route = [f.route];
  if (f.priority) s.priority = [f.priority];
  if (f.emergency) s.emergency = f.emergency === 'yes';
  if (f.label) s.label = f.label;
  if (f.assignee === 'none') s.unassigned = true;
  else if (f.assignee) s.assignee = f.assignee;
  if (f.team) s.team = f.team;
  if (f.sla) s.slaState = [f.sla];
  return s;
}

function one<T extends string>(v: unknown, allowed: readonly T[]): T | '' {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' && (allowed as readonly string[]).includes(x) ? (x as T) : '';
}

/** The filters of a saved view's search (what the bar cannot show is dropped). */
export function fromSearch(search: unknown): InboxFilters {
  const s = (search && typeof search === 'object' ? search : {}) as Record<string, unknown>;
  return {
    text: typeof s.text === 'string' ? s.text : '',
    status: one(s.status, STATUSES),
    route: one(s.route, ROUTES),
    priority: one(s.priority, PRIORITIES),
    emergency: s.emergency === true ? 'yes' : s.emergency === false ? 'no' : '',
    label: typeof s.label === 'string' ? s.label : '',
    assignee: s.unassigned === true ? 'none' : typeof s.assignee === 'string' ? s.assignee : '',
    team: one(s.team, TEAMS),
    sla: one(
      s.slaState,
      SLA_FILTERS.map((o) => o.value),
    ),
  };
}

interface Option {
  value: string;
  text: string;
}

/** A labelled select that reads its value in the handler (never later, in a state updater). */
function Pick(props: { id: string; text: string; value: string; options: Option[]; onChange: (v: string) => void }) {
  return h(
    'span',
    { className: 'field' },
    h('label', { htmlFor: props.id }, props.text),
    h(
      'select',
      {
        id: props.id,
        value: props.value,
        onChange: (e: ChangeEvent<HTMLSelectElement>) => props.onChange(e.currentTarget.value),
        'data-testid': `filter-${props.id.replace(/^f-/, '')}`,
      },
      h('option', { value: '' }, 'Any'),
      props.options.map((o) => h('option', { key: o.value, value: o.value }, o.text)),
    ),
  );
}

const opts = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, text: label(v) }));

/** The filter selects; every change goes out as a whole new filter set. */
export function FilterBar(props: {
  filters: InboxFilters;
  labels: string[];
  operators: { id: string; name: string }[];
  meId: string;
  onChange: (f: InboxFilters) => void;
}): ReactNode {
  const f = props.filters;
  const set =
    <K extends keyof InboxFilters>(key: K) =>
    (v: string) =>
      props.onChange({ ...f, [key]: v as InboxFilters[K] });
  const people: Option[] = [
    { value: 'none', text: 'Unassigned' },
    { value: props.meId, text: 'Me' },
    ...props.operators.filter((o) => o.id !== props.meId).map((o) => ({ value: o.id, text: o.name })),
  ];
  return h(
    'div',
    { className: 'filters', role: 'group', 'aria-label': 'Filters' },
    h(Pick, { id: 'f-status', text: 'Status', value: f.status, options: opts(STATUSES), onChange: set('status') }),
    h(Pick, {
      id: 'f-priority',
      text: 'Priority',
      value: f.priority,
      options: opts(PRIORITIES),
      onChange: set('priority'),
    }),
    h(Pick, { id: 'f-route', text: 'Route', value: f.route, options: opts(ROUTES), onChange: set('route') }),
    h(Pick, {
      id: 'f-emergency',
      text: 'Emergency',
      value: f.emergency,
      options: [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ],
      onChange: set('emergency'),
    }),
    h(Pick, {
      id: 'f-label',
      text: 'Label',
      value: f.label,
      options: props.labels.map((l) => ({ value: l, text: l })),
      onChange: set('label'),
    }),
    h(Pick, { id: 'f-assignee', text: 'Assignee', value: f.assignee, options: people, onChange: set('assignee') }),
    h(Pick, { id: 'f-team', text: 'Team', value: f.team, options: opts(TEAMS), onChange: set('team') }),
    h(Pick, { id: 'f-sla', text: 'SLA', value: f.sla, options: SLA_FILTERS, onChange: set('sla') }),
  );
}
