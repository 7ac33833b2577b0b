/**
 * When each simulated person acts. Check-ins follow the morning peak after the 09:00 nudge; dashboard readers
 * refresh at a steady rate. All times are milliseconds after the start of the load, drawn from a seeded PRNG, so
 * every run offers the same load.
 */

/**
 * The real morning peak, as a 1,000-person organisation answers a nudge: nobody in the first seconds, most within
 * a minute or two, a tail up to five minutes. Modelled as a gamma distribution of shape 2 (the sum of two
 * exponential delays: noticing the message, then opening it) with a scale of 45 s — mode 45 s, median ≈ 76 s,
 * 90 % within ≈ 175 s — truncated to the five minutes (a draw beyond is drawn again).
 */
export const PEAK = { windowMs: 300_000, scaleMs: 45_000, shape: 2 } as const;

/** Each of `count` people checks in once: their moments in the real window, compressed into `compressedMs`, sorted. */
export function morningPeak(count: number, compressedMs: number, random: () => number): number[] {
  const factor = compressedMs / PEAK.windowMs;
  const draw = (): number => {
    for (;;) {
      let t = 0;
      for (let k = 0; k < PEAK.shape; k++) t += -Math.log(1 - random()) * PEAK.scaleMs;
      if (t < PEAK.windowMs) return t * factor;
    }
  };
  return Array.from({ length: count }, draw).sort((a, b) => a - b);
}

/** The highest number of arrivals in any `windowMs` (sliding over the sorted moments), as a rate per second. */
export function peakRate(sortedMs: readonly number[], windowMs = 1000): number {
  let best = 0;
  let from = 0;
  for (let i = 0; i < sortedMs.length; i++) {
    while ((sortedMs[i] ?? 0) - (sortedMs[from] ?? 0) >= windowMs) from++;
    best = Math.max(best, i - from + 1);
  }
  return (best * 1000) / windowMs;
}

/** A reader refreshing every `periodMs` from a random phase, until `untilMs`: the moments of its requests. */
export function steadyReads(periodMs: number, fromMs: number, untilMs: number, random: () => number): number[] {
  const moments: number[] = [];
  for (let t = fromMs + random() * periodMs; t < untilMs; t += periodMs) moments.push(t);
  return moments;
}
