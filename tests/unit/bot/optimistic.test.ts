import { AppError, ConflictError } from '@soestainable/bot/errors';
import { retryOnConflict, type RetryPolicy } from '@soestainable/bot/storage/repositories/optimistic';

/** A policy whose waits are recorded instead of slept, with `random()` fixed just below 1 (the largest jitter). */
function recording(maxAttempts: number): { policy: RetryPolicy; waits: number[] } {
  const waits: number[] = [];
  const policy: RetryPolicy = {
    maxAttempts,
    baseDelayMs: 5,
    maxDelayMs: 30,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.999,
  };
  return { policy, waits };
}

describe('retryOnConflict', () => {
  it('retries a conflict with jittered, capped exponential backoff and returns the first success', async () => {
    const { policy, waits } = recording(8);
    let calls = 0;
    const result = await retryOnConflict('row', policy, async () => {
      calls++;
      if (calls < 6) throw new ConflictError(calls % 2 === 0 ? 'exists' : 'changed', 'lost a race');
      return 'written';
    });
    expect(result).toBe('written');
    expect(calls).toBe(6);
    // before retry n: below min(30, 5 · 2^(n-2)) ms
    expect(waits).toEqual([4, 9, 19, 29, 29]);
  });

  it('gives up after maxAttempts with a plain STORAGE_CONFLICT that is not retried again', async () => {
    const { policy } = recording(3);
    let calls = 0;
    const last = new ConflictError('changed', 'lost a race');
    const err: unknown = await retryOnConflict('Barriers org/b1', policy, async () => {
      calls++;
      throw last;
    }).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(err).toBeInstanceOf(AppError);
    expect(err).not.toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'STORAGE_CONFLICT', cause: last });
    expect((err as Error).message).toContain('Barriers org/b1');
  });

  it('passes every other error straight through, without a retry', async () => {
    const { policy, waits } = recording(8);
    let calls = 0;
    const failure = new AppError('STORAGE_UNAVAILABLE', 'down');
    await expect(
      retryOnConflict('row', policy, async () => {
        calls++;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });
});
