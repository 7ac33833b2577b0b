import type { TableClient } from '@azure/data-tables';
import { createAdapter } from '@soestainable/bot/botAdapter';
import { loadConfig, type Config } from '@soestainable/bot/config';
import { buildDailyCard } from '@soestainable/bot/features/checkin/cards';
import { buildPulseCard } from '@soestainable/bot/features/followUp/cards';
import { buildEndCard } from '@soestainable/bot/features/lasting/cards';
import { createJobs, type Jobs, type JobsOptions } from '@soestainable/bot/jobs';
import type { Env } from '@soestainable/bot/platform/env';
import { createLogger, type Logger } from '@soestainable/bot/platform/logger';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import type { TableName } from '@soestainable/bot/storage/tables';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { Participant } from '@soestainable/shared/domain/organisation';
import { participant } from '../../helpers/orgFixture';
import type { FakeConnector, RecordedCall } from '../../helpers/fakeConnector';
import { createTestTables, testConnectionString } from '../../helpers/storage';

/** One suite's world for the job tests: fresh tables on the shared Azurite, repositories and a log that records. */
export interface JobWorld {
  readonly repos: Repositories;
  readonly config: Config;
  readonly logs: { level: string; message: string; fields: Record<string, unknown> }[];
  readonly logger: Logger;
  /** The raw SDK client of a table: for planting rows a repository would never write (old data, a lagging index). */
  client(name: TableName): TableClient;
  /** Builds the jobs of one "process" (each call: its own engine, instance id, memory). */
  jobs(options?: JobsOptions, env?: Env): Jobs;
  drop(): Promise<void>;
}

export async function createJobWorld(env: Env = {}): Promise<JobWorld> {
  const tables = await createTestTables();
  const repos = createRepositories(tables, { referenceCacheTtlMs: 0 });
  const logs: JobWorld['logs'] = [];
  const logger = createLogger('debug', (line, level) => {
    const { message, ...fields } = JSON.parse(line) as { message: string } & Record<string, unknown>;
    logs.push({ level, message, fields });
  });
  const baseEnv: Env = { STORAGE_CONNECTION_STRING: testConnectionString(), ORG_ID: 'soest', ...env };
  const config = loadConfig(baseEnv);
  return {
    repos,
    config,
    logs,
    logger,
    client: (name) => tables.client(name),
    jobs(options = {}, extra = {}) {
      const c = Object.keys(extra).length === 0 ? config : loadConfig({ ...baseEnv, ...extra });
      // Small backoffs so retried sends do not slow the suite; everything else as in production.
      return createJobs(
        { config: c, logger, repos, adapter: createAdapter(c, logger), now: () => new Date(), nudgeCard: buildDailyCard, endCard: buildEndCard, pulseCard: buildPulseCard },
        { engine: { baseDelayMs: 5, maxDelayMs: 20 }, ...options },
      );
    },
    drop: () => tables.drop(),
  };
}

/** A campaign of the built-in catalogue (ids repeat when the plan is longer than the catalogue). */
export function campaignOf(overrides: Partial<Campaign> & Pick<Campaign, 'campaignId' | 'startDate' | 'endDate'>, planLength = CATALOGUE.length): Campaign {
  return {
    orgId: 'soest',
    name: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
    dayPlan: Array.from({ length: planLength }, (_, i) => (CATALOGUE[i % CATALOGUE.length] as { id: string }).id),
    closingDays: [],
    status: 'active',
    demo: false,
    ...overrides,
  };
}

/** Replaces the organisation's campaigns by `campaign`. */
export async function onlyCampaign(repos: Repositories, campaign: Campaign): Promise<void> {
  for (const c of await repos.campaigns.list('soest')) await repos.campaigns.remove('soest', c.campaignId);
  await repos.campaigns.save(campaign);
}

/** A joined participant with a personal conversation whose serviceUrl is the fake connector. */
export async function enrol(repos: Repositories, connector: { url: string }, overrides: Partial<Participant> & { userId: string }): Promise<void> {
  await repos.participants.save(participant(overrides));
  await repos.conversationRefs.save({ kind: 'user', userId: overrides.userId }, 'personal', {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: `conv-${overrides.userId}`, conversationType: 'personal', tenantId: 'tenant-soest' },
    bot: { id: '28:bot', name: 'Soestainable' },
    user: { id: `29:${overrides.userId}` },
  });
}

/** The messages the connector accepted, by conversation id (`conv-<userId>`). */
export function deliveries(connector: FakeConnector): { conversationId: string; body: Record<string, unknown> }[] {
  return connector.calls
    .filter((c: RecordedCall) => c.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(c.path))
    .map((c) => ({ conversationId: decodeURIComponent(/\/v3\/conversations\/([^/]+)\/activities/.exec(c.path)?.[1] ?? ''), body: c.body as Record<string, unknown> }));
}

/** The card (content) of a delivered message. */
export function cardOf(body: Record<string, unknown>): Record<string, unknown> {
  const attachments = body['attachments'] as { contentType: string; content: Record<string, unknown> }[] | undefined;
  const card = attachments?.[0];
  if (!card || card.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('no Adaptive Card in the message');
  return card.content;
}

/** An instant given as local Amsterdam wall time with its offset, e.g. at('2026-12-07T09:00+01:00'). */
export const at = (iso: string): Date => new Date(iso);
