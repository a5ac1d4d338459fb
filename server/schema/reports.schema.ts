/** Reports (staff): volume, response and resolution times, AI share, escalations, CSAT and SLA breaches. */
import { REPORT_GROUPS, type ReportRow } from '../desk/reports.service.js';
import { builder } from './builder.js';

const ReportGroupEnum = builder.enumType('ReportGroup', { values: [...REPORT_GROUPS] as const });

const ReportRowType = builder.objectRef<ReportRow>('ReportRow').implement({
  description: 'Figures of a group of cases (by the day, route, agent, operator or team), or of all',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'The day (yyyy-mm-dd, in the report’s time zone), route, agent, operator id or team',
    }),
    cases: t.exposeInt('cases', { description: 'Cases opened' }),
    resolved: t.exposeInt('resolved'),
    firstResponseP50Sec: t.exposeFloat('firstResponseP50Sec', { nullable: true }),
    firstResponseP90Sec: t.exposeFloat('firstResponseP90Sec', { nullable: true }),
    resolutionP50Sec: t.exposeFloat('resolutionP50Sec', { nullable: true }),
    resolutionP90Sec: t.exposeFloat('resolutionP90Sec', { nullable: true }),
    aiResolved: t.exposeInt('aiResolved', { description: 'Resolved with no operator message' }),
    aiResolvedShare: t.exposeFloat('aiResolvedShare', { nullable: true, description: 'aiResolved / resolved' }),
    escalated: t.exposeInt('escalated'),
    escalationRate: t.exposeFloat('escalationRate', { nullable: true, description: 'escalated / cases' }),
    csatCount: t.exposeInt('csatCount'),
    csatAverage: t.exposeFloat('csatAverage', { nullable: true }),
    slaBreaches: t.exposeInt('slaBreaches', { description: 'Targets missed (first response and resolution)' }),
  }),
});

const CaseReportType = builder.simpleObject('CaseReport', {
  fields: (t) => ({
    from: t.field({ type: 'DateTime' }),
    to: t.field({ type: 'DateTime' }),
    by: t.field({ type: ReportGroupEnum }),
    timezone: t.string({ description: 'The business time zone (of the SLA calendar) days are counted in' }),
    rows: t.field({ type: [ReportRowType] }),
    total: t.field({ type: ReportRowType }),
  }),
});

builder.queryFields((t) => ({
  caseReport: t.field({
    type: CaseReportType,
    description: 'Figures of the cases opened in [from, to), grouped (staff); CSV: GET /reports/cases.csv',
    authScopes: { staff: true },
    args: {
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      by: t.arg({ type: ReportGroupEnum, required: true }),
    },
    resolve: (_r, args, ctx) => ctx.desk.reports.report(ctx.em, args),
  }),
}));
