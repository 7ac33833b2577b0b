import type { RateLimiter } from './rateLimits';
import type { Clock } from './sendAttempts';

interface Waiter {
  readonly conversationKey: string;
  readonly resolve: (acquiredAt: number) => void;
}

/**
 * The sends waiting for the {@link RateLimiter}, served in arrival order by one timer. Without it every waiting
 * send slept and asked again on its own: with 48 waiting at 200 tokens a second, about 48 wake-ups per token, all
 * but one for nothing. Here one wake-up per token serves the oldest waiter whose conversation's windows allow
 * it; a waiter held by its own conversation (a busy team channel) lets the ones behind it pass. The limiter stays
 * the only judge of what may go.
 */
export class RateGate {
  private readonly queue: Waiter[] = [];
  /** When the pending timer fires (Infinity: none pending). */
  private wakeAt = Infinity;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** Resolves with the time the slot was taken, once the tenant bucket and the conversation allow a send. */
  acquire(conversationKey: string): Promise<number> {
    const now = this.clock.now();
    if (this.queue.length === 0 && this.limiter.tryAcquire(conversationKey, now) === 0) return Promise.resolve(now);
    return new Promise<number>((resolve) => {
      this.queue.push({ conversationKey, resolve });
      this.pump();
    });
  }

  /** Serves waiters in order while tokens last; then sleeps until the next token or the earliest conversation window. */
  private pump(): void {
    const now = this.clock.now();
    const wait = this.release(now);
    if (this.queue.length > 0) this.sleepUntil(now + wait);
  }

  /** Gives slots to waiters in order; answers the milliseconds until the next one may go. */
  private release(now: number): number {
    let wait = Infinity;
    for (let i = 0; i < this.queue.length; ) {
      const tenantWait = this.limiter.tenantWaitMs(now);
      if (tenantWait > 0) return Math.min(wait, tenantWait);
      const waiter = this.queue[i] as Waiter;
      const conversationWait = this.limiter.tryAcquire(waiter.conversationKey, now);
      if (conversationWait === 0) {
        this.queue.splice(i, 1);
        waiter.resolve(now);
      } else {
        wait = Math.min(wait, conversationWait);
        i++;
      }
    }
    return wait;
  }

  /** Makes sure a timer fires by `at` (an earlier pending one is kept; a later one is overtaken). */
  private sleepUntil(at: number): void {
    if (at >= this.wakeAt) return;
    this.wakeAt = at;
    void this.clock.sleep(Math.max(1, at - this.clock.now())).then(() => {
      if (this.wakeAt === at) this.wakeAt = Infinity;
      this.pump();
    });
  }
}
