import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { eraseStoredData } from '@soestainable/bot/services/personalData/erasure';
import { createRepositories } from '@soestainable/bot/storage/repositories';
import { estimateCheckInImpact } from '@soestainable/shared/impact';
import { useBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, replyCard } from '../../../helpers/botTurns';
import { cardText } from '../../../helpers/cards';
import { baselineSurvey } from '../../../helpers/orgFixture';

/*
 * The check-in's short response path reads the person's profile (with its erasure mark) and baseline from this
 * instance's memory (ParticipantsRepository.recent, SurveysRepository.recent). A change through this instance shows
 * at once; an erasure through another instance is still caught by the erasure fence's check after the write, so no
 * check-in outlives it. "Another instance" here: repositories of their own on the same tables.
 */

const WEDNESDAY = new Date('2026-12-02T08:00:00Z');
const CAMPAIGN = 'c-2026-11-30';
const TODAY = '2026-12-02';

const answers = (over: Record<string, unknown> = {}) => ({
  campaignId: CAMPAIGN,
  date: TODAY,
  outcome: 'done',
  travelMode: 'fiets',
  distanceBand: '5-10',
  wasteFree: 'true',
  challenge: 'true',
  ...over,
});

describe('the check-in with the person cached per instance', () => {
  const h = useBotHarness({ start: WEDNESDAY });
  let seq = 0;

  /** A joined participant with a baseline, whose profile this instance has just read (they opened today's card). */
  async function cachedPerson(language: 'nl' | 'en' = 'nl') {
    seq += 1;
    const userId = `aad-cache-${seq}`;
    const teamId = `team-cache-${seq}`;
    const adapter = await joinedAdapter(h, { userId, teamId, language });
    await h.repos.surveys.save(baselineSurvey(userId, { campaignId: CAMPAIGN }));
    await replyCard(adapter, 'inchecken');
    return { userId, teamId, adapter };
  }

  it('an erasure through another instance: the check-in is refused with the erasing answer and nothing of it stays', async () => {
    const { userId, teamId, adapter } = await cachedPerson();
    const elsewhere = createRepositories(h.tables);
    await eraseStoredData(elsewhere, 'soest', userId);

    const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ barrierText: 'Mag niet blijven', barrierContact: 'true' }));
    expect(cardText(card)).toContain(coreTexts.erasing.nl.slice(0, 40));
    await h.settle();
    expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
    expect(await h.repos.barriers.listByContact('soest', userId)).toEqual([]);
    expect(await h.repos.participants.get(userId)).toBeUndefined();
    expect(teamId).toBeDefined();
  });

  it('an erasure begun through another instance (profile marked): refused the same way', async () => {
    const { userId, adapter } = await cachedPerson();
    await createRepositories(h.tables).participants.markErasing(userId);
    const card = await execute(adapter, CHECKIN_VERBS.submit, answers());
    expect(cardText(card)).toContain(coreTexts.erasing.nl.slice(0, 40));
    await h.settle();
    expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
  });

  it('an erasure through this instance shows at once: the next click finds no profile and stores nothing', async () => {
    const { userId, adapter } = await cachedPerson();
    await eraseStoredData(h.repos, 'soest', userId);
    const card = await execute(adapter, CHECKIN_VERBS.submit, answers());
    expect(cardText(card)).not.toContain('Ingecheckt');
    expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
  });

  it('a settings change and a new baseline through this instance show at once', async () => {
    const { userId, adapter } = await cachedPerson('nl');
    await h.repos.participants.update(userId, (p) => ({ ...p, language: 'en' }));
    const walker = baselineSurvey(userId, { campaignId: CAMPAIGN, commuteMode: 'lopen' });
    await h.repos.surveys.save(walker);
    const card = await execute(adapter, CHECKIN_VERBS.submit, answers());
    expect(cardText(card)).toContain('Checked in for Wednesday 2 December');
    const counted = { outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: true, cupsAvoided: 0 } as const;
    const byCar = estimateCheckInImpact(counted, baselineSurvey(userId, { campaignId: CAMPAIGN }));
    const stored = await h.repos.checkIns.get(userId, CAMPAIGN, TODAY);
    expect(stored?.value.impact).toEqual(estimateCheckInImpact(counted, walker));
    expect(stored?.value.impact).not.toEqual(byCar);
  });

  it('counts after the answer, and settles the row before a correction names its version', async () => {
    const { userId, teamId, adapter } = await cachedPerson();
    await execute(adapter, CHECKIN_VERBS.submit, answers());
    // The correction card names the finished version, whether or not the counting had finished when it was asked for.
    const card = await execute(adapter, CHECKIN_VERBS.change, { campaignId: CAMPAIGN, date: TODAY });
    const stored = await h.repos.checkIns.get(userId, CAMPAIGN, TODAY);
    expect(stored?.pending).toBeUndefined();
    const submit = (card['actions'] as { data?: { etag?: string } }[] | undefined)?.[0];
    expect(submit?.data?.etag).toBe(stored?.etag);
    await h.settle();
    expect((await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY))?.checkIns).toBe(1);
  });
});
