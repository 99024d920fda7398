/**
 * Group commit for a store's single-item statements. A call made while fewer than `concurrency` groups run (one by
 * default) starts at once, alone (no waiting when idle); calls made meanwhile wait and go together into the next
 * group — one statement, one round trip and one commit for many requests under load, instead of one each. A group
 * never includes a call made after it started, so what a call reads or writes happens after the call was made.
 *
 * `run` answers one result per item, in order, and writes all of a group or none of it (one transaction or one
 * statement): if a group of several fails, each of its items runs again alone (all at once), so a bad item fails only
 * its own call.
 */
export class GroupedCalls<I, O> {
  private waiting: Array<{
    item: I;
    resolve: (out: O) => void;
    reject: (error: unknown) => void;
  }> = [];
  /** Groups running now. */
  private running = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: {
      /** At most this many items in a group (default 500). */
      maxGroup?: number;
      /** At most this many groups running at once (default 1); a call waits only when this many run. */
      concurrency?: number;
    } = {},
  ) {}

  call(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.running < (this.options.concurrency ?? 1)) void this.drain();
    });
  }

  private async drain() {
    this.running += 1;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, this.options.maxGroup ?? 500);
        await this.runGroup(group);
      }
    } finally {
      this.running -= 1;
    }
  }

  private async runGroup(group: GroupedCalls<I, O>['waiting']) {
    let out: O[];
    try {
      out = await this.run(group.map(g => g.item));
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      await Promise.all(
        group.map(g =>
          this.run([g.item]).then(([alone]) => g.resolve(alone), g.reject),
        ),
      );
      return;
    }
    group.forEach((g, i) => g.resolve(out[i]));
  }
}

/**
 * Grouped reads of rows by key: each group reads its distinct keys in one query (`readMany`); each call gets the row
 * of its key, or undefined.
 */
export function groupedReads<R>(
  readMany: (keys: string[]) => Promise<R[]>,
  keyOf: (row: R) => string,
  options?: ConstructorParameters<typeof GroupedCalls>[1],
): GroupedCalls<string, R | undefined> {
  return new GroupedCalls(async keys => {
    const rows = await readMany([...new Set(keys)]);
    const byKey = new Map(rows.map(r => [keyOf(r), r]));
    return keys.map(k => byKey.get(k));
  }, options);
}
