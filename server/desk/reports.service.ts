/**
 * Reports from stored data, for cases opened in a date range and grouped by day, route, agent,
 * operator or team: volume, first response and resolution times (p50/p90), the AI-resolved share
 * (resolved with no operator message), escalation rate, CSAT and SLA breaches. Days are those of the
 * desk's business time zone (the SLA calendar's).
 */
import type { EntityManager } from '@mikro-orm/sqlite';
import { DateTime } from 'luxon';
import { Case, CaseEventRecord, CaseRating, CaseSla, Message } from '../db/entities/index.js';
import { BadInputError } from '../errors.js';
import type { SlaService } from './sla.service.js';

export const REPORT_GROUPS = ['DAY', 'ROUTE', 'AGENT', 'OPERATOR', 'TEAM'] as const;
/** What a report groups cases by. */
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** One row of a report (a group, or the total). */
export interface ReportRow {
  key: string;
  cases: number;
  resolved: number;
  firstResponseP50Sec: number | null;
  firstResponseP90Sec: number | null;
  resolutionP50Sec: number | null;
  resolutionP90Sec: number | null;
  aiResolved: number;
  /** AI-resolved cases over resolved cases (null when none was resolved). */
  aiResolvedShare: number | null;
  escalated: number;
  /** Escalated cases over cases. */
  escalationRate: number | null;
  csatCount: number;
  csatAverage: number | null;
  slaBreaches: number;
}

/** A report: its range and grouping, its rows (in key order) and the total. */
export interface Report {
  from: Date;
  to: Date;
  by: ReportGroup;
  /** The business time zone (of the SLA calendar) the days are in. */
  timezone: string;
  rows: ReportRow[];
  total: ReportRow;
}

const MAX_DAYS = 366;
const CHUNK = 500;

/** The p-th percentile (nearest rank) of some numbers, or null. */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (n: number | null, digits = 3) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

interface CaseFacts {
  key: string;
  firstResponseSec: number | null;
  resolutionSec: number | null;
  resolved: boolean;
  human: boolean;
  escalated: boolean;
  ratings: number[];
  breaches: number;
}

function summarise(key: string, facts: CaseFacts[]): ReportRow {
  const resolved = facts.filter((f) => f.resolved);
  const fr = facts.flatMap((f) => (f.firstResponseSec === null ? [] : [f.firstResponseSec]));
  const res = resolved.flatMap((f) => (f.resolutionSec === null ? [] : [f.resolutionSec]));
  const ratings = facts.flatMap((f) => f.ratings);
  const aiResolved = resolved.filter((f) => !f.human).length;
  const escalated = facts.filter((f) => f.escalated).length;
  return {
    key,
    cases: facts.length,
    resolved: resolved.length,
    firstResponseP50Sec: round(percentile(fr, 50)),
    firstResponseP90Sec: round(percentile(fr, 90)),
    resolutionP50Sec: round(percentile(res, 50)),
    resolutionP90Sec: round(percentile(res, 90)),
    aiResolved,
    aiResolvedShare: resolved.length ? round(aiResolved / resolved.length, 4) : null,
    escalated,
    escalationRate: facts.length ? round(escalated / facts.length, 4) : null,
    csatCount: ratings.length,
    csatAverage: ratings.length ? round(ratings.reduce((a, b) => a + b, 0) / ratings.length, 2) : null,
    slaBreaches: facts.reduce((a, f) => a + f.breaches, 0),
  };
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Creates the report service. */
export function createReportService(deps: { sla: Pick<SlaService, 'calendar'> }) {
  return {
    /** The report of cases opened in [from, to), grouped by `by`. */
    async report(em: EntityManager, input: { from: Date; to: Date; by: ReportGroup }): Promise<Report> {
      const { from, to, by } = input;
      if (Number.isNaN(from.getTime())) throw new BadInputError('from is not a date', 'from');
      if (Number.isNaN(to.getTime())) throw new BadInputError('to is not a date', 'to');
      if (to <= from) throw new BadInputError('to must be after from', 'to');
      if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000)
        throw new BadInputError(`a report covers at most ${MAX_DAYS} days`, 'to');
      if (!REPORT_GROUPS.includes(by)) throw new BadInputError(`by must be one of ${REPORT_GROUPS.join(', ')}`, 'by');

      const cases = await em.find(
        Case,
        { createdAt: { $gte: from, $lt: to } },
        {
          fields: [
            'id',
            'createdAt',
            'firstResponseAt',
            'resolvedAt',
            'status',
            'route',
            'agentName',
            'assignee',
            'team',
          ],
          orderBy: { createdAt: 'asc' },
        },
      );
      const { timezone } = await deps.sla.calendar(em);
      const ids = cases.map((c) => c.id);
      const human = new Set<string>();
      const escalated = new Set<string>();
      const ratings = new Map<string, number[]>();
      const breaches = new Map<string, number>();
      for (const part of chunks(ids)) {
        const msgs = await em.find(Message, { case: { $in: part }, authorKind: 'OPERATOR' }, { fields: ['case'] });
        for (const m of msgs) human.add(m.case.id);
        // Escalated by an agent, or put in ESCALATED by an operator.
        const esc = await em.find(
          CaseEventRecord,
          { case: { $in: part }, type: { $in: ['CASE_ESCALATED', 'STATUS_CHANGED'] } },
          { fields: ['case', 'type', 'payload'] },
        );
        for (const e of esc) if (e.type === 'CASE_ESCALATED' || e.payload.to === 'ESCALATED') escalated.add(e.case.id);
        for (const r of await em.find(CaseRating, { case: { $in: part } }, { fields: ['case', 'score'] }))
          ratings.set(r.case.id, [...(ratings.get(r.case.id) ?? []), r.score]);
        for (const s of await em.find(CaseSla, { caseId: { $in: part } }))
          breaches.set(s.caseId, Number(s.firstResponseBreached) + Number(s.resolutionBreached));
      }

      const keyOf = (c: (typeof cases)[number]): string => {
        switch (by) {
          case 'DAY':
            return DateTime.fromJSDate(c.createdAt, { zone: timezone }).toISODate() ?? '';
          case 'ROUTE':
            return c.route ?? 'unrouted';
          case 'AGENT':
            return c.agentName ?? 'none';
          case 'OPERATOR':
            return c.assignee ?? 'unassigned';
          default:
            return c.team ?? 'none';
        }
      };
      const facts: CaseFacts[] = cases.map((c) => {
        const resolved = !!c.resolvedAt && (c.status === 'RESOLVED' || c.status === 'CLOSED');
        return {
          key: keyOf(c),
          firstResponseSec: c.firstResponseAt ? (c.firstResponseAt.getTime() - c.createdAt.getTime()) / 1000 : null,
          resolutionSec: resolved && c.resolvedAt ? (c.resolvedAt.getTime() - c.createdAt.getTime()) / 1000 : null,
          resolved,
          human: human.has(c.id),
          escalated: escalated.has(c.id),
          ratings: ratings.get(c.id) ?? [],
          breaches: breaches.get(c.id) ?? 0,
        };
      });
      const groups = new Map<string, CaseFacts[]>();
      for (const f of facts) groups.set(f.key, [...(groups.get(f.key) ?? []), f]);
      const rows = [...groups.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, fs]) => summarise(k, fs));
      return { from, to, by, timezone, rows, total: summarise('total', facts) };
    },
  };
}

/** The report service. */
export type ReportService = ReturnType<typeof createReportService>;
