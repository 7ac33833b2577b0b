import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { loadConfig, type Config } from '@soestainable/bot/config';
import { dryRunFanOut } from '@soestainable/bot/jobs/dryRun';
import type { JobDeps } from '@soestainable/bot/jobs/job';
import { createLogger, type Logger } from '@soestainable/bot/platform/logger';
import { BotbuilderSender } from '@soestainable/bot/proactive/botbuilderSender';
import { FanOutEngine } from '@soestainable/bot/proactive/fanOut';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { ActionsRepository } from '@soestainable/bot/storage/repositories/actions';
import { BarriersRepository } from '@soestainable/bot/storage/repositories/barriers';
import type { TableClients } from '@soestainable/bot/storage/tables';
import { TableStore } from '@soestainable/bot/storage/tableStore';
import type { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { createTestTables } from '../../helpers/storage';

/**
 * What the job tests of issue 4 (digests, "you said, we did", retention) share: real repositories on the suite's
 * own Azurite tables, the real config parser, a logger that keeps its lines, and `fanOut` through a real
 * FanOutEngine whose sender posts through botbuilder to a fake connector over HTTP (a dry run: the registry's
 * `dryRunFanOut`, as `createJobs` wires it).
 */
export interface JobWorld {
  readonly repos: Repositories;
  /** The suite's table clients: for planting rows a repository would never write. */
  readonly tables: TableClients;
  /** The clock of the actions and barriers repositories (their timestamps): set it before a coordinator's change. */
  clock: Date;
  /** Every log line written through {@link JobWorld.deps}' logger, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** Job deps with this config (env on top of NODE_ENV=test) and a fan-out engine with this instance id. */
  deps(env?: Record<string, string>, instanceId?: string): JobDeps;
  /** A personal conversation reference `conv-<userId>` for the user, pointing at the connector. */
  addConversation(userId: string): Promise<void>;
  drop(): Promise<void>;
}

/**
 * Job deps over any repositories (a job world's, or a running tab API's, so a test can compare a job's cards with
 * the tab's answers on the same rows): this config, a logger that keeps its lines in `logs`, and `fanOut` through a
 * real FanOutEngine with this instance id (a dry run: the registry's `dryRunFanOut`).
 */
export function jobDepsOver(repos: Repositories, config: Config, logs: Array<Record<string, unknown>>, instanceId = 'instance-a'): JobDeps {
  const logger: Logger = createLogger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const engine = new FanOutEngine(
    {
      sendClaims: repos.sendClaims,
      sendRuns: repos.sendRuns,
      conversationRefs: repos.conversationRefs,
      // An empty app id: the adapter signs nothing and reaches the fake connector over real HTTP.
      sender: new BotbuilderSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
      logger,
    },
    { instanceId, tenantRate: 200, concurrency: 8, baseDelayMs: 20, maxDelayMs: 200 },
  );
  return {
    config,
    logger,
    repos,
    fanOut: async (request, { dryRun }) =>
      dryRun ? dryRunFanOut(request, { sendClaims: repos.sendClaims, conversationRefs: repos.conversationRefs }) : engine.run(request),
  };
}

/** A personal conversation reference `conv-<userId>` for the user, pointing at the connector. */
export async function addConversationOn(repos: Repositories, connector: LimitedConnector, userId: string): Promise<void> {
  await repos.conversationRefs.save({ kind: 'user', userId }, 'personal', {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: 'tenant-soest' },
    bot: { id: '28:bot', name: 'Soestainable' },
    user: { id: `29:${userId}` },
  });
}

export async function createJobWorld(connector: LimitedConnector): Promise<JobWorld> {
  const tables = await createTestTables();
  const base = createRepositories(tables, { referenceCacheTtlMs: 0 });
  const logs: Array<Record<string, unknown>> = [];
  const world: JobWorld = {
    clock: new Date('2026-12-01T09:00:00Z'),
    logs,
    tables,
    repos: {
      ...base,
      actions: new ActionsRepository(new TableStore(tables.client('Actions')), new TableStore(tables.client('ActionUpdates')), () => world.clock),
      barriers: new BarriersRepository(new TableStore(tables.client('Barriers')), () => world.clock),
    },
    deps(env = {}, instanceId = 'instance-a') {
      return jobDepsOver(world.repos, loadConfig({ NODE_ENV: 'test', ...env }), logs, instanceId);
    },
    addConversation: (userId) => addConversationOn(world.repos, connector, userId),
    drop: () => tables.dropTables(),
  };
  return world;
}

/**
 * A `Campaigns` row as only a bug or a hand edit would write it (dates that are no dates, or an end before the
 * start): the jobs must skip it with a log line, never crash.
 */
export async function plantCampaignRow(world: JobWorld, orgId: string, campaignId: string, dates: { startDate: string; endDate: string }): Promise<void> {
  await world.tables.client('Campaigns').createEntity({
    partitionKey: orgId,
    rowKey: campaignId,
    name: JSON.stringify({ nl: campaignId, en: campaignId }),
    ...dates,
    dayPlan: '["dag1"]',
    closingDays: '[]',
    status: 'active',
    demo: false,
  });
}

/** The Adaptive Card of a delivered activity (its first attachment's content). */
export function deliveredCard(body: unknown): Record<string, unknown> {
  const attachments = (body as { attachments?: Array<{ content?: unknown }> } | undefined)?.attachments;
  const content = attachments?.[0]?.content;
  if (typeof content !== 'object' || content === null) throw new Error('the activity carries no card');
  return content as Record<string, unknown>;
}
