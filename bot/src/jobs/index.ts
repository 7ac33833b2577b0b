import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { CloudAdapter } from 'botbuilder';
import type { SendRun } from '../../../shared/src/domain/sending';
import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import { BotbuilderSender } from '../proactive/botbuilderSender';
import { FanOutEngine, type FanOutOptions } from '../proactive/fanOut';
import type { Sender } from '../proactive/sender';
import type { RouteRegistrar } from '../server/createServer';
import type { Repositories } from '../storage/repositories';
import { dryRunFanOut } from './dryRun';
import type { JobContext, JobDeps, JobName, JobSummary } from './job';
import { createNudgesJob } from './nudges';
import { JobRegistry } from './registry';
import { jobRoutes } from './route';
import { Scheduler, type SchedulerTimer } from './scheduler';
import { noWeather, WeatherProvider, type WeatherSource } from './weather/weather';
// The other helpers' jobs (issue 4, P2), imported last.
import { createDigestsJob } from './digests';
import { createRetentionJob } from './retention';
import { createYouSaidJob } from './yousaid';

export interface JobsDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly repos: Repositories;
  readonly adapter: CloudAdapter;
  readonly now: () => Date;
}

/** Test seams; the composition root passes none. */
export interface JobsOptions {
  /** The scheduler's timer (default: Node's, unref'd). */
  readonly timer?: SchedulerTimer;
  /** Unique per process (default: host, pid and random bits). */
  readonly instanceId?: string;
  /** The sender (default: botbuilder's CloudAdapter). */
  readonly sender?: Sender;
  /** Engine tuning (backoff, concurrency) on top of `tenantRate: config.jobs.sendRate`. */
  readonly engine?: Partial<Omit<FanOutOptions, 'instanceId' | 'onProgress'>>;
  /** The weather line's source (default: WEATHER_URL's feed, or none). */
  readonly weather?: WeatherSource;
}

export interface Jobs {
  /** POST /api/jobs/:name (JOBS_KEY). */
  readonly routes: readonly RouteRegistrar[];
  /** The instance id written into every claim this process takes. */
  readonly instanceId: string;
  /** Runs one job now (the CLI; the route and the scheduler use the same registry). */
  run(name: JobName, context: JobContext): Promise<JobSummary>;
  /** Starts the in-process scheduler (when config.jobs.scheduler); stop() waits for a running tick. */
  startScheduler(): void;
  stop(): Promise<void>;
}

/** A claim's `claimedBy`: which process took it (host and pid help an operator; random bits make it unique). */
export function newInstanceId(): string {
  const host = hostname().replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || 'host';
  return `${host}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Builds the proactive jobs and their triggers around ONE fan-out engine per process (one token bucket of
 * SEND_RATE sends per second, shared by every job and every trigger of this process).
 */
export function createJobs(deps: JobsDeps, options: JobsOptions = {}): Jobs {
  const { config, logger, repos, adapter, now } = deps;
  const instanceId = options.instanceId ?? newInstanceId();
  // Progress callbacks of the runs in progress: the engine takes one callback, for every run of this process.
  const listeners = new Set<(run: SendRun) => void>();
  const engine = new FanOutEngine(
    {
      sendClaims: repos.sendClaims,
      sendRuns: repos.sendRuns,
      conversationRefs: repos.conversationRefs,
      sender: options.sender ?? new BotbuilderSender(adapter, config.bot.appId),
      logger,
    },
    { ...options.engine, instanceId, tenantRate: config.jobs.sendRate, onProgress: (run) => listeners.forEach((listen) => listen(run)) },
  );
  const fanOut: JobDeps['fanOut'] = async (request, { dryRun, onProgress }) => {
    if (dryRun) return dryRunFanOut(request, { sendClaims: repos.sendClaims, conversationRefs: repos.conversationRefs }, onProgress);
    if (onProgress === undefined) return engine.run(request);
    // Runs of this process may overlap (a scheduler tick and an HTTP trigger): the listener follows the first run of
    // its kind that starts after it was added.
    const since = new Date().toISOString();
    let runId: string | undefined;
    const listener = (run: SendRun): void => {
      if (run.kind !== request.kind || run.startedAt < since) return;
      runId ??= run.runId;
      if (run.runId === runId) onProgress(run);
    };
    listeners.add(listener);
    try {
      return await engine.run(request);
    } finally {
      listeners.delete(listener);
    }
  };
  const jobDeps: JobDeps = { config, logger, repos, fanOut };
  const weather = options.weather ?? (config.jobs.weatherUrl === undefined ? noWeather : new WeatherProvider(config.jobs.weatherUrl, logger));
  const registry = new JobRegistry([
    createNudgesJob({ ...jobDeps, weather }),
    createDigestsJob(jobDeps),
    createYouSaidJob(jobDeps),
    createRetentionJob(jobDeps),
  ]);
  const scheduler = new Scheduler({ registry, logger, now, ...(options.timer ? { timer: options.timer } : {}) });
  return {
    routes: [jobRoutes({ registry, key: config.jobs.key, logger, now })],
    instanceId,
    run: (name, context) => registry.get(name).run(context),
    startScheduler: () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
