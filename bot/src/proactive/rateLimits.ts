/**
 * Teams' proactive rate limits as pure, clock-driven bookkeeping (no timers here: callers ask how long to wait
 * and sleep themselves). See ../shared/BRIEF.md "Proactive rate limits":
 * - per bot per conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour (sliding windows);
 * - per app per tenant: documented as 50 RPS (older copies: 30), so a token bucket, 30/s unless configured, and a
 *   {@link TenantWindow} that keeps the service from ever counting more than that rate in a rolling second.
 */
import { TenantWindow } from './tenantWindow';

/** At most `count` sends in any `windowMs` window. */
export interface WindowLimit {
  readonly count: number;
  readonly windowMs: number;
}

export const CONVERSATION_LIMITS: readonly WindowLimit[] = Object.freeze([
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1_800, windowMs: 3_600_000 },
]);

export const DEFAULT_TENANT_RATE = 30;

function assertPositive(value: number, what: string): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${what} must be a positive number, got ${value}.`);
}

/**
 * A token bucket: `ratePerSecond` tokens a second, holding at most `burst`. Starts full. A burst above 1 lets the
 * sender catch up after a late timer; it also lets `burst` sends go out back to back, so keep it small.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private factor = 1;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    now: number,
  ) {
    assertPositive(ratePerSecond, 'ratePerSecond');
    if (!Number.isFinite(burst) || burst < 1) throw new RangeError(`burst must be at least 1, got ${burst}.`);
    this.tokens = burst;
    this.last = now;
  }

  /** Milliseconds until one token is there (0: there is one now). Takes nothing. */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / (this.ratePerSecond * this.factor));
  }

  /** Runs at `factor` (0–1] × the rate from `now` on (tokens already earned are kept). */
  scale(factor: number, now: number): void {
    if (factor === this.factor) return;
    this.refill(now);
    this.factor = Math.min(1, Math.max(0.01, factor));
  }

  /** Takes one token; call only after {@link waitMs} answered 0 at the same `now`. */
  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  /** Gives one token back (a send the service refused), never beyond the burst. */
  refund(now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  private refill(now: number): void {
    // A clock that steps back never adds tokens.
    if (now > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond * this.factor) / 1000);
      this.last = now;
    }
  }
}

/** The sends to one conversation within the longest window, oldest first, checked against every limit. */
export class SlidingWindows {
  private readonly sends: number[] = [];
  private readonly longest: number;

  constructor(private readonly limits: readonly WindowLimit[] = CONVERSATION_LIMITS) {
    for (const l of limits) {
      assertPositive(l.count, 'limit count');
      assertPositive(l.windowMs, 'limit windowMs');
    }
    this.longest = Math.max(0, ...limits.map((l) => l.windowMs));
  }

  /** Milliseconds until one more send is allowed by every window (0: now). */
  waitMs(now: number): number {
    this.prune(now);
    let wait = 0;
    for (const { count, windowMs } of this.limits) {
      // The count-th most recent send: while it is inside (now - windowMs, now] the window is full.
      const kth = this.sends[this.sends.length - count];
      if (kth !== undefined && kth > now - windowMs) wait = Math.max(wait, kth + windowMs - now);
    }
    return wait;
  }

  record(now: number): void {
    this.sends.push(now);
  }

  /**
   * Moves the send recorded at `sentAt` to `now` (when its answer came). The service counts a request when it
   * arrives, somewhere between the two; counting from the answer keeps the windows safe whatever the latency.
   */
  settle(sentAt: number, now: number): void {
    const i = this.sends.lastIndexOf(sentAt);
    if (i < 0 || now <= sentAt) return;
    this.sends.splice(i, 1);
    let j = this.sends.length;
    while (j > 0 && (this.sends[j - 1] as number) > now) j--;
    this.sends.splice(j, 0, now);
  }

  /** The newest send, or undefined when none is inside the longest window. */
  lastSend(now: number): number | undefined {
    this.prune(now);
    return this.sends[this.sends.length - 1];
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.sends.length && (this.sends[drop] as number) <= now - this.longest) drop++;
    if (drop > 0) this.sends.splice(0, drop);
  }
}

export interface ThrottleBrakeOptions {
  /** The answers looked at: the most recent this many (default 50). */
  readonly window?: number;
  /** The share of 429s among them that engages the brake (default 0.2). */
  readonly share?: number;
  /** The lowest the tenant rate may fall, as a share of the configured rate (default 0.1). */
  readonly minFactor?: number;
  /** How long a brake holds at least (default 1 s; longer when the 429s said Retry-After). */
  readonly holdMs?: number;
  /** After the hold, the rate climbs back by this share of the configured rate per second (default 0.2). */
  readonly recoverPerSecond?: number;
}

/**
 * Slows the tenant bucket when many recent answers are 429s. A single 429 says nothing about the tenant: Teams
 * answers 429 for one conversation's windows too, and Retry-After is not promised, so one 429 (with or without
 * Retry-After) only makes *that* send wait. A high share of 429s across the recent answers means the tenant is
 * over its limit (another instance sends as well, or the configured rate is above the tenant's): then the
 * bucket halves its rate (down to `minFactor`), holds it for the longest Retry-After seen (at least `holdMs`),
 * and climbs back linearly. Random 429s at a few per cent never engage it.
 */
export class ThrottleBrake {
  private readonly answers: boolean[] = [];
  private throttledInWindow = 0;
  private longestRetryAfter = 0;
  private factorAtBrake = 1;
  private holdUntil = -Infinity;
  /** How many times the brake engaged. */
  engaged = 0;
  private readonly window: number;
  private readonly share: number;
  private readonly minFactor: number;
  private readonly holdMs: number;
  private readonly recoverPerSecond: number;

  constructor(options: ThrottleBrakeOptions = {}) {
    this.window = Math.max(1, Math.floor(options.window ?? 50));
    this.share = options.share ?? 0.2;
    this.minFactor = options.minFactor ?? 0.1;
    this.holdMs = options.holdMs ?? 1_000;
    this.recoverPerSecond = options.recoverPerSecond ?? 0.2;
    assertPositive(this.share, 'brake share');
    assertPositive(this.minFactor, 'brake minFactor');
    assertPositive(this.recoverPerSecond, 'brake recoverPerSecond');
  }

  /** Records one answer; true when this answer engaged the brake. */
  record(now: number, throttled: boolean, retryAfterMs?: number): boolean {
    this.answers.push(throttled);
    if (throttled) {
      this.throttledInWindow++;
      if (retryAfterMs !== undefined) this.longestRetryAfter = Math.max(this.longestRetryAfter, retryAfterMs);
    }
    if (this.answers.length > this.window && this.answers.shift() === true) this.throttledInWindow--;
    if (this.answers.length < this.window || this.throttledInWindow < this.share * this.window) return false;
    this.factorAtBrake = Math.max(this.minFactor, this.factor(now) / 2);
    this.holdUntil = now + Math.max(this.holdMs, this.longestRetryAfter);
    this.answers.length = 0;
    this.throttledInWindow = 0;
    this.longestRetryAfter = 0;
    this.engaged++;
    return true;
  }

  /** The share of the configured tenant rate to use now (1: no brake). */
  factor(now: number): number {
    if (now < this.holdUntil) return this.factorAtBrake;
    return Math.min(1, this.factorAtBrake + (this.recoverPerSecond * (now - this.holdUntil)) / 1000);
  }
}

export interface RateLimiterOptions {
  /** Sends per second across the tenant, for this process (default {@link DEFAULT_TENANT_RATE}). */
  readonly tenantRate?: number;
  /**
   * Tokens the tenant bucket may hold (default: half a second's worth, at least 1): what a run can catch up after a
   * pause of the process. They go out at most at four times the rate, never back to back.
   */
  readonly tenantBurst?: number;
  readonly conversationLimits?: readonly WindowLimit[];
  /** The tenant brake; `false` turns it off. */
  readonly throttleBrake?: ThrottleBrakeOptions | false;
}

/**
 * The tenant bucket (capped at its rate in any rolling second) and one set of sliding windows per conversation.
 * `tryAcquire` is synchronous, so in one process two callers can never both take the last slot. Every slot taken
 * must be {@link settle}d when its send is answered or given up on.
 */
export class RateLimiter {
  private readonly tenant: TokenBucket;
  /**
   * Four times the rate: tokens saved up during a pause go out spread over a third of the pause, not at once. Slower
   * catching up costs throughput: the rolling second repeats last second's pattern, so a send caught up late holds
   * its slot late again a second later (fake-clock runs of 10,000 sends at 200/s with 48 pauses of 30–150 ms: 0.8 s
   * lost at twice the rate with a quarter second's bucket, 0.14 s at four times with half a second's; 2.1 s with the
   * old twentieth of a second).
   */
  private readonly catchUp: TokenBucket;
  /**
   * At most `tenantRate` sends in any rolling second, as the service counts them. The bucket alone lets
   * `rate + burst` through in the second after a pause (a stall of the event loop, a GC), and counts a send from
   * its dispatch, which after a stall is earlier than the service counts it: either way a tenant counting per
   * second answers 429s.
   */
  private readonly tenantSecond: TenantWindow;
  private readonly conversations = new Map<string, SlidingWindows>();
  private readonly limits: readonly WindowLimit[];
  private readonly brake: ThrottleBrake | undefined;
  private acquired = 0;

  constructor(
    private readonly now: () => number,
    options: RateLimiterOptions = {},
  ) {
    const rate = options.tenantRate ?? DEFAULT_TENANT_RATE;
    assertPositive(rate, 'tenantRate');
    this.tenant = new TokenBucket(rate, options.tenantBurst ?? Math.max(1, rate / 2), now());
    this.catchUp = new TokenBucket(4 * rate, Math.max(1, rate / 50), now());
    // Refused sends get their slot back up to a twentieth of the rate a second (2 % random 429s need a fiftieth).
    this.tenantSecond = new TenantWindow(Math.max(1, Math.floor(rate)), Math.floor(rate / 20));
    this.limits = options.conversationLimits ?? CONVERSATION_LIMITS;
    this.brake = options.throttleBrake === false ? undefined : new ThrottleBrake(options.throttleBrake);
  }

  /**
   * Takes a send slot for `conversationId` if the tenant bucket and the conversation's windows both allow it
   * now, and answers 0; otherwise takes nothing and answers how many milliseconds to wait before asking again.
   */
  tryAcquire(conversationId: string, now = this.now()): number {
    let windows = this.conversations.get(conversationId);
    const conversationWait = windows ? windows.waitMs(now) : 0;
    const wait = Math.max(conversationWait, this.tenantWaitMs(now));
    if (wait > 0) return wait;
    if (!windows) {
      windows = new SlidingWindows(this.limits);
      this.conversations.set(conversationId, windows);
    }
    this.tenant.take(now);
    this.catchUp.take(now);
    this.tenantSecond.take();
    windows.record(now);
    if (++this.acquired % 1024 === 0) this.prune(now);
    return 0;
  }

  /** Milliseconds until the tenant bucket holds a token (0: now), whatever the conversation. Takes nothing. */
  tenantWaitMs(now = this.now()): number {
    if (this.brake) this.tenant.scale(this.brake.factor(now), now);
    return Math.max(this.tenant.waitMs(now), this.catchUp.waitMs(now), this.tenantSecond.waitMs(now));
  }

  /**
   * The send taken by `tryAcquire(conversationId, acquiredAt)` was answered now, or given up on (see
   * {@link SlidingWindows.settle} and {@link TenantWindow.settle}). `refused`: the answer was a 429; its tenant slot
   * and token are given back, unless the brake holds or recovers (then the tenant is short of slots, and a refused
   * send counts like any other).
   */
  settle(conversationId: string, acquiredAt: number, refused = false, now = this.now()): void {
    this.conversations.get(conversationId)?.settle(acquiredAt, now);
    const braked = this.tenantFactor(now) < 1;
    if (this.tenantSecond.settle(now, refused && !braked)) this.tenant.refund(now);
  }

  /** Feeds the brake with one send's answer; true when it engaged the brake (the caller logs it). */
  recordAnswer(throttled: boolean, retryAfterMs?: number, now = this.now()): boolean {
    return this.brake?.record(now, throttled, retryAfterMs) ?? false;
  }

  /** The share of the configured tenant rate in use now (below 1 while the brake holds or recovers). */
  tenantFactor(now = this.now()): number {
    return this.brake?.factor(now) ?? 1;
  }

  /** Conversations with a send inside the longest window (forgotten ones are pruned now and then). */
  get trackedConversations(): number {
    return this.conversations.size;
  }

  /** Forgets conversations whose last send is outside every window. */
  prune(now = this.now()): void {
    for (const [id, windows] of this.conversations) if (windows.lastSend(now) === undefined) this.conversations.delete(id);
  }
}
