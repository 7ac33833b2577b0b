import { TestAdapter, type Activity, type ActivityHandler, type Attachment } from 'botbuilder';
import { loadConfig, type Config } from '@soestainable/bot/config';
import { createBot } from '@soestainable/bot/features';
import { createLogger } from '@soestainable/bot/platform/logger';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import type { TableClients } from '@soestainable/bot/storage/tables';
import type { TeamsBot } from '@soestainable/bot/teamsBot';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { seedOrg } from './orgFixture';
import { createTestTables } from './storage';

export const TENANT_ID = 'tenant-soest';
export const USER_ID = 'aad-user-1';
/** Wednesday 2 December 2026, 09:00 in Soest: day 3 of {@link seedOrg}'s campaign. */
export const DEFAULT_START = new Date('2026-12-02T08:00:00Z');

/** A mutable clock the bot reads through `now()`: tests set the moment a turn happens. */
export interface Clock {
  now: Date;
}

/** Where a TestAdapter's activities come from. */
export interface AdapterOptions {
  readonly userId?: string;
  readonly locale?: string;
  /** `personal` (the default): the 1:1 chat with the bot; `channel`: a team channel; `groupChat`: a group chat. */
  readonly conversationType?: 'personal' | 'channel' | 'groupChat';
  /** Default `conv-{userId}` in a personal chat, `19:{type}-{userId}@thread.tacv2` elsewhere. */
  readonly conversationId?: string;
  /** More `channelData` next to the tenant, such as `{ team: { id } }` for a team's channel. */
  readonly channelData?: Record<string, unknown>;
}

export interface BotHarness {
  readonly repos: Repositories;
  /** The suite's own tables, for reading raw rows (`rawRows(h.tables.client('Barriers'))`). */
  readonly tables: TableClients;
  readonly config: Config;
  readonly clock: Clock;
  readonly bot: TeamsBot;
  /** A TestAdapter whose activities come from `userId` (default {@link USER_ID}), locale `locale` (default nl-NL). */
  adapter(options?: AdapterOptions): TestAdapter;
  /**
   * Waits for the work the bot left running after its answers (a check-in's counting, done after the summary card
   * is sent): call it before reading the team-day aggregates a check-in changes.
   */
  settle(): Promise<void>;
  drop(): Promise<void>;
}

/**
 * The real bot — dispatcher, every feature, real repositories on the test Azurite — behind botbuilder's
 * TestAdapter (botbuilder-js's own way of testing handlers). Nothing of ours is mocked.
 */
export async function createBotHarness(start = DEFAULT_START, env: Record<string, string> = {}): Promise<BotHarness> {
  const tables = await createTestTables();
  const repos = createRepositories(tables);
  const config = loadConfig({ ORG_ID: 'soest', ...env });
  const clock: Clock = { now: start };
  const { bot, deferred } = createBot({ repos, config, logger: createLogger('silent'), now: () => clock.now });
  return {
    repos,
    tables,
    config,
    clock,
    bot,
    adapter: (options = {}) => teamsAdapter(bot, options),
    settle: () => deferred.drain(),
    drop: async () => {
      await deferred.drain();
      await tables.drop();
    },
  };
}

/**
 * botbuilder's TestAdapter in front of `bot`, as Teams would talk to it: a user of the test tenant in their 1:1 chat
 * (or a channel or group chat). The harness's `adapter()` uses it; a test that builds its own bot (another instance,
 * other dependencies) does too.
 */
export function teamsAdapter(bot: ActivityHandler, { userId = USER_ID, locale = 'nl-NL', conversationType = 'personal', conversationId, channelData = {} }: AdapterOptions = {}): TestAdapter {
  const personal = conversationType === 'personal';
  const template: Partial<Activity> = {
    channelId: 'msteams',
    locale,
    from: { id: `29:${userId}`, aadObjectId: userId, name: 'Test Gebruiker' },
    recipient: { id: '28:bot', name: 'Soestainable' },
    conversation: {
      id: conversationId ?? (personal ? `conv-${userId}` : `19:${conversationType}-${userId}@thread.tacv2`),
      conversationType,
      tenantId: TENANT_ID,
      isGroup: !personal,
      name: '',
    },
    channelData: { tenant: { id: TENANT_ID }, ...channelData },
  };
  return new TestAdapter(async (context) => bot.run(context), template);
}

