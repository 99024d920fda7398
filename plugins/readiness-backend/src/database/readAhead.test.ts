import { readAhead } from './readAhead';

describe('readAhead', () => {
  it('hands every chunk over in order, reading the next while the current is handled', async () => {
    const events: string[] = [];
    const resolvers: Array<() => void> = [];
    const read = (i: number) =>
      new Promise<number>(resolve => {
        events.push(`read ${i}`);
        resolvers[i] = () => resolve(i * 10);
      });
    const handled: number[] = [];
    const done = readAhead(3, read, async (value, i) => {
      events.push(`handle ${i}`);
      handled.push(value);
      // The next read is under way before this chunk is handled to the end.
      resolvers[i + 1]?.();
    });
    resolvers[0]();
    await done;
    expect(handled).toEqual([0, 10, 20]);
    expect(events).toEqual([
      'read 0',
      'read 1',
      'handle 0',
      'read 2',
      'handle 1',
      'handle 2',
    ]);
  });

  it('reads nothing for no chunks', async () => {
    const read = jest.fn();
    await readAhead(0, read, () => {});
    expect(read).not.toHaveBeenCalled();
  });

  it('stops at the first failure of a read or of handling, without an unhandled rejection', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await expect(
        readAhead(
          3,
          async i => {
            if (i === 1) throw new Error('read 1 failed');
            return i;
          },
          () => {
            throw new Error('handling failed');
          },
        ),
      ).rejects.toThrow('handling failed');
      const handled: number[] = [];
      await expect(
        readAhead(
          3,
          async i => {
            if (i === 1) throw new Error('read 1 failed');
            return i;
          },
          value => {
            handled.push(value);
          },
        ),
      ).rejects.toThrow('read 1 failed');
      expect(handled).toEqual([0]);
      await new Promise(resolve => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
