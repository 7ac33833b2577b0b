import { addCalendarDays, todayIn } from '../../../../shared/src/calendar';
import type { Campaign } from '../../../../shared/src/domain/campaign';
import { AppError } from '../../errors';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';

/** Summary `counts` keys: the tables rows are removed from. */
export const RETENTION_TABLES = ['CheckIns', 'Surveys'] as const;
type RetentionTable = (typeof RETENTION_TABLES)[number];

/** How often one person's purge is tried when another instance deleted the same rows meanwhile. */
const PURGE_ATTEMPTS = 3;

/** True when a campaign's raw data is past retention on `today`: more than `retentionDays` days after its end. */
export function isPastRetention(campaign: Pick<Campaign, 'endDate'>, retentionDays: number, today: string): boolean {
  return today > addCalendarDays(campaign.endDate, retentionDays);
}

/**
 * Retention (BRIEF.md privacy rule 7): `config.jobs.retentionDays` days after a campaign ended, its raw check-ins
 * and personal survey answers (baseline, end) are deleted; `DailyAggregates` stay. Whom to purge comes from the
 * indexes, never a table scan: the organisation's teams plus every team with aggregates in the campaign, each
 * team's `TeamMembers` partition (every status), then per person one RowKey range of `CheckIns` and of `Surveys`
 * (partition = the person), deleted in transactions of at most 100. Idempotent: a second run finds nothing.
 * Logs counts per table and campaign, never content. A dry run counts what it would remove.
 */
export function createRetentionJob(deps: JobDeps): Job {
  const { config, logger, repos } = deps;
  const orgId = config.org.id;

  /** One person's rows of one campaign: counted (dry run) or deleted. */
  async function purgeUser(userId: string, campaignId: string, dryRun: boolean): Promise<Record<RetentionTable, number>> {
    if (dryRun) {
      const [checkIns, surveys] = await Promise.all([
        repos.checkIns.countForCampaign(userId, campaignId),
        repos.surveys.countForCampaign(userId, campaignId),
      ]);
      return { CheckIns: checkIns, Surveys: surveys };
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const checkIns = await repos.checkIns.deleteCampaign(userId, campaignId);
        const surveys = await repos.surveys.deleteCampaign(userId, campaignId);
        return { CheckIns: checkIns, Surveys: surveys };
      } catch (err) {
        // A batch naming a row another instance deleted meanwhile fails whole (404): list again and retry.
        if (!(err instanceof AppError && err.code === 'STORAGE_FAILED') || attempt >= PURGE_ATTEMPTS) throw err;
      }
    }
  }

  async function run(context: JobContext): Promise<JobSummary> {
    const startedMs = Date.now();
    const today = todayIn(context.at);
    const counts: Record<string, number> = { CheckIns: 0, Surveys: 0 };
    const summary = (skippedBecause?: string): JobSummary => ({
      job: 'retention',
      at: context.at.toISOString(),
      dryRun: context.dryRun,
      runs: [],
      counts,
      ...(skippedBecause === undefined ? {} : { skippedBecause }),
      durationMs: Date.now() - startedMs,
    });

    // A campaign row that does not parse is skipped (logged by id; its end date is unknown, so nothing of it is
    // purged); the others are purged as usual.
    const { campaigns, unreadable } = await repos.campaigns.listReadable(orgId);
    for (const campaignId of unreadable) logger.warn('retention: a campaign does not parse; skipped, nothing of it purged', { campaignId, reason: 'campaign_unreadable' });
    if (unreadable.length > 0) counts['campaignsUnreadable'] = unreadable.length;
    const due: Campaign[] = [];
    for (const campaign of campaigns) {
      if (campaign.startDate > campaign.endDate) {
        logger.warn('retention: a campaign with impossible dates is skipped', { campaignId: campaign.campaignId, reason: 'campaign_dates_invalid' });
        continue;
      }
      if (isPastRetention(campaign, config.jobs.retentionDays, today)) due.push(campaign);
    }
    if (due.length === 0) return summary(campaigns.length === 0 && unreadable.length > 0 ? 'campaigns_unreadable' : 'nothing_due');

    const orgTeamIds = (await repos.orgTeams.list(orgId)).map((t) => t.teamId);
    for (const campaign of due) {
      const aggregates = await repos.dailyAggregates.listCampaign(campaign.campaignId);
      const teamIds = new Set([...orgTeamIds, ...aggregates.map((a) => a.teamId)]);
      const userIds = new Set<string>();
      for (const teamId of teamIds) for (const m of await repos.participants.listTeamMembers(teamId)) userIds.add(m.userId);

      const removed: Record<RetentionTable, number> = { CheckIns: 0, Surveys: 0 };
      let done = 0;
      for (const userId of userIds) {
        const rows = await purgeUser(userId, campaign.campaignId, context.dryRun);
        for (const table of RETENTION_TABLES) removed[table] += rows[table];
        context.onProgress?.({ done: ++done, total: userIds.size });
      }
      for (const table of RETENTION_TABLES) counts[table] = (counts[table] ?? 0) + removed[table];
      logger.info(context.dryRun ? 'retention: would remove' : 'retention: removed', {
        campaignId: campaign.campaignId,
        people: userIds.size,
        ...removed,
      });
    }
    return summary();
  }

  return { name: 'retention', run };
}
