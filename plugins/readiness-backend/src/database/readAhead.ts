/**
 * Reads `count` chunks one after another and hands each to `handle`, with the next chunk's read already under way
 * while the current one is handled: the database answers while this process parses and compares. Reads start in
 * order, at most one ahead; a failure of either stops the loop (a read left running is not reported twice).
 */
export async function readAhead<T>(
  count: number,
  read: (index: number) => Promise<T>,
  handle: (value: T, index: number) => void | Promise<void>,
): Promise<void> {
  if (count <= 0) return;
  let next: Promise<T> | undefined = read(0);
  try {
    for (let i = 0; i < count; i++) {
      const value: T = await next!;
      next = i + 1 < count ? read(i + 1) : undefined;
      await handle(value, i);
    }
  } finally {
    // When handling failed, the read started for the next chunk ends unobserved.
    next?.catch(() => {});
  }
}
