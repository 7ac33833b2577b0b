/** Measuring helpers of `npm run bench:fanout` (fanout.bench.ts and its follow-up case, fanoutFollowUp.ts). */
import { performance } from 'node:perf_hooks';

/** Time spent in each dependency call, summed over the run (concurrent calls overlap). */
export class Timings {
  readonly totals = new Map<string, { ms: number; calls: number }>();

  wrap<T extends object>(name: string, target: T, methods: readonly (keyof T & string)[]): T {
    const wrapped = Object.create(target) as T;
    for (const method of methods) {
      const original = target[method] as unknown as (...args: unknown[]) => Promise<unknown>;
      (wrapped as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await original.apply(target, args);
        } finally {
          const entry = this.totals.get(`${name}.${method}`) ?? { ms: 0, calls: 0 };
          entry.ms += performance.now() - t;
          entry.calls++;
          this.totals.set(`${name}.${method}`, entry);
        }
      };
    }
    return wrapped;
  }

  describe(recipients: number): string {
    return [...this.totals]
      .filter(([, v]) => v.calls > 0)
      .map(([k, v]) => `${k} ${(v.ms / v.calls).toFixed(1)} ms × ${(v.calls / recipients).toFixed(2)}`)
      .join(', ');
  }
}

/**
 * Where a run's wall time went, against the ideal `accepted ÷ L`: before the first accepted send, the pacing
 * between the first send and the last first try (the time above the ideal there: brakes, stalls, 429s that cost
 * a slot), the last retries after the last first try (a Retry-After near the end), and after the last accepted send.
 */
export function describeWall(spec: {
  readonly startedAt: number;
  readonly endedAt: number;
  readonly accepted: readonly { readonly at: number }[];
  /** When the connector met each recipient's first try. */
  readonly firstTries: readonly number[];
  readonly limit: number;
}): string {
  const { startedAt, endedAt, accepted, firstTries, limit } = spec;
  const first = accepted[0]?.at ?? endedAt;
  const last = accepted[accepted.length - 1]?.at ?? endedAt;
  const lastFirstTry = Math.min(last, firstTries.reduce((a, b) => Math.max(a, b), first));
  const sentByLastFirstTry = accepted.filter((d) => d.at <= lastFirstTry).length;
  const pacing = (lastFirstTry - first) / 1000 - sentByLastFirstTry / limit;
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  return (
    `wall ${seconds(endedAt - startedAt)} s = ideal ${(accepted.length / limit).toFixed(2)} (accepted ÷ L) + before the first send ${seconds(first - startedAt)} ` +
    `+ pacing ${pacing.toFixed(2)} + last retries ${(seconds(last - lastFirstTry))} (less their ${((accepted.length - sentByLastFirstTry) / limit).toFixed(2)} s of the ideal) + after the last send ${seconds(endedAt - last)}`
  );
}

/**
 * Pauses of this process's event loop (a GC, other processes on the machine): a timer every 10 ms, and each time it
 * fires more than 30 ms late, one pause of that lateness. Start before a run, `stop()` after it.
 */
export function watchPauses(): { stop(): string } {
  const everyMs = 10;
  let last = performance.now();
  let count = 0;
  let totalMs = 0;
  let longestMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - everyMs;
    last = now;
    if (late <= 30) return;
    count++;
    totalMs += late;
    longestMs = Math.max(longestMs, late);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return `${count} pauses of the event loop over 30 ms, ${(totalMs / 1000).toFixed(2)} s in all, the longest ${longestMs.toFixed(0)} ms`;
    },
  };
}
