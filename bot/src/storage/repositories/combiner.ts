/**
 * Combines concurrent read-modify-writes of the same row inside one process into one write.
 *
 * Many check-ins of one team on one morning change the same DailyAggregates row. Each doing its own ETag
 * read-modify-write makes them fail each other's condition (measured: 32 concurrent writers on one row exhaust 16
 * retries). Here, while a write of a row is in flight, further changes to that row wait in a queue; the next write
 * applies all of them at once. Within one instance a hot row then costs one write per round trip, whatever the
 * concurrency; between instances the ETag retry inside `write` still guards against lost updates.
 *
 * A change that nobody waits for (a check-in's counting after its answer) may also hold a row's write back for a
 * short window (`waitMs`), so that the changes arriving meanwhile go into the same write: at a steady stream of one
 * team's check-ins this turns one write per check-in into one per window. A change without a window that arrives
 * during one ends it at once.
 */
export type Change<T> = (current: T) => T;

interface Pending<T> {
  readonly change: Change<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

export class KeyedCombiner<T> {
  private readonly queues = new Map<string, Pending<T>[]>();
  /** Rows whose first change is holding their write back: the timer that starts it. */
  private readonly windows = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * @param write performs one read-modify-write of the row `key` with the combined change, and returns what it
   *   stored. It may call the combined change more than once (on a retry), so changes must be pure.
   */
  constructor(private readonly write: (key: string, change: Change<T>) => Promise<T>) {}

  /**
   * Applies `change` to the row `key`; resolves with the row as it was right after this change. `waitMs` > 0: when
   * no write of the row is queued, wait that long for further changes before writing (see above).
   */
  apply(key: string, change: Change<T>, waitMs = 0): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ change, resolve, reject });
        if (waitMs <= 0) this.endWindow(key);
        return;
      }
      this.queues.set(key, [{ change, resolve, reject }]);
      // Not unref'd: a drain at shutdown awaits this write, so the timer must keep the process alive until it ran.
      if (waitMs > 0) this.windows.set(key, setTimeout(() => this.endWindow(key), waitMs));
      else void this.drain(key);
    });
  }

  /** Starts the write of a row whose window is open; nothing when its write is running already. */
  private endWindow(key: string): void {
    const timer = this.windows.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.windows.delete(key);
    void this.drain(key);
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
