import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import type { RouteRegistrar } from '../server/createServer';
import type { Repositories } from '../storage/repositories';

export interface JobsDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly repos: Repositories;
  readonly adapter: CloudAdapter;
  readonly now: () => Date;
}

export interface Jobs {
  /** POST /api/jobs/:name (JOBS_KEY). */
  readonly routes: readonly RouteRegistrar[];
  /** Starts the in-process scheduler (when config.jobs.scheduler); stop() waits for a running tick. */
  startScheduler(): void;
  stop(): Promise<void>;
}

/** Builds the proactive jobs and their triggers. Issue 4 fills this in. */
export function createJobs(_deps: JobsDeps): Jobs {
  return { routes: [], startScheduler() {}, stop: async () => {} };
}
