/** The events of a case and of the desk and their pub/sub topics, as the domain knows them (no GraphQL here); shared by the desk, security and the schema. */
import type {
  ActionKind,
  ActionStatus,
  AuthorKind,
  CaseStatus,
  Citation,
  MessageStatus,
  Priority,
  TokenUsage,
  ToolCallRecord,
} from './db/entities/index.js';

/** A message as events and the API carry it. */
export interface MessageView {
  id: string;
  caseId: string;
  authorKind: AuthorKind;
  authorName: string | null;
  agentName: string | null;
  content: string;
  status: MessageStatus;
  citations: Citation[];
  toolCalls: ToolCallRecord[];
  usage: TokenUsage | null;
  model: string | null;
  costUsd: number | null;
  latencyMs: number | null;
  timeToFirstTokenMs: number | null;
  createdAt: Date;
}

/** Payloads of case events, by type. */
export type CaseEventPayload =
  | {
      type: 'CASE_OPENED';
      subject: string;
      customerId: string;
      priority: Priority;
      emergency: boolean;
      requestType: string;
    }
  | { type: 'MESSAGE_ADDED'; message: MessageView }
  | {
      type: 'CASE_ROUTED';
      route: string;
      intent: string;
      confidence: number;
      scores: { route: string; score: number }[];
      reason: string;
      method: string;
      parts: { route: string; intent: string; confidence: number }[];
    }
  | { type: 'AGENT_STARTED'; agent: string; messageId: string }
  | { type: 'TOKEN_DELTA'; agent: string; messageId: string; text: string }
  | {
      type: 'TOOL_CALLED';
      agent: string;
      messageId: string;
      tool: string;
      input: string;
      output: string;
      ok: boolean;
      durationMs: number;
    }
  | { type: 'AGENT_HANDOFF'; from: string; to: string; reason: string }
  | { type: 'MESSAGE_COMPLETED'; message: MessageView }
  | { type: 'STATUS_CHANGED'; from: CaseStatus; to: CaseStatus; by: string }
  | { type: 'PRIORITY_CHANGED'; from: Priority; to: Priority; by: string }
  | { type: 'ASSIGNEE_CHANGED'; from: string | null; to: string | null; by: string }
  | { type: 'CASE_ESCALATED'; reason: string; by: string; priority: Priority }
  | { type: 'CASE_ERROR'; code: string; message: string; recoverable: boolean }
  | { type: 'GUARDRAIL_TRIPPED'; guardrail: string; reason: string }
  | { type: 'ACTION_UPDATED'; actionId: string; kind: ActionKind; status: ActionStatus; by: string; summary: string }
  | { type: 'SLA_WARNING'; target: SlaTarget; dueAt: Date; priority: Priority }
  | { type: 'SLA_BREACHED'; target: SlaTarget; dueAt: Date; priority: Priority };

export type CaseEventType = CaseEventPayload['type'];

/** Case events for staff only: stored and numbered like the others, never on a customer's stream. */
export const STAFF_ONLY_CASE_EVENTS: ReadonlySet<CaseEventType> = new Set(['SLA_WARNING', 'SLA_BREACHED']);

/** A numbered event of a case. */
export type CaseEvent = CaseEventPayload & { seq: number; caseId: string; at: Date };

/** Events for dashboards. */
export type DeskEvent =
  | {
      type: 'CASE_CREATED';
      caseId: string;
      at: Date;
      status: CaseStatus;
      priority: Priority;
      route: string | null;
      emergency: boolean;
      subject: string;
    }
  | {
      type: 'CASE_UPDATED';
      caseId: string;
      at: Date;
      status: CaseStatus;
      priority: Priority;
      route: string | null;
      emergency: boolean;
      assignee: string | null;
      agentName: string | null;
    }
  | { type: 'AGENT_STATUS'; at: Date; agent: string; active: number; handled: number; errors: number }
  | { type: 'EMERGENCY_ALERT'; caseId: string; at: Date; reason: string }
  | {
      type: 'SECURITY_EVENT';
      at: Date;
      category: string;
      event: string;
      caseId: string | null;
      actorId: string | null;
    }
  | { type: 'NOTE_ADDED'; caseId: string; at: Date; noteId: string; authorId: string; authorName: string; body: string }
  | { type: 'LABELS_CHANGED'; caseId: string; at: Date; labels: string[]; by: string }
  | { type: 'CASE_RATED'; caseId: string; at: Date; score: number; comment: string | null }
  | {
      type: 'OPERATOR_CHANGED';
      at: Date;
      operatorId: string;
      name: string;
      team: string | null;
      availability: string;
      capacity: number;
    }
  | {
      type: 'SLA_WARNING' | 'SLA_BREACHED';
      caseId: string;
      at: Date;
      target: SlaTarget;
      dueAt: Date;
      priority: Priority;
    };

/** The two SLA targets of a case. */
export type SlaTarget = 'FIRST_RESPONSE' | 'RESOLUTION';

/** Topic names on the pub/sub. */
export const topics = {
  case: (caseId: string) => `case:${caseId}`,
  desk: 'desk',
};
