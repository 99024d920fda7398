import { CoalescedWrites } from './coalescedWrites';

/** A write that records what it was given and finishes when told. */
function controlledWrite() {
  const calls: Array<{ keys: string[]; finish: (error?: Error) => void }> = [];
  const write = (keys: string[]) =>
    new Promise<void>((resolve, reject) =>
      calls.push({
        keys: [...keys].sort(),
        finish: error => (error ? reject(error) : resolve()),
      }),
    );
  return { calls, write };
}

const tick = () => new Promise(r => setImmediate(r));

describe('CoalescedWrites', () => {
  it('writes at once when nothing runs, and gathers what is asked meanwhile into one next write', async () => {
    const { calls, write } = controlledWrite();
    const writes = new CoalescedWrites(write);
    const settled: string[] = [];
    const first = writes.request(['a']).then(() => settled.push('first'));
    await tick();
    expect(calls.map(c => c.keys)).toEqual([['a']]);

    // Asked while the first write runs: one next write with every key, started only after the first ends.
    const second = writes.request(['b']).then(() => settled.push('second'));
    const third = writes.request(['a', 'c']).then(() => settled.push('third'));
    await tick();
    expect(calls).toHaveLength(1);
    calls[0].finish();
    await first;
    await tick();
    expect(calls.map(c => c.keys)).toEqual([['a'], ['a', 'b', 'c']]);
    // Neither later ask is answered by the write that was running when it was made.
    expect(settled).toEqual(['first']);
    calls[1].finish();
    await Promise.all([second, third]);
    expect(settled).toEqual(['first', 'second', 'third']);
  });

  it('rejects the asks a failed write covered, and goes on with the next', async () => {
    const { calls, write } = controlledWrite();
    const writes = new CoalescedWrites(write);
    const first = writes.request(['a']);
    await tick();
    const second = writes.request(['b']);
    calls[0].finish(new Error('database unavailable'));
    await expect(first).rejects.toThrow('database unavailable');
    await tick();
    expect(calls[1].keys).toEqual(['b']);
    calls[1].finish();
    await expect(second).resolves.toBeUndefined();
    // Nothing left over: a later ask writes at once again.
    const third = writes.request(['c']);
    await tick();
    expect(calls.map(c => c.keys)).toEqual([['a'], ['b'], ['c']]);
    calls[2].finish();
    await third;
  });
});
