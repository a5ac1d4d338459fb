/**
 * The child side of the bench's IPC channel. Every server the bench measures runs in a child of
 * its own and answers the parent's requests here: its CPU time and memory (`usage`), the peak RSS
 * since the last `resetPeak`, the heap after a full GC (`heapAfterGc`, needs --expose-gc), and
 * the commands of the child itself (`start`, `stop`, ...). A child whose parent goes away exits.
 */

/** A request from the parent. */
export interface ChildRequest {
  id: number;
  cmd: string;
  args?: unknown;
}

/** The answer to a request, or the `ready` notice a child sends once it can take requests. */
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: string };

/** What a child reports about itself. */
export interface Usage {
  /** process.cpuUsage(): user + system, microseconds since the child started. */
  cpuUs: number;
  rssBytes: number;
  /** Highest RSS seen (sampled every 20 ms, and at each request) since the last resetPeak. */
  peakRssBytes: number;
  heapUsedBytes: number;
}

/** A command the child carries out; its result goes back to the parent. */
export type Handler = (args: never) => unknown;

const PEAK_SAMPLE_MS = 20;

/** Serves the parent's requests with `handlers` plus the built-in ones; `stop` exits after replying. */
export function serveChild(handlers: Record<string, Handler>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('this file runs as a child of scripts/bench/main.ts (fork with an IPC channel)');
  let peak = process.memoryUsage.rss();
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    return rss;
  };
  setInterval(sample, PEAK_SAMPLE_MS).unref();
  const builtIn: Record<string, Handler> = {
    // A child with something to close passes its own `stop`.
    stop: () => null,
    usage: (): Usage => {
      const rssBytes = sample();
      const cpu = process.cpuUsage();
      return {
        cpuUs: cpu.user + cpu.system,
        rssBytes,
        peakRssBytes: peak,
        heapUsedBytes: process.memoryUsage().heapUsed,
      };
    },
    resetPeak: () => {
      peak = process.memoryUsage.rss();
      return null;
    },
    heapAfterGc: async () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (!gc) throw new Error('heapAfterGc needs node --expose-gc');
      // Twice, with a turn of the event loop between, so finalizers and weak callbacks run.
      gc();
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      return process.memoryUsage().heapUsed;
    },
  };
  const all = { ...builtIn, ...handlers };
  process.on('message', (msg: ChildRequest) => {
    const handler = all[msg.cmd];
    const reply = (m: ChildMessage) =>
      send(m, undefined, undefined, () => {
        if (msg.cmd === 'stop') process.exit(0);
      });
    if (!handler) {
      reply({ type: 'reply', id: msg.id, ok: false, error: `unknown command ${msg.cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(msg.args as never))
      .then(
        (result) => reply({ type: 'reply', id: msg.id, ok: true, result: result ?? null }),
        (err: unknown) =>
          reply({
            type: 'reply',
            id: msg.id,
            ok: false,
            error: err instanceof Error ? (err.stack ?? err.message) : String(err),
          }),
      );
  });
  // The parent is gone (finished, crashed or interrupted): nobody will stop us.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' } satisfies ChildMessage);
}
