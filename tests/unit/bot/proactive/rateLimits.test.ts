import { RateLimiter, SlidingWindows, ThrottleBrake, TokenBucket, CONVERSATION_LIMITS } from '@soestainable/bot/proactive/rateLimits';
import { backoffDelayMs } from '@soestainable/bot/proactive/fanOut';
import { classifySendError, parseRetryAfter, SendError } from '@soestainable/bot/proactive/sender';
import { maxInWindow } from '../../../helpers/rollingWindow';

/**
 * Sends as fast as `tryAcquire` allows on a fake clock, sleeping exactly the answered wait, each answered at once
 * (no latency); returns send times.
 */
function drive(limiter: RateLimiter, clock: { t: number }, sends: number, conversation: (i: number) => string): number[] {
  const times: number[] = [];
  for (let i = 0; i < sends; i++) {
    for (let wait = limiter.tryAcquire(conversation(i)); wait > 0; wait = limiter.tryAcquire(conversation(i))) clock.t += wait;
    limiter.settle(conversation(i), clock.t);
    times.push(clock.t);
  }
  return times;
}

describe('TokenBucket', () => {
  it('starts full, then hands out tokens at its rate', () => {
    const bucket = new TokenBucket(10, 3, 0);
    for (let i = 0; i < 3; i++) {
      expect(bucket.waitMs(0)).toBe(0);
      bucket.take(0);
    }
    expect(bucket.waitMs(0)).toBe(100);
    expect(bucket.waitMs(60)).toBe(40);
    expect(bucket.waitMs(100)).toBe(0);
    bucket.take(100);
    // Idle time refills up to the burst, never beyond.
    expect(bucket.waitMs(10_000)).toBe(0);
    for (let i = 0; i < 3; i++) bucket.take(10_000);
    expect(bucket.waitMs(10_000)).toBe(100);
  });

  it('never refills when the clock steps back, and refuses nonsense settings', () => {
    const bucket = new TokenBucket(1, 1, 1_000);
    bucket.take(1_000);
    expect(bucket.waitMs(0)).toBe(1_000);
    expect(() => new TokenBucket(0, 1, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(5, 0.5, 0)).toThrow(RangeError);
  });
});

describe('SlidingWindows (per conversation)', () => {
  it('allows 7 in a second, then waits for the oldest to leave the window', () => {
    const w = new SlidingWindows();
    for (let i = 0; i < 7; i++) {
      expect(w.waitMs(i * 10)).toBe(0);
      w.record(i * 10);
    }
    expect(w.waitMs(70)).toBe(930); // the first send (t=0) leaves the 1 s window at t=1000
    expect(w.waitMs(1_000)).toBe(0);
  });

  it('holds the 8-per-2-seconds limit once the 1-second one would allow more', () => {
    const w = new SlidingWindows();
    const times = [0, 100, 200, 300, 400, 500, 600, 1_100];
    for (const t of times) {
      expect(w.waitMs(t)).toBe(0);
      w.record(t);
    }
    // At 1200 the last second holds 6 sends (ok), but the last 2 s hold 8: wait until the first (t=0) leaves at 2000.
    expect(w.waitMs(1_200)).toBe(800);
    expect(w.waitMs(2_000)).toBe(0);
  });

  it('counts a send from its answer once settled, so latency cannot squeeze the window', () => {
    const w = new SlidingWindows();
    for (const t of [0, 100, 200, 300, 400, 500, 600]) w.record(t);
    expect(w.waitMs(1_000)).toBe(0); // counted from its start, the first send has left the window
    w.settle(0, 450); // ... but it was answered only at 450: now the send at 100 is the oldest
    expect(w.waitMs(1_000)).toBe(100);
    w.settle(12_345, 500); // unknown send: nothing moves
    expect(w.waitMs(1_100)).toBe(0);
  });

  it('applies 60 per 30 s and 1800 per hour', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(() => clock.t, { tenantRate: 1_000_000, tenantBurst: 1_000_000 });
    const times = drive(limiter, clock, 1_900, () => 'conv');
    for (const { count, windowMs } of CONVERSATION_LIMITS) expect(maxInWindow(times, windowMs)).toBeLessThanOrEqual(count);
    // And it is not slower than the limits require: the hour limit is reached, then the 1801st waits an hour.
    expect(maxInWindow(times, 3_600_000)).toBe(1_800);
    expect(maxInWindow(times, 30_000)).toBe(60);
    expect(times[1_800]).toBeGreaterThanOrEqual(3_600_000);
  });
});

