import { emptyAggregate } from '@soestainable/shared/domain/aggregates';
import { ownProgress, teamParticipation } from '@soestainable/shared/domain/progress';
import type { CheckIn } from '@soestainable/shared/domain/types';
import { checkIn } from '../../helpers/fixtures';

/*
 * The progress figures (shared/src/domain/progress.ts): the bot's progress card and the tab's GET /api/me both
 * show them. A campaign of ten working days from Monday 30 November 2026.
 */

const CAMPAIGN = 'c-2026-11-30';
const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];

function mine(userId: string, teamId: string, date: string, over: Partial<CheckIn> = {}): CheckIn {
  return checkIn({ userId, teamId, campaignId: CAMPAIGN, date, day: DAYS.indexOf(date) + 1, createdAt: `${date}T08:00:00.000Z`, updatedAt: `${date}T08:00:00.000Z`, ...over });
}

describe('the figures (pure)', () => {
  it('streak and days: today still open does not break the streak', () => {
    const c = (date: string) => mine('u', 't', date);
    expect(ownProgress(DAYS, '2026-12-02', [c('2026-11-30'), c('2026-12-01')])).toMatchObject({ streak: 2, daysCheckedIn: 2, daysSoFar: 3, totalDays: 10 });
    expect(ownProgress(DAYS, '2026-12-02', [c('2026-11-30'), c('2026-12-01'), c('2026-12-02')]).streak).toBe(3);
    expect(ownProgress(DAYS, '2026-12-02', [c('2026-11-30')]).streak).toBe(0);
    expect(ownProgress(DAYS, '2026-12-05', [c('2026-12-03'), c('2026-12-04')]).streak).toBe(2);
    expect(ownProgress(DAYS, '2026-12-02', []).co2).toEqual({ low: 0, mid: 0, high: 0 });
  });

  it('participation divides by the people recorded on the days given, and never exceeds 100 %', () => {
    const day = (date: string, participants: number, checkIns: number) => ({ ...emptyAggregate(CAMPAIGN, 't', date), participants, checkIns });
    expect(teamParticipation([day('2026-11-30', 5, 9)])).toEqual({ average: 1 });
    expect(teamParticipation([day('2026-11-30', 5, 2), day('2026-12-01', 6, 3)])).toEqual({ average: 5 / 11 });
    expect(teamParticipation([])).toEqual({ average: 0 });
  });
});
