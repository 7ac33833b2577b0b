/** Measuring helpers of `npm run bench:fanout` (fanout.bench.ts and its follow-up case, fanoutFollowUp.ts). */
import { readFileSync } from 'node:fs';
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

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}
