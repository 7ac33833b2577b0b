/**
 * Figures of a load run: latency quantiles and errors per kind of request, and the server's memory over the run.
 * Printed, never asserted (timings depend on the machine); only errors and lost check-ins fail the bench.
 */
import type { Outcome } from './traffic';
import type { MemorySample } from './server';

/** Nearest-rank quantile of an ascending list (0 for an empty one). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

/** The requests of one kind: what was planned, what answered, how fast, and what went wrong. */
export class Series {
  private readonly latencies: number[] = [];
  /** How late the generator sent each request against its schedule (its own lag, not the server's). */
  private readonly lags: number[] = [];
  readonly failures = new Map<string, number>();
  private firstSent = Infinity;
  private lastDone = -Infinity;

  constructor(
    readonly name: string,
    /** Requests in the schedule, and the span they were planned over (ms). */
    readonly planned: number,
    readonly plannedSpanMs: number,
  ) {}

  record(scheduledAt: number, sentAt: number, outcome: Outcome): void {
    this.latencies.push(outcome.ms);
    this.lags.push(Math.max(0, sentAt - scheduledAt));
    this.firstSent = Math.min(this.firstSent, sentAt);
    this.lastDone = Math.max(this.lastDone, sentAt + outcome.ms);
    if (outcome.failure !== undefined) this.failures.set(outcome.failure, (this.failures.get(outcome.failure) ?? 0) + 1);
  }

  get count(): number {
    return this.latencies.length;
  }
  get errors(): number {
    let n = 0;
    for (const c of this.failures.values()) n += c;
    return n;
  }

  summary() {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const lags = [...this.lags].sort((a, b) => a - b);
    const spanMs = this.lastDone - this.firstSent;
    return {
      count: this.count,
      errors: this.errors,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      max: sorted[sorted.length - 1] ?? 0,
      plannedRate: this.plannedSpanMs > 0 ? (this.planned * 1000) / this.plannedSpanMs : 0,
      achievedRate: spanMs > 0 ? (this.count * 1000) / spanMs : 0,
      lagP99: quantile(lags, 0.99),
    };
  }
}

export interface MemoryFigures {
  /** Mean RSS over the quiet seconds before the load. */
  readonly baseline: number;
  /** Highest RSS sample during the load, and when (s after the load started). */
  readonly peak: number;
  readonly peakAtS: number;
  /** RSS when the last check-in had answered. */
  readonly afterLoad: number;
  /** Mean RSS over the last seconds of the cool-down. */
  readonly end: number;
  /** end − peak: what the process kept growing after its peak (≤ 0 when it did not). */
  readonly growthAfterPeak: number;
  /** The same for the V8 heap in use (undefined without the probe's reports). */
  readonly heap: { readonly baseline: number; readonly peak: number; readonly end: number } | undefined;
  readonly samples: number;
}

const mean = (values: readonly number[]) => (values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length);

export function memoryFigures(samples: readonly MemorySample[], marks: { baselineFrom: number; loadStart: number; loadEnd: number; endFrom: number }): MemoryFigures {
  const between = (from: number, to: number) => samples.filter((s) => s.at >= from && s.at < to);
  const before = between(marks.baselineFrom, marks.loadStart);
  const during = between(marks.loadStart, marks.loadEnd + 1);
  const tail = samples.filter((s) => s.at >= marks.endFrom);
  const top = during.reduce<MemorySample | undefined>((best, s) => (best === undefined || s.rssMb > best.rssMb ? s : best), undefined);
  const afterLoad = [...samples].reverse().find((s) => s.at <= marks.loadEnd) ?? top;
  const end = mean(tail.map((s) => s.rssMb));
  const heapOf = (list: readonly MemorySample[]) => list.map((s) => s.heapMb).filter((h): h is number => h !== undefined);
  const heapDuring = heapOf(during);
  const heap =
    heapDuring.length === 0 ? undefined : { baseline: mean(heapOf(before)), peak: Math.max(...heapDuring), end: mean(heapOf(tail)) };
  return {
    baseline: mean(before.map((s) => s.rssMb)),
    peak: top?.rssMb ?? NaN,
    peakAtS: top === undefined ? NaN : (top.at - marks.loadStart) / 1000,
    afterLoad: afterLoad?.rssMb ?? NaN,
    end,
    growthAfterPeak: end - (top?.rssMb ?? NaN),
    heap,
    samples: samples.length,
  };
}

/** Left-aligned first column, right-aligned others. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}
