import { RateGate } from '@soestainable/bot/proactive/rateGate';
import { RateLimiter } from '@soestainable/bot/proactive/rateLimits';

/** A clock whose sleeps end only when the test moves time on; counts the timers asked for. */
function fakeClock() {
  const sleeps: { at: number; wake: () => void }[] = [];
  const clock = {
    t: 0,
    timers: 0,
    now: () => clock.t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        clock.timers++;
        sleeps.push({ at: clock.t + ms, wake });
      }),
    /** Moves time to `to`, waking each sleep at its time, in order. */
    async advance(to: number): Promise<void> {
      for (;;) {
        sleeps.sort((a, b) => a.at - b.at);
        const next = sleeps[0];
        if (next === undefined || next.at > to) break;
        sleeps.shift();
        clock.t = next.at;
        next.wake();
        await new Promise((resolve) => setImmediate(resolve));
      }
      clock.t = to;
    },
  };
  return clock;
}

describe('RateGate', () => {
  it('serves waiters in arrival order at the tenant rate, with one timer per token instead of one per waiter', async () => {
    const clock = fakeClock();
    const gate = new RateGate(new RateLimiter(clock.now, { tenantRate: 10, tenantBurst: 1, throttleBrake: false }), clock);
    const served: [number, number][] = [];
    const all = Array.from({ length: 5 }, (_, i) => gate.acquire(`c-${i}`).then((at) => void served.push([i, at])));
    await clock.advance(1_000);
    await Promise.all(all);
    expect(served).toEqual([
      [0, 0],
      [1, 100],
      [2, 200],
      [3, 300],
      [4, 400],
    ]);
    expect(clock.timers).toBe(4);
  });

  it('lets a waiter pass one that its own conversation holds back', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock.now, { tenantRate: 100, tenantBurst: 5, conversationLimits: [{ count: 1, windowMs: 1_000 }], throttleBrake: false });
    const gate = new RateGate(limiter, clock);
    expect(await gate.acquire('team')).toBe(0);
    const second = gate.acquire('team');
    // Another conversation goes at once, although the team channel's waiter came first.
    expect(await gate.acquire('personal')).toBe(0);
    await clock.advance(2_000);
    expect(await second).toBe(1_000);
  });
});
