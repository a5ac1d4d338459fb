/// <reference lib="dom" />
/**
 * An open case in the workspace: the conversation pane (header with take over / hand back and
 * resolve, the timeline, the composer) beside the details sidebar. The case's stream gives the
 * messages and state live; its desk side (notes, labels, SLA, rating) is fetched again when a
 * desk event names the case.
 */
import { createElement as h, type ReactNode, useEffect, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { caseRef, label, updateCase, type Viewer } from './api.js';
import { useCaseStream } from './case-stream.js';
import { Composer } from './composer.js';
import { type DeskLive, useDeskEvent } from './desk-live.js';
import { DetailsPane } from './details-pane.js';
import { ErrorBoundary } from './error-boundary.js';
import { useDebounced, useNow } from './hooks.js';
import { Timeline } from './timeline.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';
import { type CaseDetails, caseDeskSide, caseDetails } from './workspace-api.js';

export function CasePanel(props: {
  desk: DeskClient;
  me: Viewer;
  feed: DeskLive;
  caseId: string;
  onSeen: (seq: number) => void;
  onOpenCase: (id: string) => void;
  onClose: () => void;
}): ReactNode {
  const { desk, me, feed, caseId } = props;
  const view = useCaseStream(desk, caseId);
  const [details, setDetails] = useState<CaseDetails | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [showDetails, setShowDetails] = useState(false);
  const now = useNow(15_000);

  useEffect(() => {
    caseDetails(desk, caseId).then(setDetails, (err: unknown) => setError(toShownError(err, 'Loading the case')));
  }, [desk, caseId]);
  // After a change only the case is fetched again (the operators, labels and canned responses stay).
  const reload = useDebounced(() => {
    caseDeskSide(desk, caseId).then(
      (c) => setDetails((d) => (d ? { ...d, case: c } : d)),
      (err: unknown) => setError(toShownError(err, 'Loading the case')),
    );
  }, 150);
  useDeskEvent(feed, (ev) => {
    if ('caseId' in ev && ev.caseId === caseId) reload();
  });
  useEffect(() => feed.onResync(reload), [feed.onResync, reload]);

  const { onSeen } = props;
  useEffect(() => {
    if (view.lastSeq > 0) onSeen(view.lastSeq);
  }, [view.lastSeq, onSeen]);

  const status = view.status ?? details?.case.status ?? null;
  const assignee = view.lastSeq > 0 ? view.assignee : (details?.case.assignee ?? null);
  const mine = assignee === me.id;
  const closed = status === 'CLOSED';
  const act = (what: string, fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    fn()
      .then(reload)
      .catch((err: unknown) => setError(toShownError(err, what)))
      .finally(() => setBusy(false));
  };
  const subject = view.subject ?? details?.case.subject ?? 'Case';

  return h(
    'div',
    { className: 'case-panel', 'data-testid': 'case-panel', 'data-case-id': caseId },
    h(
      'section',
      { className: 'pane conversation-pane', 'aria-label': 'Conversation', 'data-testid': 'conversation' },
      h(
        'header',
        { className: 'conv-head' },
        h(
          'div',
          { className: 'row spread' },
          h('h2', { title: subject }, subject),
          h(
            'button',
            { type: 'button', className: 'link', onClick: props.onClose, 'aria-label': 'Close case' },
            'Close',
          ),
        ),
        h(
          'div',
          { className: 'row meta' },
          h('code', { title: caseId, 'data-testid': 'case-ref' }, caseRef(caseId)),
          status
            ? h(
                'span',
                { className: `badge status-${status.toLowerCase()}`, 'data-testid': 'case-status' },
                label(status),
              )
            : null,
          view.priority
            ? h(
                'span',
                { className: `badge prio-${view.priority.toLowerCase()}`, 'data-testid': 'panel-priority' },
                label(view.priority),
              )
            : null,
          view.emergency ? h('span', { className: 'badge urgent' }, 'Emergency') : null,
          h(
            'span',
            { className: 'muted' },
            'Assignee ',
            h('strong', { 'data-testid': 'panel-assignee' }, assignee ?? 'none'),
          ),
          view.connection === 'reconnecting' || view.connection === 'failed'
            ? h('span', { className: 'badge warn', role: 'status' }, view.streamError ?? 'Disconnected')
            : null,
        ),
        h(
          'div',
          { className: 'row actions' },
          mine
            ? h(
                'button',
                {
                  type: 'button',
                  disabled: busy || closed,
                  onClick: () => act('Handing back', () => updateCase(desk, { caseId, assignee: null })),
                  'data-testid': 'hand-back',
                  title: 'Unassign: the AI answers the customer again',
                },
                'Hand back to AI',
              )
            : h(
                'button',
                {
                  type: 'button',
                  disabled: busy || closed,
                  onClick: () => act('Taking over', () => updateCase(desk, { caseId, assignee: me.id })),
                  'data-testid': 'take-over',
                  title: 'Assign to you: the AI stops answering',
                },
                'Take over',
              ),
          h(
            'button',
            {
              type: 'button',
              disabled: busy || closed || status === 'RESOLVED',
              onClick: () => act('Resolving', () => updateCase(desk, { caseId, status: 'RESOLVED' })),
              'data-testid': 'resolve',
            },
            'Resolve',
          ),
          h(
            'button',
            {
              type: 'button',
              className: 'link',
              'aria-expanded': showDetails,
              onClick: () => setShowDetails((v) => !v),
              'data-testid': 'details-toggle',
            },
            showDetails ? 'Hide details' : 'Show details (routing, tools)',
          ),
        ),
        h(ErrorNote, { error, testId: 'panel-error' }),
      ),
      h(Timeline, { view, notes: details?.case.notes ?? [], details: showDetails }),
      h(Composer, {
        desk,
        caseId,
        canned: details?.cannedResponses ?? [],
        closed,
        onDone: reload,
      }),
    ),
    details
      ? h(
          ErrorBoundary,
          { name: 'details sidebar' },
          h(DetailsPane, {
            desk,
            details,
            status,
            priority: view.priority,
            assignee,
            now,
            onChanged: reload,
            onOpenCase: props.onOpenCase,
          }),
        )
      : h('aside', { className: 'pane details muted' }, 'Loading…'),
  );
}
