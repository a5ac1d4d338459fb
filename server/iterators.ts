/**
 * An async generator cannot be returned while it waits inside an `await`: its return() queues
 * behind the pending next(). Subscriptions on a quiet stream would then never end when a client
 * unsubscribes. `closable` wraps an iterator so that return() first runs `unblock` (which ends
 * the wait, e.g. by closing the pub/sub subscription) and then returns the inner iterator.
 */
export function closable<T>(inner: AsyncIterator<T>, unblock: () => void): AsyncIterableIterator<T> {
  const it: AsyncIterableIterator<T> = {
    next: () => inner.next(),
    async return(value?: unknown) {
      unblock();
      await inner.return?.(value);
      return { value: undefined, done: true };
    },
    async throw(err?: unknown) {
      unblock();
      if (inner.throw) return inner.throw(err);
      throw err;
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}
