/// <reference lib="dom" />
/**
 * The reports page: figures of the cases opened in a date range from stored data (volume, first
 * response and resolution p50/p90, AI-resolved share, escalations, CSAT, SLA breaches), by day on
 * time-axis charts and by route, agent, operator or team in a table; CSV from /reports/cases.csv.
 */
import { type ChangeEvent, createElement as h, type ReactNode, useCallback, useEffect, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { label } from './api.js';
import { TimeChart } from './time-chart.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';
import { businessTimezone, type CaseReport, caseReport, type ReportGroup, type ReportRow } from './workspace-api.js';
import { daysFrom, nextDay, zonedDay, zonedMidnight } from './zoned-day.js';

const DAY_MS = 86_400_000;
const GROUPS: ReportGroup[] = ['ROUTE', 'AGENT', 'OPERATOR', 'TEAM', 'DAY'];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
function dur(sec: number | null): string {
  if (sec === null) return '—';
  if (sec < 90) return `${Math.round(sec)} s`;
  if (sec < 5400) return `${Math.round(sec / 60)} min`;
  return `${(sec / 3600).toFixed(1)} h`;
}

/** One value per day of the range (days of the report's time zone), 0/null where the report has no row. */
function byDay(report: CaseReport, pick: (r: ReportRow) => number | null, empty: number | null) {
  const rows = new Map(report.rows.map((r) => [r.key, r]));
  const tz = report.timezone;
  const days = daysFrom(zonedDay(Date.parse(report.from), tz), zonedDay(Date.parse(report.to) - 1, tz));
  // Each day at 00:00 UTC on the time axis: the chart labels the date, whatever the browser's zone.
  const times = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const values = days.map((d) => {
    const r = rows.get(d);
    return r ? pick(r) : empty;
  });
  return { times, values };
}

function Tile(props: { title: string; value: string; testId: string }) {
  return h(
    'div',
    { className: 'tile', 'data-testid': props.testId },
    h('span', { className: 'muted small' }, props.title),
    h('strong', null, props.value),
  );
}

export function ReportsPage(props: { desk: DeskClient }): ReactNode {
  const { desk } = props;
  const today = Date.parse(`${isoDay(Date.now())}T00:00:00Z`);
  const [from, setFrom] = useState(isoDay(today - 13 * DAY_MS));
  const [to, setTo] = useState(isoDay(today));
  const [by, setBy] = useState<ReportGroup>('ROUTE');
  const [daily, setDaily] = useState<CaseReport | null>(null);
  const [grouped, setGrouped] = useState<CaseReport | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [downloading, setDownloading] = useState(false);
  // The desk's business time zone: days, and so the range, are its days (null until known).
  const [timezone, setTimezone] = useState<string | null>(null);
  useEffect(() => {
    businessTimezone(desk).then(
      (tz) => {
        setTimezone(tz);
        const today = zonedDay(Date.now(), tz);
        setTo(today);
        setFrom(isoDay(Date.parse(`${today}T00:00:00Z`) - 13 * DAY_MS));
      },
      (err: unknown) => setError(toShownError(err, 'The business time zone')),
    );
  }, [desk]);

  // The range is whole days of the business time zone, `to` included.
  const range = useCallback(() => {
    const tz = timezone ?? 'UTC';
    const start = new Date(zonedMidnight(from, tz)).toISOString();
    const end = new Date(zonedMidnight(nextDay(to), tz)).toISOString();
    return { start, end };
  }, [from, to, timezone]);

  const load = useCallback(async () => {
    if (!timezone) return;
    const { start, end } = range();
    if (!(Date.parse(start) < Date.parse(end))) {
      setError({ text: 'The start date must be on or before the end date.', retryAt: null });
      return;
    }
    try {
      const [d, g] = await Promise.all([caseReport(desk, 'DAY', start, end), caseReport(desk, by, start, end)]);
      setDaily(d);
      setGrouped(g);
      setError(null);
    } catch (err) {
      setError(toShownError(err, 'The report'));
    }
  }, [desk, by, range, timezone]);
  useEffect(() => {
    void load();
  }, [load]);

  const download = async () => {
    const { start, end } = range();
    setDownloading(true);
    try {
      const token = await desk.token();
      const q = new URLSearchParams({ from: start, to: end, by: by.toLowerCase() });
      const res = await fetch(`/reports/cases.csv?${q}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'cases.csv';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError({ text: `The CSV could not be downloaded: ${(err as Error).message}`, retryAt: null });
    } finally {
      setDownloading(false);
    }
  };

  const t = grouped?.total ?? daily?.total ?? null;
  const volume = daily ? byDay(daily, (r) => r.cases, 0) : null;
  return h(
    'div',
    { className: 'page-body reports', 'data-testid': 'reports-page' },
    h(
      'div',
      { className: 'row filters' },
      h(
        'span',
        { className: 'field' },
        h('label', { htmlFor: 'r-from' }, 'From'),
        h('input', {
          id: 'r-from',
          type: 'date',
          value: from,
          onChange: (e: ChangeEvent<HTMLInputElement>) => setFrom(e.currentTarget.value),
          'data-testid': 'report-from',
        }),
      ),
      h(
        'span',
        { className: 'field' },
        h('label', { htmlFor: 'r-to' }, 'To'),
        h('input', {
          id: 'r-to',
          type: 'date',
          value: to,
          onChange: (e: ChangeEvent<HTMLInputElement>) => setTo(e.currentTarget.value),
          'data-testid': 'report-to',
        }),
      ),
      h(
        'span',
        { className: 'field' },
        h('label', { htmlFor: 'r-by' }, 'Table by'),
        h(
          'select',
          {
            id: 'r-by',
            value: by,
            onChange: (e: ChangeEvent<HTMLSelectElement>) => setBy(e.currentTarget.value as ReportGroup),
            'data-testid': 'report-by',
          },
          GROUPS.map((g) => h('option', { key: g, value: g }, label(g))),
        ),
      ),
      h('button', { type: 'button', onClick: () => void load(), 'data-testid': 'report-refresh' }, 'Refresh'),
      h(
        'button',
        { type: 'button', onClick: () => void download(), disabled: downloading, 'data-testid': 'report-csv' },
        downloading ? 'Downloading…' : 'Download CSV',
      ),
      timezone
        ? h('span', { className: 'muted small', 'data-testid': 'report-timezone' }, `Days in ${timezone}`)
        : null,
    ),
    h(ErrorNote, { error, testId: 'report-error' }),
    t
      ? h(
          'div',
          { className: 'tiles' },
          h(Tile, { title: 'Cases', value: String(t.cases), testId: 'report-total-cases' }),
          h(Tile, { title: 'Resolved', value: String(t.resolved), testId: 'report-total-resolved' }),
          h(Tile, { title: 'AI-resolved', value: pct(t.aiResolvedShare), testId: 'report-total-ai' }),
          h(Tile, { title: 'Escalation rate', value: pct(t.escalationRate), testId: 'report-total-escalation' }),
          h(Tile, {
            title: 'First response p50 / p90',
            value: `${dur(t.firstResponseP50Sec)} / ${dur(t.firstResponseP90Sec)}`,
            testId: 'report-total-frt',
          }),
          h(Tile, {
            title: 'Resolution p50 / p90',
            value: `${dur(t.resolutionP50Sec)} / ${dur(t.resolutionP90Sec)}`,
            testId: 'report-total-resolution',
          }),
          h(Tile, {
            title: `CSAT (${t.csatCount} ratings)`,
            value: t.csatAverage === null ? '—' : t.csatAverage.toFixed(1),
            testId: 'report-total-csat',
          }),
          h(Tile, { title: 'SLA breaches', value: String(t.slaBreaches), testId: 'report-total-sla' }),
        )
      : null,
    daily && volume
      ? h(
          'section',
          { className: 'charts' },
          h(TimeChart, {
            title: 'Cases per day',
            times: volume.times,
            series: [
              { name: 'Opened', color: '#1d5fa8', values: volume.values },
              { name: 'Resolved', color: '#2e7d32', values: byDay(daily, (r) => r.resolved, 0).values },
              { name: 'Escalated', color: '#b45309', values: byDay(daily, (r) => r.escalated, 0).values },
            ],
            format: (n) => String(Math.round(n)),
            integer: true,
            testId: 'chart-volume',
          }),
          h(TimeChart, {
            title: 'First response time (minutes)',
            times: volume.times,
            series: [
              {
                name: 'p50',
                color: '#1d5fa8',
                values: byDay(daily, (r) => (r.firstResponseP50Sec === null ? null : r.firstResponseP50Sec / 60), null)
                  .values,
              },
              {
                name: 'p90',
                color: '#a3161a',
                values: byDay(daily, (r) => (r.firstResponseP90Sec === null ? null : r.firstResponseP90Sec / 60), null)
                  .values,
              },
            ],
            testId: 'chart-frt',
          }),
          h(TimeChart, {
            title: 'CSAT average',
            times: volume.times,
            series: [{ name: 'CSAT', color: '#6a1b9a', values: byDay(daily, (r) => r.csatAverage, null).values }],
            testId: 'chart-csat',
          }),
        )
      : null,
    grouped
      ? h(
          'div',
          { className: 'table-wrap' },
          h(
            'table',
            { className: 'report-table', 'data-testid': 'report-table' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                [
                  label(grouped.by),
                  'Cases',
                  'Resolved',
                  'AI-resolved',
                  'Escalated',
                  'FRT p50',
                  'FRT p90',
                  'Res. p50',
                  'Res. p90',
                  'CSAT',
                  'SLA breaches',
                ].map((c) => h('th', { key: c, scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              null,
              [...grouped.rows, { ...grouped.total, key: 'Total' }].map((r) =>
                h(
                  'tr',
                  { key: r.key, 'data-testid': 'report-row', 'data-key': r.key },
                  h(
                    'th',
                    { scope: 'row' },
                    grouped.by === 'ROUTE' || grouped.by === 'TEAM' || grouped.by === 'AGENT' ? label(r.key) : r.key,
                  ),
                  h('td', null, r.cases),
                  h('td', null, r.resolved),
                  h('td', null, pct(r.aiResolvedShare)),
                  h('td', null, r.escalated),
                  h('td', null, dur(r.firstResponseP50Sec)),
                  h('td', null, dur(r.firstResponseP90Sec)),
                  h('td', null, dur(r.resolutionP50Sec)),
                  h('td', null, dur(r.resolutionP90Sec)),
                  h('td', null, r.csatAverage === null ? '—' : `${r.csatAverage.toFixed(1)} (${r.csatCount})`),
                  h('td', null, r.slaBreaches),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
