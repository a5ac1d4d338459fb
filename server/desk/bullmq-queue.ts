/**
 * The CaseQueue on BullMQ, for several instances: one job per case turn, emergencies first,
 * bounded concurrency per instance, one instance working a case at a time, a dead instance's job
 * taken over by another within seconds (stalled-job recovery), retries with backoff, graceful stop.
 *
 * A job's id is the case's id and its turn (`case-<id>-<turn>`): enqueuing while a turn waits adds
 * nothing, and a run bumps the turn before it reads the case, so a message that arrives while it
 * runs makes the next turn's job, which runs after it. A per-case lock in Redis (renewed while the
 * run lasts, expiring with the job's lock when its instance dies) keeps two turns of one case from
 * running at once: a turn that finds it taken waits, delayed, and tries again.
 */
import { randomUUID } from 'node:crypto';
import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Priority } from '../db/entities/index.js';
import { closeRedisClient, createRedisClient, type RedisTarget } from '../redis/redis-client.js';
import type { CaseQueue, TurnOrigin } from './ports.js';
import type { CaseProcessor } from './work-queue.js';

/** BullMQ priorities: 1 is taken first. */
const PRIORITY: Record<Priority, number> = { URGENT: 1, HIGH: 2, NORMAL: 3, LOW: 4 };

/** Settings of the BullMQ queue. */
export interface BullmqQueueOptions {
  redis: RedisTarget;
  /** Cases this instance answers at once. */
  concurrency: number;
  /** A run's lock lasts this long without renewal: a dead instance's job is taken over after about this. */
  lockMs?: number;
  /** Attempts of a turn whose run throws, with exponential backoff from `backoffMs`. */
  attempts?: number;
  backoffMs?: number;
  /** A turn whose case is locked by another run tries again after this. */
  retryLockedMs?: number;
  onError: (caseId: string, err: unknown, origin?: TurnOrigin) => void;
  /** Connection trouble (Redis down or blinking); BullMQ reconnects by itself. */
  onConnectionError: (err: unknown) => void;
}

/** The BullMQ queue, with desk-wide counts. */
export interface BullmqCaseQueue extends CaseQueue {
  /** Resolves when the worker is connected and taking jobs. */
  ready(): Promise<void>;
  /** Jobs waiting and running across every instance. */
  counts(): Promise<{ waiting: number; active: number }>;
  /** Resolves when every enqueue so far has reached Redis (tests). */
  flushed(): Promise<void>;
}

interface CaseJob {
  caseId: string;
  origin?: TurnOrigin;
}

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Waits for `p`, at most `ms`. */
async function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    p.catch(() => undefined),
    new Promise((r) => {
      timer = setTimeout(r, ms);
    }),
  ]);
  clearTimeout(timer);
}

