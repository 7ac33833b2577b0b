import { buildDigestCard, teamDashboardLink, type DigestContent } from '@soestainable/bot/jobs/digests/card';
import { groupSizeOf, weekFigures, type WeekInput } from '@soestainable/bot/jobs/digests/figures';
import { campaignOfWeek } from '@soestainable/bot/jobs/digests';
import { digestTexts } from '@soestainable/bot/jobs/digests/texts';
import { isoWeekOf, weekBefore } from '@soestainable/bot/jobs/digests/week';
import { emptyAggregate, type DailyAggregate } from '@soestainable/shared/domain/aggregates';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { LANGUAGES, type Language } from '@soestainable/shared/domain/types';
import { gate } from '@soestainable/shared/privacy';
import { formsOf, placeholders } from '@soestainable/shared/text';
import { plain } from '@soestainable/bot/cards/texts';
import { cardProblems, cardText } from '../../../helpers/cards';
import { activeMarkdown, markdownTexts, shownText } from '../../../helpers/markdown';

describe('digest week', () => {
  it.each([
    ['Monday 08:30, the usual run', '2026-12-14T07:30:00Z', '2026-W50', '2026-12-07', '2026-12-13'],
    ['late on Wednesday: still the week that ended', '2026-12-16T15:00:00Z', '2026-W50', '2026-12-07', '2026-12-13'],
    ['Sunday 23:30 local is still the week before', '2026-12-20T22:30:00Z', '2026-W50', '2026-12-07', '2026-12-13'],
    ['Monday 00:30 local (Sunday in UTC) is the next week', '2026-12-20T23:30:00Z', '2026-W51', '2026-12-14', '2026-12-20'],
    ['across the year: 2026 has a week 53', '2027-01-04T07:30:00Z', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-W01 starts on 4 January', '2027-01-11T07:30:00Z', '2027-W01', '2027-01-04', '2027-01-10'],
    ['a DST week (clocks back on 25 Oct 2026)', '2026-10-26T07:30:00Z', '2026-W43', '2026-10-19', '2026-10-25'],
  ])('%s', (_what, at, period, monday, sunday) => {
    const week = weekBefore(new Date(at));
    expect(week).toMatchObject({ period, monday, sunday });
    expect(week.days).toHaveLength(7);
  });

  it('bounds the week by local midnight, also across a DST change', () => {
    const week = isoWeekOf('2026-10-21');
    expect(week.from.toISOString()).toBe('2026-10-18T22:00:00.000Z'); // Monday 19 Oct 00:00 CEST
    expect(week.to.toISOString()).toBe('2026-10-25T23:00:00.000Z'); // Monday 26 Oct 00:00 CET
  });
});

function day(date: string, over: Partial<DailyAggregate> = {}): DailyAggregate {
  return { ...emptyAggregate('c1', 'team', date), ...over };
}

describe('digest figures (from aggregates only)', () => {
  const week = isoWeekOf('2026-12-07');
  const previous = isoWeekOf('2026-11-30');
  const campaignDays = [...previous.days.slice(0, 5), ...week.days.slice(0, 5)];
  const base: WeekInput = { aggregates: [], weekDays: week.days, previousWeekDays: previous.days, campaignDays, activeMembers: 6 };

  it('adds up the week, compares with the week before and divides by the people recorded on the days it is given', () => {
    const travel = { ...emptyAggregate('c1', 't', 'x').travel, fiets: 2, auto: 1, thuis: 1 };
    const aggregates = [
      day('2026-12-07', { checkIns: 4, wasteFree: 3, travel, co2: { low: 1, mid: 2, high: 3 }, participants: 5 }),
      day('2026-12-08', { checkIns: 4, wasteFree: 1, travel, co2: { low: 0.5, mid: 1, high: 2 }, participants: 6 }),
      day('2026-12-01', { checkIns: 2 }),
      day('2026-11-20', { checkIns: 99 }), // outside both weeks
    ];
    const f = weekFigures({ ...base, aggregates });
    expect(f.checkIns).toBe(8);
    expect(f.previousCheckIns).toBe(2);
    expect(f.wasteFree).toBe(4);
    expect(f.sustainableShare).toBe(6 / 8);
    expect(f.co2).toEqual({ low: 1.5, mid: 3, high: 5 });
    // Monday: 5 recorded, Tuesday 6; the other challenge days were not disclosed (the caller passes only what the
    // disclosure rule lets out), so they count neither way.
    expect(f.participation).toBeCloseTo(8 / (5 + 6));
  });

  it('knows no comparison in the first week and no participation in a week without challenge days', () => {
    expect(weekFigures({ ...base, weekDays: previous.days, previousWeekDays: isoWeekOf('2026-11-23').days }).previousCheckIns).toBeUndefined();
    const empty = weekFigures({ ...base, campaignDays: [] });
    expect(empty.participation).toBeUndefined();
    expect(empty.sustainableShare).toBeUndefined();
    expect(empty.co2).toEqual({ low: 0, mid: 0, high: 0 });
  });

  it('judges the group size by the smaller of the recorded week and the active members now', () => {
    expect(groupSizeOf(base)).toBe(6);
    expect(groupSizeOf({ ...base, aggregates: [day('2026-12-07', { participants: 4 })] })).toBe(4);
    expect(groupSizeOf({ ...base, activeMembers: 3, aggregates: [day('2026-12-07', { participants: 9 })] })).toBe(3);
  });
});

describe('digest campaign of the week', () => {
  const c = (campaignId: string, startDate: string, endDate: string, status: Campaign['status'] = 'active'): Campaign => ({
    orgId: 'o', campaignId, name: { nl: campaignId, en: campaignId }, startDate, endDate, dayPlan: ['d1'], closingDays: [], status, demo: false,
  });
  const week = isoWeekOf('2026-12-07');

  it('takes the latest-starting campaign that overlaps the week, never a draft or one with reversed dates', () => {
    expect(campaignOfWeek([c('a', '2026-11-30', '2026-12-11'), c('b', '2026-12-09', '2026-12-20')], week)?.campaignId).toBe('b');
    expect(campaignOfWeek([c('a', '2026-11-30', '2026-12-11'), c('d', '2026-12-01', '2026-12-20', 'draft')], week)?.campaignId).toBe('a');
    expect(campaignOfWeek([c('ended', '2026-11-30', '2026-12-08', 'ended')], week)?.campaignId).toBe('ended');
    expect(campaignOfWeek([c('r', '2026-12-11', '2026-12-01'), c('x', '2026-12-14', '2026-12-20')], week)).toBeUndefined();
  });
});

describe('digest card', () => {
  const week = isoWeekOf('2026-12-07');
  const figures = { checkIns: 20, previousCheckIns: 15, participation: 2 / 3, wasteFree: 10, sustainableShare: 0.75, co2: { low: 6, mid: 12, high: 18 } };
  const content = (visible: boolean): DigestContent => ({
    teamName: 'Publiekszaken',
    campaignName: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
    week,
    figures: gate(
      {
        figures,
        barriers: [{ theme: 'circulariteit', text: 'Alleen [plastic](https://example.com) bekers\u0007 in de kantine' }],
        actions: [{ title: { nl: 'Herbruikbare bekers', en: '' }, status: 'gepland', linkedThisWeek: true }],
      },
      visible ? 6 : 4,
      5,
    ),
    dashboardUrl: teamDashboardLink('a1b2c3d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d', 'publiekszaken'),
  });

  it.each(LANGUAGES.flatMap((lang) => [[lang, true], [lang, false]] as Array<[Language, boolean]>))('%s, figures shown: %s', (lang, visible) => {
    const card = buildDigestCard(content(visible), lang);
    expect(cardProblems(card)).toEqual([]);
    expect(card.content).toMatchSnapshot();
  });

  it('puts typed text in as plain text: no link, no control character', () => {
    const text = cardText(buildDigestCard(content(true), 'nl'));
    expect(text).toContain('Alleen [plastic]\u200b(https:\u200b//example.com) bekers in de kantine');
    // An English title still waiting for its translation falls back to the Dutch one.
    expect(cardText(buildDigestCard(content(true), 'en'))).toContain('Herbruikbare bekers – ');
  });

  it('shows team and campaign names as plain text: no bold, no link, no list (Markdown escaped in its TextBlocks)', () => {
    const named: DigestContent = { ...content(true), teamName: '**[klik](https://evil)**', campaignName: { nl: '- _Actie_ `week`', en: '1. ~~Week~~' } };
    for (const lang of LANGUAGES) {
      const card = buildDigestCard(named, lang);
      expect(cardProblems(card)).toEqual([]);
      const texts = markdownTexts(card);
      expect(texts.flatMap(activeMarkdown)).toEqual([]);
      const [title, subtitle] = texts.map(shownText);
      expect(title).toContain(plain('**[klik](https://evil)**'));
      expect(subtitle).toContain(named.campaignName[lang]);
    }
  });

  it('has every text in Dutch and English', () => {
    for (const [key, text] of Object.entries(digestTexts)) {
      const [nl, en] = [formsOf(text, 'nl'), formsOf(text, 'en')];
      expect([key, nl.every((f) => f.length > 0), en.every((f) => f.length > 0)]).toEqual([key, true, true]);
      const names = (forms: string[]): string[] => [...new Set(forms.flatMap(placeholders))].sort();
      expect([key, names(nl)]).toEqual([key, names(en)]);
    }
  });
});
