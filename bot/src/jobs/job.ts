import type { SendRun } from '@soestainable/shared/domain/sending';
import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import type { FanOutRequest } from '../proactive/fanOut';
import type { Repositories } from '../storage/repositories';

/**
 * The contract every operator job follows (nudges, follow-up pulses, digests, "you said, we did", retention, repair, headcount), whoever triggers it:
 * the in-process scheduler, `POST /api/jobs/:name`, or `npm run job`.
 */
export const JOB_NAMES = ['nudges', 'followups', 'digests', 'yousaid', 'retention', 'repair', 'headcount', 'owners', 'teamcards'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobProgress {
  /** Recipients (or rows) finished so far. */
  readonly done: number;
  /** How many there are in all, when known. */
  readonly total?: number;
}

export interface JobContext {
  /** The instant the job runs "at" (the scheduler's tick, or `--at`). */
  readonly at: Date;
  /** Work out and count everything, send and delete nothing, write no claims. */
  readonly dryRun: boolean;
  readonly onProgress?: (progress: JobProgress) => void;
}

/** What a job run did: counters only, never message text or personal data. */
export interface JobSummary {
  readonly job: JobName;
  readonly at: string;
  readonly dryRun: boolean;
  /** One line per fan-out run (e.g. one per nudge slot or per campaign); empty for retention. */
  readonly runs: readonly SendRun[];
  /** Job-specific counts (retention: rows removed per table; nudges in a dry run: would-send counts). */
  readonly counts: Readonly<Record<string, number>>;
  /** Why nothing was done, when nothing was (e.g. `weekend`, `no_active_campaign`). */
  readonly skippedBecause?: string;
  readonly durationMs: number;
}

export interface Job {
  readonly name: JobName;
  run(context: JobContext): Promise<JobSummary>;
}

/**
 * What every job factory gets (`createDigestsJob(deps)`, …): the repositories, and `fanOut`, which runs one
 * fan-out through the process's single engine (one token bucket per process). In a dry run `fanOut` takes no
 * claims and sends nothing: it returns a record whose `queued`/`skipped` say what would have happened.
 */
export interface JobDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly repos: Repositories;
  fanOut(request: FanOutRequest, options: { readonly dryRun: boolean; readonly onProgress?: (run: SendRun) => void }): Promise<SendRun>;
}
