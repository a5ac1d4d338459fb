/// <reference lib="dom" />
/** Small shared pieces: error notes with a rate-limit countdown, a bar chart (uPlot). */
import { createElement as h, type ReactNode, useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { asDeskError, plainError } from './api.js';

/** Seconds left until `until` (ms timestamp), ticking once a second; 0 when passed. */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until || until <= Date.now()) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

/** An error the page shows, with when it may be retried (RATE_LIMITED). */
export interface ShownError {
  text: string;
  retryAt: number | null;
}

export function toShownError(err: unknown, what?: string): ShownError {
  const e = asDeskError(err);
  const retryAt = e.code === 'RATE_LIMITED' ? Date.now() + (e.retryAfter ?? 5) * 1000 : null;
  return { text: plainError(e, what), retryAt };
}

export function ErrorNote(props: { error: ShownError | null; testId?: string }): ReactNode {
  const left = useCountdown(props.error?.retryAt ?? null);
  if (!props.error) return null;
  return h(
    'div',
    { className: 'error', role: 'status', 'data-testid': props.testId ?? 'error' },
    props.error.text,
    props.error.retryAt
      ? h(
          'span',
          { className: 'countdown', 'data-testid': 'retry-countdown' },
          left > 0 ? ` You can try again in ${left} s.` : ' You can try again now.',
        )
      : null,
  );
}

export interface BarSeries {
  name: string;
  color: string;
}

export interface BarRow {
  label: string;
  values: (number | null)[];
}

const CHART_HEIGHT = 190;
const TEXT_COLOR = '#26313b';
const GRID_COLOR = '#e3e8ee';
/** Y-axis steps for counts: whole numbers only. */
const INTEGER_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/**
 * A bar chart drawn by uPlot (canvas): one group per category, one bar per series, the value over
 * each bar. The chart is made once per set of series and categories and fed new data in place, so
 * it follows live updates without being rebuilt; it follows its container's width too.
 */
export function BarChart(props: {
  title: string;
  series: BarSeries[];
  rows: BarRow[];
  format?: (n: number) => string;
  integer?: boolean;
  testId?: string;
}): ReactNode {
  const fmt = props.format ?? ((n: number) => String(n));
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  // What the axes and value labels read when uPlot draws; kept current on every render.
  const live = useRef({ rows: props.rows, fmt });
  live.current = { rows: props.rows, fmt };
  const labels = props.rows.map((r) => r.label);
  const shape = JSON.stringify([labels, props.series, props.integer ?? false]);
  const data: uPlot.AlignedData = [
    props.rows.map((_, i) => i),
    ...props.series.map((_, si) => props.rows.map((r) => r.values[si] ?? null)),
  ];

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const [labels, series]: [string[], BarSeries[]] = JSON.parse(shape);
    const count = labels.length;
    const grouped = series.length === 2;
    // uPlot's types mark its path builders optional; the bundled build always has them.
    const barPaths = uPlot.paths.bars;
    if (!barPaths) return;
    // Canvas-pixel boxes of the bars drawn, for the value labels.
    let bars: { si: number; i: number; left: number; top: number; width: number; height: number }[] = [];
    const font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
    const opts: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height: CHART_HEIGHT,
      padding: [18, 8, 0, 4],
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: () => [-0.5, Math.max(0, count - 1) + 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] },
      },
      axes: [
        {
          stroke: TEXT_COLOR,
          grid: { show: false },
          ticks: { show: false },
          splits: () => live.current.rows.map((_, i) => i),
          values: (_u, splits) => splits.map((i) => live.current.rows[i]?.label ?? ''),
        },
        {
          stroke: TEXT_COLOR,
          grid: { stroke: GRID_COLOR, width: 1 },
          ticks: { show: false },
          size: 56,
          ...(JSON.parse(shape)[2] ? { incrs: INTEGER_STEPS } : {}),
          values: (_u, splits) => splits.map((v) => live.current.fmt(v)),
        },
      ],
      series: [
        {},
        ...series.map(
          (s, si): uPlot.Series => ({
            label: s.name,
            fill: s.color,
            stroke: s.color,
            width: 0,
            points: { show: false },
            paths: barPaths({
              size: grouped ? [0.36, 48] : [0.6, 64],
              align: grouped ? (si === 0 ? -1 : 1) : 0,
              radius: 0.1,
              each: (_u, seriesIdx, i, left, top, width, height) =>
                void bars.push({ si: seriesIdx - 1, i, left, top, width, height }),
            }),
          }),
        ),
      ],
      hooks: {
        drawClear: [
          () => {
            bars = [];
          },
        ],
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.font = font;
            ctx.fillStyle = TEXT_COLOR;
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            for (const b of bars) {
              const v = live.current.rows[b.i]?.values[b.si];
              if (v !== null && v !== undefined)
                ctx.fillText(live.current.fmt(v), b.left + b.width / 2, b.top - 2 * devicePixelRatio);
            }
            ctx.restore();
          },
        ],
      },
    };
    const plot = new uPlot(opts, [labels.map((_, i) => i), ...series.map(() => labels.map(() => null))], box);
    plotRef.current = plot;
    const resize = new ResizeObserver(() => {
      const w = Math.max(200, box.clientWidth);
      if (w !== plot.width) plot.setSize({ width: w, height: CHART_HEIGHT });
    });
    resize.observe(box);
    return () => {
      resize.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // `shape` stands for the labels and series: the chart is rebuilt only when they change.
  }, [shape]);

  // New figures: fed to the existing chart (runs after the effect above on the first render).
  const dataKey = JSON.stringify(data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a rebuilt chart (new shape) needs its data again.
  useEffect(() => {
    plotRef.current?.setData(JSON.parse(dataKey) as uPlot.AlignedData);
  }, [dataKey, shape]);

  const summary = props.rows
    .map(
      (r) =>
        `${r.label}: ${r.values.map((v, i) => `${props.series[i]?.name ?? ''} ${v === null ? 'n/a' : fmt(v)}`).join(', ')}`,
    )
    .join('; ');
  return h(
    'figure',
    { className: 'chart', 'data-testid': props.testId },
    h('figcaption', null, props.title),
    props.series.length > 1
      ? h(
          'div',
          { className: 'legend' },
          props.series.map((s) => h('span', { key: s.name }, h('i', { style: { background: s.color } }), s.name)),
        )
      : null,
    h('div', {
      ref: boxRef,
      className: 'chart-plot',
      role: 'img',
      'aria-label': `${props.title}. ${summary}`,
      'data-testid': props.testId ? `${props.testId}-plot` : undefined,
    }),
    props.rows.length === 0 ? h('p', { className: 'muted' }, 'No data yet.') : null,
  );
}
