/**
 * `npm run bench`: one process tree, one stage after another, prints a markdown report and
 * asserts nothing. The same scripted stream goes through (a) the openai SDK directly, (b) a bare
 * Yoga + graphql-ws relay, (c) crewdesk on the openai provider, (d) crewdesk on the embedded
 * engine, and (e, f) the same two with the hot path's SQL on better-sqlite3, in a closed loop at
 * each concurrency level and (c-f) an open loop at a fixed rate; then
 * fan-out to many subscribers, the heap an idle socket costs, and start-up time. Every server runs
 * in a child process of its own, which reports its CPU time and memory over IPC.
 * `--quick` is the short version (about two minutes on 2 cores: crewdesk needs about ten seconds
 * for the hundred cases of c=100 alone); `--smoke` runs a few cases per stage, for the test.
 * `--cluster` runs the desk on PostgreSQL + Redis with one and two instances instead (cluster.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT_DIR } from '../../server/config.js';
import { type BenchChild, forkChild, installCleanup, trackFolder } from './child-process.js';
import { runClusterBench } from './cluster.js';
import { BENCH_SECRET, crewdeskEnv } from './crewdesk-env.js';
import { connectCustomer, type DeskAddress } from './desk-client.js';
import { runFanOut } from './fan-out.js';
import { runIdleSockets } from './idle-sockets.js';
import { closedLoop, type LoopResult } from './load.js';
import { type BenchOptions, type LoopSpec, parseBenchArgs } from './options.js';
import { connectRelayUser } from './relay-client.js';
import { type BenchReport, renderReport, STAGES } from './report.js';
import { runRouterBench } from './router-bench.js';
import { type ClosedRow, type LevelDriver, type OpenRow, progress, runClosedStage, runOpenStage } from './stages.js';
import { measureStartUp, type StartUpRun } from './start-up.js';
import { messagePicker } from './workload.js';

const MODEL = 'gpt-5-mini';
const FAN_OUT_MESSAGE = 'wifi is really slow every evening';
const START_UP_TIMEOUT_MS = 120_000;

/** The load average (1, 5, 15 min): other work on the machine skews every figure. */
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

function machine(startLoad: string): string {
  let commit = 'unknown commit';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR, encoding: 'utf8' }).trim();
    try {
      execFileSync('git', ['diff', '--quiet', 'HEAD'], { cwd: ROOT_DIR });
    } catch {
      commit += ' with uncommitted changes';
    }
  } catch {
    // not a git checkout
  }
  const c = cpus();
  return (
    `${new Date().toISOString()}; node ${process.version}, ${process.platform} ${process.arch}, ` +
    `${c.length} × ${c[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM; commit ${commit}; ` +
    `load average ${startLoad} (1 / 5 / 15 min) at the start, ${load()} at the end.`
  );
}

/** Starts crewdesk in a child forked earlier, on a temporary database. */
async function startCrewdesk(child: BenchChild, opts: BenchOptions, extra?: Record<string, string>) {
  const dir = trackFolder(mkdtempSync(join(tmpdir(), `crewdesk-bench-${child.name}-`)));
  return child.request<DeskAddress>('start', crewdeskEnv(dir, opts, extra));
}

