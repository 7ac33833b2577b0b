import { addCalendarDays, todayIn } from '@soestainable/shared/calendar';
import type { DailyAggregate } from '@soestainable/shared/domain/aggregates';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { Action, ActionUpdate, Barrier } from '@soestainable/shared/domain/programme';
import { DEFAULT_LANGUAGE, type IsoDate } from '@soestainable/shared/domain/types';
import { discloseCells, gate } from '@soestainable/shared/privacy';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { campaignDaysOf } from '@soestainable/shared/domain/campaignDay';
import type { FanOutRecipient } from '../../proactive/fanOut';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';
import { buildDigestCard, teamDashboardLink, type DigestAction, type DigestBarrier, type DigestContent } from './card';
import { groupSizeOf, weekFigures } from './figures';
import { DIGEST_SKIPS, skippedTeam } from './skips';
import { runWaveDigests } from './waveDigest';
import { isoWeekOf, weekBefore, type IsoWeek } from './week';

/** How many of the team's open barriers a digest shows (newest first). */
export const DIGEST_TOP_BARRIERS = 3;

export { DIGEST_SKIPS } from './skips';

/**
 * The weekly manager digest (BRIEF.md: Monday morning, to each team's managers). Whenever it runs, it reports on
 * the ISO week that ended before the current local week (`2026-W50`), so a late or repeated run sends nothing
 * twice: one claim per (week, team, manager). Figures come from `DailyAggregates` only, pass the minimum group
 * size (a team under it gets a card that says so, with no figure, barrier or action), and never name anyone.
 * After a campaign's challenge days the weekly digest stops (no week of it is left to report on) and the same run
 * sends one digest per follow-up wave instead (waveDigest.ts; claim period `wave|<campaignId>|w<wave>`).
 */
export function createDigestsJob(deps: JobDeps): Job {
  return { name: 'digests', run: (context) => runDigests(deps, context) };
}

/** What one run reports on: the week, its campaign and the campaign's working days. */
interface DigestWeek {
  readonly week: IsoWeek;
  readonly campaign: Campaign;
  readonly campaignDays: readonly IsoDate[];
}

async function runDigests(deps: JobDeps, context: JobContext): Promise<JobSummary> {
  const { config, logger, repos } = deps;
  const startedMs = Date.now();
  // One campaign row that does not parse costs only that campaign: it is left out and logged by id.
  const { campaigns, unreadable } = await repos.campaigns.listReadable(config.org.id);
  const period = weekBefore(context.at).period;
  for (const campaignId of unreadable) logger.warn('digests: a campaign does not parse; skipped', { week: period, campaignId, reason: DIGEST_SKIPS.campaignsUnreadable });
  // During the challenge the weekly digest; after it, one digest per follow-up wave (waveDigest.ts). In a week
  // where a new campaign runs while an earlier one's wave is due, both go out: they report on different campaigns.
  const weekly = await runWeekly(deps, campaigns, unreadable.length > 0, context);
  const waves = await runWaveDigests(deps, campaigns, context);
  const runs = [...weekly.runs, ...waves.runs];
  return {
    job: 'digests',
    at: context.at.toISOString(),
    dryRun: context.dryRun,
    runs,
    counts: { ...weekly.counts, ...waves.counts },
    ...(weekly.skippedBecause !== undefined && runs.length === 0 ? { skippedBecause: weekly.skippedBecause } : {}),
    durationMs: Date.now() - startedMs,
  };
}

/** What the weekly part of a run did. */
interface WeeklyResult {
  readonly runs: readonly SendRun[];
  readonly counts: Readonly<Record<string, number>>;
  readonly skippedBecause?: string;
}

