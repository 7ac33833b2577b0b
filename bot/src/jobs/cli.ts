import type { SendRun } from '@soestainable/shared/domain/sending';
import { JOB_NAMES, type JobName, type JobSummary } from './job';
import { isJobName } from './registry';
import { parseInstant } from './route';
import { UsageError } from '../errors';

/**
 * The operator's command line, `npm run job -- <job> [--at <instant>] [--dry-run]`: argument parsing and the
 * summary table (the entry point is `bot/src/cli/job.ts`).
 */

export const JOB_USAGE = `Usage: npm run job -- ${JOB_NAMES.join('|')} [--at 2026-12-07T09:00+01:00] [--dry-run]`;

export interface JobArgs {
  readonly job: JobName;
  /** undefined: now (the app's clock). */
  readonly at: Date | undefined;
  readonly dryRun: boolean;
}

/** A refused command line: the message, then the usage line; exit code 2, nothing done. */
export class JobArgsError extends UsageError {
  constructor(problem: string) {
    super(problem, JOB_USAGE);
  }
}

export function parseJobArgs(argv: readonly string[]): JobArgs {
  let job: JobName | undefined;
  let at: Date | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--dry-run') {
      dryRun = true;
    } else if (arg === '--at' || arg.startsWith('--at=')) {
      const value = arg === '--at' ? argv[++i] : arg.slice('--at='.length);
      if (value === undefined || value === '' || value.startsWith('--')) throw new JobArgsError('--at needs a value: an ISO instant with an offset.');
      at = parseInstant(value);
      if (at === undefined) throw new JobArgsError(`--at "${value}" is not an ISO instant with an offset (e.g. 2026-12-07T09:00+01:00 or 2026-12-07T08:00Z).`);
    } else if (arg.startsWith('-')) {
      throw new JobArgsError(`Unknown option ${arg}.`);
    } else if (job !== undefined) {
      throw new JobArgsError(`One job at a time (got ${job} and ${arg}).`);
    } else if (isJobName(arg)) {
      job = arg;
    } else {
      throw new JobArgsError(`Unknown job "${arg}": choose ${JOB_NAMES.join(', ')}.`);
    }
  }
  if (job === undefined) throw new JobArgsError('Which job? Name one.');
  return { job, at, dryRun };
}

const COLUMNS = ['queued', 'sent', 'retried', 'throttled', 'failed', 'skipped', 'uncertain'] as const;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The summary table the command prints at the end: one row per fan-out run, skips by reason, the job's counts. */
export function formatJobSummary(summary: JobSummary): string {
  const lines: string[] = [];
  lines.push(`${summary.job}${summary.dryRun ? ' (dry run: nothing sent, no claims taken)' : ''} at ${summary.at}`);
  if (summary.skippedBecause !== undefined) lines.push(`  nothing to do: ${summary.skippedBecause}`);
  if (summary.runs.length > 0) {
    const header = ['run', ...COLUMNS, 'duration'];
    const rows = summary.runs.map((r: SendRun) => [r.kind, ...COLUMNS.map((c) => String(r[c])), seconds(r.durationMs)]);
    if (summary.runs.length > 1) {
      const total = COLUMNS.map((c) => String(summary.runs.reduce((n, r) => n + r[c], 0)));
      rows.push(['total', ...total, seconds(summary.runs.reduce((n, r) => n + r.durationMs, 0))]);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
    const format = (cells: readonly string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
    lines.push(format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format));
    const reasons: Record<string, number> = {};
    for (const r of summary.runs) for (const [reason, n] of Object.entries(r.skippedByReason)) reasons[reason] = (reasons[reason] ?? 0) + n;
    const sorted = Object.entries(reasons).sort(([a], [b]) => (a < b ? -1 : 1));
    if (sorted.length > 0) lines.push('  skipped by reason: ' + sorted.map(([reason, n]) => `${reason} ${n}`).join(', '));
  }
  const counts = Object.entries(summary.counts);
  if (counts.length > 0) lines.push('  counts: ' + counts.map(([k, v]) => `${k} ${v}`).join(', '));
  lines.push(`  took ${seconds(summary.durationMs)}`);
  return lines.join('\n') + '\n';
}
