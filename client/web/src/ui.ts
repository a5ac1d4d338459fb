/// <reference lib="dom" />
/** Small shared pieces: the conversation of a case, error notes with a rate-limit countdown, a tiny SVG bar chart. */
import { createElement as h, Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { asDeskError, formatMs, label, plainError } from './api.js';
import type { CaseView, ViewMessage } from './case-stream.js';

/** Seconds left until `until` (ms timestamp), ticking once a second; 0 when passed. */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until || until <= Date.now()) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

/** An error the page shows, with when it may be retried (RATE_LIMITED). */
export interface ShownError {
  text: string;
  retryAt: number | null;
}

export function toShownError(err: unknown, what?: string): ShownError {
  const e = asDeskError(err);
  const retryAt = e.code === 'RATE_LIMITED' ? Date.now() + (e.retryAfter ?? 5) * 1000 : null;
  return { text: plainError(e, what), retryAt };
}

export function ErrorNote(props: { error: ShownError | null; testId?: string }): ReactNode {
  const left = useCountdown(props.error?.retryAt ?? null);
  if (!props.error) return null;
  return h(
    'div',
    { className: 'error', role: 'status', 'data-testid': props.testId ?? 'error' },
    props.error.text,
    props.error.retryAt ? h('span', { className: 'countdown', 'data-testid': 'retry-countdown' }, left > 0 ? ` You can try again in ${left} s.` : ' You can try again now.') : null,
  );
}

/** Answers may carry **bold**; shown as <strong> (text only, no HTML is interpreted). */
export function richText(text: string): ReactNode[] {
  return text.split(/(\*\*[^*\n]+\*\*)/g).map((part, i) => (part.length > 4 && part.startsWith('**') && part.endsWith('**') ? h('strong', { key: i }, part.slice(2, -2)) : part));
}

function authorOf(m: ViewMessage): string {
  if (m.authorKind === 'CUSTOMER') return m.authorName ?? 'Customer';
  if (m.authorKind === 'OPERATOR') return `${m.authorName ?? 'Operator'} (operator)`;
  if (m.authorKind === 'SYSTEM') return 'Desk';
  return `${label(m.agentName ?? 'agent')} agent`;
}

function MessageView(props: { message: ViewMessage; viewer: 'customer' | 'operator' }): ReactNode {
  const m = props.message;
  const mine = props.viewer === 'customer' ? m.authorKind === 'CUSTOMER' : m.authorKind === 'OPERATOR';
  return h(
    'li',
    { className: `msg msg-${m.authorKind.toLowerCase()}${mine ? ' mine' : ''}`, 'data-testid': 'message', 'data-author': m.authorKind, 'data-status': m.status },
    h('div', { className: 'msg-head' }, h('strong', null, props.viewer === 'customer' && m.authorKind === 'CUSTOMER' ? 'You' : authorOf(m)), m.status === 'STREAMING' ? h('span', { className: 'badge live', 'aria-label': 'writing' }, 'writing…') : null, m.status === 'INCOMPLETE' ? h('span', { className: 'badge warn' }, 'cut short') : null),
    h('div', { className: 'msg-body', 'data-testid': m.authorKind === 'AGENT' ? 'answer-text' : m.authorKind === 'OPERATOR' ? 'operator-reply' : 'message-text' }, m.content ? richText(m.content) : m.status === 'STREAMING' ? '…' : ''),
    m.tools.length
      ? h(
          'div',
          { className: 'tools', 'data-testid': 'tools' },
          h('span', { className: 'muted' }, 'Actions taken: '),
          h(
            'ul',
            { className: 'chips' },
            m.tools.map((t) => h('li', { key: t.key, className: `chip ${t.ok ? 'ok' : 'fail'}`, 'data-testid': 'tool-call', title: `${t.agent} · ${formatMs(t.durationMs)}` }, `${t.tool} ${t.ok ? '✓ ok' : '✗ failed'}`)),
          ),
        )
      : null,
    m.citations.length
      ? h(
          'div',
          { className: 'citations', 'data-testid': 'citations' },
          h('span', { className: 'muted' }, 'Sources: '),
          h(
            'ul',
            null,
            m.citations.map((c) => h('li', { key: c.id, title: c.snippet, 'data-testid': 'citation' }, c.title)),
          ),
        )
      : null,
  );
}

