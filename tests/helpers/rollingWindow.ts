/**
 * The most instants inside any window of `windowMs` (windows are half-open: (t - windowMs, t]): how the rate tests
 * check "never more than the limit in any rolling second". The times need not be sorted.
 */
export function maxInWindow(unsorted: readonly number[], windowMs: number): number {
  const times = [...unsorted].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[start] as number) <= (times[end] as number) - windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