/** c guest customers, each with a socket, asking seeded messages in a closed loop. */
async function customersAt(
  address: DeskAddress,
  c: number,
  opts: BenchOptions,
  pick: () => string,
): Promise<LevelDriver> {
  const customers = await Promise.all(Array.from({ length: c }, () => connectCustomer(address, opts.submit)));
  return {
    run: (spec: LoopSpec) =>
      closedLoop({
        concurrency: c,
        ...spec,
        caseTimeoutMs: opts.caseTimeoutMs,
        runCase: (_n, worker, t0, signal) => customers[worker].ask(pick(), t0, signal),
      }),
    close: async () => {
      await Promise.all(customers.map((x) => x.close()));
    },
  };
}

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    // A wrong argument is a usage error (exit 2), like the other scripts'.
    console.error(`error: ${(err as Error).message}`);
    process.exit(2);
  }
  installCleanup();
  if (opts.cluster) {
    console.log(await runClusterBench(opts));
    return;
  }
  const started = performance.now();
  const startLoad = load();
  const closed: ClosedRow[] = [];
  const open: OpenRow[] = [];

  progress(`router micro-bench (${opts.mode})`);
  const router = runRouterBench(opts.routerMessages);

  // Loading the modules takes seconds per child, so every child is forked (and loads) at once,
  // before anything is measured; each is started (listens, migrates, seeds) only when its turn comes.
  progress('forking the servers');
  const [stub, sdk, relay, deskOpenai, deskEmbedded, deskOpenaiBetter, deskEmbeddedBetter, deskSockets, deskUnjoined] =
    await Promise.all([
      forkChild('stub', 'stub-server.ts'),
      forkChild('sdk', 'sdk-direct.ts'),
      forkChild('relay', 'relay-server.ts'),
      forkChild('crewdesk-openai', 'crewdesk-server.ts'),
      forkChild('crewdesk-embedded', 'crewdesk-server.ts'),
      forkChild('crewdesk-openai-better-sqlite3', 'crewdesk-server.ts'),
      forkChild('crewdesk-embedded-better-sqlite3', 'crewdesk-server.ts'),
      forkChild('crewdesk-sockets', 'crewdesk-server.ts'),
      forkChild('crewdesk-unjoined', 'crewdesk-server.ts'),
    ]);
  const children = [
    stub,
    sdk,
    relay,
    deskOpenai,
    deskEmbedded,
    deskOpenaiBetter,
    deskEmbeddedBetter,
    deskSockets,
    deskUnjoined,
  ];
  const { url: stubUrl } = await stub.request<{ url: string }>('start', {
    tokens: opts.tokens,
    paceMs: opts.paceMs,
    seed: opts.seed,
  });

  // (a) the SDK reads the stream in its own process, which runs the loop itself.
  await sdk.request('start', { baseURL: stubUrl, model: MODEL });
  closed.push(
    ...(await runClosedStage(
      STAGES.sdk,
      sdk,
      opts,
      async (c) => ({
        run: (spec) =>
          sdk.request<LoopResult>('closed', { concurrency: c, ...spec, caseTimeoutMs: opts.caseTimeoutMs }),
        close: async () => {},
      }),
      stub,
    )),
  );
  await sdk.stop();

  // (b) the relay.
  const relayAt = await relay.request<DeskAddress>('start', { baseURL: stubUrl, model: MODEL });
  closed.push(
    ...(await runClosedStage(
      STAGES.relay,
      relay,
      opts,
      async (c) => {
        const users = await Promise.all(Array.from({ length: c }, () => connectRelayUser(relayAt.wsUrl)));
        return {
          run: (spec) =>
            closedLoop({
              concurrency: c,
              ...spec,
              caseTimeoutMs: opts.caseTimeoutMs,
              runCase: (n, worker, t0, signal) => users[worker].ask(`question ${n}`, t0, signal),
            }),
          close: async () => {
            await Promise.all(users.map((u) => u.close()));
          },
        };
      },
      stub,
    )),
  );
  await relay.stop();

  // (c) and (d) crewdesk, then (e) and (f) the same with the hot path's SQL on better-sqlite3
  // instead of the default node-sqlite3; all get the same seeded sequence of messages.
  const openaiEnv = {
    LLM_PROVIDER: 'openai',
    OPENAI_API_KEY: 'bench',
    OPENAI_BASE_URL: stubUrl,
    OPENAI_MODEL: MODEL,
    ROUTER: 'embedded',
    GUARDRAILS: 'false',
  };
  const better = { SQLITE_DRIVER: 'better-sqlite3' };
  const desks: { child: BenchChild; stage: string; extra: Record<string, string>; stub?: BenchChild }[] = [
    { child: deskOpenai, stage: STAGES.openai, extra: openaiEnv, stub },
    { child: deskEmbedded, stage: STAGES.embedded, extra: { LLM_PROVIDER: 'embedded' } },
    { child: deskOpenaiBetter, stage: STAGES.openaiBetter, extra: { ...openaiEnv, ...better }, stub },
    { child: deskEmbeddedBetter, stage: STAGES.embeddedBetter, extra: { LLM_PROVIDER: 'embedded', ...better } },
  ];
  for (const d of desks) {
    const child = d.child;
    const address = await startCrewdesk(child, opts, d.extra);
    const pick = messagePicker(opts.seed);
    closed.push(...(await runClosedStage(d.stage, child, opts, (c) => customersAt(address, c, opts, pick), d.stub)));
    const row = await runOpenStage(d.stage, child, address, opts, pick);
    if (row) open.push(row);
    await child.stop();
  }
  await stub.stop();

  // Fan-out, then idle sockets, on a fresh server (heap is compared after GC, so the order does not matter).
  progress('fan-out');
  const socketsAt = await startCrewdesk(deskSockets, opts, { LLM_PROVIDER: 'embedded' });
  const fanOut = await runFanOut(deskSockets, socketsAt, BENCH_SECRET, {
    ...opts.fanOut,
    message: FAN_OUT_MESSAGE,
    timeoutMs: 120_000,
  });

  progress('idle sockets');
  const idle = await runIdleSockets(deskSockets, socketsAt, BENCH_SECRET, {
    sockets: opts.idleSockets,
    message: FAN_OUT_MESSAGE,
    timeoutMs: 60_000,
  });
  await deskSockets.stop();

  // The same fan-out with every delta sent on its own (STREAM_COALESCE_AFTER_MS=0): the cost per frame.
  progress('fan-out, deltas never joined');
  const unjoinedAt = await startCrewdesk(deskUnjoined, opts, {
    LLM_PROVIDER: 'embedded',
    STREAM_COALESCE_AFTER_MS: '0',
  });
  const fanOutUnjoined = await runFanOut(deskUnjoined, unjoinedAt, BENCH_SECRET, {
    ...opts.fanOut,
    message: FAN_OUT_MESSAGE,
    timeoutMs: 120_000,
  });
  await deskUnjoined.stop();

  progress('start-up');
  const startUp: { fresh: StartUpRun[]; existing: StartUpRun[] } = { fresh: [], existing: [] };
  for (let i = 0; i < opts.startUpRuns; i++) {
    const dir = trackFolder(mkdtempSync(join(tmpdir(), 'crewdesk-bench-start-')));
    startUp.fresh.push(await measureStartUp(dir, START_UP_TIMEOUT_MS));
    startUp.existing.push(await measureStartUp(dir, START_UP_TIMEOUT_MS));
  }

  const report: BenchReport = {
    opts,
    machine: machine(startLoad),
    cores: cpus().length,
    router,
    closed,
    open,
    fanOut: [
      { label: 'embedded, lagging subscribers get missed deltas joined (default)', result: fanOut },
      { label: 'embedded, every delta its own frame (STREAM_COALESCE_AFTER_MS=0)', result: fanOutUnjoined },
    ],
    idle,
    startUp,
    logs: children.map((c) => ({ name: c.name, warnings: c.logs.warnings, errors: c.logs.errors })),
    elapsedMs: performance.now() - started,
  };
  console.log(renderReport(report));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('bench failed:', err);
    process.exit(1);
  },
);
