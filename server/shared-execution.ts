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

/** Creates the envelop plugin; `viewerKey` names the class of viewer whose results may be shared. */
export function useSharedEventExecution(viewerKey: (context: unknown) => string, maxEvents = 4096): Plugin {
  // Recent events only: subscribers of one event read it within moments of each other.
  const results = new LRUCache<object, Map<string, Result>>({ max: maxEvents });
  const docIds = new WeakMap<DocumentNode, number>();
  let nextDocId = 0;
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
        return mapEvents(source, (payload) => {
          if (typeof payload !== 'object' || payload === null) return execute({ ...args, rootValue: payload });
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
