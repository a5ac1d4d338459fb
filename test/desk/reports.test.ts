/** Reports: figures from stored cases over GraphQL and as CSV over real HTTP, staff only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { storeCases } from '../helpers/cases.js';
import { until } from '../helpers/until.js';

const OP = { 'x-operator-id': 'sam' };
const SUBMIT = /* GraphQL */ `
  mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const CASE = /* GraphQL */ `
  query($id: ID!) { case(id: $id) { status route assignee agentName team createdAt firstResponseAt resolvedAt } }
`;
const REPORT = /* GraphQL */ `
  query($from: DateTime!, $to: DateTime!, $by: ReportGroup!) {
    caseReport(from: $from, to: $to, by: $by) {
      by
      rows { key cases resolved aiResolved aiResolvedShare escalated escalationRate csatCount csatAverage slaBreaches firstResponseP50Sec firstResponseP90Sec resolutionP50Sec resolutionP90Sec }
      total { key cases resolved aiResolved aiResolvedShare escalated escalationRate csatCount csatAverage slaBreaches firstResponseP50Sec firstResponseP90Sec resolutionP50Sec resolutionP90Sec }
    }
  }
`;

/** The nearest-rank percentile, computed here independently of the server. */
function nearestRank(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil((p / 100) * s.length) - 1];
}

describe('reports', () => {
  let t: TestApp;
  let from: string;
  let to: string;
  const ids: Record<'ai' | 'human' | 'escalated', string> = { ai: '', human: '', escalated: '' };

  beforeAll(async () => {
    t = await startTestApp({ SLA_POLL_MS: '600000' });
    from = new Date(Date.now() - 60_000).toISOString();
    const open = async (message: string) => {
      const r = await t.gql(SUBMIT, { input: { message } });
      const id = r.data.submitRequest.case.id;
      await until(async () => (await t.gql(CASE, { id }, OP)).data.case.firstResponseAt);
      return id;
    };
    ids.ai = await open('How do I reset my hub to factory settings?');
    ids.human = await open('Why was I charged twice on my last invoice?');
    ids.escalated = await open('My internet has been down since this morning');
    // Resolved by the agents' answer alone.
    await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status } }`,
      { c: ids.ai },
      OP,
    );
    // An operator wrote to the customer before resolving: not AI-resolved.
    const reply = await t.gql(
      `mutation($c: ID!) { replyAsOperator(caseId: $c, message: "I have refunded the duplicate charge.") { id } }`,
      { c: ids.human },
      OP,
    );
    expect(reply.errors).toBeUndefined();
    await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status } }`,
      { c: ids.human },
      OP,
    );
    await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, status: ESCALATED }) { status } }`,
      { c: ids.escalated },
      OP,
    );
    expect(
      (await t.gql(`mutation($c: ID!) { rateCase(caseId: $c, score: 5) { score } }`, { c: ids.ai })).errors,
    ).toBeUndefined();
    expect(
      (await t.gql(`mutation($c: ID!) { rateCase(caseId: $c, score: 2) { score } }`, { c: ids.human })).errors,
    ).toBeUndefined();
    to = new Date(Date.now() + 60_000).toISOString();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('reports volume, times, AI share, escalations and CSAT from the stored cases', async () => {
    const cases = await Promise.all(Object.values(ids).map(async (id) => (await t.gql(CASE, { id }, OP)).data.case));
    const secs = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 1000;
    const fr = cases.map((c) => secs(c.createdAt, c.firstResponseAt));
    const res = cases.filter((c) => c.resolvedAt).map((c) => secs(c.createdAt, c.resolvedAt));

    const r = await t.gql(REPORT, { from, to, by: 'ROUTE' }, OP);
    expect(r.errors).toBeUndefined();
    const { total, rows } = r.data.caseReport;
    expect(total).toMatchObject({
      key: 'total',
      cases: 3,
      resolved: 2,
      aiResolved: 1,
      aiResolvedShare: 0.5,
      escalated: 1,
      escalationRate: 0.3333,
      csatCount: 2,
      csatAverage: 3.5,
      slaBreaches: 0,
    });
    expect(total.firstResponseP50Sec).toBeCloseTo(nearestRank(fr, 50), 2);
    expect(total.firstResponseP90Sec).toBeCloseTo(nearestRank(fr, 90), 2);
    expect(total.resolutionP50Sec).toBeCloseTo(nearestRank(res, 50), 2);
    expect(total.resolutionP90Sec).toBeCloseTo(nearestRank(res, 90), 2);
    // One row per route the cases took, adding up to the total.
    const routes = [...new Set(cases.map((c) => c.route?.toLowerCase() ?? 'unrouted'))].sort();
    expect(rows.map((x: any) => x.key)).toEqual(routes);
    expect(rows.reduce((a: number, x: any) => a + x.cases, 0)).toBe(3);

    const byOperator = await t.gql(REPORT, { from, to, by: 'OPERATOR' }, OP);
    // Replying takes the case: sam has the one he answered, the others nobody.
    expect(cases.map((c) => c.assignee)).toEqual([null, 'sam', null]);
    expect(byOperator.data.caseReport.rows.map((x: any) => [x.key, x.cases, x.aiResolved, x.csatAverage])).toEqual([
      ['sam', 1, 0, 2],
      ['unassigned', 2, 1, 5],
    ]);
    for (const [by, field] of [
      ['AGENT', 'agentName'],
      ['TEAM', 'team'],
    ] as const) {
      const grouped = await t.gql(REPORT, { from, to, by }, OP);
      const keys = [...new Set(cases.map((c) => c[field] ?? 'none'))].sort();
      expect(
        grouped.data.caseReport.rows.map((x: any) => x.key),
        by,
      ).toEqual(keys);
    }
    const byDay = await t.gql(REPORT, { from, to, by: 'DAY' }, OP);
    expect(byDay.data.caseReport.rows.map((x: any) => x.key)).toEqual([
      ...new Set(cases.map((c) => c.createdAt.slice(0, 10))),
    ]);

    // A range before the cases has none.
    const earlier = await t.gql(REPORT, { from: '2020-01-01T00:00:00Z', to: '2020-01-31T00:00:00Z', by: 'DAY' }, OP);
    expect(earlier.data.caseReport).toMatchObject({
      rows: [],
      total: { cases: 0, aiResolvedShare: null, csatAverage: null },
    });
  });

  it('refuses customers and bad ranges', async () => {
    expect((await t.gql(REPORT, { from, to, by: 'DAY' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const backwards = await t.gql(REPORT, { from: to, to: from, by: 'DAY' }, OP);
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const long = await t.gql(REPORT, { from: '2020-01-01T00:00:00Z', to: '2022-01-01T00:00:00Z', by: 'DAY' }, OP);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('exports the report as CSV over HTTP for staff', async () => {
    const base = t.running.url.replace(/\/graphql$/, '');
    const url = `${base}/reports/cases.csv?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&by=route`;
    const res = await fetch(url, { headers: authHeaders(OP) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="cases-route-\d{4}-\d{2}-\d{2}-/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'route,cases,resolved,firstResponseP50Sec,firstResponseP90Sec,resolutionP50Sec,resolutionP90Sec,aiResolved,aiResolvedShare,escalated,escalationRate,csatCount,csatAverage,slaBreaches',
    );
    const gql = (await t.gql(REPORT, { from, to, by: 'ROUTE' }, OP)).data.caseReport;
    expect(lines).toHaveLength(gql.rows.length + 2);
    const last = lines.at(-1)!.split(',');
    expect(last.slice(0, 3)).toEqual(['total', '3', '2']);
    expect(last.slice(7)).toEqual(['1', '0.5', '1', '0.3333', '2', '3.5', '0']);

    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: authHeaders({ 'x-customer-id': 'cust-ava' }) })).status).toBe(403);
    const bad = await fetch(url.replace('by=route', 'by=weather'), { headers: authHeaders(OP) });
    expect(bad.status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers: authHeaders(OP) })).status).toBe(405);
  });

  it('buckets days in the business time zone, around its midnight', async () => {
    const hours = await t.gql(
      `mutation { setBusinessHours(input: { timezone: "America/New_York", days: [{ weekday: 1, intervals: [{ from: "09:00", to: "17:00" }] }] }) { timezone } }`,
      {},
      { 'x-admin-id': 'ada' },
    );
    expect(hours.errors).toBeUndefined();
    // 23:30 on 2 November and 00:30 on 3 November in New York (EST, UTC-5): both on 3 November in UTC.
    await storeCases(
      t.running.orm,
      ['2026-11-03T04:30:00Z', '2026-11-03T05:30:00Z'].map((at) => ({
        subject: `Opened at ${at}`,
        createdAt: new Date(at),
      })),
    );
    const r = await t.gql(
      `query($from: DateTime!, $to: DateTime!) { caseReport(from: $from, to: $to, by: DAY) { timezone rows { key cases } } }`,
      { from: '2026-11-02T00:00:00Z', to: '2026-11-04T00:00:00Z' },
      OP,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.caseReport).toEqual({
      timezone: 'America/New_York',
      rows: [
        { key: '2026-11-02', cases: 1 },
        { key: '2026-11-03', cases: 1 },
      ],
    });
  });
});
