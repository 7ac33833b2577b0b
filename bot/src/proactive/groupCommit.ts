/**
 * Group commit: calls that arrive while earlier ones are being written are written together, as one batch, as
 * soon as a writer is free. No timer and no waiting for a batch to fill: alone, a call is written at once; under
 * load, batches grow by themselves. Each caller still awaits its own result, so a caller never moves on before
 * its write is durable (the fan-out engine relies on that to bound what a crash can leave in flight).
 */
export class GroupCommit<I, R> {
  private readonly queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private writing = 0;

  constructor(
    /** Writes one batch; answers one result per item, in order. A throw rejects every caller of the batch. */
    private readonly write: (items: I[]) => Promise<R[]>,
    private readonly maxBatch: number,
    /** Batches written at the same time. */
    private readonly writers = 2,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.writing < this.writers && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
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
}
