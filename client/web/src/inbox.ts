/// <reference lib="dom" />
/**
 * The inbox pane: views (built-in and saved), full-text search, filters, and the case list with
 * paging, live refresh on desk events and keyboard navigation (j/k to move, Enter to open).
 */
import { type ChangeEvent, createElement as h, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import type { Viewer } from './api.js';
import { type DeskLive, useDeskEvent } from './desk-live.js';
import { useDebounced, useNow } from './hooks.js';
import { FilterBar, fromSearch, type InboxFilters, NO_FILTERS, toSearch } from './inbox-filters.js';
import { CaseRow } from './inbox-list.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';
import type { Unread } from './unread.js';
import { deleteView, type InboxCase, type SavedView, savedViews, saveView, searchCases } from './workspace-api.js';

const MAX_PAGE = 100;

/** Rows per page: 50, or `?pageSize=N` in the page's address (1 to 100). */
function casePageSize(search: string = location.search): number {
  const n = Number(new URLSearchParams(search).get('pageSize'));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 50;
}

/** Desk events after which the list is fetched again (CaseUpdated and LabelsChanged of a row shown are applied in place). */
const REFRESH_ON = new Set([
  'CaseCreated',
  'CaseUpdated',
  'LabelsChanged',
  'SlaWarning',
  'SlaBreached',
  'EmergencyAlert',
]);

function builtInViews(meId: string): { id: string; name: string; filters: InboxFilters }[] {
  return [
    { id: 'all', name: 'All', filters: NO_FILTERS },
    { id: 'mine', name: 'Mine', filters: { ...NO_FILTERS, assignee: meId } },
    { id: 'unassigned', name: 'Unassigned', filters: { ...NO_FILTERS, assignee: 'none' } },
    { id: 'escalated', name: 'Escalated', filters: { ...NO_FILTERS, status: 'ESCALATED' } },
    { id: 'emergencies', name: 'Emergencies', filters: { ...NO_FILTERS, emergency: 'yes' } },
  ];
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function Inbox(props: {
  desk: DeskClient;
  me: Viewer;
  feed: DeskLive;
  selected: string | null;
  onOpen: (c: InboxCase) => void;
  operators: { id: string; name: string }[];
  labels: string[];
  unread: Unread;
}): ReactNode {
  const { desk, me, feed, unread } = props;
  const [filters, setFilters] = useState<InboxFilters>(NO_FILTERS);
  const [viewId, setViewId] = useState('all');
  const [views, setViews] = useState<SavedView[]>([]);
  const [rows, setRows] = useState<InboxCase[]>([]);
  const [total, setTotal] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [cursor, setCursor] = useState(0);
  const [text, setText] = useState('');
  const now = useNow(15_000);
  const pageSize = useRef(casePageSize()).current;

  const filterRef = useRef(filters);
  filterRef.current = filters;
  // Rows changed in place since they were fetched (their lastEventSeq is older than the case's).
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  // Pages shown, where the next starts, and a generation so only the newest load writes the list.
  const pagesRef = useRef(1);
  const cursorRef = useRef<string | null>(null);
  const genRef = useRef(0);

  const load = useCallback(async () => {
    const gen = ++genRef.current;
    const search = toSearch(filterRef.current);
    const want = pagesRef.current * pageSize;
    try {
      const list: InboxCase[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await searchCases(desk, search, Math.min(MAX_PAGE, want - list.length), after);
        list.push(...page.edges.map((e) => e.node));
        after = page.pageInfo.endCursor ?? null;
        if (!page.pageInfo.hasNextPage || list.length >= want || !after) {
          if (gen !== genRef.current) return;
          setRows(list);
          setTouched(new Set());
          setTotal(page.totalCount);
          setHasMore(page.pageInfo.hasNextPage);
          cursorRef.current = after;
          setError(null);
          return;
        }
      }
    } catch (err) {
      if (gen === genRef.current) setError(toShownError(err, 'Loading cases'));
    }
  }, [desk, pageSize]);

  const loadMore = useCallback(async () => {
    const after = cursorRef.current;
    if (!after) return;
    const gen = ++genRef.current;
    pagesRef.current++;
    setLoadingMore(true);
    try {
      const page = await searchCases(desk, toSearch(filterRef.current), pageSize, after);
      if (gen !== genRef.current) return;
      setRows((list) => {
        const seen = new Set(list.map((c) => c.id));
        return [...list, ...page.edges.map((e) => e.node).filter((c) => !seen.has(c.id))];
      });
      setTotal(page.totalCount);
      setHasMore(page.pageInfo.hasNextPage);
      cursorRef.current = page.pageInfo.endCursor ?? null;
    } catch (err) {
      pagesRef.current = Math.max(1, pagesRef.current - 1);
      setError(toShownError(err, 'Loading more cases'));
    } finally {
      setLoadingMore(false);
    }
  }, [desk, pageSize]);

  const refresh = useDebounced(() => void load(), 150);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const selectedRef = useRef(props.selected);
  selectedRef.current = props.selected;
  useEffect(() => {
    const id = props.selected;
    if (id) setTouched((t) => (t.has(id) ? new Set([...t].filter((x) => x !== id)) : t));
  }, [props.selected]);
  useDeskEvent(feed, (ev) => {
    if (!REFRESH_ON.has(ev.__typename)) return;
    // A change to a row on screen is applied as it is when no filter could drop the row: most
    // events (an agent answering moves the status) then cost no query at all; the row counts as
    // unread until it is opened.
    const shown = 'caseId' in ev ? rowsRef.current.find((c) => c.id === ev.caseId) : undefined;
    const unfiltered = Object.keys(toSearch(filterRef.current)).length === 0;
    if (shown && unfiltered && ev.__typename === 'CaseUpdated') {
      const { status, priority, route, assignee } = ev;
      setRows((list) => list.map((c) => (c.id === ev.caseId ? { ...c, status, priority, route, assignee } : c)));
      if (ev.caseId !== selectedRef.current) setTouched((t) => new Set(t).add(ev.caseId));
      return;
    }
    if (shown && unfiltered && ev.__typename === 'LabelsChanged') {
      setRows((list) => list.map((c) => (c.id === ev.caseId ? { ...c, labels: ev.labels } : c)));
      return;
    }
    refresh();
  });
  useEffect(() => feed.onResync(refresh), [feed.onResync, refresh]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter set is the trigger for starting again.
  useEffect(() => {
    pagesRef.current = 1;
    cursorRef.current = null;
    setCursor(0);
    void load();
  }, [load, filters]);

  const loadViews = useCallback(() => {
    savedViews(desk).then(setViews, (err: unknown) => setError(toShownError(err, 'Loading saved views')));
  }, [desk]);
  useEffect(loadViews, [loadViews]);

  // The search box settles for a moment before it searches.
  useEffect(() => {
    if (text === filterRef.current.text) return;
    const t = setTimeout(() => setFilters((f) => ({ ...f, text })), 250);
    return () => clearTimeout(t);
  }, [text]);

  // Keyboard: j/k (or arrows) move, Enter opens; not while typing in a field.
  const keyState = useRef({ rows, cursor, onOpen: props.onOpen });
  keyState.current = { rows, cursor, onOpen: props.onOpen };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const { rows: list, cursor: at, onOpen } = keyState.current;
      if (list.length === 0) return;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        setCursor(Math.min(list.length - 1, at + 1));
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        setCursor(Math.max(0, at - 1));
      } else if (e.key === 'Enter' && (e.target as HTMLElement | null)?.tagName !== 'BUTTON') {
        const c = list[Math.min(at, list.length - 1)];
        if (c) {
          e.preventDefault();
          onOpen(c);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pickView = (id: string, f: InboxFilters) => {
    setViewId(id);
    setText(f.text);
    setFilters(f);
  };
  const changeFilters = (f: InboxFilters) => {
    setViewId('');
    setFilters(f);
  };
  const saveCurrent = () => {
    const name = window.prompt('Name of the view', '')?.trim();
    if (!name) return;
    saveView(desk, name, toSearch(filters)).then(loadViews, (err: unknown) =>
      setError(toShownError(err, 'Saving the view')),
    );
  };
  const removeView = (v: SavedView) =>
    deleteView(desk, v.id).then(loadViews, (err: unknown) => setError(toShownError(err, 'Deleting the view')));

  return h(
    'section',
    { className: 'pane inbox', 'aria-label': 'Inbox', 'data-testid': 'inbox' },
    h(
      'nav',
      { className: 'views', 'aria-label': 'Views', 'data-testid': 'views' },
      builtInViews(me.id).map((v) =>
        h(
          'button',
          {
            key: v.id,
            type: 'button',
            className: viewId === v.id ? 'view active' : 'view',
            'aria-pressed': viewId === v.id,
            onClick: () => pickView(v.id, v.filters),
            'data-testid': `view-${v.id}`,
          },
          v.name,
        ),
      ),
      views.map((v) =>
        h(
          'span',
          { key: v.id, className: viewId === v.id ? 'view saved active' : 'view saved' },
          h(
            'button',
            {
              type: 'button',
              className: 'link',
              onClick: () => pickView(v.id, fromSearch(v.search)),
              'data-testid': 'saved-view',
            },
            v.name,
          ),
          h(
            'button',
            { type: 'button', className: 'link', 'aria-label': `Delete view ${v.name}`, onClick: () => removeView(v) },
            '×',
          ),
        ),
      ),
      h(
        'button',
        { type: 'button', className: 'link', onClick: saveCurrent, 'data-testid': 'save-view' },
        '+ Save view',
      ),
    ),
    h('input', {
      type: 'search',
      className: 'search',
      placeholder: 'Search subjects and messages…',
      'aria-label': 'Search cases',
      value: text,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setText(e.currentTarget.value),
      'data-testid': 'inbox-search',
    }),
    h(FilterBar, {
      filters,
      labels: props.labels,
      operators: props.operators,
      meId: me.id,
      onChange: changeFilters,
    }),
    h(ErrorNote, { error, testId: 'load-error' }),
    h(
      'div',
      { className: 'list-head row spread' },
      h('span', { className: 'muted', 'data-testid': 'cases-shown' }, `Showing ${rows.length} of ${total}`),
      h('span', { className: 'muted keys' }, 'j/k move · Enter opens'),
    ),
    h(
      'ul',
      { className: 'case-rows', role: 'listbox', 'aria-label': 'Cases', 'data-testid': 'cases-table' },
      rows.map((c, i) =>
        h(CaseRow, {
          key: c.id,
          c,
          now,
          selected: c.id === props.selected,
          cursor: i === cursor,
          unread: c.id !== props.selected && (touched.has(c.id) || unread.isUnread(c.id, c.lastEventSeq)),
          onOpen: () => {
            setCursor(i);
            props.onOpen(c);
          },
        }),
      ),
    ),
    rows.length === 0 ? h('p', { className: 'muted empty', 'data-testid': 'no-cases' }, 'No cases match.') : null,
    hasMore
      ? h(
          'button',
          { type: 'button', onClick: () => void loadMore(), disabled: loadingMore, 'data-testid': 'cases-load-more' },
          loadingMore ? 'Loading…' : 'Load more',
        )
      : null,
  );
}
