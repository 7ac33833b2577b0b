import { caoHolidayOn, type Holiday } from '../calendar/holidays';
import { addCalendarDays, parseIsoDate } from '../calendar/isoDate';
import { campaignDayNumber, campaignDays } from '../calendar/workingDays';
import { campaignIncludes, type Campaign } from './campaign';
import type { IsoDate } from './types';

/**
 * What a calendar date is for the challenge: a campaign day with its challenge, or why there is none. Pure: the
 * campaigns are read by the caller (one partition query), so the nudge job can use the same rules.
 */
export type DayState =
  | {
      readonly kind: 'day';
      readonly campaign: Campaign;
      readonly date: IsoDate;
      /** 1-based working day of the campaign ("Dag 3 van 10"). */
      readonly day: number;
      readonly totalDays: number;
      readonly challengeId: string;
    }
  | { readonly kind: 'holiday'; readonly campaign: Campaign; readonly date: IsoDate; readonly holiday: Holiday }
  | { readonly kind: 'weekend' | 'closingDay' | 'noChallenge'; readonly campaign: Campaign; readonly date: IsoDate }
  | { readonly kind: 'before' | 'after'; readonly campaign: Campaign; readonly date: IsoDate }
  | { readonly kind: 'noCampaign'; readonly date: IsoDate };

/**
 * {@link campaignDaysOf} per campaign object: the repositories serve the same (readonly) campaign objects for a
 * while, and every check-in asks for its day. Held weakly, so a campaign read afresh starts over.
 */
const DAYS_OF = new WeakMap<Campaign, readonly IsoDate[]>();

/**
 * The campaign's challenge days: the first `dayPlan.length` working days from its start (Cao holidays and its
 * closing days skipped), none after its end date.
 */
export function campaignDaysOf(campaign: Campaign): IsoDate[] {
  let days = DAYS_OF.get(campaign);
  if (days === undefined) {
    days = campaignDays(campaign.startDate, campaign.dayPlan.length, campaign.closingDays).filter((d) => d <= campaign.endDate);
    DAYS_OF.set(campaign, days);
  }
  return [...days];
}

/** The campaign running on `date` (status active, date within it); the one that started last wins, as in CampaignsRepository.active. */
export function runningCampaign(campaigns: readonly Campaign[], date: IsoDate): Campaign | undefined {
  return [...campaigns]
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.campaignId < b.campaignId ? -1 : 1))
    .filter((c) => c.status === 'active' && campaignIncludes(c, date))
    .at(-1);
}

/** What `date` is for the challenge, given the organisation's campaigns (any order). */
export function dayState(campaigns: readonly Campaign[], date: IsoDate): DayState {
  const campaign = runningCampaign(campaigns, date);
  if (campaign === undefined) {
    const upcoming = campaigns
      .filter((c) => c.status === 'active' && c.startDate > date)
      .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0];
    if (upcoming) return { kind: 'before', campaign: upcoming, date };
    const past = campaigns
      .filter((c) => c.status !== 'draft' && c.endDate < date)
      .sort((a, b) => (a.endDate < b.endDate ? -1 : 1))
      .at(-1);
    if (past) return { kind: 'after', campaign: past, date };
    return { kind: 'noCampaign', date };
  }
  const days = campaignDaysOf(campaign);
  const day = campaignDayNumber(days, date);
  const challengeId = day === undefined ? undefined : campaign.dayPlan[day - 1];
  if (day !== undefined && challengeId !== undefined) {
    return { kind: 'day', campaign, date, day, totalDays: days.length, challengeId };
  }
  const holiday = caoHolidayOn(date);
  if (holiday) return { kind: 'holiday', campaign, date, holiday };
  if (parseIsoDate(date).weekday > 5) return { kind: 'weekend', campaign, date };
  if (campaign.closingDays.includes(date)) return { kind: 'closingDay', campaign, date };
  return { kind: 'noChallenge', campaign, date };
}

/** Which days a check-in may still be given or changed on `today`: today and (calendar) yesterday. */
export function editableDates(today: IsoDate): readonly [IsoDate, IsoDate] {
  return [today, addCalendarDays(today, -1)];
}
