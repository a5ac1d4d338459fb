/// <reference lib="dom" />
/** A uPlot line chart over a time axis (one point per day), following its container's width. */
import { createElement as h, type ReactNode, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TimeSeries {
  name: string;
  color: string;
  values: (number | null)[];
}

const HEIGHT = 200;
const INTEGER_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

export function TimeChart(props: {
  title: string;
  /** Unix seconds, one per point. */
  times: number[];
  series: TimeSeries[];
  format?: (n: number) => string;
  /** Counts: whole-number steps on the y axis. */
  integer?: boolean;
  testId?: string;
}): ReactNode {
  const boxRef = useRef<HTMLDivElement>(null);
  const fmt = props.format ?? ((n: number) => String(Math.round(n * 100) / 100));
  const fmtRef = useRef(fmt);
  fmtRef.current = fmt;
  const shape = JSON.stringify([props.series.map((s) => [s.name, s.color]), props.integer ?? false]);
  const data: uPlot.AlignedData = [props.times, ...props.series.map((s) => s.values)];
  const dataKey = JSON.stringify(data);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const [series, integer]: [[string, string][], boolean] = JSON.parse(shape);
    const opts: uPlot.Options = {
      width: Math.max(240, box.clientWidth),
      height: HEIGHT,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { grid: { stroke: '#e3e8ee' } },
        {
          grid: { stroke: '#e3e8ee' },
          size: 56,
          ...(integer ? { incrs: INTEGER_STEPS } : {}),
          values: (_u, s) => s.map((v) => fmtRef.current(v)),
        },
      ],
      series: [
        {},
        ...series.map(
          ([name, color]): uPlot.Series => ({
            label: name,
            stroke: color,
            width: 2,
            points: { show: true, size: 5 },
            value: (_u, v) => (v === null || v === undefined ? '—' : fmtRef.current(v)),
          }),
        ),
      ],
    };
    const plot = new uPlot(opts, JSON.parse(dataKey) as uPlot.AlignedData, box);
    const resize = new ResizeObserver(() => {
      const w = Math.max(240, box.clientWidth);
      if (w !== plot.width) plot.setSize({ width: w, height: HEIGHT });
    });
    resize.observe(box);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
    // Rebuilt when the series or the figures change (a report is loaded, not streamed).
  }, [shape, dataKey]);

  const summary = props.series
    .map((s) => `${s.name}: ${s.values.map((v) => (v === null ? 'n/a' : fmt(v))).join(', ')}`)
    .join('; ');
  return h(
    'figure',
    { className: 'chart', 'data-testid': props.testId },
    h('figcaption', null, props.title),
    h('div', {
      ref: boxRef,
      className: 'chart-plot',
      role: 'img',
      'aria-label': `${props.title}. ${summary}`,
      'data-testid': props.testId ? `${props.testId}-plot` : undefined,
    }),
  );
}
