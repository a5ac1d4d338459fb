import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { untilExpiry } from '../../server/auth/expiring.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A source that yields `n` distinct 1 KB strings, then waits until stopped. */
function source(n: number) {
  let stopped: (() => void) | null = null;
  const ended = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  async function* gen() {
    for (let i = 0; i < n; i++) yield `${i}:`.padEnd(1024, String.fromCharCode(97 + (i % 26)));
    await ended;
  }
  return { it: gen(), stop: () => stopped?.() };
}

describe('untilExpiry', () => {
  it('keeps no event alive once delivered when the token is far from expiry', async () => {
    const n = 20_000;
    const src = source(n);
    const stream = untilExpiry(src.it, Math.floor(Date.now() / 1000) + 3600, src.stop);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < n; i++) await stream.next();
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    // 20k events of 1 KB: a leak keeps ~20+ MB; a fixed footprint stays far below 4 MB.
    expect(retained).toBeLessThan(4 * 2 ** 20);
    await stream.return(undefined);
  });

  it('ends with UNAUTHENTICATED when the token expires while the source is quiet', async () => {
    const src = source(1);
    const stream = untilExpiry(src.it, Date.now() / 1000 + 0.2, src.stop);
    expect((await stream.next()).value).toMatch(/^0:/);
    await expect(stream.next()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('ends at once when the token has already expired', async () => {
    const src = source(5);
    const stream = untilExpiry(src.it, Date.now() / 1000 - 1, src.stop);
    await expect(stream.next()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('does not fire early for a token that lives longer than a timer can wait (about 25 days)', async () => {
    const src = source(3);
    const stream = untilExpiry(src.it, Math.floor(Date.now() / 1000) + 40 * 86_400, src.stop);
    expect((await stream.next()).done).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    for (let i = 0; i < 2; i++) expect((await stream.next()).done).toBe(false);
    await stream.return(undefined);
  });
});
