/**
 * A case's rows as the hot path reads and writes them in plain SQL (see sql-runner.ts): the case,
 * its messages, its stored events and the customer's name and plan. Same tables and encodings as
 * the entities; rows come back as plain objects with the entities' field names.
 */
import { randomUUID } from 'node:crypto';
import type { CaseStatus, Citation, Priority, Route, TokenUsage, ToolCallRecord } from '../entities/index.js';
import type { Sql, SqlRow } from './sql-runner.js';

/** A case row. */
export interface CaseRow {
  id: string;
  customerId: string;
  subject: string;
  status: CaseStatus;
  priority: Priority;
  route: Route | null;
  intent: string | null;
  requestType: string;
  agentName: string | null;
  emergency: boolean;
  assignee: string | null;
  team: string | null;
  context: Record<string, unknown> | null;
  workState: 'IDLE' | 'QUEUED' | 'RUNNING';
  seqReserved: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  summary: string | null;
  summarizedCount: number;
  securityFlag: boolean;
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
}

/** A message row. */
export interface MessageRow {
  id: string;
  caseId: string;
  authorKind: 'CUSTOMER' | 'AGENT' | 'OPERATOR' | 'SYSTEM';
  authorName: string | null;
  agentName: string | null;
  content: string;
  status: 'COMPLETE' | 'STREAMING' | 'INCOMPLETE';
  idempotencyKey: string | null;
  citations: Citation[] | null;
  toolCalls: ToolCallRecord[] | null;
  usage: TokenUsage | null;
  model: string | null;
  costUsd: number | null;
  latencyMs: number | null;
  timeToFirstTokenMs: number | null;
  answered: boolean;
  createdAt: Date;
}

/** What an agent's instructions say of the customer. */
export interface CustomerSummary {
  id: string;
  name: string;
  country: string | null;
  isGuest: boolean;
  plan: { name: string; billingCycle: string; status: string } | null;
}

/** A stored case event row. */
export interface EventRow {
  caseId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: Date;
}

const CASE_COLUMNS: { [K in keyof CaseRow]: string } = {
  id: 'id',
  customerId: 'customer_id',
  subject: 'subject',
  status: 'status',
  priority: 'priority',
  route: 'route',
  intent: 'intent',
  requestType: 'request_type',
  agentName: 'agent_name',
  emergency: 'emergency',
  assignee: 'assignee',
  team: 'team',
  context: 'context',
  workState: 'work_state',
  seqReserved: 'seq_reserved',
  promptTokens: 'prompt_tokens',
  completionTokens: 'completion_tokens',
  costUsd: 'cost_usd',
  summary: 'summary',
  summarizedCount: 'summarized_count',
  securityFlag: 'security_flag',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
};

const MESSAGE_COLUMNS: { [K in keyof MessageRow]: string } = {
  id: 'id',
  caseId: 'case_id',
  authorKind: 'author_kind',
  authorName: 'author_name',
  agentName: 'agent_name',
  content: 'content',
  status: 'status',
  idempotencyKey: 'idempotency_key',
  citations: 'citations',
  toolCalls: 'tool_calls',
  usage: 'usage',
  model: 'model',
  costUsd: 'cost_usd',
  latencyMs: 'latency_ms',
  timeToFirstTokenMs: 'time_to_first_token_ms',
  answered: 'answered',
  createdAt: 'created_at',
};

const CASE_KEYS = Object.keys(CASE_COLUMNS) as (keyof CaseRow)[];
const MESSAGE_KEYS = Object.keys(MESSAGE_COLUMNS) as (keyof MessageRow)[];
const CASE_SELECT = CASE_KEYS.map((k) => `c.${CASE_COLUMNS[k]}`).join(', ');
const MESSAGE_SELECT = MESSAGE_KEYS.map((k) => `m.${MESSAGE_COLUMNS[k]}`).join(', ');

