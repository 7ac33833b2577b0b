/**
 * The tenant's rolling second, counted so that the service can never see more than `limit` sends in any rolling
 * window, wherever between our dispatch and its answer it counts a send, and however late the answer comes:
 *
 * - a send counts from its dispatch while it is **in flight** (however long that takes), and from its **answer**
 *   once answered, until a window after the answer. Proof: take any window of the service's, and the send in it
 *   that we dispatched last, at t. Every other send in that window was dispatched before t and accepted at most a
 *   window before that last one's acceptance (≥ t), so at t it was in flight or answered less than a window ago:
 *   counted. We let the last one go only with fewer than `limit` counted, so the window holds at most `limit`.
 * - counting from the dispatch instead (the bucket's own view) is what let a stall of the process through: sends
 *   taken just before the stall reached the service after it, together with the sends taken after it, and a
 *   window later the bucket freed their slots before the service did (tenant 429s, then the brake).
 * - a send the service **refused** (429) was not accepted: the Bot Connector counts what it accepts. Its slot is
 *   given back at its answer, at most `maxRefunds` in any window; beyond that a refused send counts like any
 *   other, so a tenant that counts refused requests too is overrun by at most `maxRefunds` a window.
 *
 * The price: a send holds its slot for a window plus its latency, so a steady run sends `limit × window ÷ (window
 * + latency)`: 0.3 % less at the benchmark's 3 ms, about 9 % less at a 100 ms round trip.
 */
export class TenantWindow {
  private inFlight = 0;
  /** Answer times of the counted sends, ascending, from `head` on. */
  private readonly answered: number[] = [];
  private head = 0;
  /** Times of the slots given back, ascending, from `refundHead` on. */
  private readonly refunds: number[] = [];
  private refundHead = 0;

  constructor(
    readonly limit: number,
    readonly maxRefunds: number,
    private readonly windowMs = 1_000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}.`);
    if (!Number.isInteger(maxRefunds) || maxRefunds < 0) throw new RangeError(`maxRefunds must be a whole number, got ${maxRefunds}.`);
  }

  /** Sends that count now: in flight, or answered within the window. */
  counted(now: number): number {
    this.prune(now);
    return this.inFlight + this.answered.length - this.head;
  }

  /** Milliseconds until one more send may go (0: now). Takes nothing. */
  waitMs(now: number): number {
    const excess = this.counted(now) - this.limit + 1;
    if (excess <= 0) return 0;
    const expiring = this.answered[this.head + excess - 1];
    // Too many in flight: none of them leaves before a whole window after its answer, which is still to come.
    if (expiring === undefined) return this.windowMs;
    return Math.max(1, expiring + this.windowMs - now);
  }

  /** One send dispatched; call only after {@link waitMs} answered 0 at the same `now`. */
  take(): void {
    this.inFlight++;
  }

  /**
   * The answer to one dispatched send came now (or it was given up on: it counts from then). `refused`: the service
   * refused it (429); true when its slot was given back.
   */
  settle(now: number, refused: boolean): boolean {
    if (this.inFlight > 0) this.inFlight--;
    if (refused && this.refundsWithin(now) < this.maxRefunds) {
      this.refunds.push(now);
      return true;
    }
    insertSorted(this.answered, this.head, now);
    return false;
  }

  private refundsWithin(now: number): number {
    while (this.refundHead < this.refunds.length && (this.refunds[this.refundHead] as number) <= now - this.windowMs) this.refundHead++;
    if (this.refundHead > 1024) this.refundHead = compact(this.refunds, this.refundHead);
    return this.refunds.length - this.refundHead;
  }

  private prune(now: number): void {
    while (this.head < this.answered.length && (this.answered[this.head] as number) <= now - this.windowMs) this.head++;
    if (this.head > 1024) this.head = compact(this.answered, this.head);
  }
}

/** Inserts `value` into the ascending `list[from..]` (at the end, unless a clock stepped back). */
function insertSorted(list: number[], from: number, value: number): void {
  let i = list.length;
  while (i > from && (list[i - 1] as number) > value) i--;
  list.splice(i, 0, value);
}

/** Drops `list[0..head)`; answers the new head (0). */
function compact(list: number[], head: number): number {
  list.splice(0, head);
  return 0;
}
