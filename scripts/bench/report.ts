/** Turns the measurements into the markdown report the bench prints. */
import type { FanOutResult } from './fan-out.js';
import type { IdleResult } from './idle-sockets.js';
import type { CaseSample } from './load.js';
import type { BenchOptions } from './options.js';
import type { RouterResult } from './router-bench.js';
import type { ClosedRow, OpenRow } from './stages.js';
import type { StartUpRun } from './start-up.js';
import { mean, median, percentile } from './stats.js';
import { type Cell, fmt, markdownTable } from './table.js';

/** The stages of the closed loop, in the order they run. */
export const STAGES = {
  sdk: '(a) openai SDK direct',
  relay: '(b) Yoga + graphql-ws relay',
  openai: '(c) crewdesk, openai provider',
  embedded: '(d) crewdesk, embedded engine',
  openaiBetter: '(e) = (c), SQLITE_DRIVER=better-sqlite3',
  embeddedBetter: '(f) = (d), SQLITE_DRIVER=better-sqlite3',
} as const;

/** Every measurement of one run. */
export interface BenchReport {
  opts: BenchOptions;
  machine: string;
  cores: number;
  router: RouterResult;
  closed: ClosedRow[];
  open: OpenRow[];
  fanOut: { label: string; result: FanOutResult }[];
  idle: IdleResult;
  startUp: { fresh: StartUpRun[]; existing: StartUpRun[] };
  /** Warnings and errors each server logged. */
  logs: { name: string; warnings: number; errors: number }[];
  elapsedMs: number;
}

/** p50 and p99 of time to first token, then of time to last token, in ms. */
function latencies(samples: CaseSample[]): string[] {
  const first = samples.map((x) => x.ttftMs);
  const last = samples.map((x) => x.ttltMs);
  return [first, first, last, last].map((xs, i) => fmt(percentile(xs, i % 2 ? 99 : 50), 1));
}

function closedTable(rows: ClosedRow[]): string {
  return markdownTable(
    [
      'stage',
      'c',
      'cases',
      'errors',
      'tokens/answer',
      'TTFT p50 ms',
      'TTFT p99 ms',
      'TTLT p50 ms',
      'TTLT p99 ms',
      'cases/s',
      'server CPU ms/case',
      'peak RSS MB',
    ],
    rows.map((r) => {
      const s = r.result.samples;
      return [
        r.stage,
        String(r.c),
        String(s.length),
        String(r.result.errors),
        fmt(mean(s.filter((x) => x.tokens > 0).map((x) => x.tokens)), 1),
        ...latencies(s),
        fmt(r.casesPerSec, 1),
        fmt(r.cpuMsPerCase, 2),
        fmt(r.peakRssMb, 0),
      ];
    }),
  );
}

function ratioTable(rows: ClosedRow[], levels: number[]): string {
  const find = (stage: string, c: number) => rows.find((r) => r.stage === stage && r.c === c);
  const figures = (r: ClosedRow) => {
    const s = r.result.samples;
    const t = s.map((x) => x.ttftMs);
    const l = s.map((x) => x.ttltMs);
    return [
      percentile(t, 50),
      percentile(t, 99),
      percentile(l, 50),
      percentile(l, 99),
      r.casesPerSec,
      r.cpuMsPerCase,
      r.peakRssMb,
    ];
  };
  const out: Cell[][] = [];
  for (const [label, stage] of [
    ['(c) openai ÷ (b) relay', STAGES.openai],
    ['(d) embedded ÷ (b) relay', STAGES.embedded],
    ['(e) openai, better-sqlite3 ÷ (b) relay', STAGES.openaiBetter],
    ['(f) embedded, better-sqlite3 ÷ (b) relay', STAGES.embeddedBetter],
  ] as const) {
    for (const c of levels) {
      const a = find(stage, c);
      const b = find(STAGES.relay, c);
      if (!a || !b) continue;
      const fb = figures(b);
      out.push([label, String(c), ...figures(a).map((x, i) => fmt(x / fb[i], 2))]);
    }
  }
  return markdownTable(
    ['ratio', 'c', 'TTFT p50', 'TTFT p99', 'TTLT p50', 'TTLT p99', 'cases/s', 'server CPU/case', 'peak RSS'],
    out,
  );
}