/** SQLite holds epoch milliseconds; PostgreSQL's driver (as the ORM sets it up) gives timestamps as text. */
const date = (v: unknown): Date => {
  if (v instanceof Date) return v;
  if (typeof v === 'number' || /^\d+$/.test(String(v))) return new Date(Number(v));
  const iso = String(v).replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(iso) ? `${iso}:00` : iso);
};
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1';
const json = <T>(v: unknown): T | null =>
  (v === null || v === undefined ? null : typeof v === 'string' ? JSON.parse(v) : v) as T;
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function caseOf(r: SqlRow): CaseRow {
  return {
    id: r.id as string,
    customerId: r.customer_id as string,
    subject: r.subject as string,
    status: r.status as CaseStatus,
    priority: r.priority as Priority,
    route: (r.route ?? null) as Route | null,
    intent: (r.intent ?? null) as string | null,
    requestType: r.request_type as string,
    agentName: (r.agent_name ?? null) as string | null,
    emergency: bool(r.emergency),
    assignee: (r.assignee ?? null) as string | null,
    team: (r.team ?? null) as string | null,
    context: json(r.context),
    workState: r.work_state as CaseRow['workState'],
    seqReserved: num(r.seq_reserved),
    promptTokens: num(r.prompt_tokens),
    completionTokens: num(r.completion_tokens),
    costUsd: num(r.cost_usd),
    summary: (r.summary ?? null) as string | null,
    summarizedCount: num(r.summarized_count),
    securityFlag: bool(r.security_flag),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    firstResponseAt: dateOrNull(r.first_response_at),
    resolvedAt: dateOrNull(r.resolved_at),
  };
}

function messageOf(r: SqlRow): MessageRow {
  return {
    id: r.id as string,
    caseId: r.case_id as string,
    authorKind: r.author_kind as MessageRow['authorKind'],
    authorName: (r.author_name ?? null) as string | null,
    agentName: (r.agent_name ?? null) as string | null,
    content: r.content as string,
    status: r.status as MessageRow['status'],
    idempotencyKey: (r.idempotency_key ?? null) as string | null,
    citations: json(r.citations),
    toolCalls: json(r.tool_calls),
    usage: json(r.usage),
    model: (r.model ?? null) as string | null,
    costUsd: numOrNull(r.cost_usd),
    latencyMs: numOrNull(r.latency_ms),
    timeToFirstTokenMs: numOrNull(r.time_to_first_token_ms),
    answered: bool(r.answered),
    createdAt: date(r.created_at),
  };
}

/** The case, or null. */
export async function selectCase(q: Sql, id: string): Promise<CaseRow | null> {
  const rows = await q.all(`select ${CASE_SELECT} from cases c where c.id = ?`, [id]);
  return rows.length ? caseOf(rows[0]) : null;
}

/**
 * A case's completed messages and those still marked STREAMING (left by a turn that never ended),
 * oldest first: what a turn reads, in one statement.
 */
export async function selectTurnMessages(q: Sql, caseId: string): Promise<MessageRow[]> {
  const rows = await q.all(
    `select ${MESSAGE_SELECT} from messages m where m.case_id = ? and m.status in ('COMPLETE', 'STREAMING') order by m.created_at asc, m.id asc`,
    [caseId],
  );
  return rows.map(messageOf);
}

/** The customer's name and latest plan, or null for an unknown customer. */
export async function selectCustomerSummary(q: Sql, customerId: string): Promise<CustomerSummary | null> {
  const rows = await q.all(
    `select cu.id, cu.name, cu.country, cu.is_guest, p.name as plan_name, s.billing_cycle, s.status as plan_status
       from customers cu
       left join subscriptions s on s.id = (select s2.id from subscriptions s2 where s2.customer_id = cu.id order by s2.started_at desc limit 1)
       left join plans p on p.code = s.plan_code
      where cu.id = ?`,
    [customerId],
  );
  if (!rows.length) return null;
  const r = rows[0];
  return {
    id: r.id as string,
    name: r.name as string,
    country: (r.country ?? null) as string | null,
    isGuest: bool(r.is_guest),
    plan:
      r.plan_name === null || r.plan_name === undefined
        ? null
        : { name: r.plan_name as string, billingCycle: r.billing_cycle as string, status: r.plan_status as string },
  };
}

/** Inserts a case row (every column given). */
export function insertCase(q: Sql, row: CaseRow): Promise<void> {
  return insertRows(q, 'cases', CASE_KEYS, CASE_COLUMNS, [row]);
}

/** Inserts message rows (every column given). */
export function insertMessages(q: Sql, rows: MessageRow[]): Promise<void> {
  return insertRows(q, 'messages', MESSAGE_KEYS, MESSAGE_COLUMNS, rows);
}

