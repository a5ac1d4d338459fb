/**
 * The load: a closed loop (each of c workers runs a case, waits for its last token, runs the next)
 * and an open loop (cases start at a fixed rate whatever is still in flight). Both stop by
 * themselves: after a duration or a number of cases, and each case is bounded by a timeout.
 */

/** What one case measured, from the moment it was sent (or, in the open loop, due). */
export interface CaseSample {
  /** To the first token at the subscriber. */
  ttftMs: number;
  /** To the last token (the final message) at the subscriber. */
  ttltMs: number;
  /** Tokens the subscriber received; 0 when the answer was complete before the subscription began. */
  tokens: number;
}

/** Runs case number `n` for worker `worker`, timing from `t0` (performance.now()); rejects on failure. */
type RunCase = (n: number, worker: number, t0: number, signal: AbortSignal) => Promise<CaseSample>;

/** What a loop measured. */
export interface LoopResult {
  samples: CaseSample[];
  /** Cases that failed or timed out. */
  errors: number;
  /** The first few failure messages. */
  errorMessages: string[];
  /** From the first case's start to the last one's end. */
  wallMs: number;
}

const MAX_ERROR_MESSAGES = 5;

function collector() {
  const result: LoopResult = { samples: [], errors: 0, errorMessages: [], wallMs: 0 };
  return {
    result,
    async run(runCase: RunCase, n: number, worker: number, t0: number, signal: AbortSignal) {
      try {
        result.samples.push(await runCase(n, worker, t0, signal));
      } catch (err) {
        result.errors++;
        if (result.errorMessages.length < MAX_ERROR_MESSAGES)
          result.errorMessages.push(err instanceof Error ? err.message : String(err));
      }
    },
  };
}

/** Closed-loop settings. */
export interface ClosedLoopOptions {
  concurrency: number;
  /** Workers start no new case after this long (each still runs at least `minPerWorker`). */
  durationMs?: number;
  /** Most cases in all. */
  maxCases: number;
  minPerWorker?: number;
  caseTimeoutMs: number;
  runCase: RunCase;
}

/** Each of `concurrency` workers runs cases one after another; resolves when all have stopped. */
export async function closedLoop(o: ClosedLoopOptions): Promise<LoopResult> {
  const { result, run } = collector();
  const started = performance.now();
  const end = o.durationMs === undefined ? Number.POSITIVE_INFINITY : started + o.durationMs;
  const minPerWorker = o.minPerWorker ?? 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, worker) => {
      for (let mine = 0; next < o.maxCases && (mine < minPerWorker || performance.now() < end); mine++) {
        await run(o.runCase, next++, worker, performance.now(), AbortSignal.timeout(o.caseTimeoutMs));
      }
    }),
  );
  result.wallMs = performance.now() - started;
  return result;
}

/** Open-loop settings. */
export interface OpenLoopOptions {
  ratePerSec: number;
  durationMs: number;
  /** Cases still running this long after the last one was sent are abandoned (counted as errors). */
  drainMs: number;
  /** Case n runs on worker n % workers. */
  workers: number;
  caseTimeoutMs: number;
  runCase: RunCase;
}

/** Starts case n at start + n / rate (timed from that moment, so a late start counts against it). */
export async function openLoop(o: OpenLoopOptions): Promise<LoopResult & { sent: number }> {
  const { result, run } = collector();
  const interval = 1000 / o.ratePerSec;
  const total = Math.max(1, Math.round((o.durationMs / 1000) * o.ratePerSec));
  const abandon = new AbortController();
  const running: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + n * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const signal = AbortSignal.any([abandon.signal, AbortSignal.timeout(o.caseTimeoutMs)]);
    running.push(run(o.runCase, n, n % o.workers, due, signal));
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(running),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, o.drainMs);
    }),
  ]);
  clearTimeout(timer);
  abandon.abort(new Error(`still running ${o.drainMs} ms after the last case was sent`));
  await Promise.all(running);
  result.wallMs = performance.now() - started;
  return { ...result, sent: total };
}
