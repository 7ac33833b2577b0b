import type { StoredConversationRef } from '@soestainable/shared/domain/conversation';
import { errorFields, type Logger } from '../platform/logger';
import { RateGate } from './rateGate';
import type { RateLimiter } from './rateLimits';
import { classifySendError, SendError, type OutgoingActivity, type Sender } from './sender';

/** Time for the engine: milliseconds since the epoch, and a sleep. Tests pass a fake. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface BackoffOptions {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly random: () => number;
}

/**
 * The wait before retry `attempt` (1 = the first retry): "equal jitter" exponential backoff, half fixed and
 * half random, so instances that were throttled together do not come back together. A Retry-After is honoured
 * as a minimum, plus up to 10 % jitter.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) {
    const honoured = Math.min(retryAfterMs, options.maxRetryAfterMs);
    return Math.round(honoured + options.random() * honoured * 0.1);
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

/** How one recipient's send ended. */
export type SendOutcome =
  | { kind: 'sent'; activityId: string }
  | { kind: 'gone'; code: string }
  | { kind: 'failed'; code: string }
  | { kind: 'uncertain'; code: string };

/** The run counters a send moves. */
export interface RetryCounters {
  retried: number;
  throttled: number;
}

export interface SendAttemptsOptions {
  /** Tries per send, the first included. */
  readonly maxAttempts: number;
  readonly backoff: BackoffOptions;
  /** The longest wait for one send's answer, in real milliseconds. */
  readonly attemptTimeoutMs: number;
}

/**
 * One message to one conversation, within the limits: wait for the tenant bucket and the conversation's windows,
 * send, retry 429/412/502/504 and requests that never left with jittered backoff honouring Retry-After. Shared by
 * every run of an engine (one limiter per process).
 */
export class SendAttempts {
  private readonly gate: RateGate;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly sender: Sender,
    private readonly options: SendAttemptsOptions,
    private readonly logger?: Logger,
  ) {
    this.gate = new RateGate(limiter, clock);
  }

  async send(ref: StoredConversationRef, activity: OutgoingActivity, counters: RetryCounters): Promise<SendOutcome> {
    const conversationKey = conversationKeyOf(ref);
    let retried = false;
    for (let attempt = 1; ; attempt++) {
      const acquiredAt = await this.gate.acquire(conversationKey);
      try {
        const { activityId } = await this.withTimeout(this.sender.send(ref.reference, activity));
        this.limiter.settle(conversationKey, acquiredAt);
        this.limiter.recordAnswer(false);
        return { kind: 'sent', activityId };
      } catch (err) {
        const failure = classifySendError(err);
        this.limiter.settle(conversationKey, acquiredAt, failure.kind === 'retry' && failure.throttled);
        if (failure.kind === 'unknown') return { kind: 'uncertain', code: failure.code };
        // Every answer feeds the brake (a 403 or 500 counts as "not throttled"); no answer (above) does not.
        const throttled = failure.kind === 'retry' && failure.throttled;
        if (this.limiter.recordAnswer(throttled, failure.kind === 'retry' ? failure.retryAfterMs : undefined)) {
          this.logger?.warn('fan-out: many 429s, slowing the tenant rate', { factor: this.limiter.tenantFactor() });
        }
        if (failure.kind === 'gone') return { kind: 'gone', code: failure.code };
        if (failure.kind === 'fatal') {
          this.logger?.warn('fan-out: send failed', { code: failure.code, ...errorFields(err) });
          return { kind: 'failed', code: failure.code };
        }
        if (failure.throttled) counters.throttled++;
        if (attempt >= this.options.maxAttempts) return { kind: 'failed', code: failure.code };
        if (!retried) {
          retried = true;
          counters.retried++;
        }
        await this.clock.sleep(backoffDelayMs(attempt, this.options.backoff, failure.retryAfterMs));
      }
    }
  }

  /**
   * The send, or a `timedOut` SendError after `attemptTimeoutMs` of real time. The abandoned request is not
   * cancelled (the SDK offers no way): it may still land, which is exactly why a timeout is uncertain.
   */
  private async withTimeout<T>(sending: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SendError('no answer in time', { timedOut: true })), this.options.attemptTimeoutMs);
    });
    sending.catch(() => undefined); // a late failure of an abandoned send is not an unhandled rejection
    try {
      return await Promise.race([sending, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The conversation the per-conversation limits apply to: the reference's conversation id when it has one. */
function conversationKeyOf(ref: StoredConversationRef): string {
  const id = (ref.reference as { conversation?: { id?: unknown } } | null)?.conversation?.id;
  if (typeof id === 'string' && id !== '') return id;
  return ref.owner.kind === 'user' ? `user:${ref.owner.userId}|${ref.scope}` : `team:${ref.owner.teamId}|${ref.scope}`;
}