describe('RateLimiter', () => {
  it('keeps every conversation within its windows and the tenant within its rate', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(() => clock.t, { tenantRate: 50, tenantBurst: 1 });
    const times = drive(limiter, clock, 2_000, (i) => `conv-${i % 3}`);
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(21); // 3 conversations × 7
    const perConversation = [0, 1, 2].map((c) => times.filter((_, i) => i % 3 === c));
    for (const convTimes of perConversation) {
      for (const { count, windowMs } of CONVERSATION_LIMITS) expect(maxInWindow(convTimes, windowMs)).toBeLessThanOrEqual(count);
    }
  });

  it('paces many conversations at the tenant rate, and no faster', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(() => clock.t, { tenantRate: 200, tenantBurst: 1 });
    const times = drive(limiter, clock, 1_000, (i) => `conv-${i}`);
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(201);
    // 1000 sends at 200/s: the last one goes at about 4995 ms (the first is free).
    expect(times[999]).toBeGreaterThanOrEqual(4_990);
    expect(times[999]).toBeLessThanOrEqual(5_000);
  });

  it('never lets more than the rate through in a rolling second, even when the bucket is full after a pause', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(() => clock.t, { tenantRate: 200, tenantBurst: 10, throttleBrake: false });
    // Steady sends, a pause of 100 ms (a stalled event loop) refilling the bucket, then steady sends again.
    const times = drive(limiter, clock, 400, (i) => `conv-${i}`);
    clock.t += 100;
    times.push(...drive(limiter, clock, 600, (i) => `later-${i}`));
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(200);
    // Still the full rate on average: 1000 sends in about 5 s (plus the pause).
    expect(times[999]).toBeLessThanOrEqual(5_100);
  });

  it('catches up a pause of the process within the rolling second, at most at four times the rate, never back to back', () => {
    /** 2,000 sends, a pause of the process (a stalled event loop), 1,000 more; their times. */
    const run = (pauseMs: number, tenantBurst?: number): number[] => {
      const clock = { t: 0 };
      const limiter = new RateLimiter(() => clock.t, { tenantRate: 200, throttleBrake: false, ...(tenantBurst === undefined ? {} : { tenantBurst }) });
      const times = drive(limiter, clock, 2_000, (i) => `conv-${i}`);
      clock.t += pauseMs;
      return [...times, ...drive(limiter, clock, 1_000, (i) => `later-${i}`)];
    };
    const paused = run(150);
    expect(maxInWindow(paused, 1_000)).toBeLessThanOrEqual(200);
    // The 30 sends the pause held up are caught up: the last send goes when it would have without the pause ...
    expect(paused[2_999]).toBe(run(0)[2_999]);
    // ... where a bucket of a twentieth of a second (the old default) loses 100 ms of the 150.
    expect((run(150, 10)[2_999] as number) - (run(0, 10)[2_999] as number)).toBeGreaterThanOrEqual(100);
    // Spread: after the pause, never more than four times the rate plus 4 (16 + 4 in any 20 ms), not 30 at once.
    expect(maxInWindow(paused.slice(2_000), 20)).toBeLessThanOrEqual(20);
    expect(maxInWindow(paused.slice(2_000), 5)).toBeLessThanOrEqual(8);
  });

  it('takes nothing when it answers a wait, and forgets idle conversations', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(() => clock.t, { tenantRate: 1, tenantBurst: 1 });
    expect(limiter.tryAcquire('a')).toBe(0);
    limiter.settle('a', 0); // answered at once
    expect(limiter.tryAcquire('b')).toBe(1_000);
    expect(limiter.tryAcquire('b')).toBe(1_000);
    clock.t = 1_000;
    expect(limiter.tryAcquire('b')).toBe(0);
    expect(limiter.trackedConversations).toBe(2);
    clock.t = 3_600_000 + 1_000;
    limiter.prune();
    expect(limiter.trackedConversations).toBe(0);
  });
});

