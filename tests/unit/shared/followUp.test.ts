import { CATALOGUE, KEEP_PHRASES, keepPhrase } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import {
  DEFAULT_FOLLOW_UP_WEEKS,
  endSurveyOpenOn,
  endSurveyWindow,
  lastChallengeDay,
  filesBarrier,
  followUpWaves,
  followUpWeeksSchema,
  keptAnswerSchema,
  pledgeSchema,
  waveOpenOn,
  waveSentOn,
} from '@soestainable/shared/domain/followUp';

describe('follow-up waves after the challenge', () => {
  it('go out +2, +6 and +12 weeks after the last challenge day, on the first working day on or after it', () => {
    // Last challenge day Friday 11 Dec 2026: +2 weeks is Friday 25 December (Christmas Day), then a weekend, so the
    // first wave moves to Monday 28 December; +6 and +12 weeks are ordinary Fridays.
    const waves = followUpWaves('2026-12-11');
    expect(waves.map((w) => [w.wave, w.weeks, w.sendOn])).toEqual([
      [1, 2, '2026-12-28'],
      [2, 6, '2027-01-22'],
      [3, 12, '2027-03-05'],
    ]);
    expect(DEFAULT_FOLLOW_UP_WEEKS).toEqual([2, 6, 12]);
  });

  it('move past Cao holidays and the municipality closing days to the next working day', () => {
    // Last day Thursday 8 April 2027: +2 weeks is Thursday 22 April (a working day); with closing days on 22 and
    // 23 April it becomes Monday 26 April; King's Day 27 April 2027 is a Tuesday, so +6 weeks (20 May) is unaffected.
    expect(followUpWaves('2027-04-08', [2])[0]?.sendOn).toBe('2027-04-22');
    expect(followUpWaves('2027-04-08', [2], ['2027-04-22', '2027-04-23'])[0]?.sendOn).toBe('2027-04-26');
    // +1 week from Thursday 29 April 2027 is Thursday 6 May = Ascension Day 2027 → Friday 7 May.
    expect(followUpWaves('2027-04-29', [1])[0]?.sendOn).toBe('2027-05-07');
  });

  it('count a late answer until the next wave goes out, the last one for four weeks', () => {
    const waves = followUpWaves('2026-12-11');
    expect(waves.map((w) => w.openUntil)).toEqual(['2027-01-22', '2027-03-05', '2027-04-02']);
    expect(waveOpenOn(waves, '2026-12-27')).toBeUndefined();
    expect(waveOpenOn(waves, '2026-12-28')?.wave).toBe(1);
    expect(waveOpenOn(waves, '2027-01-21')?.wave).toBe(1);
    expect(waveOpenOn(waves, '2027-01-22')?.wave).toBe(2);
    expect(waveOpenOn(waves, '2027-04-01')?.wave).toBe(3);
    expect(waveOpenOn(waves, '2027-04-02')).toBeUndefined();
    expect(waveSentOn(waves, '2027-01-22')?.wave).toBe(2);
    expect(waveSentOn(waves, '2027-01-21')).toBeUndefined();
  });

  it.each([
    [[], 'no wave'],
    [[6, 2], 'falling'],
    [[2, 2], 'twice the same week'],
    [[0], 'week 0'],
    [[53], 'over a year'],
    [[1.5], 'half a week'],
    [[1, 2, 3, 4, 5], 'five waves'],
  ])('refuse the wave setting %j (%s)', (weeks) => {
    expect(followUpWeeksSchema.safeParse(weeks).success).toBe(false);
    expect(() => followUpWaves('2026-12-11', weeks)).toThrow();
  });
});

describe('pledges (voornemens) and pulse answers', () => {
  const ids = CATALOGUE.map((c) => c.id);
  const schema = pledgeSchema(ids);

  it('every built-in challenge has a "keep it" phrasing in Dutch and English, and others fall back to their title', () => {
    for (const c of CATALOGUE) {
      expect(KEEP_PHRASES[c.id]?.nl).toMatch(/^Ik /);
      expect(KEEP_PHRASES[c.id]?.en).toMatch(/^I /);
    }
    expect(Object.keys(KEEP_PHRASES).sort()).toEqual([...ids].sort());
    expect(keepPhrase({ id: 'eigen-uitdaging', title: { nl: 'Eigen', en: 'Own' } })).toEqual({ nl: 'Eigen', en: 'Own' });
  });

  it('take one to three distinct challenges of this campaign and an optional text up to 500 characters', () => {
    expect(schema.safeParse({ challengeIds: [ids[0]] }).success).toBe(true);
    expect(schema.safeParse({ challengeIds: ids.slice(0, 3), help: 'Een kraan met koud water bij de lift' }).success).toBe(true);
    expect(schema.safeParse({ challengeIds: [] }).success).toBe(false);
    expect(schema.safeParse({ challengeIds: ids.slice(0, 4) }).success).toBe(false);
    expect(schema.safeParse({ challengeIds: [ids[0], ids[0]] }).success).toBe(false);
    expect(schema.safeParse({ challengeIds: ['dag99-onbekend'] }).success).toBe(false);
    expect(schema.safeParse({ challengeIds: [ids[0]], help: 'x'.repeat(501) }).success).toBe(false);
  });

  it('file a barrier for "nee" or "soms" with a text, never for "ja" or without a text', () => {
    const answer = (kept: string, holdsBack?: string) => keptAnswerSchema.parse({ challengeId: ids[0], kept, ...(holdsBack === undefined ? {} : { holdsBack }) });
    expect(filesBarrier(answer('nee', 'Geen kraan in de buurt'))).toBe(true);
    expect(filesBarrier(answer('soms', 'Vergeet het vaak'))).toBe(true);
    expect(filesBarrier(answer('nee'))).toBe(false);
    expect(filesBarrier(answer('nee', '   '))).toBe(false);
    expect(filesBarrier(answer('ja', 'toch een tekst'))).toBe(false);
    expect(keptAnswerSchema.safeParse({ challengeId: ids[0], kept: 'misschien' }).success).toBe(false);
  });
});

describe('the end survey window', () => {
  const campaign: Campaign = {
    orgId: 'soest',
    campaignId: 'c',
    name: { nl: 'c', en: 'c' },
    startDate: '2026-11-30',
    endDate: '2026-12-11',
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status: 'active',
    demo: false,
  };

  it('opens on the last challenge day and closes when the first wave goes out', () => {
    expect(lastChallengeDay(campaign)).toBe('2026-12-11');
    expect(endSurveyWindow(campaign)).toEqual({ from: '2026-12-11', until: '2026-12-28' });
    expect(endSurveyOpenOn(campaign, '2026-12-10')).toBe(false);
    expect(endSurveyOpenOn(campaign, '2026-12-11')).toBe(true);
    expect(endSurveyOpenOn(campaign, '2026-12-27')).toBe(true);
    expect(endSurveyOpenOn(campaign, '2026-12-28')).toBe(false);
    expect(endSurveyOpenOn({ ...campaign, status: 'draft' }, '2026-12-11')).toBe(false);
  });

  it('a closing day on the last planned day moves the last challenge day', () => {
    expect(lastChallengeDay({ ...campaign, endDate: '2026-12-14', closingDays: ['2026-12-11'] })).toBe('2026-12-14');
    expect(endSurveyWindow({ ...campaign, dayPlan: [] })).toBeUndefined();
  });
});
