/**
 * In-process publish/subscribe. A subscription listens from the moment it is created (not from
 * its first read), which the resumable case streams rely on to have no gap.
 */
import { EventEmitter } from 'node:events';

/** A live subscription: an async iterator with an explicit close. */
export interface Subscription<T> extends AsyncIterableIterator<T> {
  close(): void;
  /** Takes every payload already received and not yet read, without waiting. */
  drain(): T[];
}

/** The pub/sub the desk publishes on. */
export interface PubSub {
  publish<T>(topic: string, payload: T): void;
  subscribe<T>(topic: string, opts?: { maxQueue?: number }): Subscription<T>;
  /** Ends every subscription (on shutdown). */
  closeAll(): void;
}

/** Thrown to a subscriber that falls too far behind. */
class SlowConsumerError extends Error {}

/** Creates the in-process pub/sub. */
export function createPubSub(): PubSub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const closers = new Set<() => void>();
  return {
    publish(topic, payload) {
      emitter.emit(topic, payload);
    },
    subscribe<T>(topic: string, opts: { maxQueue?: number } = {}): Subscription<T> {
      const maxQueue = opts.maxQueue ?? 10_000;
      const queue: T[] = [];
      let waiting: ((r: IteratorResult<T>) => void) | null = null;
      let failing: ((e: Error) => void) | null = null;
      let done = false;
      let error: Error | null = null;
      const listener = (payload: T) => {
        if (done) return;
        if (waiting) {
          const w = waiting;
          waiting = failing = null;
          w({ value: payload, done: false });
        } else if (queue.length >= maxQueue) {
          error = new SlowConsumerError(`subscriber on ${topic} fell more than ${maxQueue} events behind`);
          close();
        } else queue.push(payload);
      };
      const close = () => {
        if (done) return;
        done = true;
        emitter.off(topic, listener);
        closers.delete(close);
        if (waiting && !error) waiting({ value: undefined, done: true });
        if (failing && error) failing(error);
        waiting = failing = null;
      };
      emitter.on(topic, listener);
      closers.add(close);
      const sub: Subscription<T> = {
        next() {
          const queued = queue.shift();
          if (queued !== undefined) return Promise.resolve({ value: queued, done: false });
          if (error) return Promise.reject(error);
          if (done) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve, reject) => {
            waiting = resolve;
            failing = reject;
          });
        },
        return() {
          close();
          return Promise.resolve({ value: undefined, done: true });
        },
        throw(e?: unknown) {
          close();
          return Promise.reject(e);
        },
        close,
        drain() {
          return queue.splice(0);
        },
        [Symbol.asyncIterator]() {
          return sub;
        },
      };
      return sub;
    },
    closeAll() {
      for (const c of [...closers]) c();
    },
  };
}
