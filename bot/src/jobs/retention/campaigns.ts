import { addCalendarDays, todayIn } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignWaves } from '@soestainable/shared/domain/followUp';
import type { IsoDate } from '@soestainable/shared/domain/types';
import type { JobContext, JobDeps } from '../job';

/** True when a campaign's raw data is past retention on `today`: more than `retentionDays` days after its end. */
export function isPastRetention(campaign: Pick<Campaign, 'endDate'>, retentionDays: number, today: string): boolean {
  return today > addCalendarDays(campaign.endDate, retentionDays);
}

/**
 * The day a campaign's follow-ups are over: the last wave's answers stop counting (its own wave setting, else
 * +2/+6/+12), or the end date for a campaign without waves. Its pledges and follow-up answers are needed until then.
 */
export function followUpsOver(campaign: Campaign): IsoDate {
  const last = campaignWaves(campaign).at(-1);
  return last !== undefined && last.openUntil > campaign.endDate ? last.openUntil : campaign.endDate;
}

/** The organisation's campaigns past retention, and how many could not be judged (rows that do not parse). */
export interface DueCampaigns {
  /** Past retention by their end date: raw check-ins, idea texts and the texts of barriers filed by the end date go. */
  readonly due: readonly Campaign[];
  /**
   * Of those, the ones past retention counted from their follow-ups' end ({@link followUpsOver}): surveys (the tab
   * compares nulmeting → eindmeting beside the waves), pledges, follow-up answers and the texts of barriers filed
   * after the end date go too.
   */
  readonly followUpsDue: readonly Campaign[];
  readonly readable: number;
  readonly unreadable: number;
}

/**
 * The campaigns of the organisation whose end lies more than `retentionDays` back. A row that does not parse, or
 * a campaign that ends before it starts, is skipped and logged by id (its end is unknown, so nothing of it is
 * purged); the others are judged as usual.
 */
export async function campaignsPastRetention(deps: Pick<JobDeps, 'config' | 'logger' | 'repos'>, at: Date): Promise<DueCampaigns> {
  const { config, logger, repos } = deps;
  const { campaigns, unreadable } = await repos.campaigns.listReadable(config.org.id);
  for (const campaignId of unreadable) logger.warn('retention: a campaign does not parse; skipped, nothing of it purged', { campaignId, reason: 'campaign_unreadable' });
  const today = todayIn(at);
  const due = campaigns.filter((campaign) => {
    if (campaign.startDate <= campaign.endDate) return isPastRetention(campaign, config.jobs.retentionDays, today);
    logger.warn('retention: a campaign with impossible dates is skipped', { campaignId: campaign.campaignId, reason: 'campaign_dates_invalid' });
    return false;
  });
  const followUpsDue = due.filter((campaign) => isPastRetention({ endDate: followUpsOver(campaign) }, config.jobs.retentionDays, today));
  return { due, followUpsDue, readable: campaigns.length, unreadable: unreadable.length };
}

/**
 * True when this run blanks the barrier's text (and forgets its contact and recognisers): its campaign is past
 * retention, and a barrier filed after the campaign's end date (from a follow-up pulse, or reported later) only once
 * the campaign's follow-ups are past retention too, so a barrier from the last wave keeps its text as long as the
 * answer that filed it. `createdAt` is the start of the local day it was filed; it never changes.
 */
export function barrierTextDue(barrier: { readonly campaignId: string; readonly createdAt: string }, campaigns: Pick<DueCampaigns, 'due' | 'followUpsDue'>): boolean {
  const campaign = campaigns.due.find((c) => c.campaignId === barrier.campaignId);
  if (!campaign) return false;
  if (campaigns.followUpsDue.includes(campaign)) return true;
  return todayIn(new Date(barrier.createdAt)) <= campaign.endDate;
}

/** The teams whose members may hold a campaign's rows: the organisation's teams and every team counted in it. */
export async function teamsOfCampaign(deps: Pick<JobDeps, 'repos'>, campaign: Campaign, orgTeamIds: readonly string[]): Promise<Set<string>> {
  const aggregates = await deps.repos.dailyAggregates.listCampaign(campaign.campaignId);
  return new Set([...orgTeamIds, ...aggregates.map((a) => a.teamId)]);
}

/**
 * One campaign's raw check-ins of everyone in `teamIds` (every status in the `TeamMembers` index), and with
 * `followUps` its surveys, pledges and follow-up answers too, deleted per person in transactions of at most 100, or
 * counted in a dry run. Surveys follow the follow-ups: the tab's nulmeting → eindmeting stands beside the waves, so
 * it lasts as long as they do. Logs counts, never content.
 */
export async function purgeCampaignData(
  deps: Pick<JobDeps, 'logger' | 'repos'>,
  campaign: Campaign,
  teamIds: ReadonlySet<string>,
  context: JobContext & { readonly followUps: boolean },
): Promise<{ CheckIns: number; Surveys: number; Pledges: number; FollowUpAnswers: number }> {
  const { logger, repos } = deps;
  const userIds = new Set<string>();
  for (const teamId of teamIds) for (const m of await repos.participants.listTeamMembers(teamId)) userIds.add(m.userId);
  const removed = { CheckIns: 0, Surveys: 0, Pledges: 0, FollowUpAnswers: 0 };
  let done = 0;
  for (const userId of userIds) {
    const { campaignId } = campaign;
    removed.CheckIns += context.dryRun ? await repos.checkIns.countForCampaign(userId, campaignId) : await repos.checkIns.deleteCampaign(userId, campaignId);
    if (context.followUps) {
      removed.Surveys += context.dryRun ? await repos.surveys.countForCampaign(userId, campaignId) : await repos.surveys.deleteCampaign(userId, campaignId);
      removed.Pledges += context.dryRun ? await repos.pledges.countForCampaign(userId, campaignId) : await repos.pledges.deleteCampaign(userId, campaignId);
      removed.FollowUpAnswers += context.dryRun
        ? await repos.followUpAnswers.countForCampaign(userId, campaignId)
        : await repos.followUpAnswers.deleteCampaign(userId, campaignId);
    }
    context.onProgress?.({ done: ++done, total: userIds.size });
  }
  logger.info(context.dryRun ? 'retention: would remove' : 'retention: removed', { campaignId: campaign.campaignId, people: userIds.size, ...removed });
  return removed;
}
