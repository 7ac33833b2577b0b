import { LRUCache } from 'lru-cache';

/**
 * A short-lived in-process cache of single rows that every check-in reads (a person's profile, their baseline):
 * {@link PartitionCache}'s sibling for one row instead of a partition. Concurrent readers share one load. A write
 * through the same repository goes through {@link write}: the entry is dropped while the write runs and, when it
 * succeeded and was the only write of that row in flight here, replaced by what was written (the writer knows it
 * exactly); otherwise it stays dropped and the next reader loads it. Other instances' changes are seen after at
 * most `ttlMs`. `ttlMs` 0 turns caching off.
 */
export class RecentCache<V> {
  private readonly cache: LRUCache<string, Promise<V>> | undefined;
  /**
   * Writes in flight per key, and whether any two of them overlapped: then none of them knows which version
   * storage holds last, and none is remembered.
   */
  private readonly writing = new Map<string, { inFlight: number; overlapped: boolean }>();

  constructor(ttlMs: number, max = 10_000) {
    this.cache = ttlMs > 0 ? new LRUCache<string, Promise<V>>({ max, ttl: ttlMs }) : undefined;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const cache = this.cache;
    if (!cache) return load();
    let pending = cache.get(key);
    if (!pending) {
      const loading = load();
      pending = loading;
      cache.set(key, loading);
      // A failed load is not remembered: the next reader tries storage again.
      loading.catch(() => {
        if (cache.get(key) === loading) cache.delete(key);
      });
    }
    return pending;
  }

  /**
   * Runs `write` (a write of the row `key` through this instance) and keeps the cache in step with it: the entry
   * is dropped at once and, after a successful write, set to `remember(result)` (`undefined`: not remembered).
   */
  async write<R>(key: string, write: () => Promise<R>, remember?: (result: R) => V | undefined): Promise<R> {
    const cache = this.cache;
    if (!cache) return write();
    const writes = this.writing.get(key);
    if (writes) {
      writes.inFlight++;
      writes.overlapped = true;
    } else {
      this.writing.set(key, { inFlight: 1, overlapped: false });
    }
    cache.delete(key);
    try {
      const result = await write();
      const value = remember && this.writing.get(key)?.overlapped === false ? remember(result) : undefined;
      if (value === undefined) cache.delete(key);
      else cache.set(key, Promise.resolve(value));
      return result;
    } catch (err) {
      cache.delete(key);
      throw err;
    } finally {
      const left = this.writing.get(key);
      if (left && --left.inFlight === 0) this.writing.delete(key);
    }
  }

  /** Drops every entry whose key `matches` (a deletion of many rows, e.g. all of a person's). */
  invalidateWhere(matches: (key: string) => boolean): void {
    if (!this.cache) return;
    for (const key of [...this.cache.keys()]) if (matches(key)) this.cache.delete(key);
  }
}
