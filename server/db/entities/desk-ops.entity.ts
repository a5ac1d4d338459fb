import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Case } from './case.entity.js';

export const TEAMS = ['billing', 'technical', 'escalations'] as const;
export type Team = (typeof TEAMS)[number];
export const AVAILABILITIES = ['online', 'away', 'offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];
const OPERATOR_ROLES = ['operator', 'admin'] as const;

/** A person who works cases: id is the `sub` of their token. */
export const Operator = defineEntity({
  name: 'Operator',
  tableName: 'operators',
  indexes: [{ properties: ['team', 'availability'] }],
  properties: {
    id: p.string().primary(),
    name: p.string(),
    email: p.string().nullable(),
    role: p.enum([...OPERATOR_ROLES]).default('operator'),
    team: p.enum([...TEAMS]).nullable(),
    availability: p.enum([...AVAILABILITIES]).default('offline'),
    /** How many open cases auto-assignment may give this operator at once. */
    capacity: p.integer().default(5),
    /** When auto-assignment last gave this operator a case (round-robin order). */
    lastAssignedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IOperator = InferEntity<typeof Operator>;

/** An internal note on a case: staff only, never shown to the customer nor sent to a model. */
export const CaseNote = defineEntity({
  name: 'CaseNote',
  tableName: 'case_notes',
  indexes: [{ properties: ['case', 'createdAt'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    case: () => p.manyToOne(Case),
    authorId: p.string(),
    authorName: p.string(),
    body: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ICaseNote = InferEntity<typeof CaseNote>;

/** A label of the desk's label set (admins manage it). */
export const Label = defineEntity({
  name: 'Label',
  tableName: 'labels',
  properties: {
    name: p.string().primary(),
    color: p.string().default('#64748b'),
    description: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ILabel = InferEntity<typeof Label>;

/** A label on a case. */
export const CaseLabel = defineEntity({
  name: 'CaseLabel',
  tableName: 'case_labels',
  uniques: [{ properties: ['case', 'label'] }],
  indexes: [{ properties: ['label'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    case: () => p.manyToOne(Case),
    label: () => p.manyToOne(Label).deleteRule('cascade'),
    addedBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** What a canned response does besides replying. */
export interface CannedActions {
  status?: string | null;
  addLabel?: string | null;
}

/** A canned response (macro): a reply template with optional actions. */
export const CannedResponse = defineEntity({
  name: 'CannedResponse',
  tableName: 'canned_responses',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    title: p.string().unique(),
    body: p.text(),
    actions: p.json<CannedActions>(),
    createdBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ICannedResponse = InferEntity<typeof CannedResponse>;

/** A customer's rating of a resolution (one per resolution: the case and its resolvedAt). */
export const CaseRating = defineEntity({
  name: 'CaseRating',
  tableName: 'case_ratings',
  uniques: [{ properties: ['case', 'resolvedAt'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    case: () => p.manyToOne(Case),
    customerId: p.string(),
    score: p.integer(),
    comment: p.text().nullable(),
    resolvedAt: p.datetime(),
    createdAt: p
      .datetime()
      .onCreate(() => new Date())
      .index(),
  },
});
export type ICaseRating = InferEntity<typeof CaseRating>;

/** A search an operator saved, by name. */
export const SavedView = defineEntity({
  name: 'SavedView',
  tableName: 'saved_views',
  uniques: [{ properties: ['operatorId', 'name'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    operatorId: p.string(),
    name: p.string(),
    filter: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ISavedView = InferEntity<typeof SavedView>;