/** The case header (route, agent, confidence) and its messages. */
export function Conversation(props: { view: CaseView; viewer: 'customer' | 'operator' }): ReactNode {
  const v = props.view;
  const listRef = useRef<HTMLOListElement>(null);
  const count = v.messages.length;
  const lastLen = v.messages[count - 1]?.content.length ?? 0;
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, lastLen]);
  const agent = [...v.messages].reverse().find((m) => m.authorKind === 'AGENT')?.agentName ?? null;
  return h(
    'section',
    { className: 'conversation', 'data-testid': 'conversation', 'aria-label': 'Conversation' },
    h(
      'div',
      { className: 'case-meta' },
      h('span', null, 'Case ', h('code', { 'data-testid': 'case-id' }, v.caseId ?? '')),
      v.status ? h('span', { className: `badge status-${v.status.toLowerCase()}`, 'data-testid': 'case-status' }, label(v.status)) : null,
      v.route
        ? h(
            Fragment,
            null,
            h('span', null, 'Route: ', h('strong', { 'data-testid': 'case-route' }, label(v.route))),
            v.parts.length > 1 ? h('span', { className: 'muted' }, `(crew: ${v.parts.map((p) => label(p.route)).join(' + ')})`) : null,
            agent ? h('span', null, 'Agent: ', h('strong', { 'data-testid': 'case-agent' }, agent)) : null,
            v.confidence !== null ? h('span', null, 'Confidence: ', h('strong', { 'data-testid': 'case-confidence' }, `${Math.round(v.confidence * 100)}%`)) : null,
          )
        : v.caseId
          ? h('span', { className: 'muted' }, 'Routing…')
          : null,
      v.emergency ? h('span', { className: 'badge urgent' }, 'Emergency') : null,
      v.connection === 'reconnecting' || v.connection === 'failed' ? h('span', { className: 'badge warn', role: 'status' }, v.streamError ?? 'Disconnected') : null,
    ),
    v.escalation ? h('p', { className: 'notice info' }, `Handed to a person: ${v.escalation}`) : null,
    v.notices.map((n) => h('p', { key: n.key, className: `notice ${n.kind}` }, n.text)),
    h(
      'ol',
      { className: 'messages', ref: listRef, 'aria-live': 'polite', 'data-testid': 'messages' },
      v.messages.map((m) => h(MessageView, { key: m.id, message: m, viewer: props.viewer })),
    ),
  );
}

export interface BarSeries {
  name: string;
  color: string;
}

/** A horizontal bar chart in SVG: one row per category, one bar per series. */
export function BarChart(props: { title: string; series: BarSeries[]; rows: { label: string; values: (number | null)[] }[]; format?: (n: number) => string; testId?: string }): ReactNode {
  const fmt = props.format ?? ((n: number) => String(n));
  const max = Math.max(1, ...props.rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const barH = 14;
  const gap = 4;
  const rowH = props.series.length * (barH + gap) + 10;
  const labelW = 96;
  const width = 420;
  const plotW = width - labelW - 70;
  const height = Math.max(rowH * props.rows.length, 24);
  const summary = props.rows.map((r) => `${r.label}: ${r.values.map((v, i) => `${props.series[i]?.name ?? ''} ${v === null ? 'n/a' : fmt(v)}`).join(', ')}`).join('; ');
  return h(
    'figure',
    { className: 'chart', 'data-testid': props.testId },
    h('figcaption', null, props.title),
    props.series.length > 1 ? h('div', { className: 'legend' }, props.series.map((s) => h('span', { key: s.name }, h('i', { style: { background: s.color } }), s.name))) : null,
    h(
      'svg',
      { viewBox: `0 0 ${width} ${height}`, width, height, className: 'chart-svg', role: 'img', 'aria-label': `${props.title}. ${summary}` },
      props.rows.map((r, ri) =>
        h(
          'g',
          { key: r.label, transform: `translate(0 ${ri * rowH})` },
          h('text', { x: 0, y: (props.series.length * (barH + gap)) / 2 + 4, className: 'chart-label' }, r.label),
          r.values.map((v, si) => {
            const w = v ? Math.max(2, (v / max) * plotW) : 0;
            const y = si * (barH + gap);
            return h(
              'g',
              { key: si },
              h('rect', { x: labelW, y, width: w, height: barH, rx: 2, fill: props.series[si]?.color ?? '#555' }),
              h('text', { x: labelW + w + 4, y: y + barH - 3, className: 'chart-value' }, v === null ? 'n/a' : fmt(v)),
            );
          }),
        ),
      ),
    ),
  );
}
