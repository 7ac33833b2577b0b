import { KeyedCombiner } from '@soestainable/bot/storage/repositories/combiner';

/** A row store in memory with a write that takes a tick, standing in for one Table Storage row per key. */
function rows() {
  const data = new Map<string, number>();
  const writes: string[] = [];
  const write = async (key: string, change: (n: number) => number): Promise<number> => {
    const current = data.get(key) ?? 0;
    await new Promise((r) => setImmediate(r));
    const next = change(current);
    data.set(key, next);
    writes.push(key);
    return next;
  };
  return { data, writes, write };
}

describe('KeyedCombiner', () => {
  it('applies every change once and batches those that arrive while a write is in flight', async () => {
    const { data, writes, write } = rows();
    const combiner = new KeyedCombiner<number>(write);
    const results = await Promise.all(Array.from({ length: 50 }, () => combiner.apply('a', (n) => n + 1)));
    expect(data.get('a')).toBe(50);
    expect(writes.length).toBe(2); // the first change alone, then the 49 that queued behind it
    expect([...results].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('keeps rows apart', async () => {
    const { data, write } = rows();
    const combiner = new KeyedCombiner<number>(write);
    await Promise.all([combiner.apply('a', (n) => n + 1), combiner.apply('b', (n) => n + 10), combiner.apply('a', (n) => n + 1)]);
    expect(data.get('a')).toBe(2);
    expect(data.get('b')).toBe(10);
  });

  it('rejects the whole batch when its write fails, and goes on with the next one', async () => {
    const { data, write } = rows();
    let fail = true;
    const combiner = new KeyedCombiner<number>(async (key, change) => {
      if (fail) {
        fail = false;
        throw new Error('storage down');
      }
      return write(key, change);
    });
    const first = combiner.apply('a', (n) => n + 1);
    const second = combiner.apply('a', (n) => n + 1);
    await expect(first).rejects.toThrow('storage down');
    await expect(second).resolves.toBe(1);
    expect(data.get('a')).toBe(1);
  });

  it('lets a write retry: the combined change is pure, so a second call starts from the fresh value', async () => {
    let calls = 0;
    const combiner = new KeyedCombiner<number>(async (_key, change) => {
      calls++;
      change(100); // a first attempt that lost its ETag race
      return change(5); // the retry, on the value read again
    });
    expect(await combiner.apply('a', (n) => n * 2)).toBe(10);
    expect(calls).toBe(1);
  });

  it('holds a write back for a window: the changes of the row arriving meanwhile go into one write', async () => {
    const { data, writes, write } = rows();
    const combiner = new KeyedCombiner<number>(write);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const first = combiner.apply('a', (n) => n + 1, 40);
    await sleep(10);
    expect(writes).toEqual([]); // still waiting for others
    const later = Array.from({ length: 5 }, () => combiner.apply('a', (n) => n + 1, 40));
    const other = combiner.apply('b', (n) => n + 10, 40);
    expect(await first).toBe(1);
    expect((await Promise.all(later)).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6]);
    expect(await other).toBe(10);
    expect(data.get('a')).toBe(6);
    expect(writes.filter((k) => k === 'a')).toHaveLength(1);
  });

  it('ends a window at once when a change arrives that cannot wait (someone awaits it)', async () => {
    const { data, writes, write } = rows();
    const combiner = new KeyedCombiner<number>(write);
    const waiting = combiner.apply('a', (n) => n + 1, 60_000);
    const started = Date.now();
    const urgent = await combiner.apply('a', (n) => n * 10);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(urgent).toBe(10);
    expect(await waiting).toBe(1);
    expect(data.get('a')).toBe(10);
    expect(writes).toEqual(['a']);
  });
});
