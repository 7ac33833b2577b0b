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
 * campaign day and the nudge time has not passed yet, else the next campaign day. `undefined` when the campaign
 * has no day left.
 */
export function firstChallengeDay(campaign: Campaign, today: IsoDate, now: Date, nudgeTime: LocalTime): IsoDate | undefined {
  const days = campaignDays(campaign.startDate, campaign.dayPlan.length, campaign.closingDays).filter((d) => d <= campaign.endDate);
  return days.find((d) => d > today || (d === today && now.getTime() < localTimeToInstant(today, nudgeTime).getTime()));
}

/** "donderdag 3 december" / "Thursday 3 December". */
export function formatDay(date: IsoDate, lang: Language): string {
  return DateTime.fromISO(date, { zone: TIME_ZONE })
    .setLocale(lang === 'nl' ? 'nl-NL' : 'en-GB')
    .toFormat('cccc d LLLL');
}
