/** Waits for a condition the tests poll (a stored state that another part of the desk brings about). */

/** The first truthy value `fn` gives, polled every 25 ms; throws after `timeoutMs`. */
export async function until<T>(
  fn: () => Promise<T | undefined | false | null> | T | undefined | false | null,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
