import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Customer } from './customer.entity.js';

export const CASE_STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];
const ROUTES = ['billing', 'technical', 'escalation', 'general'] as const;
export type Route = (typeof ROUTES)[number];
/** Whether agents still owe the case work: survives restarts so unfinished work resumes. */
const WORK_STATES = ['IDLE', 'QUEUED', 'RUNNING'] as const;

/** A support case: one customer's conversation with the desk. */
export const Case = defineEntity({
  name: 'Case',
  tableName: 'cases',
  indexes: [
    { properties: ['status', 'createdAt'] },
    { properties: ['customer', 'createdAt'] },
    { properties: ['workState'] },
    { properties: ['assignee'] },
  ],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    // No index of its own: (customer, created_at) serves lookups by customer.
    customer: () => p.manyToOne(Customer).index(false),
    subject: p.string().length(200),
    status: p.enum([...CASE_STATUSES]).default('OPEN'),
    priority: p.enum([...PRIORITIES]).default('NORMAL'),
    route: p.enum([...ROUTES]).nullable(),
    intent: p.string().nullable(),
    requestType: p.string().default('AUTO'),
    agentName: p.string().nullable(),
    emergency: p.boolean().default(false),
    assignee: p.string().nullable(),
    /** The team working the case (set by assignment): billing, technical or escalations. */
    team: p.string().nullable(),
    context: p.json<Record<string, unknown>>().nullable(),
    workState: p.enum([...WORK_STATES]).default('IDLE'),
    /** Highest event sequence number reserved for this case (hi/lo: never reused after a crash). */
    seqReserved: p.integer().default(0),
    /** Tokens and cost spent on the case so far (all messages). */
    promptTokens: p.integer().default(0),
    completionTokens: p.integer().default(0),
    costUsd: p.float().default(0),
    /** A running summary of the conversation beyond the memory budget. */
    summary: p.text().nullable(),
    /** How many of the oldest messages the summary covers. */
    summarizedCount: p.integer().default(0),
    /** Set when a security event (guardrail trip, injection attempt) touched the case. */
    securityFlag: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    firstResponseAt: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
  },
});
export type ICase = InferEntity<typeof Case>;