export interface HarnessOptions {
  /** The clock's moment at the start of every test (default Wednesday 2 Dec 2026, 09:00 in Soest: day 3). */
  readonly start?: Date;
  /** Environment for `loadConfig` next to `ORG_ID` (e.g. `MIN_GROUP_SIZE`). */
  readonly env?: Record<string, string>;
  /** {@link seedOrg} with a campaign starting on this date (default 2026-11-30), or `false` for empty tables. */
  readonly seed?: string | false;
}

/** A suite's harness (see {@link useBotHarness}): a {@link BotHarness}, plus the campaign {@link seedOrg} made. */
export interface SuiteBotHarness extends BotHarness {
  /** The seeded campaign; throws when the suite asked for `seed: false`. */
  readonly campaign: Campaign;
}

/**
 * Call at the top of a suite or `describe`: a harness made before its tests (a `beforeAll`, seeded with
 * {@link seedOrg} unless `seed: false`), dropped after them (an `afterAll`), with the clock set back to `start`
 * before each test. Usable in tests and in hooks declared after the call.
 */
export function useBotHarness(options: HarnessOptions = {}): SuiteBotHarness {
  const start = options.start ?? DEFAULT_START;
  let harness: BotHarness | undefined;
  let campaign: Campaign | undefined;
  beforeAll(async () => {
    harness = await createBotHarness(start, options.env);
    if (options.seed !== false) ({ campaign } = await seedOrg(harness.repos, options.seed));
  });
  afterAll(async () => {
    await harness?.drop();
  });
  beforeEach(() => {
    ready().clock.now = start;
  });
  const ready = (): BotHarness => {
    if (!harness) throw new Error('The suite harness exists only after its beforeAll: use it inside tests and hooks.');
    return harness;
  };
  return {
    get repos() {
      return ready().repos;
    },
    get tables() {
      return ready().tables;
    },
    get config() {
      return ready().config;
    },
    get clock() {
      return ready().clock;
    },
    get bot() {
      return ready().bot;
    },
    get campaign() {
      ready();
      if (!campaign) throw new Error('This suite harness was made with seed: false: it has no campaign.');
      return campaign;
    },
    adapter: (adapterOptions) => ready().adapter(adapterOptions),
    settle: () => ready().settle(),
    drop: () => ready().drop(),
  };
}

/** Runs `test` with a harness of its own (unseeded: the test seeds what it needs), dropped afterwards. */
export async function withBotHarness<T>(test: (h: BotHarness) => Promise<T>, options: Omit<HarnessOptions, 'seed'> = {}): Promise<T> {
  const h = await createBotHarness(options.start, options.env);
  try {
    return await test(h);
  } finally {
    await h.drop();
  }
}

/** The invoke an `Action.Execute` button sends. */
export function executeActivity(verb: string, data: Record<string, unknown> = {}): Partial<Activity> {
  return { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } };
}

/** The message an `Action.Submit` fallback sends (the card's inputs plus its data, verb included). */
export function submitActivity(verb: string, data: Record<string, unknown> = {}, replyToId = 'card-1'): Partial<Activity> {
  return { type: 'message', value: { ...data, verb }, replyToId };
}

/** The first Adaptive Card attachment of an activity. */
export function cardOf(activity: Partial<Activity>): Attachment {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`expected a card, got ${JSON.stringify(activity).slice(0, 300)}`);
  return card;
}

/** The card an invoke response carries (what replaces the clicked card). */
export function invokeCard(activity: Partial<Activity>): Record<string, unknown> {
  const value = activity.value as { body?: { statusCode?: number; value?: Record<string, unknown> } } | undefined;
  if (activity.type !== 'invokeResponse' || value?.body?.statusCode !== 200 || !value.body.value) {
    throw new Error(`expected an invoke response with a card, got ${JSON.stringify(activity).slice(0, 300)}`);
  }
  return value.body.value;
}
