import { buildWaveDigestCard, keptChange, type WaveDigestContent, type WaveDigestFigures } from '@soestainable/bot/jobs/digests/waveCard';
import { waveDigestTexts } from '@soestainable/bot/jobs/digests/texts';
import { barriersFiled, dueWaveDigests, waveDigestPeriod, waveDigestWindow } from '@soestainable/bot/jobs/digests/waves';
import type { KeptShares } from '@soestainable/shared/api/lasting';
import { addCalendarDays, campaignDays } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { followUpWaves, type FollowUpAnswers } from '@soestainable/shared/domain/followUp';
import { LANGUAGES, type Language } from '@soestainable/shared/domain/types';
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

function kept(answers: number, ja: number, soms: number, nee: number): KeptShares {
  return { hidden: false, answers, ja, soms, nee };
}

function answers(userId: string, wave: number, list: FollowUpAnswers['answers']): FollowUpAnswers {
  return { userId, campaignId: 'c1', wave, answers: list, answeredAt: '2027-01-01T10:00:00.000Z' };
}

describe('when a wave digest is due', () => {
  // Last challenge day Friday 11 Dec 2026: wave 1 Monday 28 Dec (Christmas moves it), wave 2 Friday 22 Jan, wave 3
  // Friday 5 Mar; wave 3's answers count until Friday 2 Apr. A wave's digest is due once its answers are final.
  it.each([
    ['the Monday wave 1 goes out', '2026-12-28', []],
    ['a week after the pulse: late answers still count', '2027-01-04', []],
    ['the last day wave 1 takes answers', '2027-01-21', []],
    ['the day wave 2 goes out: wave 1 is final', '2027-01-22', [1]],
    ['six days later', '2027-01-28', [1]],
    ['a week later', '2027-01-29', []],
    ['the day wave 3 goes out: wave 2 is final', '2027-03-05', [2]],
    ['the last day wave 3 counts', '2027-04-01', []],
    ['the day after: wave 3 is final', '2027-04-02', [3]],
    ['a week after that', '2027-04-09', []],
  ])('%s (%s)', (_what, today, waves) => {
    const due = dueWaveDigests([campaign()], today);
    expect(due.map((d) => d.wave.wave)).toEqual(waves);
    for (const d of due) expect(d.previous?.wave).toBe(d.wave.wave === 1 ? undefined : d.wave.wave - 1);
  });

  it('never for a draft; the window is a whole week from the day the answers stop counting, so one Monday run falls in it', () => {
    expect(dueWaveDigests([campaign({ status: 'draft' })], '2027-01-22')).toEqual([]);
    const [first, second] = followUpWaves('2026-12-11', [2, 3]);
    if (!first || !second) throw new Error('no wave');
    expect(waveDigestWindow(first)).toEqual({ from: second.sendOn, until: addCalendarDays(second.sendOn, 7) });
  });

  it('claims per wave under a period the weekly digest and the earlier, not yet final digests never used', () => {
    expect(waveDigestPeriod('c1', 2)).toBe('wavefinal|c1|w2');
    expect(waveDigestPeriod('c1', 2)).not.toMatch(/^\d{4}-W\d{2}$/);
    expect(waveDigestPeriod('c1', 2)).not.toBe('wave|c1|w2');
  });
});

describe('barriers from a wave (from the answers only)', () => {
  const rows = [
    answers('a', 1, [{ challengeId: 'x', kept: 'ja' }, { challengeId: 'y', kept: 'nee', holdsBack: 'Geen stalling' }]),
    answers('b', 1, [{ challengeId: 'x', kept: 'soms', holdsBack: '  ' }]),
    answers('c', 1, [{ challengeId: 'x', kept: 'ja', holdsBack: 'ja met tekst is geen prikkel' }, { challengeId: 'y', kept: 'soms', holdsBack: 'Regen' }]),
  ];
  const theme = (id: string) => (id === 'y' ? 'energietransitie' : 'circulariteit');

  it('counts a barrier for each "nee" or "soms" with a text, per theme of the habit', () => {
    expect(barriersFiled(rows, theme, new Set(['x', 'y']))).toEqual([{ theme: 'energietransitie', count: 2 }]);
  });

  it('counts none about a habit whose cell is hidden', () => {
    expect(barriersFiled(rows, theme, new Set(['x']))).toEqual([]);
  });

  it('compares in whole percentage points of "ja"', () => {
    expect(keptChange(kept(10, 0.4, 0.4, 0.2), kept(10, 0.7, 0.2, 0.1))).toBe(40 - 70);
  });
});

describe('wave digest card', () => {
  const figures = (previous: WaveDigestFigures['previous']): WaveDigestFigures => ({
    overall: kept(12, 0.5833, 0.1667, 0.25),
    habits: [{ phrase: { nl: 'Fietsen naar het werk', en: 'Cycling to work' }, cell: kept(6, 0.6667, 0.1667, 0.1667) }],
    habitsHidden: true,
    previous,
    barriers: [{ theme: 'energietransitie', count: 2 }, { theme: 'mvoi', count: 1 }],
  });
  const content = (visible: boolean, previous: WaveDigestFigures['previous'] = { kind: 'none' }): WaveDigestContent => ({
    teamName: 'Publiekszaken',
    campaignName: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
    wave: 2,
    waves: 3,
    weeks: 6,
    sentOn: '2027-01-22',
    figures: visible ? { visible: true, value: figures(previous) } : { visible: false, reason: 'below_minimum_group_size', minimum: 5 },
    dashboardUrl: undefined,
  });

  it.each(LANGUAGES.flatMap((lang) => [[lang, true], [lang, false]] as Array<[Language, boolean]>))('%s, figures shown: %s', (lang, visible) => {
    const card = buildWaveDigestCard(content(visible, { kind: 'shown', weeks: 2, overall: kept(10, 0.7, 0.2, 0.1) }), lang);
    expect(cardProblems(card)).toEqual([]);
    expect(card.content).toMatchSnapshot();
    if (!visible) expect(cardTexts(card).slice(2).filter((t) => /\d/.test(t))).toEqual([]);
  });

  it('shows no number of a previous wave whose respondents were too few, and says why', () => {
    const text = cardText(buildWaveDigestCard(content(true, { kind: 'hidden' }), 'en'));
    expect(text).toContain('too few answers to compare with');
    expect(text).not.toContain('Change');
    expect(text).toContain('3 barriers filed: Energy transition (2), Responsible procurement (MVOI) (1)');
  });

  it('shows the overall and each habit shown as the tab does, and says other habits are hidden without a number', () => {
    const text = cardText(buildWaveDigestCard(content(true), 'en'));
    expect(text).toContain('58% yes · 17% sometimes · 25% no (of 12 pledges)');
    expect(text).toContain('Cycling to work');
    expect(text).toContain('67% yes · 17% sometimes · 17% no (6 answers)');
    expect(text).toContain('Other habits');
    expect(text).toContain('too few answers to show (nor in the total)');
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
