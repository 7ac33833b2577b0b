import { RecentCache } from '@soestainable/bot/storage/repositories/recentCache';

describe('RecentCache', () => {
  it('shares one load between concurrent readers, and a failed load is not remembered', async () => {
    const cache = new RecentCache<number | undefined>(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('u', load), cache.get('u', load)])).toEqual([1, 1]);
    expect(await cache.get('u', load)).toBe(1);
    await expect(cache.get('v', () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
    expect(await cache.get('v', async () => undefined)).toBeUndefined();
    expect(await cache.get('v', async () => 9)).toBeUndefined(); // "no row" is remembered like a row
  });

  it('remembers what a lone write wrote, and forgets a failed write', async () => {
    const cache = new RecentCache<string>(60_000);
    await cache.get('u', async () => 'old');
    await cache.write('u', async () => 'ok', () => 'new');
    expect(await cache.get('u', async () => 'stored')).toBe('new');
    await expect(cache.write('u', () => Promise.reject(new Error('412')), () => 'never')).rejects.toThrow('412');
    expect(await cache.get('u', async () => 'stored')).toBe('stored');
  });

  it('drops the entry while a write runs, and remembers nothing when two writes of one key overlapped', async () => {
    const cache = new RecentCache<string>(60_000);
    await cache.get('u', async () => 'old');
    let finishFirst: () => void = () => undefined;
    const first = cache.write('u', () => new Promise<void>((resolve) => (finishFirst = resolve)), () => 'first');
    // While the write runs, a reader goes to storage (which may hold either version).
    expect(await cache.get('u', async () => 'during')).toBe('during');
    const second = cache.write('u', async () => undefined, () => 'second');
    await second;
    finishFirst();
    await first;
    // Neither knows which of them storage kept: the next reader reads it.
    expect(await cache.get('u', async () => 'stored')).toBe('stored');
  });

  it('a write without `remember` (an erasure mark, a removal) only drops the entry; invalidateWhere drops many', async () => {
    const cache = new RecentCache<string>(60_000);
    await cache.get('a1', async () => 'x');
    await cache.get('a2', async () => 'y');
    await cache.get('b1', async () => 'z');
    await cache.write('a1', async () => true);
    expect(await cache.get('a1', async () => 'fresh')).toBe('fresh');
    cache.invalidateWhere((key) => key.startsWith('a'));
    expect(await cache.get('a2', async () => 'fresh')).toBe('fresh');
    expect(await cache.get('b1', async () => 'fresh')).toBe('z');
  });

  it('caches nothing with a TTL of 0', async () => {
    const cache = new RecentCache<number>(0);
    let loads = 0;
    await cache.get('u', async () => ++loads);
    await cache.write('u', async () => undefined, () => 100);
    expect(await cache.get('u', async () => ++loads)).toBe(2);
  });
});
