import { buildWaveDigestCard, keptChange, type WaveDigestContent, type WaveDigestFigures } from '@soestainable/bot/jobs/digests/waveCard';
import { waveDigestTexts } from '@soestainable/bot/jobs/digests/texts';
import { barriersFiled, dueWaveDigests, waveDigestPeriod, waveDigestWindow, waveRetention } from '@soestainable/bot/jobs/digests/waves';
import { campaignDays } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { followUpWaves, type FollowUpAnswers } from '@soestainable/shared/domain/followUp';
import { LANGUAGES, type Language } from '@soestainable/shared/domain/types';
import { gate } from '@soestainable/shared/privacy';
import { formsOf, placeholders } from '@soestainable/shared/text';
import { cardProblems, cardText, cardTexts } from '../../../helpers/cards';

function campaign(over: Partial<Campaign> = {}): Campaign {
  const days = campaignDays('2026-11-30', 10);
  return {
    orgId: 'soest',
    campaignId: 'c1',
    name: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
    startDate: '2026-11-30',
    endDate: days.at(-1) ?? '2026-12-11',
    dayPlan: Array.from({ length: 10 }, (_, i) => `dag${i + 1}`),
    closingDays: [],
    status: 'active',
    ...over,
    demo: false,
  };
}

function answers(userId: string, wave: number, list: FollowUpAnswers['answers']): FollowUpAnswers {
  return { userId, campaignId: 'c1', wave, answers: list, answeredAt: '2027-01-01T10:00:00.000Z' };
}

describe('when a wave digest is due', () => {
  // Last challenge day Friday 11 Dec 2026: wave 1 Monday 28 Dec (Christmas moves it), wave 2 Friday 22 Jan, wave 3 Friday 5 Mar.
  it.each([
    ['the Monday wave 1 goes out', '2026-12-28', []],
    ['six days later', '2027-01-03', []],
    ['a week after the pulse', '2027-01-04', [1]],
    ['the last day before wave 2 goes out', '2027-01-21', [1]],
    ['the day wave 2 goes out (its answers count from then)', '2027-01-22', []],
    ['a week after wave 2', '2027-01-29', [2]],
    ['a week after wave 3', '2027-03-12', [3]],
    ['the last day wave 3 counts', '2027-04-01', [3]],
    ['after that', '2027-04-02', []],
  ])('%s (%s)', (_what, today, waves) => {
    const due = dueWaveDigests([campaign()], today);
    expect(due.map((d) => d.wave.wave)).toEqual(waves);
    for (const d of due) expect(d.previous?.wave).toBe(d.wave.wave === 1 ? undefined : d.wave.wave - 1);
  });

  it('never for a draft; a wave only a week before the next still gets a whole week, so one Monday run falls in it', () => {
    expect(dueWaveDigests([campaign({ status: 'draft' })], '2027-01-04')).toEqual([]);
    const [first] = followUpWaves('2026-12-11', [2, 3]);
    if (!first) throw new Error('no wave');
    const window = waveDigestWindow(first);
    expect(window).toEqual({ from: '2027-01-04', until: '2027-01-11' });
  });

  it('claims per wave under a period the weekly digest never uses', () => {
    expect(waveDigestPeriod('c1', 2)).toBe('wave|c1|w2');
    expect(waveDigestPeriod('c1', 2)).not.toMatch(/^\d{4}-W\d{2}$/);
  });
});

describe('wave retention and barriers (from the answers only)', () => {
  const rows = [
    answers('a', 1, [{ challengeId: 'x', kept: 'ja' }, { challengeId: 'y', kept: 'nee', holdsBack: 'Geen stalling' }]),
    answers('b', 1, [{ challengeId: 'x', kept: 'soms', holdsBack: '  ' }]),
    answers('c', 1, [{ challengeId: 'x', kept: 'ja', holdsBack: 'ja met tekst is geen prikkel' }, { challengeId: 'y', kept: 'soms', holdsBack: 'Regen' }]),
  ];

  it('counts ja / soms / nee per pledged habit and the people who answered', () => {
    expect(waveRetention(rows)).toEqual({ respondents: 3, pledges: 5, kept: { ja: 2, soms: 2, nee: 1 } });
    expect(waveRetention([])).toEqual({ respondents: 0, pledges: 0, kept: { ja: 0, soms: 0, nee: 0 } });
  });

  it('counts a barrier for each "nee" or "soms" with a text, per theme of the habit', () => {
    const theme = (id: string) => (id === 'y' ? 'energietransitie' : 'circulariteit');
    expect(barriersFiled(rows, theme)).toEqual([{ theme: 'energietransitie', count: 2 }]);
  });

  it('compares in whole percentage points of "ja"', () => {
    expect(keptChange(waveRetention(rows), { respondents: 5, pledges: 10, kept: { ja: 7, soms: 2, nee: 1 } })).toBe(40 - 70);
  });
});

describe('wave digest card', () => {
  const retention = { respondents: 6, pledges: 12, kept: { ja: 7, soms: 2, nee: 3 } };
  const figures = (previous: WaveDigestFigures['previous']): WaveDigestFigures => ({
    retention,
    previous,
    barriers: [{ theme: 'energietransitie', count: 2 }, { theme: 'mvoi', count: 1 }],
  });
  const content = (respondents: number, previous: WaveDigestFigures['previous'] = { kind: 'none' }): WaveDigestContent => ({
    teamName: 'Publiekszaken',
    campaignName: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
    wave: 2,
    waves: 3,
    weeks: 6,
    sentOn: '2027-01-22',
    figures: gate(figures(previous), respondents, 5),
    dashboardUrl: undefined,
  });

  it.each(LANGUAGES.flatMap((lang) => [[lang, true], [lang, false]] as Array<[Language, boolean]>))('%s, figures shown: %s', (lang, visible) => {
    const card = buildWaveDigestCard(content(visible ? 6 : 4, { kind: 'shown', weeks: 2, retention: { respondents: 5, pledges: 10, kept: { ja: 7, soms: 2, nee: 1 } } }), lang);
    expect(cardProblems(card)).toEqual([]);
    expect(card.content).toMatchSnapshot();
    if (!visible) expect(cardTexts(card).slice(2).filter((t) => /\d/.test(t))).toEqual([]);
  });

  it('shows no number of a previous wave whose respondents were too few, and says why', () => {
    const text = cardText(buildWaveDigestCard(content(6, { kind: 'hidden' }), 'en'));
    expect(text).toContain('too few answers to compare with');
    expect(text).not.toContain('Change');
    expect(text).toContain('3 barriers filed: Energy transition (2), Responsible procurement (MVOI) (1)');
  });

  it('has every text in Dutch and English, with the same placeholders', () => {
    for (const text of Object.values(waveDigestTexts)) {
      const nl = formsOf(text, 'nl').join(' ');
      const en = formsOf(text, 'en').join(' ');
      expect(nl.length > 0 && en.length > 0).toBe(true);
      expect([...new Set(placeholders(nl))].sort()).toEqual([...new Set(placeholders(en))].sort());
    }
  });
});
