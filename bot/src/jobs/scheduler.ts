import { DateTime } from 'luxon';
import { TIME_ZONE, todayIn } from '@soestainable/shared/calendar';
import { errorFields, type Logger } from '../platform/logger';
import type { JobName } from './job';
import type { JobRegistry } from './registry';

/** The timer the scheduler waits with; tests pass a fake and fire ticks themselves. */
export interface SchedulerTimer {
  setTimeout(callback: () => void, ms: number): { unref?(): unknown };
  clearTimeout(handle: { unref?(): unknown }): void;
}

export const systemTimer: SchedulerTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** When the weekly digest goes out: Monday from 08:30 local. */
export const DIGEST_FROM = { weekday: 1, minute: 8 * 60 + 30 } as const;
/** When retention runs: once a day from 03:00 local. */
export const RETENTION_FROM_MINUTE = 3 * 60;
/** Repair (unfinished check-in writes) runs every 10 minutes, at minute 5, 15, …, 55 of the hour. */
export const REPAIR_EVERY_MINUTES = 10;
export const REPAIR_AT_MINUTE = 5;
/** Headcount (each team's people on a challenge day, for the disclosure rule) runs every 10 minutes, at minute 2, 12, …. */
export const HEADCOUNT_EVERY_MINUTES = 10;
export const HEADCOUNT_AT_MINUTE = 2;
/** The owners job (owner cards and their 14-day reminders) runs every 5 minutes, at minute 3, 8, …, 58. */
export const OWNERS_EVERY_MINUTES = 5;
export const OWNERS_AT_MINUTE = 3;
/** The team channel cards go out on Monday from 09:00 local, after the managers' digests. */
export const TEAMCARDS_FROM = { weekday: 1, minute: 9 * 60 } as const;
const MINUTE_MS = 60_000;

/** What this process already finished today, by job (the once-a-day jobs). */
export type FinishedJobs = { digests?: string; retention?: string; teamcards?: string };

/**
 * Which jobs a tick at `at` runs, given what this process already finished: nudges, follow-up pulses and "you said,
 * we did" every minute; digests on Monday from 08:30 until one run succeeded that day; retention once a day from 03:00; repair
 * every 10 minutes (at minute 5, 15, …); headcount every 10 minutes (at minute 2, 12, …); owners every 5 minutes (at
 * minute 3, 8, …); team channel cards on Monday from 09:00 until one run succeeded that day.
 * Every job is idempotent on its own (claims per day or week), so another instance, or a restart that forgets
 * `finished`, only costs a repeated look.
 */
export function dueJobs(at: Date, finished: FinishedJobs): JobName[] {
  const local = DateTime.fromJSDate(at, { zone: TIME_ZONE });
  const minute = local.hour * 60 + local.minute;
  const date = todayIn(at);
  const due: JobName[] = ['nudges', 'followups'];
  if (local.weekday === DIGEST_FROM.weekday && minute >= DIGEST_FROM.minute && finished.digests !== date) due.push('digests');
  due.push('yousaid');
  if (minute >= RETENTION_FROM_MINUTE && finished.retention !== date) due.push('retention');
  if (local.minute % REPAIR_EVERY_MINUTES === REPAIR_AT_MINUTE) due.push('repair');
  if (local.minute % HEADCOUNT_EVERY_MINUTES === HEADCOUNT_AT_MINUTE) due.push('headcount');
  if (local.minute % OWNERS_EVERY_MINUTES === OWNERS_AT_MINUTE) due.push('owners');
  if (local.weekday === TEAMCARDS_FROM.weekday && minute >= TEAMCARDS_FROM.minute && finished.teamcards !== date) due.push('teamcards');
  return due;
}

export interface SchedulerDeps {
  readonly registry: JobRegistry;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly timer?: SchedulerTimer;
}

/**
 * The in-process scheduler: a tick at every full minute runs the due jobs one after the other. Safe in every
 * instance (the jobs' claims make it so). A tick never overlaps itself (the next is only planned when it ends);
 * a job that throws is logged with its code and the others still run; `stop()` waits for a running tick.
 */
export class Scheduler {
  private readonly timer: SchedulerTimer;
  private handle: { unref?(): unknown } | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  private readonly finished: FinishedJobs = {};

  constructor(private readonly deps: SchedulerDeps) {
    this.timer = deps.timer ?? systemTimer;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.plan();
  }

  /** Stops planning ticks and waits for the one running, if any. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.handle !== undefined) this.timer.clearTimeout(this.handle);
    this.handle = undefined;
    await this.running;
  }

  /** Runs one tick now (the timer calls this; tests may too). A tick already running is joined, not repeated. */
  tick(): Promise<void> {
    this.running ??= this.runTick().finally(() => {
      this.running = undefined;
      if (this.started) this.plan();
    });
    return this.running;
  }

  private plan(): void {
    const nowMs = this.deps.now().getTime();
    // The next full minute, plus a little so the tick lands inside it.
    const wait = MINUTE_MS - (nowMs % MINUTE_MS) + 50;
    this.handle = this.timer.setTimeout(() => {
      this.handle = undefined;
      void this.tick();
    }, wait);
    this.handle.unref?.();
  }

  private async runTick(): Promise<void> {
    const at = this.deps.now();
    const date = todayIn(at);
    for (const name of dueJobs(at, this.finished)) {
      try {
        const summary = await this.deps.registry.get(name).run({ at, dryRun: false });
        if (name === 'digests' || name === 'retention' || name === 'teamcards') this.finished[name] = date;
        const sent = summary.runs.reduce((n, r) => n + r.sent, 0);
        if (summary.runs.length > 0) this.deps.logger.info('scheduler: job ran', { job: name, runs: summary.runs.length, sent, durationMs: summary.durationMs });
      } catch (err) {
        this.deps.logger.error('scheduler: job failed; the next tick tries again', { job: name, ...errorFields(err) });
      }
    }
  }
}
