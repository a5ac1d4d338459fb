/**
 * The BullMQ CaseQueue against a real Redis: priorities, bounded concurrency, one run of a case at a
 * time across instances (and the run after it for a message that came meanwhile), retries with
 * backoff, abort from another instance, hand-back at shutdown, and a worker killed -9 mid-job
 * whose job another instance finishes, once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BullmqCaseQueue, createBullmqQueue } from '../../server/desk/bullmq-queue.js';
import type { CaseProcessor } from '../../server/desk/work-queue.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await sleep(20);
  }
}

describe.skipIf(skipRedis())('BullMQ case queue', () => {
  let redis: TestRedis;
  let client: Redis;
  const queues: BullmqCaseQueue[] = [];
  let prefix = '';
  beforeAll(async () => {
    redis = await startTestRedis();
    client = new Redis(redis.url);
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.stop(0)));
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  function makeQueue(process: CaseProcessor, opts: { concurrency?: number; backoffMs?: number } = {}) {
    const q = createBullmqQueue(process, {
      redis: { url: redis.url, prefix },
      concurrency: opts.concurrency ?? 4,
      lockMs: 1000,
      backoffMs: opts.backoffMs ?? 200,
      retryLockedMs: 50,
      onError: () => {},
      onConnectionError: () => {},
    });
    queues.push(q);
    return q;
  }

  /** A processor that records runs and waits for `release(caseId)`. */
  function recorder(name: string, log: string[], gates: Map<string, () => void>): CaseProcessor {
    return async (caseId, signal) => {
      log.push(`${name}:start:${caseId}`);
      await new Promise<void>((resolve) => {
        gates.set(caseId, resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      gates.delete(caseId);
      log.push(`${name}:${signal.aborted ? `aborted(${(signal.reason as Error).message})` : 'end'}:${caseId}`);
    };
  }

  beforeAll(() => {
    prefix = redis.prefix();
  });
  afterEach(() => {
    prefix = redis.prefix();
  });

  it('runs emergencies first, then by priority', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const q = makeQueue(recorder('a', log, gates), { concurrency: 1 });
    await q.ready();
    q.enqueue('blocker', 'NORMAL');
    await until(() => gates.has('blocker'));
    q.enqueue('low', 'LOW');
    q.enqueue('normal', 'NORMAL');
    q.enqueue('urgent', 'URGENT');
    q.enqueue('high', 'HIGH');
    await q.flushed();
    expect(q.active).toBe(1);
    await until(async () => (await q.counts()).waiting === 4);
    for (const id of ['blocker', 'urgent', 'high', 'normal', 'low']) {
      await until(() => gates.has(id));
      gates.get(id)?.();
    }
    expect(log.filter((l) => l.includes(':start:')).map((l) => l.split(':')[2])).toEqual([
      'blocker',
      'urgent',
      'high',
      'normal',
      'low',
    ]);
  });

  it('runs at most `concurrency` cases at once on an instance', async () => {
    let now = 0;
    let peak = 0;
    const done = new Set<string>();
    const q = makeQueue(
      async (caseId) => {
        now++;
        peak = Math.max(peak, now);
        await sleep(150);
        now--;
        done.add(caseId);
      },
      { concurrency: 2 },
    );
    await q.ready();
    for (let i = 0; i < 6; i++) q.enqueue(`c${i}`, 'NORMAL');
    await until(() => done.size === 6);
    expect(peak).toBe(2);
  });

  it('never runs one case on two instances at once, and runs it again for what came meanwhile', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const a = makeQueue(recorder('a', log, gates));
    const b = makeQueue(recorder('b', log, gates));
    await Promise.all([a.ready(), b.ready()]);
    a.enqueue('x', 'NORMAL');
    await until(() => gates.has('x'));
    // A message while x runs: both instances are asked; one more run follows, after the first.
    b.enqueue('x', 'NORMAL');
    a.enqueue('x', 'HIGH');
    await Promise.all([a.flushed(), b.flushed()]);
    await sleep(400);
    expect(log.filter((l) => l.includes(':start:'))).toHaveLength(1);
    gates.get('x')?.();
    await until(() => log.filter((l) => l.includes(':start:')).length === 2);
    gates.get('x')?.();
    await until(() => log.filter((l) => l.endsWith(':end:x')).length === 2);
    // Starts and ends alternate: the second run began after the first ended.
    expect(log.map((l) => l.split(':')[1])).toEqual(['start', 'end', 'start', 'end']);
    await sleep(300);
    expect(log).toHaveLength(4);
    expect(await a.counts()).toEqual({ waiting: 0, active: 0 });
  });

  it('enqueues a waiting case once, however many instances ask', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const a = makeQueue(recorder('a', log, gates), { concurrency: 1 });
    await a.ready();
    a.enqueue('blocker', 'NORMAL');
    await until(() => gates.has('blocker'));
    for (let i = 0; i < 5; i++) a.enqueue('y', 'NORMAL');
    await a.flushed();
    expect((await a.counts()).waiting).toBe(1);
    gates.get('blocker')?.();
    await until(() => gates.has('y'));
    gates.get('y')?.();
    await until(() => log.includes('a:end:y'));
    await sleep(200);
    expect(log.filter((l) => l === 'a:start:y')).toHaveLength(1);
  });

  it('carries the turn’s origin (request id, trace headers) in the job to the run', async () => {
    const seen: unknown[] = [];
    const q = makeQueue(async (_caseId, _signal, origin) => {
      seen.push(origin);
    });
    await q.ready();
    const origin = {
      requestId: 'req-bull-1',
      trace: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    };
    q.enqueue('with-origin', 'NORMAL', origin);
    q.enqueue('without-origin', 'NORMAL');
    await until(() => seen.length === 2);
    expect(seen).toEqual(expect.arrayContaining([origin, undefined]));
  });

  it('retries a run that throws, with backoff', async () => {
    const starts: number[] = [];
    const q = makeQueue(
      async () => {
        starts.push(Date.now());
        if (starts.length < 3) throw new Error('database went away');
      },
      { backoffMs: 200 },
    );
    await q.ready();
    q.enqueue('flaky', 'NORMAL');
    await until(() => starts.length === 3);
    // Exponential: about 200 ms, then 400 ms.
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(180);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(360);
    await sleep(300);
    expect(starts).toHaveLength(3);
  });

  it('aborts a run from another instance', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const a = makeQueue(recorder('a', log, gates));
    await a.ready();
    a.enqueue('z', 'NORMAL');
    await until(() => gates.has('z'));
    // B starts only once A runs z: it could otherwise take z itself (its worker shares the queue).
    const b = makeQueue(recorder('b', log, gates));
    await b.ready();
    expect(a.isRunning('z')).toBe(true);
    expect(b.isRunning('z')).toBe(false);
    b.abort('z', 'an operator took over');
    await until(() => log.includes('a:aborted(an operator took over):z'));
    expect(a.isRunning('z')).toBe(false);
    // Aborted, not handed back: nobody runs z again.
    await until(async () => (await a.counts()).active === 0);
    expect(await a.counts()).toEqual({ waiting: 0, active: 0 });
    expect(log).toEqual(['a:start:z', 'a:aborted(an operator took over):z']);
  });

  it('hands a running case back at shutdown, and another instance runs it', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const a = makeQueue(recorder('a', log, gates));
    await a.ready();
    a.enqueue('w', 'URGENT');
    await until(() => gates.has('w'));
    const b = makeQueue(recorder('b', log, gates));
    await b.ready();
    await a.stop(100);
    expect(log).toContain('a:aborted(shutdown):w');
    await until(() => log.includes('b:start:w'));
    gates.get('w')?.();
    await until(() => log.includes('b:end:w'));
  });

  it('finishes, once, on another instance the job of a worker killed -9 mid-job', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./queue-worker.child.ts', import.meta.url)), redis.url, prefix, 'k'],
      { stdio: 'ignore' },
    );
    try {
      await until(async () => (await client.lrange(`${prefix}:log`, 0, -1)).includes('child:start:k'), 20_000);
      child.kill('SIGKILL');
      const killedAt = Date.now();
      const runs: number[] = [];
      const b = makeQueue(async () => {
        runs.push(Date.now());
        await sleep(50);
      });
      await b.ready();
      await until(() => runs.length === 1, 15_000);
      const tookOverMs = runs[0] - killedAt;
      console.info(`killed worker's job taken over in ${tookOverMs} ms`);
      expect(tookOverMs).toBeLessThan(5000);
      await until(async () => (await b.counts()).active === 0);
      await sleep(1500);
      expect(runs).toHaveLength(1);
      expect(await b.counts()).toEqual({ waiting: 0, active: 0 });
      expect(await client.lrange(`${prefix}:log`, 0, -1)).toEqual(['child:start:k']);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
