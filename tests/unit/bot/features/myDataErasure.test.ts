import type { TestAdapter } from 'botbuilder';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { eraseStoredData } from '@soestainable/bot/services/personalData/erasure';
import { MY_DATA_VERBS } from '@soestainable/bot/features/myData/verbs';
import { REPORTS_VERBS } from '@soestainable/bot/features/reports/verbs';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import { executeActivity, useBotHarness, type BotHarness } from '../../../helpers/botHarness';
import { exchange, execute, joinedAdapter, replyCard } from '../../../helpers/botTurns';
import { cardText, executeActions, type Card } from '../../../helpers/cards';
import { baselineSurvey } from '../../../helpers/orgFixture';

/*
 * "Verwijder mijn gegevens" must win against the person's own writes. The erasure and a check-in run through the
 * real bot (dispatcher, features, repositories) against Azurite, at the same time, from two chat windows of one
 * person. Fixed clock: Wednesday 2 December 2026, day 3 of seedOrg's campaign.
 */

const CAMPAIGN = 'c-2026-11-30';
const TODAY = '2026-12-02';

/** The daily card's answers as Teams sends them, with a barrier the reporter may be contacted about. */
function checkInAnswers(): Record<string, unknown> {
  return {
    campaignId: CAMPAIGN,
    date: TODAY,
    outcome: 'done',
    travelMode: 'fiets',
    distanceBand: '5-10',
    wasteFree: 'true',
    challenge: 'true',
    theme: 'circulariteit',
    barrierText: 'de fietsenstalling is vol',
    barrierContact: 'true',
    ideaText: '',
  };
}

/** The data the confirmation card's "yes" button sends back (whatever the card carries). */
async function confirmationOf(adapter: TestAdapter): Promise<Record<string, unknown>> {
  const card = await replyCard(adapter, 'verwijder mijn gegevens');
  const yes = executeActions(card).find((a) => a['verb'] === MY_DATA_VERBS.deleteConfirm);
  if (!yes) throw new Error('the confirmation card has no confirm button');
  return (yes['data'] as Record<string, unknown> | undefined) ?? {};
}

async function joinWithEverything(h: Pick<BotHarness, 'repos' | 'adapter'>, userId: string): Promise<TestAdapter> {
  const adapter = await joinedAdapter(h, { userId, teamId: 'publiekszaken' });
  await h.repos.surveys.save(baselineSurvey(userId, { campaignId: CAMPAIGN }));
  await h.repos.conversationRefs.save({ kind: 'user', userId }, 'personal', { conversation: { id: `conv-${userId}` } });
  return adapter;
}

/** Everything personal still stored about the user, by kind (all zero after an erasure that won). */
async function leftOver(repos: Repositories, userId: string): Promise<Record<string, number>> {
  return {
    profile: (await repos.participants.get(userId)) ? 1 : 0,
    checkIns: (await repos.checkIns.listAll(userId)).length,
    surveys: (await repos.surveys.listAll(userId)).length,
    contacts: (await repos.barriers.listByContact('soest', userId)).length + (await repos.ideas.listByContact('soest', userId)).length,
    chats: (await repos.conversationRefs.listAll({ kind: 'user', userId })).length,
  };
}

const NOTHING = { profile: 0, checkIns: 0, surveys: 0, contacts: 0, chats: 0 };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('my data: the erasure wins against a check-in submitted at the same time', () => {
  const h = useBotHarness();
  /** Enough rounds, with the check-in started a little before or after the erasure, to meet every interleaving. */
  const ROUNDS = 24;

  it('leaves no check-in, contact or other personal row behind, whichever write lands first', async () => {
    const survivors: Array<{ round: number; left: Record<string, number> }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const userId = `aad-race-${round}`;
      const chat = await joinWithEverything(h, userId);
      const secondWindow = h.adapter({ userId });
      const confirmation = await confirmationOf(chat);
      // -12 … +11 ms: the check-in starts before, with or after the erasure.
      const offset = (round % 12) * 2 - 12;
      await Promise.all([
        // `exchange`, not `execute`: the rounds report the same barrier, so a check-in may be offered the earlier
        // rounds' one as a look-alike (a second message; issue 16).
        sleep(Math.max(0, offset)).then(() => exchange(secondWindow, executeActivity(CHECKIN_VERBS.submit, checkInAnswers()))),
        sleep(Math.max(0, -offset)).then(() => execute(chat, MY_DATA_VERBS.deleteConfirm, confirmation)),
      ]);
      const left = await leftOver(h.repos, userId);
      if (JSON.stringify(left) !== JSON.stringify(NOTHING)) survivors.push({ round, left });
    }
    expect(survivors).toEqual([]);
  });
});

describe('my data: while an erasure runs (or stopped half-way), the person\'s writes are refused', () => {
  const h = useBotHarness();

  /** An erasure that stops at the chat link (storage went away): everything before it is gone, the rest is not. */
  async function stuckErasure(userId: string): Promise<void> {
    const crashing: Repositories = {
      ...h.repos,
      conversationRefs: Object.assign(Object.create(h.repos.conversationRefs) as Repositories['conversationRefs'], {
        deleteAll: async () => {
          throw new Error('storage went away');
        },
      }),
    };
    await expect(eraseStoredData(crashing, 'soest', userId)).rejects.toThrow('storage went away');
  }

  it('a check-in, a pause and a barrier with contact get a clear answer and store nothing; asking again finishes the erasure', async () => {
    const userId = 'aad-stuck';
    const chat = await joinWithEverything(h, userId);
    await stuckErasure(userId);

    const refused = (card: Card) => expect(cardText(card)).toBe(coreTexts.erasing.nl);
    refused(await execute(chat, CHECKIN_VERBS.submit, checkInAnswers()));
    refused(await replyCard(chat, 'pauze'));
    refused(await execute(chat, REPORTS_VERBS.barrierSubmit, { text: 'geen fietsenstalling', theme: 'mvoi', contact: 'true' }));
    expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
    expect((await h.repos.participants.get(userId))?.status).toBe('active');
    expect(await h.repos.barriers.listByContact('soest', userId)).toEqual([]);

    await execute(chat, MY_DATA_VERBS.deleteConfirm, await confirmationOf(chat));
    expect(await leftOver(h.repos, userId)).toEqual(NOTHING);
  });
});
