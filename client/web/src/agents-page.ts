/// <reference lib="dom" />
/** The agents tab: the desk's provider and queue, a card per agent, the routing mix and response times. */
import { createElement as h, type ReactNode, useCallback, useEffect, useState } from 'react';
import type { CaseSummary, DeskClient, DeskStatus } from '../../src/desk-client.js';
import { formatMs, label, ROUTES } from './api.js';
import { type DeskLive, useDeskEvent } from './desk-live.js';
import { useDebounced } from './hooks.js';
import { BarChart, ErrorNote, type ShownError, toShownError } from './ui.js';

export function AgentsPage(props: { desk: DeskClient; feed: DeskLive }): ReactNode {
  const { desk, feed } = props;
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [recent, setRecent] = useState<CaseSummary[]>([]);
  const [error, setError] = useState<ShownError | null>(null);

  const load = useCallback(async () => {
    try {
      const [s, all] = await Promise.all([desk.deskStatus(), desk.listCases(null, 100)]);
      setStatus(s);
      setRecent(all.edges.map((e) => e.node));
      setError(null);
    } catch (err) {
      setError(toShownError(err, 'Loading the desk status'));
    }
  }, [desk]);
  useEffect(() => {
    void load();
  }, [load]);
  const refresh = useDebounced(() => void load(), 300);
  useDeskEvent(feed, (ev) => {
    if (ev.__typename === 'AgentStatusChanged') {
      // Counts now; latencies come with the refetch.
      setStatus((s) =>
        s
          ? {
              ...s,
              agents: s.agents.map((a) =>
                a.agent === ev.agent ? { ...a, active: ev.active, handled: ev.handled, errors: ev.errors } : a,
              ),
            }
          : s,
      );
      refresh();
    } else if (ev.__typename === 'CaseCreated' || ev.__typename === 'CaseUpdated') refresh();
  });
  useEffect(() => feed.onResync(refresh), [feed.onResync, refresh]);

  const agents = status?.agents ?? [];
  const routeMix = ROUTES.map((r) => ({ label: label(r), values: [recent.filter((c) => c.route === r).length] }));
  return h(
    'div',
    { className: 'page-body agents-page', 'data-testid': 'agents-page' },
    h(ErrorNote, { error, testId: 'agents-error' }),
    status
      ? h(
          'p',
          { className: 'muted desk-line', 'data-testid': 'desk-line' },
          `${status.provider} · ${status.model} · queue ${status.queueDepth} · answering ${status.activeRuns} · `,
          status.casesByStatus.map((s) => `${label(s.status)} ${s.count}`).join(' · '),
        )
      : null,
    h(
      'div',
      { className: 'cards' },
      agents.map((a) =>
        h(
          'div',
          { key: a.agent, className: 'card agent-card', 'data-testid': `agent-card-${a.agent}` },
          h('h3', null, label(a.agent)),
          h(
            'dl',
            null,
            h('dt', null, 'Handled'),
            h('dd', { 'data-testid': 'agent-handled' }, a.handled),
            h('dt', null, 'Active'),
            h('dd', null, a.active),
            h('dt', null, 'Errors'),
            h('dd', { className: a.errors ? 'bad' : undefined }, a.errors),
            h('dt', null, 'First token'),
            h('dd', null, formatMs(a.avgTimeToFirstTokenMs)),
            h('dt', null, 'Full answer'),
            h('dd', null, formatMs(a.avgTimeToAnswerMs)),
          ),
        ),
      ),
    ),
    h(
      'section',
      { className: 'charts', 'aria-label': 'Charts' },
      h(BarChart, {
        title: `Routing mix (last ${recent.length} cases)`,
        series: [{ name: 'Cases', color: '#1d5fa8' }],
        rows: routeMix,
        integer: true,
        testId: 'chart-routing',
      }),
      h(BarChart, {
        title: 'Average response times by agent (since the desk started)',
        series: [
          { name: 'First token', color: '#2e7d32' },
          { name: 'Full answer', color: '#b45309' },
        ],
        rows: agents.map((a) => ({ label: label(a.agent), values: [a.avgTimeToFirstTokenMs, a.avgTimeToAnswerMs] })),
        format: (n) => formatMs(n),
        testId: 'chart-times',
      }),
    ),
  );
}
