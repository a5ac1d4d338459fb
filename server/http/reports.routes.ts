/**
 * `GET /reports/cases.csv?from=&to=&by=`: the case report as CSV. It runs the `caseReport` query
 * through Yoga, so auth (staff only), rate limits and coded errors are the GraphQL API's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphqlRunner } from './graphql-runner.js';
import { restErrorOf, sendError, sendJson } from './rest-errors.js';

const QUERY = `query CaseReportCsv($from: DateTime!, $to: DateTime!, $by: ReportGroup!) {
  caseReport(from: $from, to: $to, by: $by) {
    from to by
    rows { ...row }
    total { ...row }
  }
}
fragment row on ReportRow {
  key cases resolved firstResponseP50Sec firstResponseP90Sec resolutionP50Sec resolutionP90Sec
  aiResolved aiResolvedShare escalated escalationRate csatCount csatAverage slaBreaches
}`;

/** A row of the report as the query answers it. */
type ReportRow = Record<string, string | number | null>;
/** The report as the query answers it. */
interface Report {
  from: string;
  to: string;
  by: string;
  rows: ReportRow[];
  total: ReportRow;
}

const CSV_COLUMNS = [
  'key',
  'cases',
  'resolved',
  'firstResponseP50Sec',
  'firstResponseP90Sec',
  'resolutionP50Sec',
  'resolutionP90Sec',
  'aiResolved',
  'aiResolvedShare',
  'escalated',
  'escalationRate',
  'csatCount',
  'csatAverage',
  'slaBreaches',
] as const;

/** A report as CSV (RFC 4180): a header, a row per group, then the total. */
function reportCsv(report: Report): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    // A leading = + - @ would be a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = [report.by.toLowerCase(), ...CSV_COLUMNS.slice(1)].join(',');
  const lines = [...report.rows, report.total].map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

/** Creates the handler; it returns false for any other path. */
export function createReportRoutes(deps: { runner: GraphqlRunner }) {
  return (req: IncomingMessage, res: ServerResponse, requestId: string): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/reports/cases.csv') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'Use GET', code: 'METHOD_NOT_ALLOWED' }, { allow: 'GET, HEAD' });
      return true;
    }
    const by = (url.searchParams.get('by') ?? 'day').toUpperCase();
    const variables = { from: url.searchParams.get('from'), to: url.searchParams.get('to'), by };
    void deps.runner
      .run<{ caseReport: Report }>({ query: QUERY, operationName: 'CaseReportCsv', variables }, { req, requestId })
      .then((result) => {
        if (result.errors?.length || !result.data) {
          sendError(res, restErrorOf(result.errors ?? []));
          return;
        }
        const r = result.data.caseReport;
        const csv = reportCsv(r);
        const name = `cases-${by.toLowerCase()}-${r.from.slice(0, 10)}-${r.to.slice(0, 10)}.csv`;
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : csv);
      })
      .catch(() => sendError(res, { message: 'Internal error', code: 'INTERNAL_SERVER_ERROR' }));
    return true;
  };
}