/** Creates the queue: BullMQ's Queue to add turns, a Worker that runs them with `process`. */
export function createBullmqQueue(process: CaseProcessor, opts: BullmqQueueOptions): BullmqCaseQueue {
  const lockMs = opts.lockMs ?? 5000;
  const retryLockedMs = opts.retryLockedMs ?? 250;
  const { prefix } = opts.redis;
  const instanceId = randomUUID();
  const name = 'cases';
  const bullPrefix = `${prefix}:bull`;
  const commands: Redis = createRedisClient(opts.redis, 'queue');
  const control: Redis = createRedisClient(opts.redis, 'queue-control', { blocking: true });
  const controlChannel = `${prefix}:queue-control`;
  const turnKey = (caseId: string) => `${prefix}:turn:${caseId}`;
  const lockKey = (caseId: string) => `${prefix}:case-lock:${caseId}`;
  const running = new Map<string, AbortController>();
  const pending = new Set<Promise<void>>();
  let stopped = false;
  let cachedWaiting = 0;

  // BullMQ leaves connections it is given open: stop() closes them.
  const queueConnection = createRedisClient(opts.redis, 'queue-add', { blocking: true });
  const workerConnection = createRedisClient(opts.redis, 'queue-worker', { blocking: true });
  for (const c of [commands, control, queueConnection, workerConnection]) c.on('error', opts.onConnectionError);
  const queue = new Queue<CaseJob>(name, {
    connection: queueConnection,
    prefix: bullPrefix,
  });

  async function run(job: Job<CaseJob>, token?: string, signal?: AbortSignal): Promise<void> {
    const { caseId, origin } = job.data;
    const holder = `${instanceId}:${job.id}`;
    const locked = await commands.set(lockKey(caseId), holder, 'PX', lockMs, 'NX');
    if (locked !== 'OK' || stopped) {
      if (locked === 'OK') await commands.eval(RELEASE, 1, lockKey(caseId), holder);
      await job.moveToDelayed(Date.now() + retryLockedMs, token);
      throw new DelayedError();
    }
    // Later enqueues make the next turn's job; this one reads the case only after the bump.
    await commands.incr(turnKey(caseId));
    const controller = new AbortController();
    const onCancel = () => controller.abort(signal?.reason ?? new Error('cancelled'));
    signal?.addEventListener('abort', onCancel, { once: true });
    const renew = setInterval(
      () => {
        commands
          .eval(RENEW, 1, lockKey(caseId), holder, lockMs)
          .then((ok) => {
            // Another run may have the case now: park this one (as at shutdown) and hand the job back.
            if (ok !== 1) controller.abort(new Error('shutdown'));
          })
          .catch(() => undefined);
      },
      Math.max(50, Math.floor(lockMs / 3)),
    );
    running.set(caseId, controller);
    try {
      await process(caseId, controller.signal, origin);
    } catch (err) {
      opts.onError(caseId, err, origin);
      throw err;
    } finally {
      clearInterval(renew);
      signal?.removeEventListener('abort', onCancel);
      running.delete(caseId);
      await commands.eval(RELEASE, 1, lockKey(caseId), holder).catch(() => undefined);
    }
    const reason = (controller.signal.reason as Error | undefined)?.message;
    if (controller.signal.aborted && reason === 'shutdown') {
      // Handed back: the case was parked, another instance (or this one after a restart) takes it.
      // (Delayed until now rather than moved to wait: the other workers are woken at once.)
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
  }

  const worker = new Worker<CaseJob>(name, run, {
    connection: workerConnection,
    prefix: bullPrefix,
    concurrency: opts.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
    maxStalledCount: 3,
  });
  worker.on('error', opts.onConnectionError);
  queue.on('error', opts.onConnectionError);

  control.on('message', (_channel: string, message: string) => {
    const { caseId, reason } = JSON.parse(message) as { caseId: string; reason: string };
    running.get(caseId)?.abort(new Error(reason));
  });
  const subscribed = control.subscribe(controlChannel);
  let refreshing = false;
  const refresh = setInterval(() => {
    if (refreshing) return;
    refreshing = true;
    void queue
      .getJobCounts('waiting', 'prioritized', 'delayed')
      .then((c) => {
        cachedWaiting = (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
      })
      .catch(() => undefined)
      .finally(() => {
        refreshing = false;
      });
  }, 1000);
  refresh.unref();

  function track(p: Promise<void>): void {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }

  return {
    enqueue(caseId, priority, origin) {
      if (stopped) return;
      track(
        (async () => {
          // On the queue's connection, which waits for Redis to come back rather than drop the turn.
          const turn = (await queueConnection.get(turnKey(caseId))) ?? '0';
          await queue.add('turn', origin ? { caseId, origin } : { caseId }, {
            jobId: `case-${caseId}-${turn}`,
            priority: PRIORITY[priority],
            attempts: opts.attempts ?? 3,
            backoff: { type: 'exponential', delay: opts.backoffMs ?? 1000 },
            removeOnComplete: true,
            removeOnFail: { age: 86_400 },
          });
        })().catch((err: unknown) => opts.onError(caseId, err, origin)),
      );
    },
    abort(caseId, reason) {
      running.get(caseId)?.abort(new Error(reason));
      track(
        commands
          .publish(controlChannel, JSON.stringify({ caseId, reason }))
          .then(() => undefined)
          .catch((err: unknown) => opts.onError(caseId, err)),
      );
    },
    isRunning: (caseId) => running.has(caseId),
    get depth() {
      return cachedWaiting;
    },
    get active() {
      return running.size;
    },
    async ready() {
      await Promise.all([worker.waitUntilReady(), queue.waitUntilReady(), subscribed]);
    },
    async counts() {
      let timer: NodeJS.Timeout | undefined;
      // BullMQ's connection waits for Redis forever; a dashboard does not.
      const c = await Promise.race([
        queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active'),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not answer in 1 s')), 1000);
        }),
      ]).finally(() => clearTimeout(timer));
      return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0), active: c.active ?? 0 };
    },
    async flushed() {
      await Promise.all([...pending]);
    },
    async stop(graceMs) {
      stopped = true;
      clearInterval(refresh);
      const closing = worker.close();
      if (running.size > 0 && graceMs > 0) await within(closing, graceMs);
      for (const c of running.values()) c.abort(new Error('shutdown'));
      // With Redis down, BullMQ's commands wait forever: past the grace, the connections are dropped.
      await within(Promise.all([closing, ...pending]), Math.max(2000, graceMs));
      await within(queue.close(), 2000);
      await Promise.all([control, commands, queueConnection, workerConnection].map(closeRedisClient));
    },
  };
}
