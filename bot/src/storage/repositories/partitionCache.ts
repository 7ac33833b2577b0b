import { LRUCache } from 'lru-cache';

/**
 * A short-lived in-process cache of small, rarely changing partitions (the org's campaigns, its catalogue), read
 * on every check-in. Concurrent readers share one load; a write through the same repository drops the entry at
 * once; other instances see a change after at most `ttlMs`. `ttlMs` 0 turns caching off.
 */
export class PartitionCache<T> {
  private readonly cache: LRUCache<string, Promise<readonly T[]>> | undefined;

  constructor(ttlMs: number) {
    this.cache = ttlMs > 0 ? new LRUCache<string, Promise<readonly T[]>>({ max: 100, ttl: ttlMs }) : undefined;
  }

  get(key: string, load: () => Promise<readonly T[]>): Promise<readonly T[]> {
    if (!this.cache) return load();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = load();
      this.cache.set(key, pending);
      // A failed load is not remembered: the next reader tries storage again.
      pending.catch(() => this.cache?.delete(key));
    }
    return pending;
  }

  invalidate(key: string): void {
    this.cache?.delete(key);
  }

  /**
   * Runs a write of the partition `key`, dropping the entry before it and again after it (also when it failed):
   * a reader that loaded the partition while the write ran may have kept the old rows.
   */
  async writing<R>(key: string, write: () => Promise<R>): Promise<R> {
    this.invalidate(key);
    try {
      return await write();
    } finally {
      this.invalidate(key);
    }
  }
}
