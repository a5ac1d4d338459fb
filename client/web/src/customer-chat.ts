/// <reference lib="dom" />
/**
 * The customer's view of a case: a chat with the agent's name on each answer, answers as safe
 * markdown, and none of the desk's internals (no confidence, tool names, case UUIDs or routing
 * reasons; a short case reference instead).
 */
import { createElement as h, type ReactNode, useEffect, useRef } from 'react';
import { caseRef, label } from './api.js';
import type { CaseView, ViewMessage } from './case-stream.js';
import { Markdown } from './markdown.js';

/** Who wrote it, as the customer should read it. */
function authorOf(m: ViewMessage): string {
  if (m.authorKind === 'CUSTOMER') return 'You';
  if (m.authorKind === 'OPERATOR') return m.authorName ?? 'Support team';
  if (m.authorKind === 'SYSTEM') return 'Brightwave support';
  // A crew is named like "billing+technical".
  const names = (m.agentName ?? 'support').split('+').map((n) => label(n.trim()));
  return `${names.join(' & ')} assistant`;
}

/** Statuses in the customer's words. */
const STATUS_TEXT: Record<string, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  WAITING_ON_CUSTOMER: 'Waiting for you',
  ESCALATED: 'With our team',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

function Bubble(props: { m: ViewMessage }): ReactNode {
  const m = props.m;
  return h(
    'li',
    {
      className: `msg msg-${m.authorKind.toLowerCase()}${m.authorKind === 'CUSTOMER' ? ' mine' : ''}`,
      'data-testid': 'message',
      'data-author': m.authorKind,
      'data-status': m.status,
    },
    h(
      'div',
      { className: 'msg-head' },
      h('strong', { 'data-testid': 'message-author' }, authorOf(m)),
      m.status === 'STREAMING' ? h('span', { className: 'badge live', 'aria-label': 'writing' }, 'writing…') : null,
    ),
    m.content
      ? h(Markdown, {
          text: m.content,
          className: 'msg-body',
          testId:
            m.authorKind === 'AGENT' ? 'answer-text' : m.authorKind === 'OPERATOR' ? 'operator-reply' : 'message-text',
        })
      : h('div', { className: 'msg-body muted' }, m.status === 'STREAMING' ? '…' : ''),
    m.citations.length
      ? h(
          'p',
          { className: 'muted small', 'data-testid': 'citations' },
          'From our help articles: ',
          m.citations.map((c) => c.title).join(' · '),
        )
      : null,
  );
}

export function CustomerChat(props: { view: CaseView }): ReactNode {
  const v = props.view;
  const listRef = useRef<HTMLOListElement>(null);
  const count = v.messages.length;
  const lastLen = v.messages[count - 1]?.content.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message or a longer last one is the trigger to scroll.
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, lastLen]);
  const agent = [...v.messages].reverse().find((m) => m.authorKind === 'AGENT' || m.authorKind === 'OPERATOR');
  const failed = v.notices.some((n) => n.kind === 'error');
  return h(
    'section',
    {
      className: 'conversation chat',
      'data-testid': 'conversation',
      'data-case-id': v.caseId ?? '',
      'aria-label': 'Conversation',
    },
    h(
      'div',
      { className: 'case-meta' },
      h(
        'span',
        null,
        'Case ',
        h('code', { className: 'chat-ref', 'data-testid': 'case-ref' }, v.caseId ? caseRef(v.caseId) : ''),
      ),
      v.status
        ? h(
            'span',
            { className: `badge status-${v.status.toLowerCase()}`, 'data-testid': 'case-status' },
            STATUS_TEXT[v.status] ?? label(v.status),
          )
        : null,
      agent ? h('span', null, 'With ', h('strong', { 'data-testid': 'case-agent' }, authorOf(agent))) : null,
      v.emergency ? h('span', { className: 'badge urgent' }, 'Emergency') : null,
      v.connection === 'reconnecting' || v.connection === 'failed'
        ? h('span', { className: 'badge warn', role: 'status' }, v.streamError ?? 'Disconnected')
        : null,
    ),
    v.escalation ? h('p', { className: 'notice info' }, 'A person from our team will take it from here.') : null,
    failed ? h('p', { className: 'notice error' }, 'We hit a problem answering; we are on it.') : null,
    h(
      'ol',
      { className: 'messages', ref: listRef, 'aria-live': 'polite', 'data-testid': 'messages' },
      v.messages.map((m) => h(Bubble, { key: m.id, m })),
    ),
  );
}
