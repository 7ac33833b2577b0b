import { challengeById } from '@soestainable/shared/catalogue';
import { todayIn } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { FollowUpAnswers, FollowUpWave } from '@soestainable/shared/domain/followUp';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { DEFAULT_LANGUAGE, type Theme } from '@soestainable/shared/domain/types';
import { gate } from '@soestainable/shared/privacy';
import type { FanOutRecipient } from '../../proactive/fanOut';
import type { JobContext, JobDeps } from '../job';
import { teamDashboardLink } from './card';
import { DIGEST_SKIPS, skippedTeam } from './skips';
import { buildWaveDigestCard, type PreviousWave, type WaveDigestContent } from './waveCard';
import { barriersFiled, dueWaveDigests, waveDigestPeriod, waveRetention, type DueWaveDigest } from './waves';

/** What the wave digests of one run did: one fan-out per due wave, and counts. */
export interface WaveDigestsResult {
  readonly runs: readonly SendRun[];
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * The manager digest per follow-up wave (issue 15, item 5). After a campaign's last challenge day the weekly digest
 * has nothing to report on (no challenge week overlaps it) and this takes over: for every wave whose digest is due
 * (see `waveDigestWindow`: the first digests run 7–13 days after the pulse went out), each team's managers get one
 * card with the team's retention (ja / soms / nee over the pledges, against the wave before) and the barriers the
 * wave's answers filed, counted per theme. Claims: kind `digest`, period `wave|<campaignId>|w<wave>`, one per
 * (team, manager), so a repeated or late run sends nothing twice. A team whose respondents to the wave are under the
 * minimum group size gets a card that says so, without any figure.
 */
export async function runWaveDigests(deps: JobDeps, campaigns: readonly Campaign[], context: JobContext): Promise<WaveDigestsResult> {
  const due = dueWaveDigests(campaigns, todayIn(context.at));
  if (due.length === 0) return { runs: [], counts: {} };
  const { config, repos, logger } = deps;
  const [teams, themeOf] = await Promise.all([repos.orgTeams.list(config.org.id), themeLookup(deps)]);
  const counts: WaveCounts = { waveDigests: due.length, waveTeams: 0, waveTeamsHidden: 0, waveRecipients: 0 };
  const runs: SendRun[] = [];
  for (const report of due) {
    const recipients = await waveRecipients(deps, report, teams, themeOf, counts);
    if (recipients.length === 0) continue;
    const period = waveDigestPeriod(report.campaign.campaignId, report.wave.wave);
    const record = await deps.fanOut({ kind: 'digest', period, recipients, prefetchReferences: ['personal'] }, { dryRun: context.dryRun });
    const { campaignId } = report.campaign;
    const outcome = { sent: record.sent, skipped: record.skipped, failed: record.failed, uncertain: record.uncertain };
    logger.info('digests: wave digest finished', { campaignId, wave: report.wave.wave, dryRun: context.dryRun, ...outcome });
    runs.push(record);
  }
  return { runs, counts };
}

type WaveCounts = Record<'waveDigests' | 'waveTeams' | 'waveTeamsHidden' | 'waveRecipients', number>;

/** Every team's recipients of one wave's digest: one per manager, or the team claimed as skipped (demo, no managers). */
async function waveRecipients(
  deps: JobDeps,
  report: DueWaveDigest,
  teams: readonly OrgTeam[],
  themeOf: (id: string) => Theme,
  counts: WaveCounts,
): Promise<FanOutRecipient[]> {
  const recipients: FanOutRecipient[] = [];
  for (const team of teams) {
    counts.waveTeams++;
    if (team.demo || team.managerIds.length === 0) {
      recipients.push(skippedTeam(team, team.demo ? DIGEST_SKIPS.demo : DIGEST_SKIPS.noManagers));
      continue;
    }
    const content = await teamWaveDigest(deps, report, team, themeOf);
    if (!content.figures.visible) counts.waveTeamsHidden++;
    for (const managerId of new Set(team.managerIds)) {
      counts.waveRecipients++;
      recipients.push(managerRecipient(deps, team, managerId, content));
    }
  }
  return recipients;
}

/** The team's answers to one wave: of everyone in the team's member index (whatever their status now). */
async function teamAnswers(deps: JobDeps, userIds: readonly string[], campaignId: string, wave: FollowUpWave | undefined): Promise<FollowUpAnswers[]> {
  if (wave === undefined) return [];
  const rows = await Promise.all(userIds.map((userId) => deps.repos.followUpAnswers.get(userId, campaignId, wave.wave)));
  return rows.filter((r): r is FollowUpAnswers => r !== undefined);
}

/** One team's digest of one wave: gated by the wave's respondents; the wave before shown only when it passes too. */
async function teamWaveDigest(deps: JobDeps, report: DueWaveDigest, team: OrgTeam, themeOf: (id: string) => Theme): Promise<WaveDigestContent> {
  const { config, repos } = deps;
  const { campaign, wave, previous } = report;
  const userIds = (await repos.participants.listTeamMembers(team.teamId)).map((m) => m.userId);
  const [now, before] = await Promise.all([
    teamAnswers(deps, userIds, campaign.campaignId, wave),
    teamAnswers(deps, userIds, campaign.campaignId, previous),
  ]);
  const retention = waveRetention(now);
  const beforeRetention = waveRetention(before);
  const comparison: PreviousWave =
    previous === undefined
      ? { kind: 'none' }
      : beforeRetention.respondents >= config.minGroupSize
        ? { kind: 'shown', weeks: previous.weeks, retention: beforeRetention }
        : { kind: 'hidden' };
  return {
    teamName: team.name,
    campaignName: campaign.name,
    wave: wave.wave,
    waves: report.waves,
    weeks: wave.weeks,
    sentOn: wave.sendOn,
    figures: gate({ retention, previous: comparison, barriers: barriersFiled(now, themeOf) }, retention.respondents, config.minGroupSize),
    dashboardUrl: teamDashboardLink(config.jobs.teamsAppId, team.teamId),
  };
}

/**
 * A challenge's theme: the organisation's own challenge, else the catalogue's; an unknown id (a challenge removed
 * since) counts as `circulariteit`, as the pulse card files it (services/lasting/followUps.ts `pulseItems`).
 */
async function themeLookup({ config, repos }: JobDeps): Promise<(challengeId: string) => Theme> {
  const own = await repos.challenges.list(config.org.id);
  return (id) => (own.find((c) => c.id === id) ?? challengeById(id))?.theme ?? 'circulariteit';
}

/** A manager's wave digest, built in their language when the engine sends it. */
function managerRecipient({ repos }: JobDeps, team: OrgTeam, managerId: string, content: WaveDigestContent): FanOutRecipient {
  return {
    recipientId: `${team.teamId}|${managerId}`,
    owner: { kind: 'user', userId: managerId },
    scope: 'personal',
    build: async () => {
      const lang = (await repos.participants.languageOf(managerId)) ?? DEFAULT_LANGUAGE;
      return { type: 'message', attachments: [buildWaveDigestCard(content, lang)] };
    },
  };
}
