import { TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { loadConfig, type Config } from '../../bot/src/config';
import { createBot } from '../../bot/src/features';
import { createLogger } from '../../bot/src/platform/logger';
import { createRepositories, type Repositories } from '../../bot/src/storage/repositories';
import type { TeamsBot } from '../../bot/src/teamsBot';
import { createTestTables } from './storage';

export const TENANT_ID = 'tenant-soest';
export const USER_ID = 'aad-user-1';

/** A mutable clock the bot reads through `now()`: tests set the moment a turn happens. */
export interface Clock {
  now: Date;
}

export interface BotHarness {
  readonly repos: Repositories;
  readonly config: Config;
  readonly clock: Clock;
  readonly bot: TeamsBot;
  /** A TestAdapter whose activities come from `userId` in a personal chat, locale `locale`. */
  adapter(options?: { userId?: string; locale?: string; conversationId?: string }): TestAdapter;
  drop(): Promise<void>;
}

/**
 * The real bot — dispatcher, every feature, real repositories on the test Azurite — behind botbuilder's
 * TestAdapter (botbuilder-js's own way of testing handlers). Nothing of ours is mocked.
 */
export async function createBotHarness(start = new Date('2026-12-02T08:00:00Z'), env: Record<string, string> = {}): Promise<BotHarness> {
  const tables = await createTestTables();
  const repos = createRepositories(tables);
  const config = loadConfig({ ORG_ID: 'soest', ...env });
  const clock: Clock = { now: start };
  const { bot } = createBot({ repos, config, logger: createLogger('silent'), now: () => clock.now });
  return {
    repos,
    config,
    clock,
    bot,
    adapter({ userId = USER_ID, locale = 'nl-NL', conversationId = `conv-${userId}` } = {}) {
      const template: Partial<Activity> = {
        channelId: 'msteams',
        locale,
        from: { id: `29:${userId}`, aadObjectId: userId, name: 'Test Gebruiker' },
        recipient: { id: '28:bot', name: 'Soestainable' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
        channelData: { tenant: { id: TENANT_ID } },
      };
      return new TestAdapter(async (context) => bot.run(context), template);
    },
    drop: () => tables.drop(),
  };
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