function openTable(rows: OpenRow[]): string {
  return markdownTable(
    [
      'stage',
      'offered cases/s',
      'seconds',
      'sent',
      'completed',
      'errors',
      'achieved cases/s',
      'submit→first token p50 ms',
      'p99 ms',
      'submit→last token p50 ms',
      'p99 ms',
      'server CPU ms/case',
      'peak RSS MB',
    ],
    rows.map((r) => [
      r.stage,
      fmt(r.ratePerSec, 0),
      fmt(r.durationMs / 1000, 0),
      String(r.sent),
      String(r.result.samples.length),
      String(r.result.errors),
      fmt(r.casesPerSec, 1),
      ...latencies(r.result.samples),
      fmt(r.cpuMsPerCase, 2),
      fmt(r.peakRssMb, 0),
    ]),
  );
}

function header(r: BenchReport): string[] {
  const o = r.opts;
  const loop = (s: { durationMs?: number; maxCases: number }) =>
    s.durationMs === undefined ? `${s.maxCases} case${s.maxCases === 1 ? '' : 's'}` : `${s.durationMs / 1000} s`;
  return [
    `## crewdesk bench (${o.mode})`,
    '',
    r.machine,
    `Scripted stream: ${o.tokens} one-word tokens, ${o.paceMs} ms apart (seed ${o.seed}). ` +
      `Closed loop: a warm-up of ${loop(o.warmup)} before each stage’s first level, then ${loop(o.measure)} ` +
      'measured per level (every client runs at least one case). ' +
      `crewdesk with NODE_ENV=production, WORKER_CONCURRENCY=${o.workerConcurrency}, LOG_LEVEL=info (to a pipe) ` +
      'and its rate and socket limits raised for the bench. ' +
      (o.submit === 'socket'
        ? 'Customers send submitRequest over their open graphql-ws socket, as the typed client does while it has one (`--submit http`: over HTTP).'
        : 'Customers send submitRequest over HTTP (`--submit http`), then subscribe on their socket.'),
  ];
}

function routerSection(rt: RouterResult): string[] {
  const row = (label: string, xs: number[]) => [
    label,
    String(rt.messages),
    fmt(percentile(xs, 50), 3),
    fmt(percentile(xs, 99), 3),
    fmt(Math.max(...xs), 3),
  ];
  return [
    '### Router (in process)',
    '',
    `Model loaded in ${fmt(rt.loadMs, 0)} ms (${rt.features} features, ${rt.intents} intents); ` +
      `${rt.messages} corpus messages, ${fmt(rt.avgChars, 0)} characters on average.`,
    '',
    markdownTable(
      ['measure', 'messages', 'p50 ms', 'p99 ms', 'max ms'],
      [row('classify only', rt.classifyMs), row('route (classifier, signals, crew split)', rt.routeMs)],
    ),
  ];
}

function closedSection(r: BenchReport): string[] {
  return [
    '### Closed loop',
    '',
    'Each of c clients sends a case, watches its events and waits for the final message, then sends the next. ' +
      'TTFT / TTLT: from sending (the SDK call; the relay subscription; crewdesk’s submitRequest) to the first ' +
      'token / the final message at the subscriber. Server CPU and peak RSS are the measured process’s own ' +
      '(for (a), the process reading the stream with the SDK).',
    '',
    closedTable(r.closed),
    '',
    '### crewdesk ÷ relay (closed loop; above 1 is slower, except cases/s, where below 1 is slower)',
    '',
    ratioTable(r.closed, r.opts.levels),
  ];
}

function openSection(r: BenchReport): string[] {
  const o = r.opts.open;
  if (!o || r.open.length === 0) return ['### Open loop', '', 'Skipped (--smoke).'];
  return [
    '### Open loop',
    '',
    `Cases sent at a fixed ${o.ratePerSec} cases/s for ${o.durationMs / 1000} s by ${o.workers} guest customers, ` +
      'whatever is still in flight; the clock starts when a case is due (its submitRequest is sent then, unless the ' +
      'bench itself lags, which then counts against the server) and stops at the first token / the final message at ' +
      'its subscriber.',
    '',
    openTable(r.open),
  ];
}

function fanOutSection(runs: { label: string; result: FanOutResult }[]): string[] {
  const f = runs[0].result;
  return [
    '### Fan-out',
    '',
    `One case, ${f.subscribers} caseEvents subscribers over ${f.sockets} graphql-ws sockets (operators); ` +
      `the customer sends ${f.answers} follow-up${f.answers === 1 ? '' : 's'}, each answer streamed to all. ` +
      'Server CPU over the answers (routing, tools and storage included) per token frame delivered.',
    '',
    markdownTable(
      [
        'run',
        'subscribers',
        'sockets',
        'answers',
        'tokens/answer',
        'token frames',
        'ms to deliver an answer to all',
        'frames/s',
        'server CPU µs/frame',
        'peak RSS MB',
      ],
      runs.map(({ label, result: r }) => [
        label,
        String(r.subscribers),
        String(r.sockets),
        String(r.answers),
        fmt(r.tokensPerAnswer, 1),
        String(r.frames),
        fmt(r.deliverMs, 0),
        fmt(r.framesPerSec, 0),
        fmt(r.cpuUsPerFrame, 1),
        fmt(r.peakRssMb, 0),
      ]),
    ),
  ];
}

