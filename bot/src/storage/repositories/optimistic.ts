import { setTimeout as sleepMs } from 'node:timers/promises';
import { AppError, ConflictError } from '../../errors';

/** A domain object as read, with the ETag of its row: pass the etag back to write it only if nobody changed it. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** How hard a read-modify-write tries before it gives up with STORAGE_CONFLICT. */
export interface RetryPolicy {
  /** Attempts in all, the first included (≥ 1). */
  readonly maxAttempts: number;
  /** Backoff before retry n is a random delay in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))) ("full jitter"). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** For tests: replaces the timer and the random source. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 200 };

/**
 * Runs `attempt` (a read-modify-write that uses ETags or insert-if-absent) until it does not meet a
 * {@link ConflictError}, with jittered exponential backoff in between. When the attempts run out it throws a plain
 * `AppError('STORAGE_CONFLICT')` (not a ConflictError, so that callers do not retry it again) naming the row.
 * Every other error passes straight through.
 */
export async function retryOnConflict<R>(what: string, policy: RetryPolicy, attempt: () => Promise<R>): Promise<R> {
  const sleep = policy.sleep ?? ((ms: number) => sleepMs(ms).then(() => undefined));
  const random = policy.random ?? Math.random;
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  let last: ConflictError | undefined;
  for (let n = 1; n <= maxAttempts; n++) {
    if (n > 1) {
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 2));
      await sleep(Math.floor(random() * cap));
    }
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      last = err;
    }
  }
  throw new AppError('STORAGE_CONFLICT', `${what}: still conflicting after ${maxAttempts} attempts; try again later.`, {
    cause: last,
  });
}
