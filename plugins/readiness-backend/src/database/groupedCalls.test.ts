import { GroupedCalls } from './groupedCalls';

/** A run that records each group it is given and answers when told. */
function controlledRun() {
  const groups: Array<{
    items: string[];
    finish: (error?: Error) => void;
  }> = [];
  const run = (items: string[]) =>
    new Promise<string[]>((resolve, reject) =>
      groups.push({
        items,
        finish: error =>
          error ? reject(error) : resolve(items.map(i => i.toUpperCase())),
      }),
    );
  return { groups, run };
}

const tick = () => new Promise(r => setImmediate(r));

describe('GroupedCalls', () => {
  it('runs a call at once when idle, and the calls made meanwhile together in the next group', async () => {
    const { groups, run } = controlledRun();
    const calls = new GroupedCalls(run);
    const answered: string[] = [];
    const first = calls.call('a').then(o => answered.push(o));
    await tick();
    expect(groups.map(g => g.items)).toEqual([['a']]);

    const later = ['b', 'c', 'd'].map(i =>
      calls.call(i).then(o => answered.push(o)),
    );
    await tick();
    // Not added to the group that was running when they were made.
    expect(groups.map(g => g.items)).toEqual([['a']]);
    groups[0].finish();
    await first;
    await tick();
    expect(groups.map(g => g.items)).toEqual([['a'], ['b', 'c', 'd']]);
    expect(answered).toEqual(['A']);
    groups[1].finish();
    await Promise.all(later);
    expect(answered).toEqual(['A', 'B', 'C', 'D']);
  });

  it('runs up to `concurrency` groups at once', async () => {
    const { groups, run } = controlledRun();
    const calls = new GroupedCalls(run, { concurrency: 2 });
    const answers = ['a', 'b', 'c', 'd'].map(i => calls.call(i));
    await tick();
    // Two started at once, alone; the rest wait for one of them to finish, together.
    expect(groups.map(g => g.items)).toEqual([['a'], ['b']]);
    groups[1].finish();
    await tick();
    expect(groups.map(g => g.items)).toEqual([['a'], ['b'], ['c', 'd']]);
    groups[0].finish();
    groups[2].finish();
    await expect(Promise.all(answers)).resolves.toEqual(['A', 'B', 'C', 'D']);
  });

  it('runs each item of a failed group alone, so only the bad one fails', async () => {
    const run = jest.fn(async (items: string[]) => {
      if (items.includes('bad')) throw new Error(`bad among ${items}`);
      return items.map(i => i.toUpperCase());
    });
    const calls = new GroupedCalls(run);
    const hold = calls.call('first');
    const results = await Promise.allSettled(
      ['x', 'bad', 'y'].map(i => calls.call(i)),
    );
    await hold;
    expect(results).toEqual([
      { status: 'fulfilled', value: 'X' },
      { status: 'rejected', reason: new Error('bad among bad') },
      { status: 'fulfilled', value: 'Y' },
    ]);
    expect(run.mock.calls.map(([items]) => items)).toEqual([
      ['first'],
      ['x', 'bad', 'y'],
      ['x'],
      ['bad'],
      ['y'],
    ]);
  });

  it('keeps groups under maxGroup, and goes on after a failure', async () => {
    const { groups, run } = controlledRun();
    const calls = new GroupedCalls(run, { maxGroup: 2 });
    const first = calls.call('a');
    const rest = ['b', 'c', 'd'].map(i => calls.call(i));
    await tick();
    groups[0].finish(new Error('down'));
    await expect(first).rejects.toThrow('down');
    await tick();
    expect(groups.map(g => g.items)).toEqual([['a'], ['b', 'c']]);
    groups[1].finish();
    await tick();
    expect(groups.map(g => g.items)).toEqual([['a'], ['b', 'c'], ['d']]);
    groups[2].finish();
    await expect(Promise.all(rest)).resolves.toEqual(['B', 'C', 'D']);
  });
});
