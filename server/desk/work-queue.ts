/**
 * The queue that runs agents for cases: bounded concurrency, emergencies first, one run per case
 * at a time (a case that gets a message while it runs is run again afterwards).
 */
import PQueue from 'p-queue';
import type { Priority } from '../db/entities/index.js';
import type { CaseQueue, TurnOrigin } from './ports.js';

const RANK: Record<Priority, number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

/** Processes one case turn; honours the signal. */
export type CaseProcessor = (caseId: string, signal: AbortSignal, origin?: TurnOrigin) => Promise<void>;

/** The in-process work queue (p-queue). */
export class WorkQueue implements CaseQueue {
  private readonly queue: PQueue;
  private readonly queued = new Set<string>();
  /** The origin of each case's next turn (the first request that queued it, or the latest during a run). */
  private readonly origins = new Map<string, TurnOrigin>();
  private readonly running = new Map<string, AbortController>();
  private readonly rerun = new Map<string, Priority>();
  private stopped = false;

  constructor(
    concurrency: number,
    private readonly process: CaseProcessor,
    private readonly onError: (caseId: string, err: unknown, origin?: TurnOrigin) => void,
  ) {
    this.queue = new PQueue({ concurrency });
  }

  /** Queues a case (no-op while it is already waiting; run again after the current run). */
  enqueue(caseId: string, priority: Priority, origin?: TurnOrigin): void {
    if (this.stopped) return;
    if (this.running.has(caseId)) {
      const prev = this.rerun.get(caseId);
      this.rerun.set(caseId, prev && RANK[prev] > RANK[priority] ? prev : priority);
      if (origin) this.origins.set(caseId, origin);
      return;
    }
    if (this.queued.has(caseId)) return;
    this.queued.add(caseId);
    if (origin) this.origins.set(caseId, origin);
    void this.queue.add(() => this.run(caseId), { priority: RANK[priority] });
  }

  private async run(caseId: string): Promise<void> {
    this.queued.delete(caseId);
    if (this.stopped) return;
    const controller = new AbortController();
    this.running.set(caseId, controller);
    const origin = this.origins.get(caseId);
    this.origins.delete(caseId);
    try {
      await this.process(caseId, controller.signal, origin);
    } catch (err) {
      this.onError(caseId, err, origin);
    } finally {
      this.running.delete(caseId);
      const again = this.rerun.get(caseId);
      this.rerun.delete(caseId);
      if (again && !this.stopped) this.enqueue(caseId, again, this.origins.get(caseId));
    }
  }

  /** Aborts the run of a case, if any (an operator took over, or the case was closed). */
  abort(caseId: string, reason: string): void {
    this.running.get(caseId)?.abort(new Error(reason));
    this.rerun.delete(caseId);
  }

  /** Whether a case is running now. */
  isRunning(caseId: string): boolean {
    return this.running.has(caseId);
  }

  /** Cases waiting for an agent. */
  get depth(): number {
    return this.queue.size;
  }

  /** Cases being answered. */
  get active(): number {
    return this.running.size;
  }

  /**
   * Stops taking work: waiting cases stay queued in the database (resumed at next start),
   * running ones get `graceMs` to finish, then are aborted (parked).
   */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    this.queue.pause();
    this.queue.clear();
    this.queued.clear();
    this.origins.clear();
    if (this.running.size > 0 && graceMs > 0) {
      await Promise.race([this.queue.onIdle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
    }
    for (const c of this.running.values()) c.abort(new Error('shutdown'));
    await this.queue.onIdle();
  }
}
