/// <reference lib="dom" />
/**
 * A case as the page shows it, built from its event stream (`watchCase` from seq 0: the stored
 * history, then live events, resumed after a dropped connection).
 */
import { useEffect, useReducer } from 'react';
import type { MessageFieldsFragment } from '../../generated/graphql.js';
import type { CaseEvent, DeskClient } from '../../src/desk-client.js';
import { type CaseStatus, type Priority, plainError, type Route } from './api.js';

interface ToolUse {
  key: string;
  tool: string;
  ok: boolean;
  agent: string;
  durationMs: number | null;
}

export interface ViewMessage {
  id: string;
  authorKind: 'CUSTOMER' | 'AGENT' | 'OPERATOR' | 'SYSTEM';
  authorName: string | null;
  agentName: string | null;
  content: string;
  status: 'STREAMING' | 'COMPLETE' | 'INCOMPLETE';
  citations: { id: string; title: string; snippet: string }[];
  tools: ToolUse[];
  createdAt: string;
}

export interface CaseView {
  caseId: string | null;
  subject: string | null;
  status: CaseStatus | null;
  priority: Priority | null;
  emergency: boolean;
  requestType: string | null;
  route: Route | null;
  intent: string | null;
  confidence: number | null;
  method: string | null;
  reason: string | null;
  parts: { route: Route; intent: string; confidence: number }[];
  assignee: string | null;
  escalation: string | null;
  /** The latest SLA warning or breach of the case (staff streams only carry them). */
  sla: { state: 'warning' | 'breached'; target: 'FIRST_RESPONSE' | 'RESOLUTION'; dueAt: string } | null;
  notices: { key: string; text: string; kind: 'error' | 'info' }[];
  messages: ViewMessage[];
  lastSeq: number;
  connection: 'idle' | 'connecting' | 'live' | 'reconnecting' | 'failed';
  streamError: string | null;
}

const EMPTY_VIEW: CaseView = {
  caseId: null,
  subject: null,
  status: null,
  priority: null,
  emergency: false,
  requestType: null,
  route: null,
  intent: null,
  confidence: null,
  method: null,
  reason: null,
  parts: [],
  assignee: null,
  escalation: null,
  sla: null,
  notices: [],
  messages: [],
  lastSeq: 0,
  connection: 'idle',
  streamError: null,
};

type Action =
  | { type: 'reset'; caseId: string | null }
  | { type: 'event'; event: CaseEvent }
  | { type: 'connection'; state: CaseView['connection']; error?: string };

function fromMessage(m: MessageFieldsFragment, previous?: ViewMessage): ViewMessage {
  const tools = m.toolCalls.length
    ? m.toolCalls.map((t) => ({ key: t.id, tool: t.name, ok: t.ok, agent: t.agent, durationMs: t.durationMs }))
    : (previous?.tools ?? []);
  // A stored snapshot of a message still streaming may be older than the deltas already shown.
  const content =
    m.status === 'STREAMING' && previous && previous.content.length > m.content.length ? previous.content : m.content;
  return {
    id: m.id,
    authorKind: m.authorKind,
    authorName: m.authorName,
    agentName: m.agentName,
    content,
    status: m.status,
    citations: m.citations,
    tools,
    createdAt: m.createdAt,
  };
}

function upsert(
  messages: ViewMessage[],
  id: string,
  make: (prev: ViewMessage | undefined) => ViewMessage,
): ViewMessage[] {
  const i = messages.findIndex((m) => m.id === id);
  if (i < 0) return [...messages, make(undefined)];
  const next = messages.slice();
  next[i] = make(messages[i]);
  return next;
}

function agentDraft(id: string, agent: string, at: string): ViewMessage {
  return {
    id,
    authorKind: 'AGENT',
    authorName: null,
    agentName: agent,
    content: '',
    status: 'STREAMING',
    citations: [],
    tools: [],
    createdAt: at,
  };
}

