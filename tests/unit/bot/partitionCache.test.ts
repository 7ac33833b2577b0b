import { PartitionCache } from '@soestainable/bot/storage/repositories/partitionCache';

describe('PartitionCache', () => {
  it('shares one load between concurrent readers and serves it until invalidated', async () => {
    const cache = new PartitionCache<number>(60_000);
    let loads = 0;
    const load = async () => {
      loads++;
      return [loads];
    };
    const [a, b] = await Promise.all([cache.get('org', load), cache.get('org', load)]);
    expect([a, b, loads]).toEqual([[1], [1], 1]);
    expect(await cache.get('org', load)).toEqual([1]);
    cache.invalidate('org');
    expect(await cache.get('org', load)).toEqual([2]);
    expect(await cache.get('other', load)).toEqual([3]);
  });

  it('does not remember a failed load', async () => {
    const cache = new PartitionCache<number>(60_000);
    await expect(cache.get('org', () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
    expect(await cache.get('org', async () => [7])).toEqual([7]);
  });

  it('drops the entry before and after a write, so a read during the write is not kept', async () => {
    const cache = new PartitionCache<string>(60_000);
    await cache.get('org', async () => ['old']);
    await cache.writing('org', async () => {
      expect(await cache.get('org', async () => ['read during the write'])).toEqual(['read during the write']);
    });
    expect(await cache.get('org', async () => ['new'])).toEqual(['new']);
    await expect(cache.writing('org', () => Promise.reject(new Error('412')))).rejects.toThrow('412');
    expect(await cache.get('org', async () => ['after a failed write'])).toEqual(['after a failed write']);
  });

  it('caches nothing with a TTL of 0', async () => {
    const cache = new PartitionCache<number>(0);
    let loads = 0;
    await cache.get('org', async () => [++loads]);
    await cache.get('org', async () => [++loads]);
    expect(loads).toBe(2);
  });
});
