import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Case } from './case.entity.js';

const AUTHOR_KINDS = ['CUSTOMER', 'AGENT', 'OPERATOR', 'SYSTEM'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];
const MESSAGE_STATUSES = ['COMPLETE', 'STREAMING', 'INCOMPLETE'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** An article an answer drew on. */
export interface Citation {
  id: string;
  title: string;
  snippet: string;
}
/** A tool call an agent made while writing a message. */
export interface ToolCallRecord {
  id: string;
  agent: string;
  name: string;
  input: unknown;
  output: unknown;
  ok: boolean;
  durationMs: number;
}
/** Token usage of one message. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** One message on a case, from the customer, an agent, an operator or the system. */
export const Message = defineEntity({
  name: 'Message',
  tableName: 'messages',
  indexes: [{ properties: ['case', 'createdAt'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    case: () => p.manyToOne(Case).index(false),
    authorKind: p.enum([...AUTHOR_KINDS]),
    authorName: p.string().nullable(),
    agentName: p.string().nullable(),
    content: p.text(),
    status: p.enum([...MESSAGE_STATUSES]).default('COMPLETE'),
    /** Customer id + client key (up to 128 + 1 + 128); a retried submit with the same key finds this message. */
    idempotencyKey: p.string().length(300).unique().nullable(),
    citations: p.json<Citation[]>().nullable(),
    toolCalls: p.json<ToolCallRecord[]>().nullable(),
    usage: p.json<TokenUsage>().nullable(),
    /** The model(s) that wrote it, and what it cost. */
    model: p.string().nullable(),
    costUsd: p.float().nullable(),
    latencyMs: p.integer().nullable(),
    timeToFirstTokenMs: p.integer().nullable(),
    /** Whether an agent has answered this customer message. */
    answered: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IMessage = InferEntity<typeof Message>;
