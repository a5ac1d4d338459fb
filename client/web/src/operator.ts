/// <reference lib="dom" />
/**
 * The operator dashboard: live cases (deskEvents), filters, agent cards, two charts, the escalation
 * queue, emergency alerts, and a case panel to watch, reply, take over, re-prioritise and resolve.
 */
import {
  type ChangeEvent,
  type FormEvent,
  createElement as h,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { CaseFilterInput, CaseSummary, DeskClient, DeskStatus } from '../../src/desk-client.js';
import {
  type CaseStatus,
  cleanToken,
  deskFor,
  fetchMe,
  followDeskEvents,
  formatAge,
  formatMs,
  label,
  PRIORITIES,
  type Priority,
  ROUTES,
  type Route,
  readToken,
  replyAsOperator,
  STATUSES,
  updateCase,
  type Viewer,
  writeToken,
} from './api.js';
import { useCaseStream } from './case-stream.js';
import { CaseTools } from './operator-tools.js';
import { BarChart, Conversation, ErrorNote, type ShownError, toShownError } from './ui.js';

/** The server's largest page (`cases(first:)`). */
const MAX_PAGE = 100;

/**
 * Cases per page of the case list: 50, or `?pageSize=N` in the page's address (1 to 100), e.g.
 * `/?pageSize=3#/operator`.
 */
function casePageSize(search: string = location.search): number {
  const n = Number(new URLSearchParams(search).get('pageSize'));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 50;
}

interface Filters {
  status: CaseStatus | '';
  route: Route | '';
  priority: Priority | '';
  emergency: '' | 'yes' | 'no';
}

interface Alert {
  key: string;
  caseId: string;
  reason: string;
  at: string;
}

function toFilter(f: Filters): CaseFilterInput | null {
  const out: CaseFilterInput = {};
  if (f.status) out.status = [f.status];
  if (f.route) out.route = [f.route];
  if (f.priority) out.priority = [f.priority];
  if (f.emergency) out.emergency = f.emergency === 'yes';
  return Object.keys(out).length ? out : null;
}

/** Runs `fn` at most once per `ms`, trailing. */
function useDebounced(fn: () => void, ms: number): () => void {
  const ref = useRef(fn);
  ref.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      ref.current();
    }, ms);
  }, [ms]);
}

function Select<T extends string>(props: {
  id: string;
  text: string;
  value: T | '';
  options: readonly T[];
  anyText?: string;
  onChange: (v: T | '') => void;
  testId: string;
}): ReactNode {
  return h(
    'span',
    { className: 'field' },
    h('label', { htmlFor: props.id }, props.text),
    h(
      'select',
      {
        id: props.id,
        value: props.value,
        onChange: (e: ChangeEvent<HTMLSelectElement>) => props.onChange(e.currentTarget.value as T | ''),
        'data-testid': props.testId,
      },
      props.anyText !== undefined ? h('option', { value: '' }, props.anyText) : null,
      props.options.map((o) => h('option', { key: o, value: o }, label(o))),
    ),
  );
}

function SignIn(props: { onToken: (t: string) => void; error: ShownError | null }): ReactNode {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = cleanToken(value);
    if (t) props.onToken(t);
  };
  return h(
    'form',
    { className: 'card signin-card', onSubmit: submit, 'data-testid': 'operator-signin-form' },
    h('h2', null, 'Operator sign-in'),
    h(
      'p',
      { className: 'muted' },
      'Paste an operator or admin token (',
      h('code', null, 'npm run token -- --sub maria --role operator'),
      ').',
    ),
    h('label', { htmlFor: 'operator-token' }, 'Operator token'),
    h('input', {
      id: 'operator-token',
      type: 'password',
      autoComplete: 'off',
      value,
      onChange: (e) => setValue(e.currentTarget.value),
      'data-testid': 'operator-token-input',
      placeholder: 'eyJhbGciOi…',
    }),
    h(
      'div',
      { className: 'row' },
      h('button', { type: 'submit', className: 'primary', 'data-testid': 'operator-signin' }, 'Sign in'),
    ),
    h(ErrorNote, { error: props.error, testId: 'signin-error' }),
  );
}

