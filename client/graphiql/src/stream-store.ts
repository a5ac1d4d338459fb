/** Every result of every subscription run in GraphiQL, kept for the Stream panel. */

/** One result a subscription delivered. */
export interface StreamEntry {
  id: number;
  operationName: string;
  receivedAt: Date;
  payload: unknown;
}

type Listener = () => void;

/** Creates the store (an external store for React's useSyncExternalStore). */
export function createStreamStore(limit = 5000) {
  let entries: readonly StreamEntry[] = [];
  let next = 1;
  const listeners = new Set<Listener>();
  const emit = () => {
    for (const l of listeners) l();
  };
  return {
    /** Adds a result (the oldest go past `limit`). */
    push(operationName: string, payload: unknown) {
      entries = [...entries, { id: next++, operationName, receivedAt: new Date(), payload }].slice(-limit);
      emit();
    },
    clear() {
      entries = [];
      emit();
    },
    snapshot: () => entries,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's type. */
export type StreamStore = ReturnType<typeof createStreamStore>;
