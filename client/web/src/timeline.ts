/// <reference lib="dom" />
/**
 * The operator's view of a conversation: messages as markdown, internal notes in their own colour,
 * and the tool calls and routing folded behind a "details" toggle.
 */
import { createElement as h, type ReactNode, useEffect, useRef } from 'react';
import { formatMs, label } from './api.js';
import type { CaseView, ViewMessage } from './case-stream.js';
import { Markdown } from './markdown.js';

export interface TimelineNote {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}

function authorOf(m: ViewMessage): string {
  if (m.authorKind === 'CUSTOMER') return m.authorName ?? 'Customer';
  if (m.authorKind === 'OPERATOR') return `${m.authorName ?? 'Operator'} (operator)`;
  if (m.authorKind === 'SYSTEM') return 'Desk';
  return `${label(m.agentName ?? 'agent')} agent (AI)`;
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function MessageItem(props: { m: ViewMessage; details: boolean }): ReactNode {
  const m = props.m;
  return h(
    'li',
    {
      className: `msg msg-${m.authorKind.toLowerCase()}${m.authorKind === 'OPERATOR' ? ' mine' : ''}`,
      'data-testid': 'message',
      'data-author': m.authorKind,
      'data-status': m.status,
    },
    h(
      'div',
      { className: 'msg-head' },
      h('strong', null, authorOf(m)),
      h('span', { className: 'muted' }, time(m.createdAt)),
      m.status === 'STREAMING' ? h('span', { className: 'badge live', 'aria-label': 'writing' }, 'writing…') : null,
      m.status === 'INCOMPLETE' ? h('span', { className: 'badge warn' }, 'cut short') : null,
    ),
    m.content
      ? h(Markdown, {
          text: m.content,
          className: 'msg-body',
          testId:
            m.authorKind === 'AGENT' ? 'answer-text' : m.authorKind === 'OPERATOR' ? 'operator-reply' : 'message-text',
        })
      : h('div', { className: 'msg-body muted' }, m.status === 'STREAMING' ? '…' : ''),
    props.details && m.tools.length
      ? h(
          'ul',
          { className: 'chips tools', 'data-testid': 'tools' },
          m.tools.map((t) =>
            h(
              'li',
              {
                key: t.key,
                className: `chip ${t.ok ? 'ok' : 'fail'}`,
                'data-testid': 'tool-call',
                title: `${t.agent} · ${formatMs(t.durationMs)}`,
              },
              `${t.tool} ${t.ok ? '✓' : '✗ failed'}`,
            ),
          ),
        )
      : null,
    props.details && m.citations.length
      ? h(
          'p',
          { className: 'muted small', 'data-testid': 'citations' },
          'Sources: ',
          m.citations.map((c) => c.title).join(' · '),
        )
      : null,
  );
}

function NoteItem(props: { n: TimelineNote }): ReactNode {
  return h(
    'li',
    { className: 'msg note', 'data-testid': 'note', 'data-author': 'NOTE' },
    h(
      'div',
      { className: 'msg-head' },
      h('strong', null, `${props.n.authorName} · internal note`),
      h('span', { className: 'muted' }, time(props.n.createdAt)),
    ),
    h(Markdown, { text: props.n.body, className: 'msg-body', testId: 'note-body' }),
  );
}

/** The case's latest SLA warning or breach, in the conversation. */
function SlaLine(props: { sla: NonNullable<CaseView['sla']> }): ReactNode {
  const { state, target, dueAt } = props.sla;
  const what = target === 'FIRST_RESPONSE' ? 'first response' : 'resolution';
  const text =
    state === 'warning' ? `SLA warning: ${what} due ${time(dueAt)}` : `SLA missed: ${what} was due ${time(dueAt)}`;
  return h(
    'p',
    { className: `notice ${state === 'warning' ? 'info' : 'error'}`, 'data-testid': 'timeline-sla', 'data-sla': state },
    text,
  );
}

function Routing(props: { view: CaseView }): ReactNode {
  const v = props.view;
  if (!v.route) return h('p', { className: 'routing muted' }, 'Not routed yet.');
  return h(
    'div',
    { className: 'routing', 'data-testid': 'routing' },
    'Routed to ',
    h('strong', { 'data-testid': 'case-route' }, label(v.route)),
    v.intent ? ` · intent ${v.intent}` : '',
    v.confidence !== null
      ? h(
          'span',
          null,
          ' · confidence ',
          h('strong', { 'data-testid': 'case-confidence' }, `${Math.round(v.confidence * 100)}%`),
        )
      : null,
    v.method ? ` · ${label(v.method)}` : '',
    v.parts.length > 1 ? ` · crew: ${v.parts.map((p) => label(p.route)).join(' + ')}` : '',
    v.reason ? h('div', { className: 'muted small' }, v.reason) : null,
  );
}

/** Messages and notes in time order, newest at the bottom (kept in view as they arrive). */
export function Timeline(props: { view: CaseView; notes: TimelineNote[]; details: boolean }): ReactNode {
  const { view, notes, details } = props;
  const listRef = useRef<HTMLOListElement>(null);
  const items = [
    ...view.messages.map((m) => ({
      at: m.createdAt,
      key: `m-${m.id}`,
      node: h(MessageItem, { key: `m-${m.id}`, m, details }),
    })),
    ...notes.map((n) => ({ at: n.createdAt, key: `n-${n.id}`, node: h(NoteItem, { key: `n-${n.id}`, n }) })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const lastLen = view.messages[view.messages.length - 1]?.content.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new item or a longer last message is the trigger to scroll.
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [items.length, lastLen]);
  return h(
    'div',
    { className: 'timeline' },
    details ? h(Routing, { view }) : null,
    details
      ? view.notices.map((n) => h('p', { key: n.key, className: `notice ${n.kind}` }, n.text))
      : view.notices
          .filter((n) => n.kind === 'error')
          .map((n) => h('p', { key: n.key, className: 'notice error' }, n.text)),
    view.escalation ? h('p', { className: 'notice info' }, `Escalated: ${view.escalation}`) : null,
    view.sla ? h(SlaLine, { sla: view.sla }) : null,
    h(
      'ol',
      { className: 'messages', ref: listRef, 'aria-live': 'polite', 'data-testid': 'messages' },
      items.map((i) => i.node),
    ),
  );
}
