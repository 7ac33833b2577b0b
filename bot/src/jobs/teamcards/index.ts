import { addCalendarDays, todayIn } from '@soestainable/shared/calendar';
import type { DailyAggregate } from '@soestainable/shared/domain/aggregates';
import { campaignDaysOf } from '@soestainable/shared/domain/campaignDay';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { TeamCardChannel } from '@soestainable/shared/domain/owners';
import type { Action, Barrier } from '@soestainable/shared/domain/programme';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { DEFAULT_LANGUAGE } from '@soestainable/shared/domain/types';
import { discloseCells, gate } from '@soestainable/shared/privacy';
import type { FanOutRecipient } from '../../proactive/fanOut';
import { campaignOfWeek } from '../digests';
import { teamDashboardLink } from '../digests/card';
import { groupSizeOf, weekFigures } from '../digests/figures';
import { isoWeekOf, weekBefore, type IsoWeek } from '../digests/week';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';
import { buildTeamCard, type TeamCardContent, type TeamCardFigures } from './card';

/** How many of the team's open barriers the card shows (most recognised first, then the newest). */
export const TEAM_CARD_TOP_BARRIERS = 3;

/** Why nothing was sent (`skippedBecause`), and the per-channel counts. */
export const TEAM_CARD_SKIPS = { noChannels: 'no_channels', noCampaign: 'no_campaign_in_week' } as const;

type Counts = Record<'channels' | 'demo' | 'inactive' | 'unknownTeam' | 'hidden' | 'queued' | 'markedInactive', number>;

/**
 * The team's own channel card (issue 16, item 3): each Monday (with the digests) every channel where a manager or
 * coordinator switched the card on (`teamkaart aan`) gets one card about the week before — participation, waste-free
 * days, CO2 with its range, the team's open barriers (most recognised first, then the newest) and the status of the actions linked to them, and
 * a button to the team dashboard in the tab. Aggregates only, through the disclosure rule; a team under the minimum
 * group size gets a card without any number, barrier or action.
 *
 * One fan-out of kind `teamcard` per week (period `2026-W50`), one recipient per channel (its Teams team id): the
 * engine's claim makes it exactly once per channel per week, whoever runs it, how often, in how many instances, or
 * killed and rerun. A channel whose reference is gone or inactive (Teams answered 403/404: the bot was removed, or
 * the app was uninstalled) is marked inactive on its `TeamCards` row and gets nothing until it is switched on again.
 */
export function createTeamCardsJob(deps: JobDeps): Job {
  return { name: 'teamcards', run: (context) => runTeamCards(deps, context) };
}

async function runTeamCards(deps: JobDeps, context: JobContext): Promise<JobSummary> {
  const { config, logger, repos } = deps;
  const startedMs = Date.now();
  const week = weekBefore(context.at);
  const counts: Counts = { channels: 0, demo: 0, inactive: 0, unknownTeam: 0, hidden: 0, queued: 0, markedInactive: 0 };
  const summary = (runs: SendRun[], skippedBecause?: string): JobSummary => ({
    job: 'teamcards',
    at: context.at.toISOString(),
    dryRun: context.dryRun,
    runs,
    counts,
    ...(skippedBecause === undefined ? {} : { skippedBecause }),
    durationMs: Date.now() - startedMs,
  });
  const channels = (await repos.teamCards.list(config.org.id)).filter((c) => c.enabled && c.inactiveSince === undefined);
  counts.channels = channels.length;
  if (channels.length === 0) return summary([], TEAM_CARD_SKIPS.noChannels);
  const { campaigns } = await repos.campaigns.listReadable(config.org.id);
  const campaign = campaignOfWeek(campaigns, week);
  if (campaign === undefined) return summary([], TEAM_CARD_SKIPS.noCampaign);

  const world = await readWorld(deps, campaign.campaignId, context.at);
  // Demo teams are never messaged (their channel row exists only to show the setting locally).
  const real = channels.filter((c) => world.teams.get(c.orgTeamId)?.demo !== true);
  counts.demo = channels.length - real.length;
  const reachable = await reachableChannels(deps, real, counts, context);
  const recipients: FanOutRecipient[] = [];
  for (const channel of reachable) {
    const team = world.teams.get(channel.orgTeamId);
    if (team === undefined) {
      counts.unknownTeam++;
      continue;
    }
    const content = await teamContent(deps, { week, campaignName: campaign.name, campaignDays: campaignDaysOf(campaign) }, team, world);
    if (!content.figures.visible) counts.hidden++;
    counts.queued++;
    recipients.push({
      recipientId: channel.teamsTeamId,
      owner: { kind: 'team', teamId: channel.teamsTeamId },
      scope: 'teamcard',
      build: () => ({ type: 'message', attachments: [buildTeamCard(content, DEFAULT_LANGUAGE)] }),
    });
  }
  if (recipients.length === 0) return summary([], TEAM_CARD_SKIPS.noChannels);
  const record = await deps.fanOut({ kind: 'teamcard', period: week.period, recipients }, { dryRun: context.dryRun });
  // The engine marks a reference inactive on 403/404: the channel's row follows, so it is not tried every week.
  if (!context.dryRun && record.failed > 0) await reachableChannels(deps, reachable, counts, context);
  logger.info('teamcards: run finished', { week: week.period, dryRun: context.dryRun, ...counts, sent: record.sent, failed: record.failed, skipped: record.skipped });
  return summary([record]);
}

