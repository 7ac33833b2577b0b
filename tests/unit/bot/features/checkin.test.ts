import type { Activity } from 'botbuilder';
import { dayState } from '@soestainable/shared/domain/campaignDay';
import { buildDailyCard, noChallengeCard } from '@soestainable/bot/features/checkin/cards';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { Language } from '@soestainable/shared/domain/types';
import { submitActivity, useBotHarness, withBotHarness, type BotHarness } from '../../../helpers/botHarness';
import { cardContent, execute, joinedAdapter, replyCard } from '../../../helpers/botTurns';
import { cardProblems, cardText, expectWellFormed, input, type Card } from '../../../helpers/cards';
import { hiddenCharsIn, RLO_FILE_NAME, sprinkled } from '../../../helpers/hiddenChars';
import { baselineSurvey, participant, seedOrg } from '../../../helpers/orgFixture';
import { rawRows } from '../../../helpers/storage';

/*
 * The daily challenge card and the check-in, through the real dispatcher and the real repositories on Azurite,
 * behind botbuilder's TestAdapter. Fixed clock: Wednesday 2 December 2026, 09:00 in Amsterdam = day 3 of
 * seedOrg's campaign (Mon 30 Nov – Fri 11 Dec), whose challenge is "Lunch zonder verpakking" (a yes/no question).
 * Every test uses its own user and team, so the team-day counters of one test are its own.
 */

const WEDNESDAY = new Date('2026-12-02T08:00:00Z');
const CAMPAIGN = 'c-2026-11-30';
const TODAY = '2026-12-02';
const YESTERDAY = '2026-12-01';

let seq = 0;
function ids(): { userId: string; teamId: string } {
  seq += 1;
  return { userId: `aad-ck-${seq}`, teamId: `team-ck-${seq}` };
}

/** A joined participant (with a baseline unless told otherwise), and a TestAdapter talking as them. */
async function join(h: Pick<BotHarness, 'repos' | 'adapter'>, lang: Language = 'nl', opts: { baseline?: boolean; campaignId?: string } = {}) {
  const { userId, teamId } = ids();
  const adapter = await joinedAdapter(h, { userId, teamId, language: lang });
  if (opts.baseline !== false) await h.repos.surveys.save(baselineSurvey(userId, { campaignId: opts.campaignId ?? CAMPAIGN }));
  return { userId, teamId, adapter };
}

/** The answers of the daily card as Teams sends them (every input a string). */
function answers(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    campaignId: CAMPAIGN,
    date: TODAY,
    outcome: 'done',
    travelMode: 'fiets',
    distanceBand: '5-10',
    wasteFree: 'true',
    challenge: 'true',
    theme: 'circulariteit',
    barrierText: '',
    barrierContact: 'false',
    ideaText: '',
    ...over,
  };
}

interface CardAction {
  type: string;
  verb?: string;
  data?: Record<string, unknown>;
  fallback?: { type: string; data?: Record<string, unknown> };
}
function actionsOf(card: Card): CardAction[] {
  return (card['actions'] as CardAction[] | undefined) ?? [];
}
function inputValue(card: Card, id: string): unknown {
  return input(card, id)['value'];
}

