/** Per-context loaders batch the loads of one tick and remember nothing between batches. */
import { describe, expect, it } from 'vitest';
import { loaderFor } from '../../server/schema/loaders.js';

describe('loaderFor', () => {
  it('batches one tick of loads per context, and reads again in a later tick', async () => {
    const batches: string[][] = [];
    let version = 0;
    const batch = async (keys: readonly string[]) => {
      batches.push([...keys]);
      return keys.map((k) => `${k}@${version}`);
    };
    const ctx = {};
    const first = await Promise.all(['a', 'b', 'a'].map((k) => loaderFor(ctx, 'x', batch).load(k)));
    expect(first).toEqual(['a@0', 'b@0', 'a@0']);
    version = 1;
    // A later event on a long-lived (subscription) context sees the new value, not a memo.
    expect(await loaderFor(ctx, 'x', batch).load('a')).toBe('a@1');
    // Another context, another loader.
    expect(await loaderFor({}, 'x', batch).load('b')).toBe('b@1');
    expect(batches).toEqual([['a', 'b', 'a'], ['a'], ['b']]);
  });
});
