import { defineEntity, p } from '@mikro-orm/core';
import { Case } from './case.entity.js';

/** A stored, numbered event of a case (token deltas are live-only and not stored). */
export const CaseEventRecord = defineEntity({
  name: 'CaseEventRecord',
  tableName: 'case_events',
  uniques: [{ properties: ['case', 'seq'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    case: () => p.manyToOne(Case).index(false),
    seq: p.integer(),
    type: p.string(),
    payload: p.json<Record<string, unknown>>(),
    at: p.datetime(),
  },
});