describe('check-in feature', () => {
  const h = useBotHarness({ start: WEDNESDAY });

  describe('the daily card', () => {
    it.each([
      ['nl', 'inchecken', 'Dag 3 van 10', 'Lunch zonder verpakking', 'Inchecken'],
      ['en', 'check in', 'Day 3 of 10', 'Lunch without packaging', 'Check in'],
    ] as const)('in %s: today\'s challenge with the check-in on the same card, valid and snapshot', async (lang, command, day, title, button) => {
      const { adapter } = await join(h, lang);
      const card = await replyCard(adapter, command);
      // valid; every input has a visible label, a toggle its title too
      expectWellFormed(card);
      const t = cardText(card);
      expect(t).toContain(day);
      expect(t).toContain(title);
      // the distance band is pre-filled from the baseline; the travel mode is the person's own choice each day
      expect(inputValue(card, 'distanceBand')).toBe('5-10');
      expect(inputValue(card, 'travelMode')).toBe('');
      expect((input(card, 'travelMode')['choices'] as unknown[]).length).toBe(7);
      // Execute with a Submit fallback carrying the same data plus the verb
      const [submit] = actionsOf(card);
      expect(submit).toMatchObject({ type: 'Action.Execute', verb: 'checkin.submit', data: { campaignId: CAMPAIGN, date: TODAY } });
      expect(submit?.fallback).toEqual({ type: 'Action.Submit', title: button, style: 'positive', data: { campaignId: CAMPAIGN, date: TODAY, verb: 'checkin.submit' } });
      expect(card).toMatchSnapshot();
    });

    it('opens by button (checkin.open) as an invoke whose card replaces the clicked one', async () => {
      const { adapter } = await join(h);
      const card = await execute(adapter, CHECKIN_VERBS.open, {});
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain('Lunch zonder verpakking');
    });

    it('asks a count for a count question (day 1: cups) and stores it', async () => {
      h.clock.now = new Date('2026-11-30T08:00:00Z');
      const { userId, teamId, adapter } = await join(h);
      const card = await replyCard(adapter, 'inchecken');
      expect(cardProblems(card)).toEqual([]);
      expect(input(card, 'challenge')).toMatchObject({ type: 'Input.Number', min: 0, max: 50, value: 0 });
      const summary = await execute(adapter, CHECKIN_VERBS.submit, answers({ date: '2026-11-30', challenge: '3' }));
      expect(cardText(summary)).toContain('Hoeveel wegwerpbekers heb je vandaag uitgespaard?');
      const stored = await h.repos.checkIns.get(userId, CAMPAIGN, '2026-11-30');
      expect(stored?.value).toMatchObject({ day: 1, challengeId: 'dag01-eigen-beker', cupsAvoided: 3, challengeAnswer: undefined });
      await h.settle(); // the counting runs after the answer
      expect((await h.repos.dailyAggregates.get(CAMPAIGN, teamId, '2026-11-30'))?.cupsAvoided).toBe(3);
    });

    it.each([['-1'], ['abc'], ['51'], ['2.5'], [true]])('refuses %p as a count, storing nothing', async (count) => {
      h.clock.now = new Date('2026-11-30T08:00:00Z');
      const { userId, teamId, adapter } = await join(h);
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ date: '2026-11-30', challenge: count }));
      expect(cardText(card)).toContain('Dit klopt nog niet: de vraag van vandaag');
      // the card comes back with the right answers kept and the count reset
      expect(inputValue(card, 'travelMode')).toBe('fiets');
      expect(inputValue(card, 'challenge')).toBe(0);
      expect(await h.repos.checkIns.get(userId, CAMPAIGN, '2026-11-30')).toBeUndefined();
      expect(await h.repos.dailyAggregates.get(CAMPAIGN, teamId, '2026-11-30')).toBeUndefined();
    });

    it('builds the same card for the nudge job from a campaign and a date alone (buildDailyCard)', () => {
      const card = buildDailyCard({ lang: 'nl', campaign: h.campaign, date: '2026-12-03' }).content as Card;
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain('Dag 4 van 10');
      expect(cardText(card)).toContain('Scherm uit, licht uit, trap op');
      expect(() => buildDailyCard({ lang: 'nl', campaign: h.campaign, date: '2026-12-05' })).toThrow(/not a challenge day/);
    });
  });

  describe('joining first', () => {
    it.each([
      ['nl', 'nl-NL', 'Doe mee'],
      ['en', 'en-US', 'Join'],
    ] as const)('in %s: someone who has not joined gets the join card (enrol.start), for the command and for a submit', async (_lang, locale, button) => {
      const adapter = h.adapter({ userId: `aad-stranger-${locale}`, locale });
      for (const card of [await replyCard(adapter, 'inchecken'), await execute(adapter, CHECKIN_VERBS.submit, answers())]) {
        expect(cardProblems(card)).toEqual([]);
        expect(actionsOf(card)[0]).toMatchObject({ type: 'Action.Execute', title: button, verb: 'enrol.start', fallback: { type: 'Action.Submit', data: { verb: 'enrol.start' } } });
      }
      expect(await h.repos.checkIns.listAll(`aad-stranger-${locale}`)).toEqual([]);
    });

    it('treats a participant who left as not joined', async () => {
      const { userId } = ids();
      await h.repos.participants.save(participant({ userId, status: 'left' }));
      const card = await replyCard(h.adapter({ userId }), 'inchecken');
      expect(actionsOf(card)[0]?.verb).toBe('enrol.start');
    });
  });

  describe('submitting', () => {
    it.each([
      ['nl', 'Ingecheckt voor woensdag 2 december ✅', '2,9 kg (1,2–5,2 kg)', 'Wijzig'],
      ['en', 'Checked in for Wednesday 2 December ✅', '2.9 kg (1.2–5.2 kg)', 'Change'],
    ] as const)('in %s: Action.Execute stores the check-in, counts it, and replaces the card by the summary', async (lang, title, co2, change) => {
      const { userId, teamId, adapter } = await join(h, lang);
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers());
      expect(cardProblems(card)).toEqual([]);
      const t = cardText(card);
      expect(t).toContain(title);
      // bike instead of the usual car, 5–10 km, plus a waste-free day
      expect(t).toContain(co2);
      expect(actionsOf(card)[0]).toMatchObject({ type: 'Action.Execute', title: change, verb: 'checkin.change', data: { campaignId: CAMPAIGN, date: TODAY } });
      expect(card).toMatchSnapshot();

      const stored = await h.repos.checkIns.get(userId, CAMPAIGN, TODAY);
      expect(stored?.value).toMatchObject({
        teamId,
        day: 3,
        challengeId: 'dag03-lunch-zonder-verpakking',
        outcome: 'done',
        travelMode: 'fiets',
        distanceBand: '5-10',
        wasteFree: true,
        challengeAnswer: true,
        cupsAvoided: 0,
        impact: { low: 1.248, mid: 2.886, high: 5.224 },
        factorVersion: '2026.1',
      });
      await h.settle(); // the counting runs after the answer
      const agg = await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY);
      expect(agg).toMatchObject({ checkIns: 1, done: 1, wasteFree: 1 });
      expect(agg?.travel.fiets).toBe(1);
    });

    it('the Action.Submit fallback stores the same and updates the card message in place (updateActivity)', async () => {
      const { userId, teamId, adapter } = await join(h);
      await adapter.send('inchecken');
      expect(adapter.activeQueue).toHaveLength(1);
      const cardId = adapter.activeQueue[0]?.id;
      expect(cardId).toEqual(expect.any(String));
      const update = jest.spyOn(adapter, 'updateActivity');

      await adapter.send(submitActivity(CHECKIN_VERBS.submit, answers(), cardId));

      expect(update).toHaveBeenCalledTimes(1);
      // the TestAdapter replaced the queued card message with the same id: no new message was sent
      expect(adapter.activeQueue).toHaveLength(1);
      const replaced = adapter.activeQueue[0] as Partial<Activity>;
      expect(replaced.id).toBe(cardId);
      const summary = cardContent(replaced);
      expect(cardProblems(summary)).toEqual([]);
      expect(cardText(summary)).toContain('Ingecheckt voor woensdag 2 december ✅');
      expect((await h.repos.checkIns.get(userId, CAMPAIGN, TODAY))?.value.travelMode).toBe('fiets');
      await h.settle(); // the counting runs after the answer
      expect((await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY))?.checkIns).toBe(1);
    });

    it('without a baseline the travel part is 0 and the summary says why', async () => {
      const { adapter } = await join(h, 'nl', { baseline: false });
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ wasteFree: 'false' }));
      expect(cardText(card)).toContain('0 kg');
      expect(cardText(card)).toContain('daarvoor heb ik je nulmeting nodig');
    });

    it('counts a double submit once: the second click gets the stored check-in back', async () => {
      const { teamId, adapter } = await join(h);
      await execute(adapter, CHECKIN_VERBS.submit, answers());
      const second = await execute(adapter, CHECKIN_VERBS.submit, answers({ travelMode: 'auto' }));
      expect(cardText(second)).toContain('Deze check-in had ik al; hij telt één keer mee.');
      // what is shown is what is stored: the first answers
      expect(cardText(second)).toContain('Fiets, 5 tot 10 km');
      const agg = await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY);
      expect(agg).toMatchObject({ checkIns: 1 });
      expect(agg?.travel.auto).toBe(0);
      // asking for the card again gives the correction card, not a second first check-in
      const again = await replyCard(adapter, 'inchecken');
      expect(cardText(again)).toContain('Je hebt al ingecheckt voor woensdag 2 december.');
      expect(actionsOf(again)[0]?.data).toHaveProperty('etag');
    });

    it('counts a double click once, also when both requests arrive at the same moment', async () => {
      const { userId, teamId } = await join(h);
      const a = h.adapter({ userId });
      const b = h.adapter({ userId });
      const cards = await Promise.all([execute(a, CHECKIN_VERBS.submit, answers()), execute(b, CHECKIN_VERBS.submit, answers())]);
      expect(cards.map(cardText).filter((t) => t.includes('Deze check-in had ik al'))).toHaveLength(1);
      expect((await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY))?.checkIns).toBe(1);
    });

    it('files a barrier once, shows its reference and never the text; a second submit files nothing', async () => {
      const { userId, adapter } = await join(h);
      const text = 'De kantine heeft alleen *plastic* bekers [klik](https://example.com)';
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ barrierText: text, theme: 'mvoi', ideaText: 'Een vaatwasser per verdieping' }));
      const barriers = (await h.repos.barriers.list('soest')).filter((b) => b.text === text);
      expect(barriers).toHaveLength(1);
      const [barrier] = barriers;
      expect(barrier).toMatchObject({ campaignId: CAMPAIGN, theme: 'mvoi', status: 'nieuw' });
      expect(barrier?.contactUserId).toBeUndefined();
      const t = cardText(card);
      expect(t).toContain(`code **${barrier?.reference}**`);
      expect(t).toContain('Hij is anoniem opgeslagen.');
      expect(t).not.toContain('plastic');
      const idea = (await h.repos.ideas.list('soest')).find((i) => i.text === 'Een vaatwasser per verdieping');
      expect(t).toContain(`code **${idea?.reference}**`);

      await execute(adapter, CHECKIN_VERBS.submit, answers({ barrierText: text, theme: 'mvoi' }));
      expect((await h.repos.barriers.list('soest')).filter((b) => b.text === text)).toHaveLength(1);
      expect(JSON.stringify(await h.repos.barriers.listByContact('soest', userId))).toBe('[]');
    });

    it('a failed later write answers with the error card; submitting again finishes it (shows the stored check-in, counts and files once)', async () => {
      const { userId, teamId, adapter } = await join(h);
      const spy = jest.spyOn(h.repos.barriers, 'createWithId').mockRejectedValueOnce(new Error('storage down'));
      const text = 'Geen fietsenstalling bij de buitendienst';
      const failed = await execute(adapter, CHECKIN_VERBS.submit, answers({ barrierText: text }));
      expect(cardText(failed)).toContain('Sorry, er ging iets mis aan onze kant.');
      spy.mockRestore();
      const half = await h.repos.checkIns.get(userId, CAMPAIGN, TODAY);
      expect(half?.value.outcome).toBe('done');
      expect(half?.pending?.barrier?.text).toBe(text); // still to be filed

      const again = await execute(adapter, CHECKIN_VERBS.submit, answers({ barrierText: text }));
      expect(cardText(again)).toContain('Deze check-in had ik al');
      expect((await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY))?.checkIns).toBe(1);
      expect((await h.repos.barriers.list('soest')).filter((b) => b.text === text)).toHaveLength(1);
      expect((await h.repos.checkIns.get(userId, CAMPAIGN, TODAY))?.pending).toBeUndefined();
    });
  });

  describe('barriers and contact (raw rows)', () => {
    it('stores the reporter\'s id only when they ticked "you may contact me"', async () => {
      const anonAdapter = await joinedAdapter(h, { userId: 'aad-anon' });
      const contactAdapter = await joinedAdapter(h, { userId: 'aad-contact' });

      const anon = await execute(anonAdapter, CHECKIN_VERBS.submit, answers({ barrierText: 'Anoniem gemeld', barrierContact: 'false' }));
      expect(cardText(anon)).toContain('Hij is anoniem opgeslagen.');
      const withContact = await execute(contactAdapter, CHECKIN_VERBS.submit, answers({ barrierText: 'Met contact gemeld', barrierContact: 'true' }));
      expect(cardText(withContact)).toContain('We mogen contact met je opnemen');

      const rows = (await rawRows(h.tables.client('Barriers'))).filter((r) => typeof r['text'] === 'string');
      const anonRow = rows.find((r) => r['text'] === 'Anoniem gemeld');
      const contactRow = rows.find((r) => r['text'] === 'Met contact gemeld');
      expect(anonRow).toBeDefined();
      expect(anonRow).not.toHaveProperty('contactUserId');
      expect(JSON.stringify(anonRow)).not.toContain('aad-anon');
      expect(contactRow?.['contactUserId']).toBe('aad-contact');
    });
  });

  describe('changing a check-in', () => {
    it('today: the card comes back pre-filled; the correction moves the counters, never doubles them', async () => {
      const { userId, teamId, adapter } = await join(h);
      const first = await execute(adapter, CHECKIN_VERBS.submit, answers());
      const changeButton = actionsOf(first)[0];
      const card = await execute(adapter, CHECKIN_VERBS.change, changeButton?.data ?? {});
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain('Je hebt al ingecheckt voor woensdag 2 december.');
      expect(inputValue(card, 'travelMode')).toBe('fiets');
      expect(inputValue(card, 'outcome')).toBe('done');
      expect(inputValue(card, 'wasteFree')).toBe('true');
      const submit = actionsOf(card)[0];
      const stored = await h.repos.checkIns.get(userId, CAMPAIGN, TODAY);
      expect(submit?.data).toEqual({ campaignId: CAMPAIGN, date: TODAY, etag: stored?.etag });
      expect(submit?.fallback?.data).toEqual({ campaignId: CAMPAIGN, date: TODAY, etag: stored?.etag, verb: 'checkin.submit' });

      const changed = await execute(adapter, CHECKIN_VERBS.submit, answers({ ...submit?.data, travelMode: 'auto', outcome: 'partly', wasteFree: 'false' }));
      expect(cardText(changed)).toContain('Je check-in voor woensdag 2 december is bijgewerkt ✅');
      expect(cardText(changed)).toContain('Auto, 5 tot 10 km');
      await h.settle(); // the counting runs after the answer
      const agg = await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY);
      expect(agg).toMatchObject({ checkIns: 1, done: 0, partly: 1, wasteFree: 0 });
      expect(agg?.travel).toMatchObject({ fiets: 0, auto: 1 });
      const after = await h.repos.checkIns.get(userId, CAMPAIGN, TODAY);
      expect(after?.value.createdAt).toBe(stored?.value.createdAt);

      // the same correction card clicked twice: the second finds a newer version and changes nothing
      const twice = await execute(adapter, CHECKIN_VERBS.submit, answers({ ...submit?.data, travelMode: 'ov', barrierText: 'Te weinig bussen' }));
      expect(cardText(twice)).toContain('Je check-in was intussen al aangepast');
      expect((await h.repos.checkIns.get(userId, CAMPAIGN, TODAY))?.value.travelMode).toBe('auto');
      expect((await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY))?.checkIns).toBe(1);
      expect((await h.repos.barriers.list('soest')).filter((b) => b.text === 'Te weinig bussen')).toHaveLength(0);
    });

    it('yesterday: still open, for a first check-in as well as a correction', async () => {
      const { userId, teamId, adapter } = await join(h, 'en');
      const card = await execute(adapter, CHECKIN_VERBS.change, { campaignId: CAMPAIGN, date: YESTERDAY });
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain('Day 2 of 10');
      expect(cardText(card)).toContain('By bike, on foot or by public transport');
      const summary = await execute(adapter, CHECKIN_VERBS.submit, answers({ date: YESTERDAY, challenge: 'false' }));
      expect(cardText(summary)).toContain('Checked in for Tuesday 1 December ✅');
      expect((await h.repos.checkIns.get(userId, CAMPAIGN, YESTERDAY))?.value).toMatchObject({ day: 2, challengeId: 'dag02-fiets-lopen-ov', challengeAnswer: false });
      await h.settle(); // the counting runs after the answer
      expect((await h.repos.dailyAggregates.get(CAMPAIGN, teamId, YESTERDAY))?.checkIns).toBe(1);
      expect(await h.repos.dailyAggregates.get(CAMPAIGN, teamId, TODAY)).toBeUndefined();
    });

    it.each([
      ['nl', 'Deze dag is gesloten', 'maandag 30 november is gesloten'],
      ['en', 'This day is closed', 'Monday 30 November is closed'],
    ] as const)('in %s: two days ago is closed, for the change button and for a submit', async (lang, title, line) => {
      const { userId, adapter } = await join(h, lang);
      for (const card of [
        await execute(adapter, CHECKIN_VERBS.change, { campaignId: CAMPAIGN, date: '2026-11-30' }),
        await execute(adapter, CHECKIN_VERBS.submit, answers({ date: '2026-11-30' })),
      ]) {
        expect(cardProblems(card)).toEqual([]);
        expect(cardText(card)).toContain(title);
        expect(cardText(card)).toContain(line);
      }
      expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
    });

    it('yesterday\'s summary still offers "Wijzig"; a day later that day is closed', async () => {
      const { adapter } = await join(h);
      await execute(adapter, CHECKIN_VERBS.submit, answers());
      h.clock.now = new Date('2026-12-03T08:00:00Z');
      const yesterday = await execute(adapter, CHECKIN_VERBS.submit, answers());
      expect(actionsOf(yesterday)).toHaveLength(1);
      h.clock.now = new Date('2026-12-04T08:00:00Z');
      const closed = await execute(adapter, CHECKIN_VERBS.change, { campaignId: CAMPAIGN, date: TODAY });
      expect(cardText(closed)).toContain('Deze dag is gesloten');
    });
  });

  describe('days without a challenge', () => {
    it.each([
      ['nl', 'Fijn weekend!'],
      ['en', 'Have a nice weekend!'],
    ] as const)('in %s: the weekend', async (lang, title) => {
      h.clock.now = new Date('2026-12-05T09:00:00Z');
      const { adapter } = await join(h, lang);
      const card = await replyCard(adapter, lang === 'nl' ? 'inchecken' : 'check in');
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(title);
      expect(card).toMatchSnapshot();
    });

    it('after the campaign', async () => {
      h.clock.now = new Date('2026-12-14T09:00:00Z');
      const { adapter } = await join(h);
      const card = await replyCard(adapter, 'inchecken');
      expect(cardText(card)).toContain('De challenge is afgelopen');
      expect(cardText(card)).toContain('Soestainable Challenge is afgelopen op vrijdag 11 december.');
    });
  });

  describe('days without a challenge in other organisations', () => {
    const other = useBotHarness({ start: new Date('2026-12-25T09:00:00Z'), seed: '2026-12-21' });

    it.each([
      ['nl', '2026-12-25T09:00:00Z', 'Vandaag is het Eerste Kerstdag'],
      ['en', '2026-12-25T09:00:00Z', 'Today is Christmas Day'],
      ['nl', '2027-01-01T09:00:00Z', 'Vandaag is het Nieuwjaarsdag'],
      ['nl', '2026-12-18T09:00:00Z', 'Soestainable Challenge begint op maandag 21 december.'],
      ['en', '2026-12-18T09:00:00Z', 'Soestainable Challenge starts on Monday 21 December.'],
    ] as const)('in %s at %s: %s', async (lang, at, line) => {
      other.clock.now = new Date(at);
      const { adapter } = await join(other, lang, { campaignId: 'c-2026-12-21' });
      const card = await replyCard(adapter, 'inchecken');
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(line);
    });

    it('skips the holidays in the day numbers: Monday 28 December is day 5', async () => {
      other.clock.now = new Date('2026-12-28T09:00:00Z');
      const { adapter } = await join(other, 'nl', { campaignId: 'c-2026-12-21' });
      expect(cardText(await replyCard(adapter, 'inchecken'))).toContain('Dag 5 van 10');
    });

    it('a local closing day, and a working day the day plan has no challenge for (pure dayState)', () => {
      const base: Campaign = {
        orgId: 'soest',
        campaignId: 'c-x',
        name: { nl: 'X', en: 'X' },
        startDate: '2026-11-30',
        endDate: '2026-12-31',
        dayPlan: ['dag01-eigen-beker', 'dag02-fiets-lopen-ov'],
        closingDays: ['2026-12-01'],
        status: 'active',
        demo: false,
      };
      expect(dayState([base], '2026-12-01')).toMatchObject({ kind: 'closingDay' });
      expect(dayState([base], '2026-12-02')).toMatchObject({ kind: 'day', day: 2, totalDays: 2, challengeId: 'dag02-fiets-lopen-ov' });
      expect(dayState([base], '2026-12-03')).toMatchObject({ kind: 'noChallenge' });
      expect(dayState([{ ...base, status: 'draft' }], '2026-12-02')).toMatchObject({ kind: 'noCampaign' });
      const card = noChallengeCard({ kind: 'closingDay', campaign: base, date: '2026-12-01' }, 'nl').content as Card;
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain('Vandaag is de gemeente gesloten');
    });

    it('no campaign at all', async () => {
      await withBotHarness(
        async (empty) => {
          const { adapter } = await join(empty, 'en');
          const card = await replyCard(adapter, 'check in');
          expect(cardText(card)).toContain('No challenge is running');
        },
        { start: WEDNESDAY },
      );
    });
  });

  describe('bad input: a clear answer and nothing stored', () => {
    async function expectNothingStored(userId: string, teamId: string): Promise<void> {
      expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
      expect(await h.repos.dailyAggregates.listTeam(CAMPAIGN, teamId)).toEqual([]);
      expect((await h.repos.barriers.list('soest', { teamId })).length).toBe(0);
      expect((await h.repos.ideas.list('soest', { teamId })).length).toBe(0);
    }

    const withReports = { barrierText: 'Een prikkel die niet mag blijven hangen', ideaText: 'Een idee dat niet mag blijven hangen' };

    it.each([
      ['a missing field (outcome)', { outcome: undefined }, 'Dit klopt nog niet: hoe het ging.'],
      ['a missing field (the day\'s question)', { challenge: undefined }, 'Dit klopt nog niet: de vraag van vandaag.'],
      ['an unknown travel mode', { travelMode: 'raket' }, 'Dit klopt nog niet: je vervoer.'],
      ['an unknown outcome', { outcome: 'maybe' }, 'Dit klopt nog niet: hoe het ging.'],
      ['an unknown distance band', { distanceBand: '1000+' }, 'Dit klopt nog niet: je afstand.'],
      ['an unknown theme', { theme: 'ruimtevaart' }, 'Dit klopt nog niet: het thema.'],
      ['a wrong type (number for a toggle)', { wasteFree: 5 }, 'Dit klopt nog niet: afvalvrij gewerkt.'],
      ['a wrong type (object for a text)', { barrierText: { text: 'x' } }, 'Dit klopt nog niet: je prikkel.'],
      ['a wrong type (yes/no question answered "maybe")', { challenge: 'maybe' }, 'Dit klopt nog niet: de vraag van vandaag.'],
      ['two wrong fields', { travelMode: 7, distanceBand: null }, 'Dit klopt nog niet: je vervoer, je afstand.'],
      ['an extra field', { foo: 'bar' }, 'Deze kaart stuurde velden mee die ik niet ken.'],
      ['a barrier of 501 characters', { barrierText: 'x'.repeat(501) }, 'Je prikkel is 501 tekens lang; dat mag maximaal 500 zijn.'],
      ['an idea of 501 characters', { ideaText: '🚲'.repeat(501) }, 'Je idee is 501 tekens lang; dat mag maximaal 500 zijn.'],
    ])('%s → the card again with the problem on top', async (_what, over, message) => {
      const { userId, teamId, adapter } = await join(h);
      const data = Object.fromEntries(Object.entries(answers({ ...withReports, ...over })).filter(([, v]) => v !== undefined));
      const card = await execute(adapter, CHECKIN_VERBS.submit, data);
      expect(cardProblems(card)).toEqual([]);
      const body = card['body'] as Array<Record<string, unknown>>;
      expect(body[0]).toMatchObject({ type: 'TextBlock', color: 'attention' });
      expect(String(body[0]?.['text'])).toContain(message);
      expect(String(body[0]?.['text'])).toContain('Er is niets opgeslagen');
      // what was right is kept on the card
      if (!('distanceBand' in over)) expect(inputValue(card, 'distanceBand')).toBe('5-10');
      await expectNothingStored(userId, teamId);
    });

    it('in English too', async () => {
      const { userId, teamId, adapter } = await join(h, 'en');
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ travelMode: 'rocket' }));
      expect(cardText(card)).toContain('This is not right yet: how you travelled. Nothing was saved');
      const long = await execute(adapter, CHECKIN_VERBS.submit, answers({ barrierText: 'y'.repeat(600) }));
      expect(cardText(long)).toContain('Your barrier is 600 characters long; the maximum is 500.');
      await expectNothingStored(userId, teamId);
    });

    it.each([
      ['nl', 'barrierText', 'Je prikkel is 35199 tekens lang; dat mag maximaal 500 zijn.'],
      ['en', 'ideaText', 'Your idea is 35199 characters long; the maximum is 500.'],
    ] as const)('a text far over the limit (35,000+ characters, %s) gets the card with the limit named, under 40 KB, nothing stored', async (lang, field, message) => {
      const { userId, teamId, adapter } = await join(h, lang);
      const huge = 'Één mok ☕ per persoon? Nee: de automaat geeft wegwerpbekers 🥤 — óók op vrijdag. '.repeat(440);
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ [field]: huge }));
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(message);
      await expectNothingStored(userId, teamId);
    });

    it('stores the barrier and idea without control or bidi characters, counting the 500 characters after removing them', async () => {
      const { teamId, adapter } = await join(h);
      const barrierText = sprinkled('♻'.repeat(500));
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ barrierText, ideaText: RLO_FILE_NAME }));
      expect(cardText(card)).toContain('Je prikkel staat genoteerd');
      const rows = [...(await rawRows(h.tables.client('Barriers'))), ...(await rawRows(h.tables.client('Ideas')))].filter((r) => r['teamId'] === teamId);
      expect(rows.map((r) => r['text']).sort()).toEqual(['factuurtxt.exe', '♻'.repeat(500)]);
      expect(hiddenCharsIn(rows)).toEqual([]);
    });

    it('accepts exactly 500 characters', async () => {
      const { teamId, adapter } = await join(h);
      const text = '♻'.repeat(500);
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ barrierText: text }));
      expect(cardText(card)).toContain('Je prikkel staat genoteerd');
      expect((await h.repos.barriers.list('soest', { teamId }))[0]?.text).toBe(text);
    });

    it.each([
      ['tomorrow', { date: '2026-12-03' }, 'Deze kaart klopt niet (meer)'],
      ['last week', { date: '2026-11-25' }, 'Deze dag is gesloten'],
      ['a malformed date', { date: '2026-13-01' }, 'Deze kaart klopt niet (meer)'],
      ['no date', { date: undefined }, 'Deze kaart klopt niet (meer)'],
      ['no campaign', { campaignId: undefined }, 'Deze kaart klopt niet (meer)'],
      ['another campaign', { campaignId: 'c-elders' }, 'Deze kaart hoort bij een challenge of dag die niet meer loopt.'],
      ['a wrong type for the campaign', { campaignId: 42 }, 'Deze kaart klopt niet (meer)'],
    ])('a card for %s → a clear answer', async (_what, over, message) => {
      const { userId, teamId, adapter } = await join(h);
      const data = Object.fromEntries(Object.entries(answers({ ...withReports, ...over })).filter(([, v]) => v !== undefined));
      const card = await execute(adapter, CHECKIN_VERBS.submit, data);
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(message);
      expect(cardText(card)).toMatch(/Er is niets opgeslagen/);
      await expectNothingStored(userId, teamId);
    });

    it('a card from an ended campaign', async () => {
      await withBotHarness(
        async (ended) => {
          const { campaign } = await seedOrg(ended.repos);
          await ended.repos.campaigns.save({ ...campaign, status: 'ended' });
          const { userId, adapter } = await join(ended);
          const card = await execute(adapter, CHECKIN_VERBS.submit, answers());
          expect(cardText(card)).toContain('Deze kaart hoort bij een challenge of dag die niet meer loopt.');
          expect(await ended.repos.checkIns.listAll(userId)).toEqual([]);
        },
        { start: WEDNESDAY },
      );
    });

    it('a correction of a check-in that is gone', async () => {
      const { userId, teamId, adapter } = await join(h);
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers({ etag: 'W/"datetime\'2026-12-02T08%3A00%3A00.000Z\'"' }));
      expect(cardText(card)).toContain('Ik kan deze check-in niet meer vinden');
      await expectNothingStored(userId, teamId);
    });

    it('a change button with extra or missing fields', async () => {
      const { adapter } = await join(h);
      expect(cardText(await execute(adapter, CHECKIN_VERBS.change, { campaignId: CAMPAIGN, date: TODAY, foo: 1 }))).toContain('Deze kaart klopt niet (meer)');
      expect(cardText(await execute(adapter, CHECKIN_VERBS.change, { campaignId: CAMPAIGN }))).toContain('Deze kaart klopt niet (meer)');
    });

    it('not in a team channel: check-ins stay in the personal chat', async () => {
      const { userId, teamId } = await join(h);
      const adapter = h.adapter({ userId });
      const card = await execute(adapter, CHECKIN_VERBS.submit, answers());
      expect(cardText(card)).toContain('Ingecheckt');
      const { userId: u2, teamId: t2 } = await join(h);
      const channel = h.adapter({ userId: u2, conversationType: 'channel', conversationId: '19:channel' });
      const refused = await execute(channel, CHECKIN_VERBS.submit, answers());
      expect(cardText(refused)).toContain('Liever in je eigen chat');
      await expectNothingStored(u2, t2);
      expect(teamId).not.toBe(t2);
    });
  });
});
