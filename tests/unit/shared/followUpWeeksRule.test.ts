import fc from 'fast-check';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import {
  campaignFollowUpWeeks,
  campaignWaves,
  DEFAULT_FOLLOW_UP_WEEKS,
  endSurveyWindow,
  followUpWeeksRule,
  followUpWeeksSchema,
  MAX_FOLLOW_UP_WAVES,
  MAX_FOLLOW_UP_WEEKS,
} from '@soestainable/shared/domain/followUp';
import { openWave, wavesSentOn } from '@soestainable/bot/services/lasting/followUps';

/** The coordinator's wave setting (issue 15): which settings are refused, with which rule, and who reads it. */

const DECEMBER: Campaign = {
  orgId: 'soest',
  campaignId: 'c-dec',
  name: { nl: 'December', en: 'December' },
  startDate: '2026-11-30',
  endDate: '2026-12-11',
  dayPlan: Array.from({ length: 10 }, (_, i) => `dag${i + 1}`),
  closingDays: [],
  status: 'active',
  demo: false,
};

describe('followUpWeeksRule', () => {
  it.each([
    [[2, 6, 12], undefined],
    [[1], undefined],
    [[1, 2, 3, MAX_FOLLOW_UP_WEEKS], undefined],
    ['2,6,12', 'follow_up_not_numbers'],
    [null, 'follow_up_not_numbers'],
    [['2'], 'follow_up_not_numbers'],
    [[2, Number.NaN], 'follow_up_not_numbers'],
    [[1.5], 'follow_up_not_numbers'],
    [[], 'follow_up_count'],
    [[1, 2, 3, 4, 5], 'follow_up_count'],
    [[0], 'follow_up_range'],
    [[MAX_FOLLOW_UP_WEEKS + 1], 'follow_up_range'],
    [[6, 2], 'follow_up_not_rising'],
    [[2, 2], 'follow_up_not_rising'],
  ])('%j → %s', (weeks, rule) => {
    expect(followUpWeeksRule(weeks)).toBe(rule);
  });

  it('agrees with followUpWeeksSchema on every list of whole numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 60 }), { maxLength: MAX_FOLLOW_UP_WAVES + 2 }), (weeks) => {
        expect(followUpWeeksRule(weeks) === undefined).toBe(followUpWeeksSchema.safeParse(weeks).success);
      }),
    );
  });
});

describe('the campaign\'s setting', () => {
  it('defaults to +2/+6/+12 and is read by the waves and the end survey window', () => {
    expect(campaignFollowUpWeeks(DECEMBER)).toEqual(DEFAULT_FOLLOW_UP_WEEKS);
    expect(campaignWaves(DECEMBER).map((w) => w.sendOn)).toEqual(['2026-12-28', '2027-01-22', '2027-03-05']);
    const own = { ...DECEMBER, followUpWeeks: [1, 3] };
    expect(campaignFollowUpWeeks(own)).toEqual([1, 3]);
    expect(campaignWaves(own).map((w) => [w.wave, w.sendOn, w.openUntil])).toEqual([
      [1, '2026-12-18', '2027-01-04'],
      [2, '2027-01-04', '2027-02-01'],
    ]);
    expect(endSurveyWindow(own)).toEqual({ from: '2026-12-11', until: '2026-12-18' });
  });

  it('decides which wave the job sends and which pulse card still counts (a late answer until the next wave)', () => {
    const own = { ...DECEMBER, followUpWeeks: [1, 3] };
    expect(wavesSentOn([own], '2026-12-18').map((x) => x.wave.wave)).toEqual([1]);
    expect(wavesSentOn([own], '2026-12-28')).toEqual([]);
    expect(wavesSentOn([DECEMBER], '2026-12-28').map((x) => x.wave.wave)).toEqual([1]);
    expect(openWave(own, '2026-12-17')).toBeUndefined();
    expect(openWave(own, '2027-01-01')?.wave).toBe(1);
    expect(openWave(own, '2027-01-04')?.wave).toBe(2);
    expect(openWave(own, '2027-02-01')).toBeUndefined();
  });
});
