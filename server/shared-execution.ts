/**
 * Runs a subscription's selection once per event for every subscriber that asked the same thing,
 * instead of once per subscriber: one case watched by a thousand dashboards costs one execution
 * per event, not a thousand. Subscribers share a result when the event object, the document, the
 * operation, the variables and the viewer's class (`viewerKey`, e.g. the role) are the same, so
 * nothing a field resolves differently per viewer may be shared across classes.
 */

import { createSourceEventStream, type DocumentNode, type ExecutionResult, execute } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

type Result = ExecutionResult | Promise<ExecutionResult>;

/** A result built without the executor for some events (undefined: run the executor). */
type Shortcut = (payload: unknown) => ExecutionResult | undefined;

/** What the plugin is given. */
export interface SharedExecutionOptions {
  /** Names the class of viewer whose results may be shared. */
  viewerKey: (context: unknown) => string;
  /** A shortcut for a subscription document, if one applies (made once per document and operation). */
  shortcut?: (document: DocumentNode, operationName?: string | null) => Shortcut | null;
  maxEvents?: number;
}

/** Creates the envelop plugin. */
export function useSharedEventExecution({ viewerKey, shortcut, maxEvents = 4096 }: SharedExecutionOptions): Plugin {
  // Recent events only: subscribers of one event read it within moments of each other.
  const results = new LRUCache<object, Map<string, Result>>({ max: maxEvents });
  const docIds = new WeakMap<DocumentNode, number>();
  const shortcuts = new WeakMap<DocumentNode, Map<string, Shortcut | null>>();
  let nextDocId = 0;
  const shortcutFor = (document: DocumentNode, operationName?: string | null): Shortcut | null => {
    if (!shortcut) return null;
    let byOp = shortcuts.get(document);
    if (!byOp) {
      byOp = new Map();
      shortcuts.set(document, byOp);
    }
    const op = operationName ?? '';
    let s = byOp.get(op);
    if (s === undefined) {
      s = shortcut(document, operationName);
      byOp.set(op, s);
    }
    return s;
  };
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        let docId = docIds.get(args.document);
        if (docId === undefined) {
          docId = nextDocId++;
          docIds.set(args.document, docId);
        }
        const key = `${docId}|${args.operationName ?? ''}|${viewerKey(args.contextValue)}|${JSON.stringify(args.variableValues ?? {})}`;
        const fast = shortcutFor(args.document, args.operationName);
        return mapEvents(source, (payload) => {
          if (typeof payload !== 'object' || payload === null) return execute({ ...args, rootValue: payload });
          const quick = fast?.(payload);
          if (quick) return quick;
          let byKey = results.get(payload);
          if (!byKey) {
            byKey = new Map();
            results.set(payload, byKey);
          }
          let result = byKey.get(key);
          if (!result) {
            result = execute({ ...args, rootValue: payload });
            byKey.set(key, result);
          }
          return result;
        });
      });
    },
  };
}

function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return typeof v === 'object' && v !== null && Symbol.asyncIterator in v;
}

/** Maps each event through `run`; closing the result closes the source. */
function mapEvents(source: AsyncIterable<unknown>, run: (payload: unknown) => Result): AsyncGenerator<ExecutionResult> {
  const it = source[Symbol.asyncIterator]();
  const close = async () => {
    await it.return?.();
  };
  const mapped: AsyncGenerator<ExecutionResult> = {
    async next() {
      const r = await it.next();
      if (r.done) return { value: undefined, done: true };
      try {
        return { value: await run(r.value), done: false };
      } catch (err) {
        await close();
        throw err;
      }
    },
    async return() {
      await close();
      return { value: undefined, done: true };
    },
    async throw(err: unknown) {
      await close();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
