import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignWaves, followUpPeriod } from '@soestainable/shared/domain/followUp';
import { openWave, wavesSentOn } from '@soestainable/bot/services/lasting/followUps';

/** The follow-up waves of a campaign (issue 15, item 3): the days the followups job sends, and the claim period. */
function campaign(over: Partial<Campaign> = {}): Campaign {
  return {
    orgId: 'soest',
    campaignId: 'c-2026-11-30',
    name: { nl: 'C', en: 'C' },
    startDate: '2026-11-30',
    endDate: '2026-12-11',
    dayPlan: Array.from({ length: 10 }, (_, i) => `dag${i + 1}`),
    closingDays: [],
    status: 'active',
    demo: false,
    ...over,
  };
}

describe('follow-up waves of a campaign', () => {
  it('+2, +6, +12 weeks after the last challenge day; Christmas Day moves wave 1 to Monday 28 December', () => {
    expect(campaignWaves(campaign()).map((w) => [w.wave, w.sendOn, w.openUntil])).toEqual([
      [1, '2026-12-28', '2027-01-22'],
      [2, '2027-01-22', '2027-03-05'],
      [3, '2027-03-05', '2027-04-02'],
    ]);
  });

  it('a wave in a closing period moves to the next working day (past 1 January too)', () => {
    const closed = campaign({ closingDays: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'] });
    expect(campaignWaves(closed)[0]?.sendOn).toBe('2027-01-04');
  });

  it('the job sends a wave only on its day and never for a draft; a late answer counts until the next wave', () => {
    expect(wavesSentOn([campaign()], '2026-12-28').map((x) => x.wave.wave)).toEqual([1]);
    expect(wavesSentOn([campaign()], '2026-12-25')).toEqual([]);
    expect(wavesSentOn([campaign({ status: 'draft' })], '2026-12-28')).toEqual([]);
    expect(openWave(campaign(), '2027-01-21')?.wave).toBe(1);
    expect(openWave(campaign(), '2027-01-22')?.wave).toBe(2);
    expect(openWave(campaign(), '2026-12-27')).toBeUndefined();
    expect(openWave(campaign(), '2027-04-02')).toBeUndefined();
  });

  it('one claim period per campaign and wave, within the 64 characters a claim allows', () => {
    expect(followUpPeriod('c-2026-11-30', 2)).toBe('c-2026-11-30|w2');
    expect(followUpPeriod('c-2026-11-30', 4).length).toBeLessThanOrEqual(64);
  });
});
