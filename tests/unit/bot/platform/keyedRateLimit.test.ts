import { KeyedRateLimit } from '@soestainable/bot/platform/keyedRateLimit';

describe('KeyedRateLimit', () => {
  it('allows perMinute requests of a key at once, then refuses with the seconds until the next one', () => {
    const clock = { t: 0 };
    const limit = new KeyedRateLimit(30, () => clock.t);
    for (let i = 0; i < 30; i++) expect(limit.take('conv-1')).toEqual({ allowed: true });
    // 30 a minute: one more every 2 s.
    expect(limit.take('conv-1')).toEqual({ allowed: false, retryAfterSeconds: 2, firstRefusal: true });
    clock.t += 1_500;
    expect(limit.take('conv-1')).toEqual({ allowed: false, retryAfterSeconds: 1, firstRefusal: false });
    clock.t += 500;
    expect(limit.take('conv-1')).toEqual({ allowed: true });
    expect(limit.take('conv-1')).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it('holds each key to the average rate over a long run, and keeps keys apart', () => {
    const clock = { t: 0 };
    const limit = new KeyedRateLimit(120, () => clock.t);
    let allowed = 0;
    // A client hammering every 100 ms for 10 minutes gets the first burst plus 120 a minute.
    for (; clock.t < 600_000; clock.t += 100) if (limit.take('user-a').allowed) allowed++;
    expect(allowed).toBeGreaterThanOrEqual(120 + 1_199);
    expect(allowed).toBeLessThanOrEqual(120 + 1_201);
    expect(limit.take('user-b')).toEqual({ allowed: true });
  });

  it('remembers at most maxKeys keys (bounded memory); a forgotten key starts full', () => {
    const limit = new KeyedRateLimit(1, () => 0, 100);
    for (let i = 0; i < 1_000; i++) limit.take(`conv-${i}`);
    expect(limit.size).toBe(100);
    expect(limit.take('conv-0')).toEqual({ allowed: true });
    // Long keys are cut, so a key costs at most a few hundred bytes.
    const long = 'x'.repeat(10_000);
    limit.take(long);
    expect(limit.take(long + 'y')).toMatchObject({ allowed: false });
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => new KeyedRateLimit(0)).toThrow(RangeError);
    expect(() => new KeyedRateLimit(1.5)).toThrow(RangeError);
  });
});
