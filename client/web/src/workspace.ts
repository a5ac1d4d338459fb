/// <reference lib="dom" />
/**
 * The operator's workspace: inbox | conversation | details, the live desk feed, emergency and SLA
 * alerts, and the banner of emergencies nobody is assigned to.
 */
import { createElement as h, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { caseRef, type Viewer } from './api.js';
import { CasePanel } from './case-panel.js';
import type { DeskLive } from './desk-live.js';
import { useDeskEvent } from './desk-live.js';
import { ErrorBoundary } from './error-boundary.js';
import { useDebounced } from './hooks.js';
import { Inbox } from './inbox.js';
import { useUnread } from './unread.js';
import { type DeskDirectory, deskDirectory, type InboxCase, searchCases } from './workspace-api.js';

const OPEN_STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED'] as const;

/** Emergencies that are open and nobody is assigned to, kept current by desk events. */
function useUnassignedEmergencies(desk: DeskClient, feed: DeskLive): InboxCase[] {
  const [list, setList] = useState<InboxCase[]>([]);
  const load = useCallback(() => {
    searchCases(desk, { emergency: true, unassigned: true, status: [...OPEN_STATUSES] }, 5).then(
      (p) => setList(p.edges.map((e) => e.node)),
      () => undefined, // the inbox shows load errors
    );
  }, [desk]);
  useEffect(load, [load]);
  const refresh = useDebounced(load, 300);
  const listRef = useRef(list);
  listRef.current = list;
  // Only events that can change the banner: a new emergency, a change to one it shows, or an open
  // emergency left with nobody assigned (handed back to the AI, or its operator unassigned).
  useDeskEvent(feed, (ev) => {
    if (
      ev.__typename === 'EmergencyAlert' ||
      (ev.__typename === 'CaseCreated' && ev.emergency) ||
      (ev.__typename === 'CaseUpdated' &&
        (listRef.current.some((c) => c.id === ev.caseId) ||
          (ev.emergency && !ev.assignee && (OPEN_STATUSES as readonly string[]).includes(ev.status))))
    )
      refresh();
  });
  useEffect(() => feed.onResync(refresh), [feed.onResync, refresh]);
  return list;
}

export function Workspace(props: { desk: DeskClient; me: Viewer; feed: DeskLive }): ReactNode {
  const { desk, me, feed } = props;
  const [selected, setSelected] = useState<string | null>(null);
  const [directory, setDirectory] = useState<DeskDirectory>({ operators: [], labels: [] });
  const unread = useUnread();
  const emergencies = useUnassignedEmergencies(desk, feed);

  useEffect(() => {
    deskDirectory(desk).then(setDirectory, () => undefined);
  }, [desk]);
  useDeskEvent(feed, (ev) => {
    if (ev.__typename === 'OperatorChanged') deskDirectory(desk).then(setDirectory, () => undefined);
  });

  const { markSeen } = unread;
  const onSeen = useCallback((seq: number) => selected && markSeen(selected, seq), [selected, markSeen]);

  return h(
    'div',
    { className: 'workspace-wrap' },
    emergencies.length
      ? h(
          'div',
          { className: 'alert-banner unassigned', role: 'alert', 'data-testid': 'unassigned-emergencies' },
          h(
            'strong',
            null,
            `${emergencies.length} emergenc${emergencies.length === 1 ? 'y' : 'ies'} with nobody assigned: `,
          ),
          emergencies.map((c) =>
            h(
              'button',
              {
                key: c.id,
                type: 'button',
                onClick: () => setSelected(c.id),
                'data-testid': 'unassigned-emergency',
                'data-case-id': c.id,
              },
              `${caseRef(c.id)} ${c.subject.slice(0, 40)}`,
            ),
          ),
        )
      : null,
    feed.alerts.map((a) =>
      h(
        'div',
        {
          key: a.key,
          className: `alert-banner ${a.kind}`,
          role: 'alert',
          'data-testid': a.kind === 'emergency' ? 'emergency-alert' : 'sla-alert',
          'data-case-id': a.caseId,
        },
        h(
          'strong',
          null,
          a.kind === 'emergency' ? 'Emergency: ' : a.kind === 'sla-breached' ? 'SLA missed: ' : 'SLA warning: ',
        ),
        a.kind === 'emergency' ? `case ${caseRef(a.caseId)} — ${a.text} ` : `${a.text} `,
        h('button', { type: 'button', onClick: () => setSelected(a.caseId), 'data-testid': 'alert-open' }, 'Open case'),
        h(
          'button',
          { type: 'button', className: 'link', onClick: () => feed.dismiss(a.key), 'aria-label': 'Dismiss alert' },
          'Dismiss',
        ),
      ),
    ),
    h(
      'div',
      { className: 'workspace', 'data-testid': 'workspace' },
      h(
        ErrorBoundary,
        { name: 'inbox' },
        h(Inbox, {
          desk,
          me,
          feed,
          selected,
          onOpen: (c) => setSelected(c.id),
          operators: directory.operators,
          labels: directory.labels.map((l) => l.name),
          unread,
        }),
      ),
      selected
        ? h(
            ErrorBoundary,
            { name: 'case', key: selected },
            h(CasePanel, {
              key: selected,
              desk,
              me,
              feed,
              caseId: selected,
              onSeen,
              onOpenCase: setSelected,
              onClose: () => setSelected(null),
            }),
          )
        : h(
            'div',
            { className: 'pane empty-case muted', 'data-testid': 'no-case' },
            'Open a case from the inbox (j/k to move, Enter to open).',
          ),
    ),
  );
}
