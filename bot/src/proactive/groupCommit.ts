export interface GroupCommitOptions {
  /**
   * Hold a batch until this many calls are waiting (default 1: write at once), unless {@link GroupCommit.flush}
   * is called or the oldest waiting call has waited `lingerMs`.
   */
  readonly minBatch?: number;
  /** With `minBatch`: the longest a call waits for others before its batch is written anyway. */
  readonly lingerMs?: number;
  /** The sleep for `lingerMs` (the fan-out engine passes its clock's). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Group commit: calls that arrive while earlier ones are being written are written together, as one batch, as
 * soon as a writer is free. No timer and no waiting for a batch to fill: alone, a call is written at once; under
 * load, batches grow by themselves. With `minBatch` a batch waits for that many calls (or `flush()`, or
 * `lingerMs`), for callers that know more calls are coming. Each caller still awaits its own result, so a caller
 * never moves on before its write is durable (the fan-out engine relies on that to bound what a crash can leave
 * in flight).
 */
export class GroupCommit<I, R> {
  private readonly queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private writing = 0;
  /** Calls at the head of the queue that `flush()` asked to write whatever their number. */
  private flushing = 0;
  private lingering = false;
  private readonly minBatch: number;

  constructor(
    /** Writes one batch; answers one result per item, in order. A throw rejects every caller of the batch. */
    private readonly write: (items: I[]) => Promise<R[]>,
    private readonly maxBatch: number,
    /** Batches written at the same time. */
    private readonly writers = 2,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.minBatch = Math.min(maxBatch, Math.max(1, options.minBatch ?? 1));
  }

  /** Calls waiting for a writer (not yet in a batch being written). */
  get waiting(): number {
    return this.queue.length;
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Writes every call waiting now as soon as writers are free, however few they are. */
  flush(): void {
    this.flushing = this.queue.length;
    this.pump();
  }

  private pump(): void {
    while (this.writing < this.writers && this.queue.length > 0) {
      if (this.queue.length < this.minBatch && this.flushing === 0) {
        this.linger();
        return;
      }
      const batch = this.queue.splice(0, this.maxBatch);
      this.flushing = Math.max(0, this.flushing - batch.length);
      this.writing++;
      this.write(batch.map((b) => b.item))
        .then(
          (results) => {
            batch.forEach((b, i) => {
              if (i < results.length) b.resolve(results[i] as R);
              else b.reject(new Error('group commit: the batch answered fewer results than items'));
            });
          },
          (err: unknown) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          this.writing--;
          this.pump();
        });
    }
  }

  /** One timer at a time: when it fires, whatever waits is written. */
  private linger(): void {
    const { lingerMs, sleep } = this.options;
    if (this.lingering || lingerMs === undefined || sleep === undefined) return;
    this.lingering = true;
    void sleep(lingerMs).then(() => {
      this.lingering = false;
      this.flush();
    });
  }
}
