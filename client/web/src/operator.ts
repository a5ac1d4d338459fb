/// <reference lib="dom" />
/**
 * The operator side of the web app: sign-in, then the workspace (`#/operator`), the reports
 * (`#/operator/reports`) and the agents (`#/operator/agents`), all on one live desk feed.
 */
import { createElement as h, type ReactNode, useEffect, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { AgentsPage } from './agents-page.js';
import { fetchMe, readToken, type Viewer, writeToken } from './api.js';
import { AvailabilityPicker } from './availability.js';
import { useDeskLive } from './desk-live.js';
import { ErrorBoundary } from './error-boundary.js';
import { useDesk } from './hooks.js';
import { SignIn } from './operator-signin.js';
import { ReportsPage } from './reports.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';
import { Workspace } from './workspace.js';

type Tab = 'inbox' | 'reports' | 'agents';
const TABS: { id: Tab; text: string; hash: string }[] = [
  { id: 'inbox', text: 'Inbox', hash: '#/operator' },
  { id: 'reports', text: 'Reports', hash: '#/operator/reports' },
  { id: 'agents', text: 'Agents', hash: '#/operator/agents' },
];

function tabOf(hash: string): Tab {
  const m = /^#\/operator\/(reports|agents)\b/.exec(hash);
  return (m?.[1] as Tab | undefined) ?? 'inbox';
}

export function OperatorPage(): ReactNode {
  const [token, setToken] = useState<string | null>(() => readToken('operator'));
  const desk = useDesk(token);
  const [me, setMe] = useState<Viewer | null>(null);
  const [signInError, setSignInError] = useState<ShownError | null>(null);

  useEffect(() => {
    setMe(null);
    if (!desk) return;
    let cancelled = false;
    fetchMe(desk).then(
      (v) => {
        if (cancelled) return;
        if (v.role !== 'operator' && v.role !== 'admin') {
          setSignInError({
            text: `That token belongs to a ${v.role}; the workspace needs an operator or admin token.`,
            retryAt: null,
          });
          writeToken('operator', null);
          setToken(null);
          return;
        }
        setSignInError(null);
        setMe(v);
      },
      (err: unknown) => {
        if (cancelled) return;
        setSignInError(toShownError(err, 'Signing in'));
        writeToken('operator', null);
        setToken(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [desk]);

  if (!desk || !me) {
    return h(
      'main',
      { className: 'page operator', 'data-testid': 'operator-page' },
      h('header', { className: 'page-head' }, h('h1', null, 'crewdesk — operator workspace')),
      token
        ? h('p', { className: 'muted' }, 'Signing in…')
        : h(SignIn, {
            onToken: (t) => {
              writeToken('operator', t);
              setToken(t);
            },
            error: signInError,
          }),
    );
  }
  return h(Desk, {
    desk,
    me,
    onSignOut: () => {
      writeToken('operator', null);
      setToken(null);
    },
  });
}

function Desk(props: { desk: DeskClient; me: Viewer; onSignOut: () => void }): ReactNode {
  const { desk, me } = props;
  const feed = useDeskLive(desk);
  const [tab, setTab] = useState<Tab>(() => tabOf(location.hash));
  useEffect(() => {
    const onHash = () => setTab(tabOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return h(
    'main',
    { className: 'operator-desk', 'data-testid': 'operator-page' },
    h(
      'header',
      { className: 'desk-head' },
      h(
        'nav',
        { className: 'tabs', 'aria-label': 'Workspace' },
        TABS.map((t) =>
          h(
            'a',
            {
              key: t.id,
              href: t.hash,
              'aria-current': tab === t.id ? 'page' : undefined,
              'data-testid': `tab-${t.id}`,
            },
            t.text,
          ),
        ),
      ),
      h(
        'p',
        { className: 'session' },
        h(
          'span',
          { className: feed.live ? 'badge live' : 'badge warn', 'data-testid': 'live-indicator', role: 'status' },
          feed.live ? 'Live' : 'Reconnecting…',
        ),
        ' ',
        h(AvailabilityPicker, { desk, feed, meId: me.id }),
        ' ',
        h('strong', { 'data-testid': 'operator-name' }, me.name ?? me.id),
        ` (${me.role}) `,
        h('button', { type: 'button', className: 'link', onClick: props.onSignOut }, 'Sign out'),
      ),
    ),
    h(ErrorNote, { error: feed.error, testId: 'live-error' }),
    h(
      ErrorBoundary,
      { name: `${tab} tab` },
      tab === 'reports'
        ? h(ReportsPage, { desk })
        : tab === 'agents'
          ? h(AgentsPage, { desk, feed })
          : h(Workspace, { desk, me, feed }),
    ),
  );
}
