/**
 * `npm run bench -- --cluster`: the desk end to end (guest customers submit over HTTP and read the
 * answer over graphql-ws, embedded engine) on SQLite with one instance, then on PostgreSQL + Redis
 * (events, BullMQ, limits) with one and with two instances, each customer on one instance (its case
 * may be answered by the other), in a closed loop at each concurrency level. Prints cases/s and
 * first-token p50/p99 per setup. PostgreSQL and Redis are started for the run (as the tests start
 * them) unless TEST_DATABASE_URL / TEST_REDIS_URL name running ones.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPostgres } from '../../test/helpers/postgres.js';
import { startTestRedis } from '../../test/helpers/redis.js';
import { type BenchChild, forkChild, trackFolder } from './child-process.js';
import { crewdeskEnv } from './crewdesk-env.js';
import { connectCustomer, type DeskAddress } from './desk-client.js';
import { closedLoop, type LoopResult } from './load.js';
import type { BenchOptions, LoopSpec } from './options.js';
import { progress } from './stages.js';
import { percentile } from './stats.js';
import { markdownTable } from './table.js';
import { messagePicker } from './workload.js';

interface Setup {
  label: string;
  instances: number;
  /** The children its desks run in. */
  desks: BenchChild[];
  /** Settings of every instance of the setup (a database and Redis prefix of its own). */
  env: () => Promise<Record<string, string>>;
}

interface Row {
  setup: string;
  instances: number;
  c: number;
  result: LoopResult;
  cpuMsPerCase: number;
}

/** Runs the closed loop at every level over `desks` (customer i on desk i mod n). */
async function measure(setup: Setup, desks: { child: BenchChild; address: DeskAddress }[], opts: BenchOptions) {
  const rows: Row[] = [];
  const pick = messagePicker(opts.seed);
  for (const [i, c] of opts.levels.entries()) {
    const customers = await Promise.all(
      Array.from({ length: c }, (_, n) => connectCustomer(desks[n % desks.length].address)),
    );
    const run = (spec: LoopSpec) =>
      closedLoop({
        concurrency: c,
        ...spec,
        caseTimeoutMs: opts.caseTimeoutMs,
        runCase: (_n, worker, t0, signal) => customers[worker].ask(pick(), t0, signal),
      });
    try {
      if (i === 0) await run(opts.warmup);
      const cpu = async () => (await Promise.all(desks.map((d) => d.child.usage()))).reduce((s, u) => s + u.cpuUs, 0);
      const before = await cpu();
      const result = await run(opts.measure);
      const spent = (await cpu()) - before;
      progress(`${setup.label}: c=${c}: ${result.samples.length} cases, ${result.errors} errors`);
      for (const m of result.errorMessages) progress(`  error: ${m}`);
      rows.push({
        setup: setup.label,
        instances: setup.instances,
        c,
        result,
        cpuMsPerCase: spent / 1000 / Math.max(1, result.samples.length),
      });
    } finally {
      await Promise.all(customers.map((x) => x.close()));
    }
  }
  return rows;
}

/** Runs the cluster bench and returns its report (markdown). */
export async function runClusterBench(opts: BenchOptions): Promise<string> {
  const started = performance.now();
  const startLoad = loadavg()[0].toFixed(2);
  progress('cluster: starting PostgreSQL and Redis, forking four desks');
  // A process per desk of each setup, so that no setup runs in a process another one warmed.
  const [pg, redis, ...children] = await Promise.all([
    startTestPostgres(),
    startTestRedis(),
    forkChild('desk-sqlite', 'crewdesk-server.ts'),
    forkChild('desk-pg', 'crewdesk-server.ts'),
    forkChild('desk-pg-a', 'crewdesk-server.ts'),
    forkChild('desk-pg-b', 'crewdesk-server.ts'),
  ]);
  const shared = async () => ({
    DATABASE_URL: await pg.createDatabase('bench'),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.prefix(),
  });
  const setups: Setup[] = [
    { label: 'SQLite, in-process', instances: 1, desks: [children[0]], env: async () => ({}) },
    { label: 'PostgreSQL + Redis', instances: 1, desks: [children[1]], env: shared },
    { label: 'PostgreSQL + Redis', instances: 2, desks: [children[2], children[3]], env: shared },
  ];
  const rows: Row[] = [];
  try {
    for (const setup of setups) {
      const env = await setup.env();
      const desks: { child: BenchChild; address: DeskAddress }[] = [];
      // The first instance migrates and seeds; the second starts on the database it made.
      for (const child of setup.desks) {
        const dir = trackFolder(mkdtempSync(join(tmpdir(), `crewdesk-bench-${child.name}-`)));
        const address = await child.request<DeskAddress>(
          'start',
          crewdeskEnv(dir, opts, { LLM_PROVIDER: 'embedded', ...env }),
        );
        desks.push({ child, address });
      }
      progress(`${setup.label}, ${setup.instances} instance(s)`);
      rows.push(...(await measure(setup, desks, opts)));
      for (const d of desks) await d.child.stop();
    }
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await redis.stop();
    await pg.stop();
  }
  const table = markdownTable(
    [
      'setup',
      'instances',
      'c',
      'cases',
      'errors',
      'cases/s',
      'first token p50 ms',
      'p99 ms',
      'last token p50 ms',
      'CPU ms/case',
    ],
    rows.map((r) => {
      const done = r.result.samples.length;
      const ttft = r.result.samples.map((s) => s.ttftMs);
      return [
        r.setup,
        String(r.instances),
        String(r.c),
        String(done),
        String(r.result.errors),
        done / (r.result.wallMs / 1000),
        percentile(ttft, 50),
        percentile(ttft, 99),
        percentile(
          r.result.samples.map((s) => s.ttltMs),
          50,
        ),
        r.cpuMsPerCase,
      ];
    }),
  );
  return [
    '## crewdesk on several instances (embedded engine, closed loop)',
    '',
    `${cpus().length} cores; load average ${startLoad} at the start, ${loadavg()[0].toFixed(2)} at the end; ` +
      `${opts.mode} mode (${(opts.measure.durationMs ?? 0) / 1000} s per level); PostgreSQL, Redis, the desks and ` +
      `the customers share the machine. CPU ms/case: the desks' processes only (not PostgreSQL or Redis).`,
    '',
    table,
    '',
    `Errors and warnings the desks logged: ${children.map((c) => `${c.name} ${c.logs.errors} / ${c.logs.warnings}`).join(', ')}.`,
    `Took ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n');
}