export function OperatorPage(): ReactNode {
  const [token, setToken] = useState<string | null>(() => readToken('operator'));
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const desk = useMemo(() => (token ? deskFor(() => tokenRef.current) : null), [token]);
  useEffect(() => () => void desk?.dispose(), [desk]);
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
            text: `That token belongs to a ${v.role}; the dashboard needs an operator or admin token.`,
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

  const signOut = () => {
    writeToken('operator', null);
    setToken(null);
  };

  if (!desk || !me) {
    return h(
      'main',
      { className: 'page operator', 'data-testid': 'operator-page' },
      h('header', { className: 'page-head' }, h('h1', null, 'crewdesk — operator dashboard')),
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
  return h(Dashboard, { desk, me, onSignOut: signOut });
}

function Dashboard(props: { desk: DeskClient; me: Viewer; onSignOut: () => void }): ReactNode {
  const { desk, me } = props;
  const [filters, setFilters] = useState<Filters>({ status: '', route: '', priority: '', emergency: '' });
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const pageSize = useMemo(() => casePageSize(), []);
  const [recent, setRecent] = useState<CaseSummary[]>([]);
  const [escalated, setEscalated] = useState<CaseSummary[]>([]);
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const [live, setLive] = useState(false);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);

  const filterRef = useRef(filters);
  filterRef.current = filters;
  // Paging of the case list: how many pages are shown, where the next one starts, and a generation
  // that each load takes, so that only the newest load writes the list (a refresh never undoes
  // "Load more", a stale page never lands after a filter change).
  const pagesRef = useRef(1);
  const cursorRef = useRef<string | null>(null);
  const genRef = useRef(0);

  /** The first `pagesRef` pages again (live updates refetch all the rows shown, newest first). */
  const fetchShown = useCallback(
    async (filter: CaseFilterInput | null) => {
      const want = pagesRef.current * pageSize;
      const rows: CaseSummary[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await desk.listCases(filter, Math.min(MAX_PAGE, want - rows.length), after);
        rows.push(...page.edges.map((e) => e.node));
        after = page.pageInfo.endCursor ?? null;
        if (!page.pageInfo.hasNextPage || rows.length >= want || !after)
          return { rows, total: page.totalCount, hasNextPage: page.pageInfo.hasNextPage, endCursor: after };
      }
    },
    [desk, pageSize],
  );

  const loadCases = useCallback(async () => {
    const gen = ++genRef.current;
    try {
      const [shown, all, esc] = await Promise.all([
        fetchShown(toFilter(filterRef.current)),
        desk.listCases(null, 100),
        desk.listCases({ status: ['ESCALATED'] }, 50),
      ]);
      if (gen === genRef.current) {
        setCases(shown.rows);
        setTotal(shown.total);
        setHasMore(shown.hasNextPage);
        cursorRef.current = shown.endCursor;
      }
      setRecent(all.edges.map((e) => e.node));
      setEscalated(esc.edges.map((e) => e.node));
      setLoadError(null);
    } catch (err) {
      setLoadError(toShownError(err, 'Loading cases'));
    }
  }, [desk, fetchShown]);

  /** Appends the next page of the case list. */
  const loadMore = useCallback(async () => {
    const after = cursorRef.current;
    if (!after) return;
    const gen = ++genRef.current;
    pagesRef.current++;
    setLoadingMore(true);
    try {
      const page = await desk.listCases(toFilter(filterRef.current), pageSize, after);
      if (gen !== genRef.current) return; // a newer load (which covers this page too) has taken over
      setCases((list) => {
        const seen = new Set(list.map((c) => c.id));
        return [...list, ...page.edges.map((e) => e.node).filter((c) => !seen.has(c.id))];
      });
      setTotal(page.totalCount);
      setHasMore(page.pageInfo.hasNextPage);
      cursorRef.current = page.pageInfo.endCursor ?? null;
      setLoadError(null);
    } catch (err) {
      pagesRef.current = Math.max(1, pagesRef.current - 1);
      setLoadError(toShownError(err, 'Loading more cases'));
    } finally {
      setLoadingMore(false);
    }
  }, [desk, pageSize]);
  const loadStatus = useCallback(async () => {
    try {
      setStatus(await desk.deskStatus());
    } catch (err) {
      setLoadError(toShownError(err, 'Loading the desk status'));
    }
  }, [desk]);
  const refreshCases = useDebounced(() => void loadCases(), 150);
  const refreshStatus = useDebounced(() => void loadStatus(), 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter is the trigger for starting again.
  useEffect(() => {
    // A new filter (or a new client) starts again from the first page.
    pagesRef.current = 1;
    cursorRef.current = null;
    void loadCases();
  }, [loadCases, filters]);
  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  useEffect(
    () =>
      followDeskEvents(desk, {
        onEvent: (ev) => {
          switch (ev.__typename) {
            case 'CaseCreated':
            case 'CaseUpdated':
              refreshCases();
              refreshStatus();
              break;
            case 'AgentStatusChanged':
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
              refreshStatus();
              break;
            case 'EmergencyAlert':
              setAlerts((list) =>
                list.some((a) => a.caseId === ev.caseId)
                  ? list
                  : [{ key: `${ev.caseId}-${ev.at}`, caseId: ev.caseId, reason: ev.reason, at: ev.at }, ...list],
              );
              refreshCases();
              break;
            default:
              break;
          }
        },
        onState: (isLive, error) => {
          setLive(isLive);
          if (error && !error.retryable) setLoadError(toShownError(error, 'Live updates'));
          if (isLive) {
            refreshCases();
            refreshStatus();
          }
        },
      }),
    [desk, refreshCases, refreshStatus],
  );

  const routeMix = ROUTES.map((r) => ({ label: label(r), values: [recent.filter((c) => c.route === r).length] }));
  const agents = status?.agents ?? [];

  return h(
    'main',
    { className: 'page operator', 'data-testid': 'operator-page' },
    h(
      'header',
      { className: 'page-head row spread' },
      h('h1', null, 'crewdesk — operator dashboard'),
      h(
        'p',
        { className: 'session' },
        h(
          'span',
          { className: live ? 'badge live' : 'badge warn', 'data-testid': 'live-indicator', role: 'status' },
          live ? 'Live' : 'Reconnecting…',
        ),
        ' Signed in as ',
        h('strong', { 'data-testid': 'operator-name' }, me.name ?? me.id),
        ` (${me.role}) `,
        h('button', { type: 'button', className: 'link', onClick: props.onSignOut }, 'Sign out'),
      ),
    ),
    alerts.map((a) =>
      h(
        'div',
        {
          key: a.key,
          className: 'alert-banner',
          role: 'alert',
          'data-testid': 'emergency-alert',
          'data-case-id': a.caseId,
        },
        h('strong', null, 'Emergency: '),
        `case ${a.caseId.slice(0, 8)} — ${a.reason} `,
        h('button', { type: 'button', onClick: () => setSelected(a.caseId), 'data-testid': 'alert-open' }, 'Open case'),
        h(
          'button',
          {
            type: 'button',
            className: 'link',
            onClick: () => setAlerts((l) => l.filter((x) => x.key !== a.key)),
            'aria-label': 'Dismiss alert',
          },
          'Dismiss',
        ),
      ),
    ),
    h(ErrorNote, { error: loadError, testId: 'load-error' }),
    h(
      'section',
      { className: 'agents', 'aria-label': 'Agents' },
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
        title: 'Average response times by agent',
        series: [
          { name: 'First token', color: '#2e7d32' },
          { name: 'Full answer', color: '#b45309' },
        ],
        rows: agents.map((a) => ({ label: label(a.agent), values: [a.avgTimeToFirstTokenMs, a.avgTimeToAnswerMs] })),
        format: (n) => formatMs(n),
        testId: 'chart-times',
      }),
    ),
    h(
      'div',
      { className: 'columns' },
      h(
        'div',
        { className: 'col-main' },
        h(
          'section',
          { className: 'card', 'aria-label': 'Escalation queue', 'data-testid': 'escalation-queue' },
          h('h2', null, `Escalation queue (${escalated.length})`),
          escalated.length === 0 ? h('p', { className: 'muted' }, 'Nothing waiting for a person.') : null,
          h(
            'ul',
            { className: 'case-list' },
            escalated.map((c) =>
              h(
                'li',
                { key: c.id },
                h(
                  'button',
                  {
                    type: 'button',
                    className: 'case-item',
                    onClick: () => setSelected(c.id),
                    'data-testid': 'escalated-item',
                    'data-case-id': c.id,
                  },
                  h('span', { className: 'case-subject' }, `${c.emergency ? '⚠ ' : ''}${c.subject}`),
                  h(
                    'span',
                    { className: 'muted' },
                    `${label(c.priority)} · ${formatAge(c.createdAt, now)} · ${c.assignee ?? 'unassigned'}`,
                  ),
                ),
              ),
            ),
          ),
        ),
        h(
          'section',
          { className: 'card', 'aria-label': 'Cases' },
          h('h2', null, `Cases (${total})`),
          h(
            'div',
            { className: 'row filters', role: 'group', 'aria-label': 'Filters' },
            h(Select<CaseStatus>, {
              id: 'f-status',
              text: 'Status',
              value: filters.status,
              options: STATUSES,
              anyText: 'Any',
              onChange: (v) => setFilters((f) => ({ ...f, status: v })),
              testId: 'filter-status',
            }),
            h(Select<Route>, {
              id: 'f-route',
              text: 'Route',
              value: filters.route,
              options: ROUTES,
              anyText: 'Any',
              onChange: (v) => setFilters((f) => ({ ...f, route: v })),
              testId: 'filter-route',
            }),
            h(Select<Priority>, {
              id: 'f-priority',
              text: 'Priority',
              value: filters.priority,
              options: PRIORITIES,
              anyText: 'Any',
              onChange: (v) => setFilters((f) => ({ ...f, priority: v })),
              testId: 'filter-priority',
            }),
            h(
              'span',
              { className: 'field' },
              h('label', { htmlFor: 'f-emergency' }, 'Emergency'),
              h(
                'select',
                {
                  id: 'f-emergency',
                  value: filters.emergency,
                  onChange: (e: ChangeEvent<HTMLSelectElement>) => {
                    // Read now: React clears currentTarget once the handler returns, before the updater runs.
                    const emergency = e.currentTarget.value as Filters['emergency'];
                    setFilters((f) => ({ ...f, emergency }));
                  },
                  'data-testid': 'filter-emergency',
                },
                h('option', { value: '' }, 'Any'),
                h('option', { value: 'yes' }, 'Yes'),
                h('option', { value: 'no' }, 'No'),
              ),
            ),
          ),
          h(
            'div',
            { className: 'table-wrap' },
            h(
              'table',
              { className: 'cases', 'data-testid': 'cases-table' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  ['Subject', 'Customer', 'Status', 'Priority', 'Route', 'Emergency', 'Age', 'Assignee'].map((c) =>
                    h('th', { key: c, scope: 'col' }, c),
                  ),
                ),
              ),
              h(
                'tbody',
                null,
                cases.map((c) =>
                  h(
                    'tr',
                    {
                      key: c.id,
                      className: `${c.id === selected ? 'selected' : ''}${c.emergency ? ' emergency' : ''}`,
                      'data-testid': 'case-row',
                      'data-case-id': c.id,
                      'data-status': c.status,
                    },
                    h(
                      'td',
                      { className: 'subject-cell' },
                      h(
                        'button',
                        {
                          type: 'button',
                          className: 'link subject',
                          title: c.subject,
                          onClick: () => setSelected(c.id),
                          'data-testid': 'case-open',
                        },
                        `${c.emergency ? '⚠ ' : ''}${c.subject}`,
                      ),
                    ),
                    h('td', null, c.customer.name),
                    h('td', null, h('span', { className: `badge status-${c.status.toLowerCase()}` }, label(c.status))),
                    h(
                      'td',
                      null,
                      h(
                        'span',
                        { className: `badge prio-${c.priority.toLowerCase()}`, 'data-testid': 'case-row-priority' },
                        label(c.priority),
                      ),
                    ),
                    h('td', { 'data-testid': 'case-row-route' }, c.route ? label(c.route) : '—'),
                    h(
                      'td',
                      { 'data-testid': 'case-row-emergency' },
                      c.emergency ? h('span', { className: 'badge urgent' }, 'Yes') : 'No',
                    ),
                    h('td', null, formatAge(c.createdAt, now)),
                    h('td', null, c.assignee ?? '—'),
                  ),
                ),
              ),
            ),
            cases.length === 0 ? h('p', { className: 'muted' }, 'No cases match.') : null,
          ),
          cases.length > 0
            ? h(
                'div',
                { className: 'row paging' },
                h('span', { className: 'muted', 'data-testid': 'cases-shown' }, `Showing ${cases.length} of ${total}`),
                hasMore
                  ? h(
                      'button',
                      {
                        type: 'button',
                        onClick: () => void loadMore(),
                        disabled: loadingMore,
                        'data-testid': 'cases-load-more',
                      },
                      loadingMore ? 'Loading…' : 'Load more',
                    )
                  : null,
              )
            : null,
        ),
      ),
      h(
        'aside',
        { className: 'col-side' },
        selected
          ? h(CasePanel, { key: selected, desk, me, caseId: selected, onClose: () => setSelected(null) })
          : h('div', { className: 'card muted' }, 'Open a case to watch it live, reply or take it over.'),
      ),
    ),
  );
}

