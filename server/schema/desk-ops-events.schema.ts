/** The desk operations' events on the staff desk stream: notes, labels, ratings, operators. */
import type { DeskEvent } from '../events.js';
import { builder } from './builder.js';
import { DeskEventInterface } from './events.schema.js';

type DEv<T extends DeskEvent['type']> = Extract<DeskEvent, { type: T }>;

builder.objectRef<DEv<'NOTE_ADDED'>>('NoteAdded').implement({
  description: 'An internal note was added to a case (staff only; never on the customer’s stream)',
  interfaces: [DeskEventInterface],
  fields: (t) => ({
    caseId: t.exposeID('caseId'),
    noteId: t.exposeID('noteId'),
    authorId: t.exposeString('authorId'),
    authorName: t.exposeString('authorName'),
    body: t.exposeString('body'),
  }),
});
builder.objectRef<DEv<'LABELS_CHANGED'>>('LabelsChanged').implement({
  description: 'A case’s labels changed',
  interfaces: [DeskEventInterface],
  fields: (t) => ({ caseId: t.exposeID('caseId'), labels: t.exposeStringList('labels'), by: t.exposeString('by') }),
});
builder.objectRef<DEv<'CASE_RATED'>>('CaseRated').implement({
  description: 'A customer rated a resolved case',
  interfaces: [DeskEventInterface],
  fields: (t) => ({
    caseId: t.exposeID('caseId'),
    score: t.exposeInt('score'),
    comment: t.exposeString('comment', { nullable: true }),
  }),
});
builder.objectRef<DEv<'OPERATOR_CHANGED'>>('OperatorChanged').implement({
  description: 'An operator was added or changed (availability, team, capacity)',
  interfaces: [DeskEventInterface],
  fields: (t) => ({
    operatorId: t.exposeID('operatorId'),
    name: t.exposeString('name'),
    team: t.exposeString('team', { nullable: true }),
    availability: t.exposeString('availability'),
    capacity: t.exposeInt('capacity'),
  }),
});
