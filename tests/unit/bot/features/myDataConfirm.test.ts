import type { TestAdapter } from 'botbuilder';
import { createBot } from '@soestainable/bot/features';
import { createLogger } from '@soestainable/bot/platform/logger';
import { MY_DATA_VERBS } from '@soestainable/bot/features/myData/verbs';
import { teamsAdapter, useBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, replyCard } from '../../../helpers/botTurns';
import { cardText, executeActions, verbs, type Card } from '../../../helpers/cards';

/*
 * The delete confirmation is a one-time value with a short life: the "yes" button of one confirmation card
 * deletes once, within 10 minutes, on whichever server instance it reaches. An old or replayed card asks again
 * and deletes nothing.
 */

/** The confirmation card for `adapter`'s user, and the data its "yes" button sends back. */
async function askToDelete(adapter: TestAdapter, command = 'verwijder mijn gegevens'): Promise<{ card: Card; yes: Record<string, unknown> }> {
  const card = await replyCard(adapter, command);
  const button = executeActions(card).find((a) => a['verb'] === MY_DATA_VERBS.deleteConfirm);
  if (!button) throw new Error('the confirmation card has no confirm button');
  return { card, yes: (button['data'] as Record<string, unknown> | undefined) ?? {} };
}

/** A card that asks again: the confirm and cancel buttons, and a line saying why. */
function expectAsksAgain(card: Card, lang: 'nl' | 'en'): void {
  expect(verbs(card)).toEqual([MY_DATA_VERBS.deleteConfirm, MY_DATA_VERBS.deleteCancel]);
  expect(cardText(card)).toMatch(lang === 'nl' ? /opnieuw bevestigen/ : /confirm again/);
}

describe('my data: the delete confirmation is used once, within 10 minutes', () => {
  const h = useBotHarness();

  it.each(['nl', 'en'] as const)('a replayed card deletes nothing the second time and asks again (%s)', async (lang) => {
    const userId = `aad-replay-${lang}`;
    const adapter = await joinedAdapter(h, { userId, language: lang });
    const { yes } = await askToDelete(adapter);
    await execute(adapter, MY_DATA_VERBS.deleteConfirm, yes);
    expect(await h.repos.participants.get(userId)).toBeUndefined();

    // They join again; the old card is still in the chat and its button is pressed (or the request replayed).
    await joinedAdapter(h, { userId, language: lang });
    expectAsksAgain(await execute(adapter, MY_DATA_VERBS.deleteConfirm, yes), lang);
    expect(await h.repos.participants.get(userId)).toBeDefined();
  });

  it('a card older than 10 minutes asks again and deletes nothing; a fresh one then works', async () => {
    const userId = 'aad-old-card';
    const adapter = await joinedAdapter(h, { userId });
    const { yes } = await askToDelete(adapter);
    h.clock.now = new Date(h.clock.now.getTime() + 10 * 60_000 + 1000);
    expectAsksAgain(await execute(adapter, MY_DATA_VERBS.deleteConfirm, yes), 'nl');
    expect(await h.repos.participants.get(userId)).toBeDefined();

    const fresh = await askToDelete(adapter);
    expect(verbs(await execute(adapter, MY_DATA_VERBS.deleteConfirm, fresh.yes))).toEqual([]);
    expect(await h.repos.participants.get(userId)).toBeUndefined();
  });

  it('a card without a confirmation value (from before this version) asks again and deletes nothing', async () => {
    const userId = 'aad-no-value';
    const adapter = await joinedAdapter(h, { userId });
    expectAsksAgain(await execute(adapter, MY_DATA_VERBS.deleteConfirm, {}), 'nl');
    expect(await h.repos.participants.get(userId)).toBeDefined();
  });

  it('a newer confirmation card makes the older one ask again', async () => {
    const userId = 'aad-two-cards';
    const adapter = await joinedAdapter(h, { userId });
    const older = await askToDelete(adapter);
    const newer = await askToDelete(adapter);
    expect(newer.yes).not.toEqual(older.yes);
    expectAsksAgain(await execute(adapter, MY_DATA_VERBS.deleteConfirm, older.yes), 'nl');
    expect(await h.repos.participants.get(userId)).toBeDefined();
  });

  it('one card pressed on two server instances at once deletes on exactly one of them', async () => {
    const userId = 'aad-two-instances';
    const adapter = await joinedAdapter(h, { userId });
    const { yes } = await askToDelete(adapter);
    // A second instance: its own bot and features over the same storage.
    const { bot } = createBot({ repos: h.repos, config: h.config, logger: createLogger('silent'), now: () => h.clock.now });
    const elsewhere = teamsAdapter(bot, { userId });
    const answers = await Promise.all([execute(adapter, MY_DATA_VERBS.deleteConfirm, yes), execute(elsewhere, MY_DATA_VERBS.deleteConfirm, yes)]);
    const deleted = answers.filter((card) => verbs(card).length === 0);
    expect(deleted).toHaveLength(1);
    expect(answers.filter((card) => verbs(card).includes(MY_DATA_VERBS.deleteConfirm))).toHaveLength(1);
  });
});
