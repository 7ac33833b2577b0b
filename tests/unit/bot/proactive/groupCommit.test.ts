import { GroupCommit } from '@soestainable/bot/proactive/groupCommit';

/** A write that holds each batch until released, recording the batches it saw. */
function controlledWrite() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const write = (items: number[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve) => releases.push(() => resolve(items.map((i) => `ok-${i}`))));
  };
  return { batches, releases, write };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes a lone call at once, and groups the calls that arrive while writers are busy', async () => {
    const { batches, releases, write } = controlledWrite();
    const group = new GroupCommit(write, 3, 1);
    const first = group.submit(1);
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4, 5].map((i) => group.submit(i));
    expect(batches).toHaveLength(1);
    releases[0]?.();
    expect(await first).toBe('ok-1');
    await settle();
    // The next batch takes at most maxBatch (3) of the waiting calls, in order.
    expect(batches[1]).toEqual([2, 3, 4]);
    releases[1]?.();
    await settle();
    expect(batches[2]).toEqual([5]);
    releases[2]?.();
    expect(await Promise.all(rest)).toEqual(['ok-2', 'ok-3', 'ok-4', 'ok-5']);
  });

  it('runs up to `writers` batches at once', async () => {
    const { batches, releases, write } = controlledWrite();
    const group = new GroupCommit(write, 10, 2);
    const all = [0, 1, 2, 3, 4].map((i) => group.submit(i));
    expect(batches).toEqual([[0], [1]]);
    releases[0]?.();
    await settle();
    expect(batches).toEqual([[0], [1], [2, 3, 4]]);
    releases[1]?.();
    releases[2]?.();
    expect(await Promise.all(all)).toEqual(['ok-0', 'ok-1', 'ok-2', 'ok-3', 'ok-4']);
  });

  it('rejects every caller of a failed batch, and keeps going with the next', async () => {
    let calls = 0;
    const group = new GroupCommit<number, number>(async (items) => {
      if (calls++ === 0) throw Object.assign(new Error('storage down'), { code: 'STORAGE_UNAVAILABLE' });
      return items.map((i) => i * 2);
    }, 10, 1);
    const a = group.submit(1);
    const b = group.submit(2);
    await expect(a).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    // b was queued behind the failed batch: it gets its own (successful) write.
    await expect(b).resolves.toBe(4);
  });

  it('rejects callers a batch answered no result for', async () => {
    const group = new GroupCommit<number, number>(async () => [], 10, 1);
    await expect(group.submit(1)).rejects.toThrow('fewer results');
  });
  it('with minBatch, holds calls until enough wait, a flush, or the linger', async () => {
    const { batches, releases, write } = controlledWrite();
    const sleeps: (() => void)[] = [];
    const sleep = () => new Promise<void>((resolve) => sleeps.push(resolve));
    const group = new GroupCommit(write, 10, 2, { minBatch: 3, lingerMs: 100, sleep });
    const first = [1, 2].map((i) => group.submit(i));
    expect(batches).toEqual([]);
    expect(group.waiting).toBe(2);
    const third = group.submit(3);
    expect(batches).toEqual([[1, 2, 3]]);
    // Two more, below the minimum: a flush writes them however few.
    const rest = [4, 5].map((i) => group.submit(i));
    expect(batches).toHaveLength(1);
    group.flush();
    expect(batches[1]).toEqual([4, 5]);
    releases.forEach((release) => release());
    await settle();
    // One more: the linger (one timer, armed when a call first had to wait) writes it alone.
    const late = group.submit(6);
    expect(batches).toHaveLength(2);
    expect(sleeps.length).toBeGreaterThan(0);
    sleeps.forEach((wake) => wake());
    await settle();
    expect(batches[2]).toEqual([6]);
    releases[2]?.();
    expect(await Promise.all([...first, third, ...rest, late])).toEqual(['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5', 'ok-6']);
  });
});