function idleSection(i: IdleResult): string[] {
  return [
    '### Idle sockets',
    '',
    `${i.sockets} WebSockets (graphql-ws, acknowledged, one operator identity each) on an idle server; ` +
      'heap used after a full GC in the server, minus the same before they opened, per socket.',
    '',
    markdownTable(
      ['socket', 'sockets', 'heap KB per socket'],
      [
        ['no subscription', String(i.sockets), fmt(i.kbPerSocket, 1)],
        ['one caseEvents subscription (idle case)', String(i.sockets), fmt(i.kbPerSubscribedSocket, 1)],
      ],
    ),
  ];
}

function startUpSection(su: BenchReport['startUp']): string[] {
  const row = (label: string, runs: StartUpRun[]) => [
    label,
    String(runs.length),
    fmt(median(runs.map((x) => x.listeningMs)), 0),
    fmt(median(runs.map((x) => x.healthMs)), 0),
  ];
  return [
    '### Start-up',
    '',
    'From spawning `node dist/server/main.js` (what `npm start` runs once built; PORT=0, a temporary data ' +
      'folder) to its "listening" line, and to the first 200 from `/graphql?query={health}`; median of the runs.',
    '',
    markdownTable(
      ['data folder', 'runs', 'to "listening" ms', 'to 200 from {health} ms'],
      [row('empty (migrations, seed)', su.fresh), row('existing (second start)', su.existing)],
    ),
  ];
}

function notesSection(r: BenchReport): string[] {
  const out = [
    '### Notes',
    '',
    '- Server CPU: `process.cpuUsage()` (user + system) of the server’s own child process, read over IPC just ' +
      'before and just after the measured run (not the warm-up), divided by the cases completed in it. Peak RSS: ' +
      'the highest `process.memoryUsage.rss()` the child sampled (every 20 ms) during the run. The scripted ' +
      `OpenAI-compatible server and the load generator run in other processes; all share ${r.cores} CPU cores.`,
  ];
  const calls = r.closed.filter((row) => row.stage === STAGES.openai && row.modelCallsPerCase !== undefined);
  if (calls.length)
    out.push(
      `- Model calls per case, ${STAGES.openai}: ${calls.map((row) => `c=${row.c} ${fmt(row.modelCallsPerCase ?? Number.NaN, 2)}`).join(', ')}.`,
    );
  for (const row of [...r.closed, ...r.open]) {
    const where = 'c' in row ? `${row.stage}, c=${row.c}` : `${row.stage}, open loop`;
    const whole = row.result.samples.filter((x) => x.tokens === 0).length;
    if (whole)
      out.push(
        `- ${where}: ${whole} answer${whole === 1 ? ' was' : 's were'} complete before the subscription began ` +
          '(no TokenDelta, only MessageCompleted; timed as first token = last token).',
      );
    // The scripted stages must deliver every scripted token; the embedded engine writes its own answers.
    const short =
      row.stage === STAGES.embedded || row.stage === STAGES.embeddedBetter
        ? 0
        : row.result.samples.filter((x) => x.tokens > 0 && x.tokens < r.opts.tokens).length;
    if (short) out.push(`- ${where}: ${short} answers had fewer than the ${r.opts.tokens} scripted tokens.`);
    for (const m of row.result.errorMessages) out.push(`- ${where}: error: ${m}`);
  }
  out.push(`- Server logs: ${r.logs.map((l) => `${l.name} ${l.warnings} warnings, ${l.errors} errors`).join('; ')}.`);
  out.push(`- The run took ${fmt(r.elapsedMs / 1000, 0)} s.`);
  return out;
}

/** The whole report, markdown. */
export function renderReport(r: BenchReport): string {
  return [
    header(r),
    routerSection(r.router),
    closedSection(r),
    openSection(r),
    fanOutSection(r.fanOut),
    idleSection(r.idle),
    startUpSection(r.startUp),
    notesSection(r),
  ]
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}
