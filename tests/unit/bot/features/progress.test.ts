import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import type { CheckIn, Language } from '@soestainable/shared/domain/types';
import { useBotHarness, withBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, replyCard } from '../../../helpers/botTurns';
import { cardProblems, cardText } from '../../../helpers/cards';
import { checkIn } from '../../../helpers/fixtures';
import { baselineSurvey, participant, seedOrg } from '../../../helpers/orgFixture';

/*
 * "voortgang" / "progress" through the real dispatcher and repositories. Fixed clock: Wednesday 2 December 2026,
 * day 3 of seedOrg's campaign (Mon 30 Nov – Fri 11 Dec).
 */

const WEDNESDAY = new Date('2026-12-02T08:00:00Z');
const CAMPAIGN = 'c-2026-11-30';
const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];

let seq = 0;

function mine(userId: string, teamId: string, date: string, over: Partial<CheckIn> = {}): CheckIn {
  return checkIn({ userId, teamId, campaignId: CAMPAIGN, date, day: DAYS.indexOf(date) + 1, createdAt: `${date}T08:00:00.000Z`, updatedAt: `${date}T08:00:00.000Z`, ...over });
}

describe('progress feature', () => {
  const h = useBotHarness({ start: WEDNESDAY });

  /** A participant in a team of `teamSize` active participants (the others are only team members). */
  async function member(lang: Language, teamSize = 1, paused = 0) {
    seq += 1;
    const userId = `aad-pr-${seq}`;
    const teamId = `team-pr-${seq}`;
    for (let i = 1; i < teamSize; i++) await h.repos.participants.save(participant({ userId: `${userId}-m${i}`, teamId }));
    for (let i = 0; i < paused; i++) await h.repos.participants.save(participant({ userId: `${userId}-p${i}`, teamId, status: 'paused' }));
    const adapter = await joinedAdapter(h, { userId, teamId, language: lang });
    return { userId, teamId, adapter };
  }

  /** Stores a check-in and counts it, as the check-in feature does. */
  async function store(c: CheckIn): Promise<void> {
    await h.repos.checkIns.save(c, null);
    await h.repos.dailyAggregates.apply(c);
  }

  it.each([
    ['nl', 'voortgang', ['Je voortgang', 'Soestainable Challenge · dag 3 van 10', '2 werkdagen op rij', '2 van de 3 dagen tot nu toe', '1× helemaal, 1× deels', '0,3 kg (0,2–0,4 kg)', 'CO2emissiefactoren.nl (2026)', 'Teamcijfers verschijnen vanaf 5 deelnemers']],
    ['en', 'progress', ['Your progress', 'Soestainable Challenge · day 3 of 10', '2 working days in a row', '2 of the 3 days so far', '1× fully, 1× partly', '0.3 kg (0.2–0.4 kg)', 'CO2emissiefactoren.nl (2026)', 'Team figures appear from 5 participants']],
  ] as const)('in %s: own streak, days, CO2 with its range and sources; valid and snapshot', async (lang, command, expected) => {
    const { userId, teamId, adapter } = await member(lang);
    await store(mine(userId, teamId, '2026-11-30', { impact: { low: 0.1, mid: 0.15, high: 0.2 } }));
    await store(mine(userId, teamId, '2026-12-01', { outcome: 'partly', impact: { low: 0.05, mid: 0.1, high: 0.15 } }));
    const card = await replyCard(adapter, command);
    expect(cardProblems(card)).toEqual([]);
    for (const line of expected) expect(cardText(card)).toContain(line);
    // no names, nobody else's figures
    expect(cardText(card)).not.toContain('Test Gebruiker');
    const [button] = card['actions'] as Array<{ verb: string; fallback: { data: Record<string, unknown> } }>;
    expect(button?.verb).toBe(CHECKIN_VERBS.open);
    expect(button?.fallback.data).toEqual({ verb: CHECKIN_VERBS.open });
    expect(card).toMatchSnapshot();
  });

  it('the streak runs on working days only and breaks on a missed one', async () => {
    const { userId, teamId, adapter } = await member('nl');
    await store(mine(userId, teamId, '2026-11-30'));
    await store(mine(userId, teamId, '2026-12-02'));
    let t = cardText(await replyCard(adapter, 'voortgang'));
    expect(t).toContain('1 werkdag');
    expect(t).toContain('2 van de 3 dagen tot nu toe');

    // Thu and Fri checked in, then the weekend: on Monday (not yet checked in) the streak still stands
    await store(mine(userId, teamId, '2026-12-03'));
    await store(mine(userId, teamId, '2026-12-04'));
    h.clock.now = new Date('2026-12-07T08:00:00Z');
    t = cardText(await replyCard(adapter, 'voortgang'));
    expect(t).toContain('3 werkdagen op rij');
    expect(t).toContain('4 van de 6 dagen tot nu toe');
    // Tuesday without Monday's check-in: broken
    h.clock.now = new Date('2026-12-08T08:00:00Z');
    expect(cardText(await replyCard(adapter, 'voortgang'))).toContain('0 werkdagen op rij');
  });

  it('a check-in made through the card shows up in the progress', async () => {
    const { userId, adapter } = await member('nl');
    await h.repos.surveys.save(baselineSurvey(userId, { campaignId: CAMPAIGN }));
    await execute(adapter, CHECKIN_VERBS.submit, {
      campaignId: CAMPAIGN,
      date: '2026-12-02',
      outcome: 'done',
      travelMode: 'fiets',
      distanceBand: '5-10',
      wasteFree: 'true',
      challenge: 'true',
    });
    const t = cardText(await replyCard(adapter, 'voortgang'));
    expect(t).toContain('1 werkdag');
    expect(t).toContain('2,9 kg (1,2–5,2 kg)');
  });

  it.each([
    ['nl', 4, 'Teamcijfers verschijnen vanaf 5 deelnemers in je team'],
    ['en', 4, 'Team figures appear from 5 participants in your team'],
  ] as const)('in %s: a team of %i active participants shows no team figures', async (lang, size, line) => {
    const { userId, teamId, adapter } = await member(lang, size, 3);
    await store(mine(userId, teamId, '2026-12-02'));
    await store(mine(`${userId}-m1`, teamId, '2026-12-02'));
    const card = await replyCard(adapter, lang === 'nl' ? 'voortgang' : 'progress');
    expect(cardText(card)).toContain(line);
    expect(cardText(card)).not.toMatch(/%/);
  });

  it.each([
    ['nl', 'Gemiddeld checkte 20% van je team per challengedag in (tot en met eergisteren', 'Vandaag checkte'],
    ['en', 'On average 20% of your team checked in per challenge day (up to the day before yesterday', 'checked in today'],
  ] as const)('in %s: a team of exactly 5 active participants shows its participation over the final days only', async (lang, average, never) => {
    const { userId, teamId, adapter } = await member(lang, 5, 2);
    // What the headcount job records: 5 people on each challenge day so far.
    for (const date of DAYS.slice(0, 3)) await h.repos.dailyAggregates.raiseParticipants(CAMPAIGN, teamId, date, 5);
    // Monday 1 of 5 (final on Wednesday); yesterday 1 and today 2 can still change, so they are not shown.
    await store(mine(userId, teamId, '2026-12-02'));
    await store(mine(`${userId}-m1`, teamId, '2026-12-02'));
    await store(mine(`${userId}-m2`, teamId, '2026-12-01'));
    await store(mine(`${userId}-m3`, teamId, '2026-11-30'));
    const card = await replyCard(adapter, lang === 'nl' ? 'voortgang' : 'progress');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(average);
    expect(cardText(card)).not.toContain(never);
    expect(cardText(card)).not.toContain('Teamcijfers verschijnen');
  });

  it('follows config.minGroupSize', async () => {
    await withBotHarness(
      async (strict) => {
        await seedOrg(strict.repos);
        const card = await replyCard(await joinedAdapter(strict, { userId: 'aad-strict', teamId: 'team-strict' }), 'voortgang');
        expect(cardText(card)).toContain('Teamcijfers verschijnen vanaf 10 deelnemers');
      },
      { start: WEDNESDAY, env: { MIN_GROUP_SIZE: '10' } },
    );
  });

  it.each([
    ['nl', 'nl-NL', 'voortgang', 'Doe mee'],
    ['en', 'en-US', 'progress', 'Join'],
  ] as const)('in %s: someone who has not joined gets the join card', async (_lang, locale, command, button) => {
    const card = await replyCard(h.adapter({ userId: `aad-pr-stranger-${locale}`, locale }), command);
    expect(cardProblems(card)).toEqual([]);
    expect((card['actions'] as Array<{ title: string; verb: string }>)[0]).toMatchObject({ title: button, verb: 'enrol.start' });
  });

  it('before the campaign, and without any campaign', async () => {
    h.clock.now = new Date('2026-11-27T09:00:00Z');
    const { adapter } = await member('nl');
    expect(cardText(await replyCard(adapter, 'voortgang'))).toContain('Soestainable Challenge begint op maandag 30 november.');
    await withBotHarness(
      async (empty) => {
        await empty.repos.participants.save(participant({ userId: 'aad-empty', language: 'en' }));
        expect(cardText(await replyCard(empty.adapter({ userId: 'aad-empty' }), 'progress'))).toContain('No challenge is running');
      },
      { start: WEDNESDAY },
    );
  });

  it('after the campaign: the final figures, without a check-in button', async () => {
    const { userId, teamId, adapter } = await member('nl');
    await store(mine(userId, teamId, '2026-12-11'));
    h.clock.now = new Date('2026-12-15T09:00:00Z');
    const card = await replyCard(adapter, 'voortgang');
    expect(cardText(card)).toContain('Soestainable Challenge · afgelopen op vrijdag 11 december');
    expect(cardText(card)).toContain('1 van de 10 dagen tot nu toe');
    expect(card['actions']).toEqual([]);
  });
});
