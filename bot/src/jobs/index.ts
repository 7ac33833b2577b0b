import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import { BotbuilderSender } from '../proactive/botbuilderSender';
import { FanOutEngine, type FanOutOptions } from '../proactive/fanOut';
import type { Sender } from '../proactive/sender';
import type { RouteRegistrar } from '../server/createServer';
import type { Repositories } from '../storage/repositories';
import { dryRunFanOut } from './dryRun';
import type { JobContext, JobDeps, JobName, JobSummary } from './job';
import { createFollowUpsJob, type FollowUpReads, type PulseCard } from './followups';
import { createEndCardSender, createNudgesJob, type EndCard, type NudgeCard } from './nudges';
import { JobRegistry } from './registry';
import { jobRoutes } from './route';
import { Scheduler, type SchedulerTimer } from './scheduler';
import { noWeather, WeatherProvider, type WeatherSource } from './weather/weather';
// The other helpers' jobs (issue 4, P2), imported last.
import { createDigestsJob } from './digests';
import { createHeadcountJob } from './headcount';
import { createRepairJob } from './repair';
import { createRetentionJob } from './retention';
import { createYouSaidJob } from './yousaid';
import { createOwnersJob } from './owners';
import { createTeamCardsJob } from './teamcards';

export interface JobsDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly repos: Repositories;
  readonly adapter: CloudAdapter;
  readonly now: () => Date;
  /** The card a nudge carries (the check-in feature's daily card): jobs never import a feature, the caller passes it. */
  readonly nudgeCard: NudgeCard;
  /** The end survey card that follows the nudge on a campaign's last challenge day (features/lasting); none when omitted. */
  readonly endCard?: EndCard;
  /** The follow-up pulse card (features/followUp); without it the followups job sends nothing (older callers). */
  readonly pulseCard?: PulseCard;
}

/** Test seams; the composition root passes none. */
export interface JobsOptions {
  /** The scheduler's timer (default: Node's, unref'd). */
  readonly timer?: SchedulerTimer;
  /** Unique per process (default: host, pid and random bits). */
  readonly instanceId?: string;
  /** The sender (default: botbuilder's CloudAdapter). */
  readonly sender?: Sender;
  /**
   * Engine tuning (backoff, …) on top of `tenantRate: config.jobs.sendRate`. `concurrency` is raised to at least
   * {@link minConcurrency} of the rate.
   */
  readonly engine?: Partial<Omit<FanOutOptions, 'instanceId' | 'onProgress'>>;
  /** The weather line's source (default: WEATHER_URL's feed, or none). */
  readonly weather?: WeatherSource;
  /** How the followups job reads a wave's people (default: {@link FOLLOW_UP_READS}; the bench's `--point-reads`). */
  readonly followUpReads?: FollowUpReads;
}

export interface Jobs {
  /** POST /api/jobs/:name (JOBS_KEY). */
  readonly routes: readonly RouteRegistrar[];
  /** This process's instance id: every claim it takes is `claimedBy` `<instanceId>.<a nonce per run>`. */
  readonly instanceId: string;
  /** Runs one job now (the CLI; the route and the scheduler use the same registry). */
  run(name: JobName, context: JobContext): Promise<JobSummary>;
  /** Starts the in-process scheduler (when config.jobs.scheduler); stop() waits for a running tick. */
  startScheduler(): void;
  stop(): Promise<void>;
}

/** Which process took a claim, the start of its `claimedBy` (host and pid help an operator; random bits make it unique). */
export function newInstanceId(): string {
  const host = hostname().replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || 'host';
  return `${host}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The engine's default number of workers: enough for 30 sends/s with room for slow storage. */
export const DEFAULT_CONCURRENCY = 48;

/**
 * The fewest workers that let the engine reach `sendRate`: by Little's law a run sends at most concurrency ÷ time
 * per recipient, and a recipient takes up to about 300 ms (claim, send, outcome) on a loaded machine.
 */
export function minConcurrency(sendRate: number): number {
  return Math.ceil(sendRate * 0.3);
}

/**
 * Builds the proactive jobs and their triggers around ONE fan-out engine per process (one token bucket of
 * SEND_RATE sends per second, shared by every job and every trigger of this process).
 */
export function createJobs(deps: JobsDeps, options: JobsOptions = {}): Jobs {
  const { config, logger, repos, adapter, now } = deps;
  const instanceId = options.instanceId ?? newInstanceId();
  const concurrency = Math.max(options.engine?.concurrency ?? DEFAULT_CONCURRENCY, minConcurrency(config.jobs.sendRate));
  const engine = new FanOutEngine(
    {
      sendClaims: repos.sendClaims,
      sendRuns: repos.sendRuns,
      conversationRefs: repos.conversationRefs,
      sender: options.sender ?? new BotbuilderSender(adapter, config.bot.appId),
      logger,
    },
    { ...options.engine, instanceId, tenantRate: config.jobs.sendRate, concurrency },
  );
  const fanOut: JobDeps['fanOut'] = async (request, { dryRun, onProgress }) => {
    if (dryRun) return dryRunFanOut(request, { sendClaims: repos.sendClaims, conversationRefs: repos.conversationRefs }, onProgress);
    // The progress of this run only, even while other runs of this process overlap it (a tick and an HTTP trigger).
    return engine.run(onProgress === undefined ? request : { ...request, onProgress });
  };
  const jobDeps: JobDeps = { config, logger, repos, fanOut };
  const weather = options.weather ?? (config.jobs.weatherUrl === undefined ? noWeather : new WeatherProvider(config.jobs.weatherUrl, logger));
  const registry = new JobRegistry([
    createNudgesJob({
      ...jobDeps,
      nudgeCard: deps.nudgeCard,
      weather,
      ...(deps.endCard ? { endCards: createEndCardSender({ ...jobDeps, endCard: deps.endCard }) } : {}),
    }),
    createFollowUpsJob({ ...jobDeps, ...(deps.pulseCard ? { pulseCard: deps.pulseCard } : {}), ...(options.followUpReads ? { reads: options.followUpReads } : {}) }),
    createDigestsJob(jobDeps),
    createYouSaidJob(jobDeps),
    createRetentionJob(jobDeps),
    createRepairJob({ repos, logger }),
    createHeadcountJob({ repos, orgId: config.org.id }),
    createOwnersJob(jobDeps),
    createTeamCardsJob(jobDeps),
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
