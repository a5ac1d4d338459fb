/// <reference lib="dom" />
/** The case panel's desk tools: assignee picker, labels, canned responses and internal notes. */
import {
  type ChangeEvent,
  type FormEvent,
  createElement as h,
  type ReactNode,
  useCallback,
  useEffect,
  useState,
} from 'react';
import type { WebCaseToolsQuery } from '../../generated/graphql.js';
import { type DeskClient, DeskClientError } from '../../src/desk-client.js';
import {
  WebCaseToolsQuery as CaseToolsDoc,
  WebAddCaseLabelMutation,
  WebAddNoteMutation,
  WebApplyCannedResponseMutation,
  WebRemoveCaseLabelMutation,
} from '../../src/workspace-operations.js';
import { updateCase } from './api.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';

async function run<T>(p: Promise<{ data?: T | undefined; error?: unknown }>): Promise<T> {
  const result = await p;
  if (result.error) throw DeskClientError.from(result.error);
  if (!result.data) throw new DeskClientError('The server answered without data', 'BAD_RESPONSE');
  return result.data;
}

/** Notes, labels, canned responses and the assignee of one case. */
export function CaseTools(props: { desk: DeskClient; caseId: string; closed: boolean }): ReactNode {
  const { desk, caseId, closed } = props;
  const [data, setData] = useState<WebCaseToolsQuery | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const [newLabel, setNewLabel] = useState('');
  const [canned, setCanned] = useState('');

  const load = useCallback(async () => {
    const d = await run(desk.urql.query(CaseToolsDoc, { id: caseId }, { requestPolicy: 'network-only' }).toPromise());
    setData(d);
  }, [desk, caseId]);

  useEffect(() => {
    load().catch((err: unknown) => setError(toShownError(err)));
  }, [load]);

  const act = (what: string, fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    fn()
      .then(load)
      .catch((err: unknown) => setError(toShownError(err, what)))
      .finally(() => setBusy(false));
  };
  if (!data)
    return h(
      'div',
      { className: 'case-tools muted', 'data-testid': 'case-tools-loading' },
      'Loading tools…',
      h(ErrorNote, { error }),
    );

  const labels = data.case.labels;
  const available = data.labels.filter((l) => !labels.includes(l.name));
  return h(
    'div',
    { className: 'case-tools', 'data-testid': 'case-tools' },
    h(
      'div',
      { className: 'row actions' },
      h(
        'span',
        { className: 'field' },
        h('label', { htmlFor: 'assignee-select' }, 'Assignee'),
        h(
          'select',
          {
            id: 'assignee-select',
            value: assignee || data.case.assignee || '',
            onChange: (e: ChangeEvent<HTMLSelectElement>) => setAssignee(e.currentTarget.value),
            'data-testid': 'assignee-select',
          },
          h('option', { value: '' }, 'Unassigned'),
          data.operators.map((o) =>
            h(
              'option',
              { key: o.id, value: o.id },
              `${o.name}${o.team ? ` · ${o.team.toLowerCase()}` : ''} · ${o.availability.toLowerCase()}`,
            ),
          ),
        ),
        h(
          'button',
          {
            type: 'button',
            disabled: busy || closed || !assignee || assignee === data.case.assignee,
            onClick: () => act('Assigning', () => updateCase(desk, { caseId, assignee })),
            'data-testid': 'assign',
          },
          'Assign',
        ),
      ),
      h(
        'span',
        { className: 'field' },
        h('label', { htmlFor: 'canned-select' }, 'Canned reply'),
        h(
          'select',
          {
            id: 'canned-select',
            value: canned,
            onChange: (e: ChangeEvent<HTMLSelectElement>) => setCanned(e.currentTarget.value),
            'data-testid': 'canned-select',
          },
          h('option', { value: '' }, 'Choose…'),
          data.cannedResponses.map((r) => h('option', { key: r.id, value: r.id }, r.title)),
        ),
        h(
          'button',
          {
            type: 'button',
            disabled: busy || closed || !canned,
            onClick: () =>
              act('The canned reply', async () => {
                await run(desk.urql.mutation(WebApplyCannedResponseMutation, { caseId, id: canned }).toPromise());
                setCanned('');
              }),
            'data-testid': 'canned-apply',
          },
          'Send',
        ),
      ),
    ),
    h(
      'div',
      { className: 'row labels', 'aria-label': 'Labels' },
      labels.map((name) =>
        h(
          'span',
          { key: name, className: 'chip', 'data-testid': 'case-label', 'data-label': name },
          name,
          h(
            'button',
            {
              type: 'button',
              className: 'link',
              'aria-label': `Remove label ${name}`,
              disabled: busy,
              onClick: () =>
                act('Removing the label', () =>
                  run(desk.urql.mutation(WebRemoveCaseLabelMutation, { caseId, label: name }).toPromise()),
                ),
              'data-testid': 'label-remove',
            },
            '×',
          ),
        ),
      ),
      h(
        'select',
        {
          'aria-label': 'Add a label',
          value: newLabel,
          onChange: (e: ChangeEvent<HTMLSelectElement>) => setNewLabel(e.currentTarget.value),
          'data-testid': 'label-select',
        },
        h('option', { value: '' }, 'Add label…'),
        available.map((l) => h('option', { key: l.name, value: l.name }, l.name)),
      ),
      h(
        'button',
        {
          type: 'button',
          disabled: busy || !newLabel,
          onClick: () =>
            act('Adding the label', async () => {
              await run(desk.urql.mutation(WebAddCaseLabelMutation, { caseId, label: newLabel }).toPromise());
              setNewLabel('');
            }),
          'data-testid': 'label-add',
        },
        'Add',
      ),
    ),
    h(ErrorNote, { error, testId: 'tools-error' }),
    h(
      'section',
      { className: 'notes', 'aria-label': 'Internal notes' },
      h('h3', null, 'Internal notes (staff only)'),
      data.case.notes.map((n) =>
        h(
          'p',
          { key: n.id, className: 'note', 'data-testid': 'note' },
          h('strong', null, n.authorName),
          ': ',
          h('span', { 'data-testid': 'note-body' }, n.body),
        ),
      ),
      h(
        'form',
        {
          onSubmit: (e: FormEvent) => {
            e.preventDefault();
            const body = note.trim();
            if (!body) return;
            act('The note', async () => {
              await run(desk.urql.mutation(WebAddNoteMutation, { caseId, body }).toPromise());
              setNote('');
            });
          },
        },
        h('label', { htmlFor: 'note-input' }, 'Add an internal note (never shown to the customer)'),
        h('textarea', {
          id: 'note-input',
          rows: 2,
          value: note,
          onChange: (e: ChangeEvent<HTMLTextAreaElement>) => setNote(e.currentTarget.value),
          'data-testid': 'note-input',
        }),
        h('button', { type: 'submit', disabled: busy || !note.trim(), 'data-testid': 'note-add' }, 'Add note'),
      ),
    ),
  );
}
