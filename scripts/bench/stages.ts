/**
 * A stage runs one server through the closed loop at each concurrency level (fresh clients per
 * level, a warm-up, then the measured run) or through the open loop, and reads the server's CPU
 * time and peak RSS around the measured run only.
 */
import type { BenchChild } from './child-process.js';
import { connectCustomer, type DeskAddress } from './desk-client.js';
import { type LoopResult, openLoop } from './load.js';
import type { BenchOptions, LoopSpec } from './options.js';

/** One measured closed-loop run. */
export interface ClosedRow {
  stage: string;
  c: number;
  result: LoopResult;
  casesPerSec: number;
  /** Server CPU (user + system) over the measured run, per completed case. */
  cpuMsPerCase: number;
  peakRssMb: number;
  /** Chat requests the scripted server got per completed case, when it was used. */
  modelCallsPerCase?: number;
}

/** One measured open-loop run. */
export interface OpenRow {
  stage: string;
  ratePerSec: number;
  durationMs: number;
  sent: number;
  result: LoopResult;
  casesPerSec: number;
  cpuMsPerCase: number;
  peakRssMb: number;
}

/** Runs loops at one concurrency level with clients already connected. */
export interface LevelDriver {
  run(spec: LoopSpec): Promise<LoopResult>;
  close(): Promise<void>;
}

/** Prints progress to stderr (stdout carries only the report). */
export function progress(message: string): void {
  console.error(`bench ${(performance.now() / 1000).toFixed(1).padStart(6)} s: ${message}`);
}

function note(stage: string, what: string, r: LoopResult): void {
  progress(`${stage}: ${what}: ${r.samples.length} cases, ${r.errors} errors in ${(r.wallMs / 1000).toFixed(1)} s`);
  for (const m of r.errorMessages) progress(`  error: ${m}`);
}

/** The closed loop at every level of `opts.levels`, measuring `server`. */
export async function runClosedStage(
  stage: string,
  server: BenchChild,
  opts: BenchOptions,
  openLevel: (c: number) => Promise<LevelDriver>,
  stub?: BenchChild,
): Promise<ClosedRow[]> {
  const rows: ClosedRow[] = [];
  for (const [i, c] of opts.levels.entries()) {
    const driver = await openLevel(c);
    try {
      // The first level warms the server up; later levels find it warm (their clients connect before the loop).
      if (i === 0) note(stage, `c=${c} warm-up`, await driver.run(opts.warmup));
      await server.request('resetPeak');
      const calls0 = stub ? await stub.request<number>('requests') : 0;
      const u0 = await server.usage();
      const result = await driver.run(opts.measure);
      const u1 = await server.usage();
      const calls1 = stub ? await stub.request<number>('requests') : 0;
      note(stage, `c=${c}`, result);
      const done = result.samples.length;
      rows.push({
        stage,
        c,
        result,
        casesPerSec: done / (result.wallMs / 1000),
        cpuMsPerCase: (u1.cpuUs - u0.cpuUs) / 1000 / done,
        peakRssMb: u1.peakRssBytes / 2 ** 20,
        modelCallsPerCase: stub ? (calls1 - calls0) / (done + result.errors) : undefined,
      });
    } finally {
      await driver.close();
    }
  }
  return rows;
}

/** The open loop on a crewdesk server: cases submitted at a fixed rate by guest customers. */
export async function runOpenStage(
  stage: string,
  server: BenchChild,
  address: DeskAddress,
  opts: BenchOptions,
  pick: () => string,
): Promise<OpenRow | null> {
  const o = opts.open;
  if (!o) return null;
  const customers = await Promise.all(Array.from({ length: o.workers }, () => connectCustomer(address, opts.submit)));
  try {
    await server.request('resetPeak');
    const u0 = await server.usage();
    const result = await openLoop({
      ...o,
      // An overloaded server is still measured: a case may take as long as the whole run.
      caseTimeoutMs: o.durationMs + o.drainMs,
      runCase: (_n, worker, t0, signal) => customers[worker].ask(pick(), t0, signal),
    });
    const u1 = await server.usage();
    note(stage, `open loop ${o.ratePerSec}/s`, result);
    const done = result.samples.length;
    return {
      stage,
      ratePerSec: o.ratePerSec,
      durationMs: o.durationMs,
      sent: result.sent,
      result,
      casesPerSec: done / (result.wallMs / 1000),
      cpuMsPerCase: (u1.cpuUs - u0.cpuUs) / 1000 / done,
      peakRssMb: u1.peakRssBytes / 2 ** 20,
    };
  } finally {
    await Promise.all(customers.map((c) => c.close()));
  }
}
