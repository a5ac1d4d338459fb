/// <reference lib="dom" />
/**
 * The Stream panel: GraphiQL's result pane shows a subscription's latest result; this plugin lists
 * every one it delivered (case events with seq and type) and the answer's text so far.
 */
import type { GraphiQLProps } from 'graphiql';
import { createElement as h, useSyncExternalStore } from 'react';
import type { StreamEntry, StreamStore } from './stream-store.js';

type GraphiQLPlugin = NonNullable<GraphiQLProps['plugins']>[number];

interface EventShape {
  seq?: number;
  __typename?: string;
  text?: string;
  [key: string]: unknown;
}

/** The first field of a result's data (a subscription has one root field). */
function eventOf(entry: StreamEntry): EventShape | null {
  const data = (entry.payload as { data?: Record<string, unknown> } | null)?.data;
  const first = data ? Object.values(data)[0] : null;
  return first && typeof first === 'object' ? (first as EventShape) : null;
}

function summary(entry: StreamEntry): string {
  const ev = eventOf(entry);
  const errors = (entry.payload as { errors?: { message: string }[] } | null)?.errors;
  if (errors?.length) return `error: ${errors.map((e) => e.message).join('; ')}`;
  if (!ev) return JSON.stringify(entry.payload);
  const { seq, __typename, ...rest } = ev;
  const head = `${seq ?? ''} ${__typename ?? ''}`.trim();
  return `${head} ${JSON.stringify(rest)}`;
}

function StreamPanel({ store }: { store: StreamStore }) {
  const entries = useSyncExternalStore(store.subscribe, store.snapshot);
  const answer = entries
    .map(eventOf)
    .filter((e) => e?.__typename === 'TokenDelta')
    .map((e) => e?.text ?? '')
    .join('');
  return h(
    'div',
    { className: 'crewdesk-stream', style: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } },
    h(
      'div',
      { style: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' } },
      h('div', { className: 'graphiql-doc-explorer-title' }, 'Stream'),
      h('button', { type: 'button', className: 'graphiql-button', onClick: () => store.clear() }, 'Clear'),
    ),
    h('div', { 'data-testid': 'stream-count' }, `${entries.length} event${entries.length === 1 ? '' : 's'}`),
    answer
      ? h(
          'div',
          {
            'data-testid': 'stream-answer',
            style: {
              whiteSpace: 'pre-wrap',
              maxHeight: '40%',
              overflow: 'auto',
              padding: 8,
              border: '1px solid hsla(var(--color-neutral), 0.15)',
              borderRadius: 6,
            },
          },
          answer,
        )
      : null,
    h(
      'ol',
      {
        'data-testid': 'stream-events',
        style: { margin: 0, paddingLeft: 20, overflow: 'auto', fontFamily: 'var(--font-family-mono)', fontSize: 12 },
      },
      ...entries.map((e) =>
        h('li', { key: e.id, className: 'crewdesk-stream-event', title: e.receivedAt.toISOString() }, summary(e)),
      ),
    ),
  );
}

function StreamIcon() {
  return h(
    'svg',
    {
      viewBox: '0 0 24 24',
      width: 24,
      height: 24,
      fill: 'none',
      stroke: 'currentColor',
      strokeWidth: 1.5,
      'aria-hidden': true,
    },
    h('path', { d: 'M3 6h18M3 12h12M3 18h8' }),
  );
}

/** Creates the plugin over a stream store. */
export function createStreamPlugin(store: StreamStore): GraphiQLPlugin {
  return { title: 'Stream', icon: StreamIcon, content: () => h(StreamPanel, { store }) };
}
