import { auditMonthOf } from '@soestainable/shared/domain/audit';
import type { Barrier } from '@soestainable/shared/domain/programme';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';
import { barrierTextDue, campaignsPastRetention, purgeCampaignData, teamsOfCampaign, type DueCampaigns } from './campaigns';
import { erasePeopleWhoLeft } from './people';
import { PURGED_REPORT_TEXT } from './texts';

export { isPastRetention } from './campaigns';

/** Summary `counts` keys: what was removed (or, for barrier and idea texts, blanked), per table or kind. */
export const RETENTION_COUNTS = [
  'CheckIns',
  'Surveys',
  'Pledges',
  'FollowUpAnswers',
  'BarrierTexts',
  'IdeaTexts',
  'ReportContacts',
  'SendClaims',
  'AuditLog',
  'Participants',
  'ConversationRefs',
  'ErasureConfirmations',
  'Recognitions',
  'ActionOwners',
  'TeamCardChangers',
  'TeamManagers',
] as const;
type RetentionCounts = Record<(typeof RETENTION_COUNTS)[number], number>;

/**
 * Send claims are kept at least this long whatever RETENTION_DAYS says: the longest a job looks back at a period it
 * may send again for ("you said, we did" 7 days, the digest last week). A purged claim no longer stops a resend.
 */
export const CLAIMS_KEPT_AT_LEAST_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (at: Date, days: number): Date => new Date(at.getTime() - days * DAY_MS);

/**
 * Retention (BRIEF.md privacy rule 7), once a day. `RETENTION_DAYS` after a campaign ended: its raw check-ins are
 * deleted, and its barriers and ideas keep everything but their text and an opted-in contact (`DailyAggregates`,
 * themes, statuses and counts stay). `RETENTION_DAYS` after its follow-ups are over: its surveys, pledges and
 * follow-up answers, and the texts of barriers filed after its end date (campaigns.ts `barrierTextDue`). Send claims go `RETENTION_DAYS` after they were made (at
 * least {@link CLAIMS_KEPT_AT_LEAST_DAYS}); people who left more than `RETENTION_DAYS` ago are erased; the audit log
 * keeps whole months for `AUDIT_RETENTION_DAYS`; expired delete confirmations go. Every step is idempotent and safe
 * in two instances at once; a dry run counts what a real run would remove, and the two add up the same. Logs
 * counts, never content.
 */
export function createRetentionJob(deps: JobDeps): Job {
  const { config, logger, repos } = deps;
  const orgId = config.org.id;

  /** The campaign steps: raw rows, then report texts. Returns the teams looked at (for people who left). */
  async function purgeCampaigns(context: JobContext, counts: RetentionCounts, campaigns: DueCampaigns): Promise<Set<string>> {
    const { due, followUpsDue } = campaigns;
    const orgTeamIds = (await repos.orgTeams.list(orgId)).map((t) => t.teamId);
    const allTeams = new Set(orgTeamIds);
    for (const campaign of due) {
      const teamIds = await teamsOfCampaign(deps, campaign, orgTeamIds);
      for (const teamId of teamIds) allTeams.add(teamId);
      const removed = await purgeCampaignData(deps, campaign, teamIds, { ...context, followUps: followUpsDue.includes(campaign) });
      counts.CheckIns += removed.CheckIns;
      counts.Surveys += removed.Surveys;
      counts.Pledges += removed.Pledges;
      counts.FollowUpAnswers += removed.FollowUpAnswers;
    }
    const campaignIds = new Set(due.map((c) => c.campaignId));
    const textDue = (b: Barrier) => barrierTextDue(b, campaigns);
    counts.BarrierTexts += await repos.barriers.purgeTexts(orgId, campaignIds, PURGED_REPORT_TEXT, context.dryRun, (b) => !textDue(b));
    counts.IdeaTexts += await repos.ideas.purgeTexts(orgId, campaignIds, PURGED_REPORT_TEXT, context.dryRun);
    // Who recognised a barrier is personal data linked to it: it goes when the barrier's text does.
    const purged = (await repos.barriers.list(orgId)).filter(textDue).map((b) => b.barrierId);
    counts.Recognitions += await repos.recognitions.purgeBarriers(orgId, purged, context.dryRun);
    return allTeams;
  }

  async function run(context: JobContext): Promise<JobSummary> {
    const startedMs = Date.now();
    const counts = Object.fromEntries(RETENTION_COUNTS.map((k) => [k, 0])) as RetentionCounts;
    const campaigns = await campaignsPastRetention(deps, context.at);
    const teamIds = await purgeCampaigns(context, counts, campaigns);

    const claimedBefore = daysBefore(context.at, Math.max(config.jobs.retentionDays, CLAIMS_KEPT_AT_LEAST_DAYS));
    counts.SendClaims += await repos.sendClaims.purgeClaimedBefore(claimedBefore, context.dryRun);
    const leftBefore = daysBefore(context.at, config.jobs.retentionDays).toISOString();
    const elsewhere = {
      campaigns: new Set(campaigns.due.map((c) => c.campaignId)),
      followUpCampaigns: new Set(campaigns.followUpsDue.map((c) => c.campaignId)),
      barrierTextPurged: (b: Pick<Barrier, 'campaignId' | 'createdAt'>) => barrierTextDue(b, campaigns),
      claimedBefore: claimedBefore.toISOString(),
    };
    const people = await erasePeopleWhoLeft(deps, teamIds, leftBefore, elsewhere, context.dryRun);
    for (const key of Object.keys(people) as Array<keyof typeof people>) counts[key] += people[key];
    const auditMonth = auditMonthOf(daysBefore(context.at, config.jobs.auditRetentionDays).toISOString());
    counts.AuditLog += await repos.auditLog.purgeMonthsBefore(orgId, auditMonth, context.dryRun);
    counts.ErasureConfirmations += await repos.erasureConfirmations.purgeExpired(context.at, context.dryRun);
    logger.info(context.dryRun ? 'retention: would remove in all' : 'retention: removed in all', { ...counts, auditBefore: auditMonth });

    const idle = campaigns.due.length === 0 && RETENTION_COUNTS.every((k) => counts[k] === 0);
    const skippedBecause = !idle ? undefined : campaigns.readable === 0 && campaigns.unreadable > 0 ? 'campaigns_unreadable' : 'nothing_due';
    return {
      job: 'retention',
      at: context.at.toISOString(),
      dryRun: context.dryRun,
      runs: [],
      counts: { ...counts, ...(campaigns.unreadable > 0 ? { campaignsUnreadable: campaigns.unreadable } : {}) },
      ...(skippedBecause === undefined ? {} : { skippedBecause }),
      durationMs: Date.now() - startedMs,
    };
  }

  return { name: 'retention', run };
}
