import { join } from 'node:path';
import type restify from 'restify';
import { createAdapter } from './botAdapter';
import { BotGate } from './botGate';
import type { Config } from './config';
import { clockOf, DevClock } from './platform/clock';
import { devClockRoute } from './jobs/route';
import { KeyedRateLimit } from './platform/keyedRateLimit';
import { DeferredWork } from './platform/deferredWork';
import { BotbuilderSender } from './proactive/botbuilderSender';
import type { Logger } from './platform/logger';
import { createServer } from './server/createServer';
import { openStorage, type OpenStorage } from './storage/openStorage';
import { createRepositories, type Repositories } from './storage/repositories';
import { createBot } from './features';
import { buildDailyCard } from './features/checkin/cards';
import { buildEndCard } from './features/lasting/cards';
import { buildPulseCard } from './features/followUp/cards';
import { createJobs, type Jobs } from './jobs';
import { createTabApi } from './tabApi';

/** Where the built tab lives, relative to the compiled `bot/dist/src/app.js`. */
export const DEFAULT_TAB_DIR = join(__dirname, '..', '..', '..', 'dist', 'tab');

export interface RunningApp {
  readonly server: restify.Server;
  readonly storage: OpenStorage;
  readonly repositories: Repositories;
  readonly jobs: Jobs;
  /**
   * Resolves when the work this instance left running after its answers (a check-in's counting) has settled:
   * the explicit wait for tests and benchmarks that read what it writes.
   */
  drain(): Promise<void>;
  /** Stops listening, lets the work left after answers finish, then stops storage started by us. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The composition root: storage → repositories → adapter → bot → server, each given what it needs through its
 * constructor. The caller decides whether and where to listen.
 */
export async function composeApp(
  config: Config,
  logger: Logger,
  options: { tabDir?: string; now?: () => Date; scheduler?: boolean } = {},
): Promise<RunningApp> {
  const storage = await openStorage(config, logger);
  let server: restify.Server;
  let repositories: Repositories;
  let jobs: Jobs;
  let deferred: DeferredWork;
  try {
    repositories = createRepositories(storage.clients);
    // A local stack's shifted clock (DEV_CLOCK) can be moved through POST /api/dev/clock; production has none.
    const devClock = options.now === undefined && config.devClockStart !== undefined ? new DevClock(config.devClockStart) : undefined;
    const now = options.now ?? devClock?.now ?? clockOf(config);
    const adapter = createAdapter(config, logger);
    deferred = new DeferredWork(logger);
    // One proactive sender for the jobs and for what an answer leaves to send after it.
    const sender = new BotbuilderSender(adapter, config.bot.appId);
    const { bot, routes } = createBot({ repos: repositories, config, logger, now, deferred, sender });
    jobs = createJobs({ config, logger, repos: repositories, adapter, now, nudgeCard: buildDailyCard, endCard: buildEndCard, pulseCard: buildPulseCard }, { sender });
    const tabRoutes = createTabApi({ config, logger, repos: repositories, now });
    server = createServer({
      logger,
      adapter,
      bot,
      gate: new BotGate({ tenantId: config.bot.tenantId, limit: new KeyedRateLimit(config.limits.messagesPerMinute), logger }),
      routes: [...routes, ...jobs.routes, ...tabRoutes, ...(devClock ? [devClockRoute({ clock: devClock, key: config.jobs.key, logger })] : [])],
      health: storage.clients,
      tabDir: options.tabDir ?? DEFAULT_TAB_DIR,
    });
  } catch (err) {
    await storage.close();
    throw err;
  }
  // Only the entry points ask for the scheduler (and config can switch it off): tests compose without it.
  if (options.scheduler === true && config.jobs.scheduler) jobs.startScheduler();
  let closed: Promise<void> | undefined;
  return {
    server,
    storage,
    repositories,
    jobs,
    drain: () => deferred.drain(),
    close() {
      closed ??= (async () => {
        await jobs.stop();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.server.closeAllConnections();
        await stopped;
        // No request is answered any more: what the answers left running (it is stored as pending parts, so a
        // process that never gets here loses nothing: the repair job finishes it) ends before storage does.
        await deferred.drain();
        await storage.close();
      })();
      return closed;
    },
  };
}

/** Listens and resolves with the actual port (0 picks a free one). */
export function listen(server: restify.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve(server.address().port);
    });
  });
}