describe('ThrottleBrake (tenant pressure from a share of 429s)', () => {
  /** 1000 answers, one every 5 ms (200/s), 429 whenever `throttled(i)`; returns when the brake engaged. */
  function feed(brake: ThrottleBrake, throttled: (i: number) => boolean, retryAfterMs?: number): number[] {
    const engagedAt: number[] = [];
    for (let i = 0; i < 1_000; i++) if (brake.record(i * 5, throttled(i), throttled(i) ? retryAfterMs : undefined)) engagedAt.push(i * 5);
    return engagedAt;
  }

  it('ignores scattered 429s, even 2 % of them with Retry-After, and bursts below the share', () => {
    const brake = new ThrottleBrake();
    // Every 50th answer (2 %), and a burst of 9 in a row (18 % of a window of 50).
    expect(feed(brake, (i) => i % 50 === 0 || (i >= 500 && i < 509), 1_000)).toEqual([]);
    expect(brake.factor(10_000)).toBe(1);
  });

  it('halves the rate when a fifth of the recent answers are 429s, holds it for the longest Retry-After, then climbs back', () => {
    const brake = new ThrottleBrake();
    // From answer 100 on, every third answer is a 429 (33 %), some with Retry-After: 3 s.
    const engagedAt = feed(brake, (i) => i >= 100 && i % 3 === 0, 3_000);
    expect(engagedAt.length).toBeGreaterThan(0);
    const first = engagedAt[0] as number;
    // Once 10 of the last 50 answers are 429s: about 30 answers after they began.
    expect(first).toBeGreaterThan(500);
    expect(first).toBeLessThan(1_000);
    expect(brake.engaged).toBe(engagedAt.length);
    // Engaged again while the 429s go on, each time halving, never below the floor of 0.1.
    const last = engagedAt[engagedAt.length - 1] as number;
    expect(brake.factor(last)).toBeCloseTo(Math.max(0.1, 0.5 ** engagedAt.length));
    // Holds for 3 s (the Retry-After), then climbs 0.2 of the rate per second back to 1.
    expect(brake.factor(last + 2_999)).toBe(brake.factor(last));
    expect(brake.factor(last + 3_000 + 1_000)).toBeCloseTo(Math.max(0.1, 0.5 ** engagedAt.length) + 0.2);
    expect(brake.factor(last + 3_000 + 5_000)).toBe(1);
  });

  it('slows the tenant bucket of the limiter it is part of, and can be turned off', () => {
    const clock = { t: 0 };
    const braked = new RateLimiter(() => clock.t, { tenantRate: 100, tenantBurst: 1, throttleBrake: { window: 10, share: 0.5, holdMs: 2_000 } });
    for (let i = 0; i < 10; i++) braked.recordAnswer(i % 2 === 0);
    expect(braked.tenantFactor()).toBe(0.5);
    // 100/s normally, 50/s braked: 100 sends take about 2 s.
    const times = drive(braked, clock, 100, (i) => `conv-${i}`);
    expect(times[99]).toBeGreaterThanOrEqual(1_950);
    const unbraked = new RateLimiter(() => 0, { tenantRate: 100, throttleBrake: false });
    for (let i = 0; i < 100; i++) expect(unbraked.recordAnswer(true, 5_000)).toBe(false);
    expect(unbraked.tenantFactor()).toBe(1);
  });
});

describe('backoff and error classification', () => {
  const options = { baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };

  it('doubles with equal jitter, capped, and honours Retry-After as a minimum', () => {
    expect(backoffDelayMs(1, { ...options, random: () => 0 })).toBe(250);
    expect(backoffDelayMs(1, { ...options, random: () => 0.999 })).toBe(500);
    expect(backoffDelayMs(3, { ...options, random: () => 0 })).toBe(1_000);
    expect(backoffDelayMs(20, { ...options, random: () => 0.999 })).toBe(29_985);
    expect(backoffDelayMs(1, { ...options, random: () => 0 }, 2_000)).toBe(2_000);
    expect(backoffDelayMs(1, { ...options, random: () => 0.5 }, 2_000)).toBe(2_100);
    expect(backoffDelayMs(1, { ...options, random: () => 0 }, 600_000)).toBe(60_000);
  });

  it('retries 429/412/502/504 and requests that never left, stops on 403/404, leaves timeouts uncertain, fails the rest', () => {
    expect(classifySendError(new SendError('x', { statusCode: 429, retryAfterMs: 1_000 }))).toEqual({ kind: 'retry', code: 'HTTP_429', throttled: true, retryAfterMs: 1_000 });
    for (const s of [412, 502, 504]) expect(classifySendError({ statusCode: s })).toMatchObject({ kind: 'retry', throttled: false });
    expect(classifySendError(new SendError('x', { notSent: true }))).toMatchObject({ kind: 'retry', code: 'NOT_CONNECTED', throttled: false });
    // A timeout may have been delivered: never retried.
    expect(classifySendError(new SendError('x', { timedOut: true }))).toEqual({ kind: 'unknown', code: 'TIMEOUT' });
    expect(classifySendError({ statusCode: 403 })).toEqual({ kind: 'gone', code: 'HTTP_403' });
    expect(classifySendError({ statusCode: 404 })).toEqual({ kind: 'gone', code: 'HTTP_404' });
    expect(classifySendError({ statusCode: 500 })).toEqual({ kind: 'fatal', code: 'HTTP_500' });
    expect(classifySendError(new TypeError('bug'))).toEqual({ kind: 'fatal', code: 'SEND_ERROR' });
  });

  it('parses Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2_000);
    expect(parseRetryAfter(' 0.5 ', 0)).toBe(500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