/** Inserts stored events. */
export async function insertEvents(q: Sql, rows: EventRow[]): Promise<void> {
  if (!rows.length) return;
  const params: unknown[] = [];
  for (const r of rows) params.push(r.caseId, r.seq, r.type, r.payload, r.at);
  await q.run(
    `insert into case_events (case_id, seq, type, payload, at) values ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    params,
  );
}

/** A column set to an SQL expression instead of a value. */
export interface SqlExpression {
  sql: string;
  params: unknown[];
}

/** Updates the given fields of a case (and its `updated_at`). */
export async function updateCase(
  q: Sql,
  id: string,
  patch: Partial<CaseRow>,
  expressions: Partial<Record<keyof CaseRow, SqlExpression>> = {},
): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const k of Object.keys(patch) as (keyof CaseRow)[]) {
    if (k === 'id' || k === 'updatedAt' || expressions[k]) continue;
    sets.push(`${CASE_COLUMNS[k]} = ?`);
    params.push(patch[k]);
  }
  for (const [k, e] of Object.entries(expressions) as [keyof CaseRow, SqlExpression][]) {
    sets.push(`${CASE_COLUMNS[k]} = (${e.sql})`);
    params.push(...e.params);
  }
  sets.push('updated_at = ?');
  params.push(new Date(), id);
  await q.run(`update cases set ${sets.join(', ')} where id = ?`, params);
}

/** Updates the given fields of messages. */
export async function updateMessages(q: Sql, ids: string[], patch: Partial<MessageRow>): Promise<void> {
  if (!ids.length) return;
  const keys = (Object.keys(patch) as (keyof MessageRow)[]).filter((k) => k !== 'id');
  if (!keys.length) return;
  await q.run(
    `update messages set ${keys.map((k) => `${MESSAGE_COLUMNS[k]} = ?`).join(', ')} where id in (${ids.map(() => '?').join(', ')})`,
    [...keys.map((k) => patch[k]), ...ids],
  );
}

/** The fields of `now` that differ from `before` (what a transaction changed on a row it read). */
export function changedFields<T extends object>(before: T, now: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(now) as (keyof T)[]) {
    const a = before[k];
    const b = now[k];
    if (a === b) continue;
    if (a instanceof Date && b instanceof Date && a.getTime() === b.getTime()) continue;
    if (
      a !== null &&
      b !== null &&
      typeof a === 'object' &&
      typeof b === 'object' &&
      JSON.stringify(a) === JSON.stringify(b)
    )
      continue;
    out[k] = b;
  }
  return out;
}

async function insertRows<T extends object>(
  q: Sql,
  table: string,
  keys: (keyof T)[],
  columns: { [K in keyof T]: string },
  rows: T[],
): Promise<void> {
  if (!rows.length) return;
  const params: unknown[] = [];
  for (const r of rows) for (const k of keys) params.push(r[k]);
  const one = `(${keys.map(() => '?').join(', ')})`;
  await q.run(
    `insert into ${table} (${keys.map((k) => columns[k]).join(', ')}) values ${rows.map(() => one).join(', ')}`,
    params,
  );
}

/** A new case row with the entity's defaults. */
export function newCaseRow(v: {
  id: string;
  customerId: string;
  subject: string;
  priority: CaseRow['priority'];
  requestType: string;
  emergency: boolean;
  context: CaseRow['context'];
  now: Date;
}): CaseRow {
  return {
    id: v.id,
    customerId: v.customerId,
    subject: v.subject,
    status: 'OPEN',
    priority: v.priority,
    route: null,
    intent: null,
    requestType: v.requestType,
    agentName: null,
    emergency: v.emergency,
    assignee: null,
    team: null,
    context: v.context,
    workState: 'QUEUED',
    seqReserved: 0,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    summary: null,
    summarizedCount: 0,
    securityFlag: false,
    createdAt: v.now,
    updatedAt: v.now,
    firstResponseAt: null,
    resolvedAt: null,
  };
}

/** A new message row with the entity's defaults. */
export function newMessageRow(
  v: Pick<MessageRow, 'caseId' | 'authorKind' | 'content' | 'answered'> &
    Partial<Omit<MessageRow, 'createdAt'>> & { now: Date },
): MessageRow {
  return {
    id: v.id ?? randomUUID(),
    caseId: v.caseId,
    authorKind: v.authorKind,
    authorName: v.authorName ?? null,
    agentName: v.agentName ?? null,
    content: v.content,
    status: v.status ?? 'COMPLETE',
    idempotencyKey: v.idempotencyKey ?? null,
    citations: v.citations ?? null,
    toolCalls: v.toolCalls ?? null,
    usage: v.usage ?? null,
    model: v.model ?? null,
    costUsd: v.costUsd ?? null,
    latencyMs: v.latencyMs ?? null,
    timeToFirstTokenMs: v.timeToFirstTokenMs ?? null,
    answered: v.answered,
    createdAt: v.now,
  };
}

/** Creates a guest customer with this id unless a customer has it. */
export async function ensureGuestCustomer(q: Sql, id: string): Promise<void> {
  await q.run(
    'insert into customers (id, external_ref, name, is_guest, created_at) values (?, ?, ?, ?, ?) on conflict (id) do nothing',
    [id, null, 'Guest', true, new Date()],
  );
}