function reduceCase(state: CaseView, action: Action): CaseView {
  if (action.type === 'reset')
    return { ...EMPTY_VIEW, caseId: action.caseId, connection: action.caseId ? 'connecting' : 'idle' };
  if (action.type === 'connection') return { ...state, connection: action.state, streamError: action.error ?? null };
  const ev = action.event;
  if (ev.caseId !== state.caseId || ev.seq <= state.lastSeq) return state;
  const s: CaseView = { ...state, lastSeq: ev.seq, connection: 'live', streamError: null };
  switch (ev.__typename) {
    case 'CaseOpened':
      return {
        ...s,
        subject: ev.subject,
        priority: ev.priority,
        emergency: ev.emergency,
        requestType: ev.requestType,
        status: s.status ?? 'OPEN',
      };
    case 'MessageAdded':
      return { ...s, messages: upsert(s.messages, ev.message.id, (prev) => fromMessage(ev.message, prev)) };
    case 'CaseRouted':
      return {
        ...s,
        route: ev.route,
        intent: ev.intent,
        confidence: ev.confidence,
        method: ev.method,
        reason: ev.reason,
        parts: ev.parts,
      };
    case 'AgentStarted':
      return {
        ...s,
        messages: upsert(s.messages, ev.messageId, (prev) => prev ?? agentDraft(ev.messageId, ev.agent, ev.at)),
      };
    case 'TokenDelta':
      return {
        ...s,
        messages: upsert(s.messages, ev.messageId, (prev) => ({
          ...(prev ?? agentDraft(ev.messageId, ev.agent, ev.at)),
          content: (prev?.content ?? '') + ev.text,
        })),
      };
    case 'ToolCalled':
      return {
        ...s,
        messages: upsert(s.messages, ev.messageId, (prev) => {
          const base = prev ?? agentDraft(ev.messageId, ev.agent, ev.at);
          return {
            ...base,
            tools: [
              ...base.tools,
              { key: `seq-${ev.seq}`, tool: ev.tool, ok: ev.ok, agent: ev.agent, durationMs: ev.durationMs },
            ],
          };
        }),
      };
    case 'MessageCompleted':
      return { ...s, messages: upsert(s.messages, ev.message.id, (prev) => fromMessage(ev.message, prev)) };
    case 'AgentHandoff':
      return {
        ...s,
        notices: [
          ...s.notices,
          { key: `seq-${ev.seq}`, kind: 'info', text: `Handed from ${ev.fromAgent} to ${ev.toAgent}: ${ev.reason}` },
        ],
      };
    case 'StatusChanged':
      return { ...s, status: ev.toStatus };
    case 'PriorityChanged':
      return { ...s, priority: ev.toPriority };
    case 'AssigneeChanged':
      return { ...s, assignee: ev.toAssignee };
    case 'CaseEscalated':
      return { ...s, priority: ev.priority, escalation: ev.reason, status: 'ESCALATED' };
    case 'CaseSlaWarning':
    case 'CaseSlaBreached':
      return {
        ...s,
        sla: { state: ev.__typename === 'CaseSlaWarning' ? 'warning' : 'breached', target: ev.target, dueAt: ev.dueAt },
      };
    case 'CaseError':
      return {
        ...s,
        notices: [
          ...s.notices,
          {
            key: `seq-${ev.seq}`,
            kind: 'error',
            text: `${ev.recoverable ? 'A problem (retrying)' : 'A problem'}: ${ev.detail}`,
          },
        ],
      };
    case 'GuardrailTripped':
      return {
        ...s,
        notices: [
          ...s.notices,
          { key: `seq-${ev.seq}`, kind: 'info', text: `The request was declined (${ev.guardrail}).` },
        ],
      };
    default:
      return s;
  }
}

/** Follows one case's events into a CaseView; a new caseId (or a new desk) starts over. */
export function useCaseStream(desk: DeskClient | null, caseId: string | null): CaseView {
  const [view, dispatch] = useReducer(reduceCase, EMPTY_VIEW);
  useEffect(() => {
    dispatch({ type: 'reset', caseId });
    if (!desk || !caseId) return;
    const abort = new AbortController();
    void (async () => {
      try {
        for await (const event of desk.watchCase(caseId, {
          signal: abort.signal,
          onReconnect: ({ error }) =>
            dispatch({
              type: 'connection',
              state: 'reconnecting',
              error: error.serverRestarting
                ? 'The server is restarting; reconnecting…'
                : 'Connection lost; reconnecting…',
            }),
        })) {
          dispatch({ type: 'event', event });
        }
      } catch (err) {
        if (!abort.signal.aborted)
          dispatch({ type: 'connection', state: 'failed', error: plainError(err, 'Following the case') });
      }
    })();
    return () => abort.abort();
  }, [desk, caseId]);
  return view;
}
