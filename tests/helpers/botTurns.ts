import type { Activity, TestAdapter } from 'botbuilder';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { Language } from '@soestainable/shared/domain/types';
import { cardOf, executeActivity, invokeCard, type BotHarness } from './botHarness';
import type { Card } from './cards';
import { participant } from './orgFixture';

/** The two languages with the Teams locale that asks for each, for `describe.each(LANGS)('… %s', (lang, locale) => …)`. */
export const LANGS = [
  ['nl', 'nl-NL'],
  ['en', 'en-US'],
] as const satisfies ReadonlyArray<readonly [Language, string]>;

/** The Teams locale of a language (the second column of {@link LANGS}). */
export function localeOf(lang: Language): string {
  return lang === 'nl' ? 'nl-NL' : 'en-US';
}

/** Everything the bot sent in answer to one activity (a typed text, an install, a button's invoke…). */
export async function exchange(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  await adapter.send(activity);
  return adapter.activeQueue.splice(0);
}

/** The bot's one answer to `activity`: exactly one activity is expected. */
export async function onlyReply(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Partial<Activity>> {
  const replies = await exchange(adapter, activity);
  expect(replies).toHaveLength(1);
  return replies[0] ?? {};
}

/** The card of a message activity (its first Adaptive Card attachment's content). */
export function cardContent(activity: Partial<Activity>): Card {
  return cardOf(activity).content as Card;
}

/** Sends a command (or any activity) and returns the card of the bot's one answer. */
export async function replyCard(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Card> {
  return cardContent(await onlyReply(adapter, activity));
}

/** Clicks an `Action.Execute` button: the card that replaces the clicked one (the one invoke response). */
export async function execute(adapter: TestAdapter, verb: string, data: Record<string, unknown> = {}): Promise<Card> {
  return invokeCard(await onlyReply(adapter, executeActivity(verb, data)));
}

/**
 * Stores a participant who joined ({@link participant} with `overrides`) and returns a TestAdapter talking as
 * them, in the locale of their language unless `locale` says otherwise.
 */
export async function joinedAdapter(
  h: Pick<BotHarness, 'repos' | 'adapter'>,
  overrides: Partial<Participant> & { userId: string },
  locale = localeOf(overrides.language ?? 'nl'),
): Promise<TestAdapter> {
  await h.repos.participants.save(participant(overrides));
  return h.adapter({ userId: overrides.userId, locale });
}