/** The weekly digest of the week that ended before `context.at`, if a campaign overlaps it. */
async function runWeekly(deps: JobDeps, campaigns: readonly Campaign[], someUnreadable: boolean, context: JobContext): Promise<WeeklyResult> {
  const { logger } = deps;
  const week = weekBefore(context.at);
  const skip = (reason: string): WeeklyResult => {
    logger.info('digests: no weekly digest to send', { week: week.period, reason });
    return { runs: [], counts: {}, skippedBecause: reason };
  };
  const campaign = campaignOfWeek(campaigns, week);
  // Nothing readable to report on: say so, rather than "no campaign", when an unreadable row may be the one.
  if (campaign === undefined) return skip(someUnreadable ? DIGEST_SKIPS.campaignsUnreadable : DIGEST_SKIPS.noCampaign);
  const campaignDays = campaignDaysOf(campaign);
  if (campaignDays.length === 0) {
    logger.warn('digests: the campaign has no working days', { week: week.period, campaignId: campaign.campaignId });
    return skip(DIGEST_SKIPS.noWorkingDays);
  }

  const { recipients, counts } = await digestRecipients(deps, { week, campaign, campaignDays }, context.at);
  if (recipients.length === 0) return skip(DIGEST_SKIPS.noTeams);
  const total = recipients.length;
  const record: SendRun = await deps.fanOut(
    // Once a week, to every manager: the personal references are read in pages, not one by one.
    { kind: 'digest', period: week.period, recipients, prefetchReferences: ['personal'] },
    {
      dryRun: context.dryRun,
      ...(context.onProgress === undefined
        ? {}
        : { onProgress: (r: SendRun) => context.onProgress?.({ done: r.sent + r.failed + r.skipped, total }) }),
    },
  );
  logger.info('digests: run finished', {
    week: week.period,
    campaignId: campaign.campaignId,
    dryRun: context.dryRun,
    ...counts,
    sent: record.sent,
    skipped: record.skipped,
    failed: record.failed,
    uncertain: record.uncertain,
  });
  return { runs: [record], counts };
}

/**
 * Every team's recipients: one per manager with the team's digest, or one claimed as skipped for a demo team or a
 * team without managers; and the run's counts.
 */
async function digestRecipients(
  deps: JobDeps,
  report: DigestWeek,
  at: Date,
): Promise<{ recipients: FanOutRecipient[]; counts: Record<'teams' | 'teamsHidden' | 'teamsWithoutManagers' | 'recipients', number> }> {
  const { config, logger, repos } = deps;
  const orgId = config.org.id;
  const [teams, aggregates, barriers, changes] = await Promise.all([
    repos.orgTeams.list(orgId),
    repos.dailyAggregates.listCampaign(report.campaign.campaignId),
    repos.barriers.list(orgId),
    actionChangesOf(deps, report.week),
  ]);
  const counts = { teams: 0, teamsHidden: 0, teamsWithoutManagers: 0, recipients: 0 };
  const recipients: FanOutRecipient[] = [];
  const disclosed = discloseCells(aggregates, todayIn(at), config.minGroupSize);
  for (const team of teams) {
    counts.teams++;
    if (team.demo) {
      recipients.push(skippedTeam(team, DIGEST_SKIPS.demo));
      continue;
    }
    if (team.managerIds.length === 0) {
      counts.teamsWithoutManagers++;
      logger.info('digests: a team without managers is skipped', { week: report.week.period, teamId: team.teamId, reason: DIGEST_SKIPS.noManagers });
      recipients.push(skippedTeam(team, DIGEST_SKIPS.noManagers));
      continue;
    }
    const teamBarriers = barriers.filter((b) => b.teamId === team.teamId);
    const content = await teamDigest(deps, report, team, disclosed.byTeam.get(team.teamId) ?? [], teamBarriers, changes);
    if (!content.figures.visible) counts.teamsHidden++;
    for (const managerId of new Set(team.managerIds)) {
      counts.recipients++;
      recipients.push(managerRecipient(deps, team, managerId, content));
    }
  }
  return { recipients, counts };
}