/** The channels whose card reference (and the team's install) is still active; the others are marked inactive. */
async function reachableChannels({ repos }: JobDeps, channels: readonly TeamCardChannel[], counts: Counts, context: JobContext): Promise<TeamCardChannel[]> {
  const out: TeamCardChannel[] = [];
  for (const channel of channels) {
    const owner = { kind: 'team', teamId: channel.teamsTeamId } as const;
    const [card, install] = await Promise.all([repos.conversationRefs.get(owner, 'teamcard'), repos.conversationRefs.get(owner, 'channel')]);
    if (card?.active === true && install?.active !== false) {
      out.push(channel);
      continue;
    }
    counts.inactive++;
    if (!context.dryRun) {
      await repos.teamCards.markInactive(channel, context.at.toISOString());
      counts.markedInactive++;
    }
  }
  return out;
}

interface World {
  readonly teams: ReadonlyMap<string, OrgTeam>;
  readonly disclosed: ReadonlyMap<string, readonly DailyAggregate[]>;
  readonly barriers: readonly Barrier[];
  readonly actions: ReadonlyMap<string, Action>;
  /** "Herken ik" counts per barrier (barriers nobody recognises are absent). */
  readonly recognitions: ReadonlyMap<string, number>;
}

async function readWorld({ config, repos }: JobDeps, campaignId: string, at: Date): Promise<World> {
  const orgId = config.org.id;
  const [teams, aggregates, barriers, actions, recognitions] = await Promise.all([
    repos.orgTeams.list(orgId),
    repos.dailyAggregates.listCampaign(campaignId),
    repos.barriers.list(orgId),
    repos.actions.list(orgId),
    repos.recognitions.counts(orgId),
  ]);
  return {
    teams: new Map(teams.map((team) => [team.teamId, team])),
    disclosed: discloseCells(aggregates, todayIn(at), config.minGroupSize).byTeam,
    barriers,
    actions: new Map(actions.map((s) => [s.action.actionId, s.action])),
    recognitions,
  };
}

/** One team's card: its week's figures, open barriers and their actions, all behind the minimum group size. */
async function teamContent(
  { config, repos }: JobDeps,
  report: { week: IsoWeek; campaignName: TeamCardContent['campaignName']; campaignDays: readonly string[] },
  team: OrgTeam,
  world: World,
): Promise<TeamCardContent> {
  const { week } = report;
  const members = await repos.participants.listTeamMembers(team.teamId);
  const input = {
    aggregates: world.disclosed.get(team.teamId) ?? [],
    weekDays: week.days,
    previousWeekDays: isoWeekOf(addCalendarDays(week.monday, -7)).days,
    campaignDays: report.campaignDays,
    activeMembers: members.filter((m) => m.status === 'active').length,
  };
  const f = weekFigures(input);
  const end = week.to.toISOString();
  const recognitionsOf = (b: Barrier): number => world.recognitions.get(b.barrierId) ?? 0;
  const open = world.barriers
    .filter((b) => b.teamId === team.teamId && (b.status === 'nieuw' || b.status === 'gekoppeld') && b.createdAt < end)
    .sort((a, b) => recognitionsOf(b) - recognitionsOf(a) || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .slice(0, TEAM_CARD_TOP_BARRIERS);
  const actionIds = [...new Set(open.flatMap((b) => (b.actionId === undefined ? [] : [b.actionId])))];
  const figures: TeamCardFigures = {
    participation: f.participation,
    wasteFree: f.wasteFree,
    co2: f.co2,
    barriers: open.map((b) => ({ theme: b.theme, text: b.text, recognitions: recognitionsOf(b) })),
    actions: actionIds.flatMap((id) => {
      const a = world.actions.get(id);
      return a === undefined || a.demo ? [] : [{ title: a.title, status: a.status }];
    }),
  };
  return {
    teamName: team.name,
    campaignName: report.campaignName,
    week,
    figures: gate(figures, groupSizeOf(input), config.minGroupSize),
    teamTabUrl: teamDashboardLink(config.jobs.teamsAppId, team.teamId),
  };
}
