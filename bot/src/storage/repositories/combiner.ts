/**
 * Combines concurrent read-modify-writes of the same row inside one process into one write.
 *
 * Many check-ins of one team on one morning change the same DailyAggregates row. Each doing its own ETag
 * read-modify-write makes them fail each other's condition (measured: 32 concurrent writers on one row exhaust 16
 * retries). Here, while a write of a row is in flight, further changes to that row wait in a queue; the next write
 * applies all of them at once. Within one instance a hot row then costs one write per round trip, whatever the
 * concurrency; between instances the ETag retry inside `write` still guards against lost updates.
 */
export type Change<T> = (current: T) => T;

interface Pending<T> {
  readonly change: Change<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

export class KeyedCombiner<T> {
  private readonly queues = new Map<string, Pending<T>[]>();

  /**
   * @param write performs one read-modify-write of the row `key` with the combined change, and returns what it
   *   stored. It may call the combined change more than once (on a retry), so changes must be pure.
   */
  constructor(private readonly write: (key: string, change: Change<T>) => Promise<T>) {}

  /** Applies `change` to the row `key`; resolves with the row as it was right after this change. */
  apply(key: string, change: Change<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ change, resolve, reject });
        return;
      }
      this.queues.set(key, [{ change, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    for (;;) {
      const batch = this.queues.get(key) ?? [];
      if (batch.length === 0) {
        this.queues.delete(key);
        return;
      }
      // New arrivals during this write form the next batch.
      this.queues.set(key, []);
      let afterEach: T[] = [];
      try {
        await this.write(key, (current) => {
          afterEach = [];
          let value = current;
          for (const p of batch) {
            value = p.change(value);
            afterEach.push(value);
          }
          return value;
        });
        batch.forEach((p, i) => p.resolve(afterEach[i] as T));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
  }
}
