/**
 * Per-request batching of field loads (DataLoader): a list of cases asks for each case's labels
 * or SLA clock in one query for the whole page, not one per row. A loader lives as long as the
 * request's context (a subscription's context keeps its own) and remembers nothing between batches.
 */
import DataLoader from 'dataloader';

const loadersOf = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/** The context's loader named `name`, made on first use with `batch` (answers in the order of the keys). */
export function loaderFor<V>(
  ctx: object,
  name: string,
  batch: (keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let loaders = loadersOf.get(ctx);
  if (!loaders) {
    loaders = new Map();
    loadersOf.set(ctx, loaders);
  }
  let l = loaders.get(name) as DataLoader<string, V> | undefined;
  if (!l) {
    // Batching only, no memo: a subscription's context lives across events, which must not see
    // the labels or clock of an earlier one.
    l = new DataLoader<string, V>(batch, { maxBatchSize: 500, cache: false });
    loaders.set(name, l as DataLoader<string, unknown>);
  }
  return l;
}