function CasePanel(props: { desk: DeskClient; me: Viewer; caseId: string; onClose: () => void }): ReactNode {
  const { desk, me, caseId } = props;
  const view = useCaseStream(desk, caseId);
  const [customer, setCustomer] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [priority, setPriority] = useState<Priority | ''>('');

  useEffect(() => {
    desk.getCase(caseId).then(
      (c) => setCustomer(`${c.customer.name}${c.customer.isGuest ? ' (guest)' : ''}`),
      (err: unknown) => setError(toShownError(err)),
    );
  }, [desk, caseId]);

  const act = async (what: string, fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(toShownError(err, what));
    } finally {
      setBusy(false);
    }
  };
  const sendReply = () => {
    const text = reply.trim();
    if (!text || busy) return;
    void act('The reply', async () => {
      await replyAsOperator(desk, caseId, text);
      setReply('');
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      sendReply();
    }
  };
  const closed = view.status === 'CLOSED';

  return h(
    'section',
    { className: 'card case-panel', 'aria-label': 'Case', 'data-testid': 'case-panel', 'data-case-id': caseId },
    h(
      'div',
      { className: 'row spread' },
      h('h2', null, view.subject ?? 'Case'),
      h(
        'button',
        { type: 'button', className: 'link', onClick: props.onClose, 'aria-label': 'Close case panel' },
        'Close',
      ),
    ),
    h(
      'p',
      { className: 'muted' },
      customer ? `Customer: ${customer} · ` : '',
      'Priority ',
      h('strong', { 'data-testid': 'panel-priority' }, view.priority ? label(view.priority) : '—'),
      ' · Assignee ',
      h('strong', { 'data-testid': 'panel-assignee' }, view.assignee ?? 'none'),
    ),
    h(
      'div',
      { className: 'row actions' },
      h(
        'button',
        {
          type: 'button',
          disabled: busy || closed || view.assignee === me.id,
          onClick: () => void act('Taking over', () => updateCase(desk, { caseId, assignee: me.id })),
          'data-testid': 'take-over',
        },
        view.assignee === me.id ? 'Assigned to you' : 'Take over',
      ),
      h(
        'span',
        { className: 'field' },
        h('label', { htmlFor: 'panel-priority-select' }, 'Priority'),
        h(
          'select',
          {
            id: 'panel-priority-select',
            value: priority || view.priority || 'NORMAL',
            onChange: (e: ChangeEvent<HTMLSelectElement>) => setPriority(e.currentTarget.value as Priority),
            'data-testid': 'priority-select',
          },
          PRIORITIES.map((p) => h('option', { key: p, value: p }, label(p))),
        ),
        h(
          'button',
          {
            type: 'button',
            disabled: busy || closed || !priority || priority === view.priority,
            onClick: () =>
              void act('Changing the priority', () => updateCase(desk, { caseId, priority: priority || null })),
            'data-testid': 'set-priority',
          },
          'Set',
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          disabled: busy || closed || view.status === 'RESOLVED',
          onClick: () => void act('Resolving', () => updateCase(desk, { caseId, status: 'RESOLVED' })),
          'data-testid': 'resolve',
        },
        'Resolve',
      ),
    ),
    h(ErrorNote, { error, testId: 'panel-error' }),
    h(CaseTools, { desk, caseId, closed }),
    h(Conversation, { view, viewer: 'operator' }),
    h(
      'form',
      {
        className: 'reply',
        onSubmit: (e: FormEvent) => {
          e.preventDefault();
          sendReply();
        },
      },
      h('label', { htmlFor: 'operator-reply' }, 'Reply as operator (stops the AI on this case)'),
      h('textarea', {
        id: 'operator-reply',
        rows: 3,
        value: reply,
        onChange: (e: ChangeEvent<HTMLTextAreaElement>) => setReply(e.currentTarget.value),
        onKeyDown,
        'data-testid': 'reply-input',
        disabled: closed,
      }),
      h(
        'div',
        { className: 'row' },
        h(
          'button',
          {
            type: 'submit',
            className: 'primary',
            disabled: busy || closed || !reply.trim(),
            'data-testid': 'reply-send',
          },
          'Send reply',
        ),
        h('span', { className: 'muted' }, 'Ctrl+Enter sends'),
      ),
    ),
  );
}