/** One team's digest: its week figures, open barriers and action changes, hidden below the minimum group size. */
async function teamDigest(
  { config, repos }: JobDeps,
  report: DigestWeek,
  team: OrgTeam,
  disclosedDays: readonly DailyAggregate[],
  teamBarriers: readonly Barrier[],
  changes: readonly ActionChange[],
): Promise<DigestContent> {
  const { week, campaign } = report;
  const members = await repos.participants.listTeamMembers(team.teamId);
  const input = {
    // Only the team's days the disclosure rule lets out (final, with a recorded group of at least the minimum).
    aggregates: disclosedDays,
    weekDays: week.days,
    previousWeekDays: isoWeekOf(addCalendarDays(week.monday, -7)).days,
    campaignDays: report.campaignDays,
    activeMembers: members.filter((m) => m.status === 'active').length,
  };
  return {
    teamName: team.name,
    campaignName: campaign.name,
    week,
    figures: gate(
      { figures: weekFigures(input), barriers: topBarriers(teamBarriers, campaign.campaignId, week), actions: changesTouching(changes, teamBarriers) },
      groupSizeOf(input),
      config.minGroupSize,
    ),
    dashboardUrl: teamDashboardLink(config.jobs.teamsAppId, team.teamId),
  };
}

/** A manager's digest, built in their language when the engine sends it. */
function managerRecipient({ repos }: JobDeps, team: OrgTeam, managerId: string, content: DigestContent): FanOutRecipient {
  return {
    recipientId: `${team.teamId}|${managerId}`,
    owner: { kind: 'user', userId: managerId },
    scope: 'personal',
    build: async () => {
      const lang = (await repos.participants.languageOf(managerId)) ?? DEFAULT_LANGUAGE;
      return { type: 'message', attachments: [buildDigestCard(content, lang)] };
    },
  };
}

/** The org's actions changed since the week began, with their timeline entries (status, link) within the week. */
async function actionChangesOf({ config, repos }: JobDeps, week: IsoWeek): Promise<ActionChange[]> {
  const from = week.from.toISOString();
  const to = week.to.toISOString();
  const changed = (await repos.actions.list(config.org.id)).filter(({ action }) => !action.demo && action.updatedAt >= from);
  const out: ActionChange[] = [];
  for (const { action } of changed) {
    const entries = (await repos.actions.timeline(action.actionId)).filter(
      (u) => (u.kind === 'status' || u.kind === 'link') && u.at >= from && u.at < to,
    );
    if (entries.length > 0) out.push({ action, entries });
  }
  return out;
}

interface ActionChange {
  readonly action: Action;
  readonly entries: readonly ActionUpdate[];
}

/**
 * The campaign the week reports on: not a draft, dates in order, overlapping the week; of several, the one that
 * started last (as `CampaignsRepository.active` decides).
 */
export function campaignOfWeek(campaigns: readonly Campaign[], week: IsoWeek): Campaign | undefined {
  return campaigns
    .filter((c) => c.status !== 'draft' && c.startDate <= c.endDate && c.startDate <= week.sunday && c.endDate >= week.monday)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.campaignId < b.campaignId ? -1 : 1))
    .at(-1);
}

/**
 * The team's open barriers (new or linked) of the campaign reported before the week ended, newest first, at most
 * {@link DIGEST_TOP_BARRIERS}.
 */
function topBarriers(teamBarriers: readonly Barrier[], campaignId: string, week: IsoWeek): DigestBarrier[] {
  const end = week.to.toISOString();
  return teamBarriers
    .filter((b) => b.campaignId === campaignId && (b.status === 'nieuw' || b.status === 'gekoppeld') && b.createdAt < end)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .slice(0, DIGEST_TOP_BARRIERS)
    .map((b) => ({ theme: b.theme, text: b.text }));
}

/**
 * The week's action changes that touch the team: an action linked to one of the team's barriers during the week,
 * or whose status changed during the week while it carried one of them. The status shown is the last one the
 * week saw.
 */
function changesTouching(changes: readonly ActionChange[], teamBarriers: readonly Barrier[]): DigestAction[] {
  const ids = new Set(teamBarriers.map((b) => b.barrierId));
  const out: DigestAction[] = [];
  for (const { action, entries } of changes) {
    const linkedThisWeek = entries.some(
      (u) => u.kind === 'link' && typeof u.text === 'string' && u.text.split(',').some((id) => ids.has(id)),
    );
    const statusChanges = entries.filter((u) => u.kind === 'status' && u.toStatus !== undefined);
    const touches = action.barrierIds.some((id) => ids.has(id));
    if (!linkedThisWeek && !(touches && statusChanges.length > 0)) continue;
    out.push({ title: action.title, status: statusChanges.at(-1)?.toStatus ?? action.status, linkedThisWeek });
  }
  return out;
}
