import { DateTime } from 'luxon';
import { TIME_ZONE, campaignDays, localTimeToInstant, todayIn } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { IsoDate, Language, LocalTime } from '@soestainable/shared/domain/types';
import type { Repositories } from '../../storage/repositories';

/**
 * The campaign an enrolment belongs to: the one running today, else the next one already scheduled (status
 * `active`, starting later), so that people who join in the week before the start give their baseline for it.
 * `undefined` when there is neither: the participant is stored, the baseline is asked once a campaign exists.
 */
export async function enrolmentCampaign(repos: Repositories, orgId: string, today: IsoDate): Promise<Campaign | undefined> {
  const running = await repos.campaigns.active(orgId, today);
  if (running) return running;
  // `list` is sorted by start date: the first later one is the next.
  return (await repos.campaigns.list(orgId)).find((c) => c.status === 'active' && c.startDate > today);
}

/** What the enrolment card offers and is checked against: the organisation's teams and the enrolment's campaign. */
export async function enrolmentChoices(repos: Repositories, orgId: string, now: Date): Promise<{ teams: OrgTeam[]; campaign: Campaign | undefined }> {
  const [teams, campaign] = await Promise.all([repos.orgTeams.list(orgId), enrolmentCampaign(repos, orgId, todayIn(now))]);
  return { teams, campaign };
}

/**
 * The campaign day on which a participant with `nudgeTime` gets their first (or next) challenge: today when it is a
 * campaign day, the nudge time has not passed yet and today's challenge is not `todayDone`, else the next campaign
 * day. `undefined` when the campaign has no day left.
 */
export function firstChallengeDay(campaign: Campaign, today: IsoDate, now: Date, nudgeTime: LocalTime, todayDone = false): IsoDate | undefined {
  const days = campaignDays(campaign.startDate, campaign.dayPlan.length, campaign.closingDays).filter((d) => d <= campaign.endDate);
  const todayCounts = !todayDone && now.getTime() < localTimeToInstant(today, nudgeTime).getTime();
  return days.find((d) => d > today || (d === today && todayCounts));
}

/**
 * When someone's next challenge comes: on `date` (`today` says whether that is today), or not at all because the
 * campaign has no challenge day left (`over`) or there is no campaign (`none`).
 */
export type NextChallenge =
  | { readonly kind: 'day'; readonly date: IsoDate; readonly today: boolean }
  | { readonly kind: 'over' }
  | { readonly kind: 'none' };

/**
 * {@link firstChallengeDay} for a person who may have had today's challenge already: today counts only when the
 * nudge job has not claimed today's nudge for them and they have not checked in today, since the job claims a
 * nudge once per local date and skips who already checked in. Someone nudged at 09:00 who moves to 10:00 at 09:30
 * gets nothing more today, so the answer is the next challenge day. Costs two point reads, and only when today is
 * otherwise the answer.
 */
export async function nextChallenge(
  repos: Pick<Repositories, 'sendClaims' | 'checkIns'>,
  campaign: Campaign | undefined,
  userId: string,
  now: Date,
  nudgeTime: LocalTime,
): Promise<NextChallenge> {
  if (!campaign) return { kind: 'none' };
  const today = todayIn(now);
  let date = firstChallengeDay(campaign, today, now, nudgeTime);
  if (date === today && (await hadTodaysChallenge(repos, campaign, userId, today))) date = firstChallengeDay(campaign, today, now, nudgeTime, true);
  return date === undefined ? { kind: 'over' } : { kind: 'day', date, today: date === today };
}

/**
 * Whether today's challenge is behind `userId`: a nudge claim for today exists (sent, skipped or failed alike: the
 * nudge job, jobs/nudges/nudgeJob.ts, claims kind `nudge` with the local date as period, once a day, and does not
 * take a failed claim again), or today's check-in is in.
 */
async function hadTodaysChallenge(repos: Pick<Repositories, 'sendClaims' | 'checkIns'>, campaign: Campaign, userId: string, today: IsoDate): Promise<boolean> {
  const [claim, checkIn] = await Promise.all([repos.sendClaims.get('nudge', today, userId), repos.checkIns.get(userId, campaign.campaignId, today)]);
  return claim !== undefined || checkIn !== undefined;
}

/** "donderdag 3 december" / "Thursday 3 December". */
export function formatDay(date: IsoDate, lang: Language): string {
  return DateTime.fromISO(date, { zone: TIME_ZONE })
    .setLocale(lang === 'nl' ? 'nl-NL' : 'en-GB')
    .toFormat('cccc d LLLL');
}
