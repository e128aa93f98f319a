import { GroupCommit } from './group-commit';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('GroupCommit', () => {
  it('flushes an item at once when idle, and batches what arrives during a flush', async () => {
    const batches: number[][] = [];
    const gate = deferred();
    const commit = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await gate.promise;
      return items.map((n) => n * 10);
    });
    const first = commit.submit(1);
    const rest = [2, 3, 4].map((n) => commit.submit(n));
    expect(batches).toEqual([[1]]);
    gate.resolve();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every item of a failed batch and keeps serving later ones', async () => {
    let fail = true;
    const commit = new GroupCommit<string, string>(async (items) => {
      if (fail) throw new Error('broker down');
      return items;
    });
    await expect(commit.submit('a')).rejects.toThrow('broker down');
    fail = false;
    await expect(commit.submit('b')).resolves.toBe('b');
  });

  it('caps a batch at maxBatch', async () => {
    const sizes: number[] = [];
    const gate = deferred();
    const commit = new GroupCommit<number, number>(
      async (items) => {
        sizes.push(items.length);
        if (sizes.length === 1) await gate.promise;
        return items;
      },
      { maxBatch: 2 },
    );
    const all = [1, 2, 3, 4, 5].map((n) => commit.submit(n));
    gate.resolve();
    await Promise.all(all);
    expect(sizes).toEqual([1, 2, 2]);
  });

  it('refuses a flush that answers for the wrong number of items', async () => {
    const commit = new GroupCommit<number, number>(async () => []);
    await expect(commit.submit(1)).rejects.toThrow(/0 results for 1 items/);
  });
});
