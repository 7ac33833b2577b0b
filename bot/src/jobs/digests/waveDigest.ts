import { challengeById } from '@soestainable/shared/catalogue';
import { todayIn } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { KeptShares, LastingWave } from '@soestainable/shared/api/lasting';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { DEFAULT_LANGUAGE, type IsoDate, type Localized, type Theme } from '@soestainable/shared/domain/types';
import type { Gated } from '@soestainable/shared/privacy';
import type { FanOutRecipient } from '../../proactive/fanOut';
import { pledgeChoices, type PledgeChoice } from '../../services/lasting/endSurvey';
import { lastingFigures, type PersonRecord } from '../../services/lasting/figures';
import { teamLastingRecords } from '../../services/lasting/teamRecords';
import type { JobContext, JobDeps } from '../job';
import { teamDashboardLink } from './card';
import { DIGEST_SKIPS, skippedTeam } from './skips';
import { buildWaveDigestCard, type WaveDigestContent, type WaveDigestFigures } from './waveCard';
import { barriersFiled, dueWaveDigests, waveDigestPeriod, type DueWaveDigest } from './waves';

/** What the wave digests of one run did: one fan-out per due wave, and counts. */
export interface WaveDigestsResult {
  readonly runs: readonly SendRun[];
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * The manager digest per follow-up wave (issue 15, item 5). After a campaign's last challenge day the weekly digest
 * has nothing to report on (no challenge week overlaps it) and this takes over: for every wave whose digest is due
 * (see `waveDigestWindow`: the first digests run once the wave's answers are final), each team's managers get one
 * card with exactly the figures the tab shows for that team and wave (overall and per habit shown, against the wave
 * before) and the barriers the wave's answers about the habits shown filed, counted per theme. Claims: kind
 * `digest`, period `wavefinal|<campaignId>|w<wave>`, one per (team, manager), so a repeated or late run sends nothing
 * twice. A team whose overall cell the tab hides gets a card that says so, without any figure.
 */
export async function runWaveDigests(deps: JobDeps, campaigns: readonly Campaign[], context: JobContext): Promise<WaveDigestsResult> {
  const today = todayIn(context.at);
  const due = dueWaveDigests(campaigns, today);
  if (due.length === 0) return { runs: [], counts: {} };
  const { config, repos, logger } = deps;
  const [teams, themeOf] = await Promise.all([repos.orgTeams.list(config.org.id), themeLookup(deps)]);
  const counts: WaveCounts = { waveDigests: due.length, waveTeams: 0, waveTeamsHidden: 0, waveRecipients: 0 };
  const runs: SendRun[] = [];
  for (const report of due) {
    const lookups: WaveLookups = { themeOf, habits: await pledgeChoices(repos, report.campaign) };
    const recipients = await waveRecipients(deps, report, teams, lookups, today, counts);
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

/** What every team's digest of one wave looks up: the theme of a habit, and the campaign's habits as the tab names them. */
interface WaveLookups {
  readonly themeOf: (challengeId: string) => Theme;
  readonly habits: readonly PledgeChoice[];
}

/** Every team's recipients of one wave's digest: one per manager, or the team claimed as skipped (demo, no managers). */
async function waveRecipients(
  deps: JobDeps,
  report: DueWaveDigest,
  teams: readonly OrgTeam[],
  lookups: WaveLookups,
  today: IsoDate,
  counts: WaveCounts,
): Promise<FanOutRecipient[]> {
  const recipients: FanOutRecipient[] = [];
  for (const team of teams) {
    counts.waveTeams++;
    if (team.demo || team.managerIds.length === 0) {
      recipients.push(skippedTeam(team, team.demo ? DIGEST_SKIPS.demo : DIGEST_SKIPS.noManagers));
      continue;
    }
    const content = await teamWaveDigest(deps, report, team, lookups, today);
    if (!content.figures.visible) counts.waveTeamsHidden++;
    for (const managerId of new Set(team.managerIds)) {
      counts.waveRecipients++;
      recipients.push(managerRecipient(deps, team, managerId, content));
    }
  }
  return recipients;
}

/** A wave of the tab's figures whose overall cell is shown. */
function shownOverall(wave: LastingWave | undefined): KeptShares | undefined {
  return wave?.overall && !wave.overall.hidden ? wave.overall : undefined;
}

/**
 * One team's figures of one wave: the cells the tab shows for that team and wave (services/lasting/figures.ts over
 * the same people, services/lasting/teamRecords.ts), read once the wave is final. Hidden when the tab hides the
 * team's overall; the wave before is compared only when its overall shows too; barriers only from answers about
 * the habits shown.
 */
function teamWaveFigures(
  team: { readonly teamId: string; readonly people: readonly PersonRecord[] },
  report: DueWaveDigest,
  lookups: WaveLookups,
  today: IsoDate,
  minimum: number,
): Gated<WaveDigestFigures> {
  const { wave, previous } = report;
  const { people } = team;
  const teams = new Map([[team.teamId, people]]);
  const habits = lookups.habits.map((h) => h.challengeId);
  const figures = lastingFigures(teams, { waves: previous === undefined ? [wave] : [previous, wave], habits, endFinal: false, today, minimum });
  const now = figures.waves.at(-1);
  const overall = shownOverall(now);
  if (!overall) return { visible: false, reason: 'below_minimum_group_size', minimum };
  const shown = (now?.habits ?? []).flatMap((h) => (h.cell.hidden ? [] : [{ challengeId: h.challengeId, cell: h.cell }]));
  const shownIds = new Set(shown.map((h) => h.challengeId));
  const beforeOverall = previous === undefined ? undefined : shownOverall(figures.waves[0]);
  const answers = people.flatMap((p) => p.waves.filter((w) => w.wave === wave.wave));
  const phrase = (id: string): Localized => lookups.habits.find((x) => x.challengeId === id)?.phrase ?? { nl: id, en: id };
  return {
    visible: true,
    value: {
      overall,
      habits: shown.map((h) => ({ phrase: phrase(h.challengeId), cell: h.cell })),
      habitsHidden: answers.some((a) => a.answers.some((x) => !shownIds.has(x.challengeId))),
      previous:
        previous === undefined ? { kind: 'none' } : beforeOverall ? { kind: 'shown', weeks: previous.weeks, overall: beforeOverall } : { kind: 'hidden' },
      barriers: barriersFiled(answers, lookups.themeOf, shownIds),
    },
  };
}

/** One team's digest of one wave: its figures as the tab shows them (see {@link teamWaveFigures}). */
async function teamWaveDigest(deps: JobDeps, report: DueWaveDigest, team: OrgTeam, lookups: WaveLookups, today: IsoDate): Promise<WaveDigestContent> {
  const { config, repos } = deps;
  const { campaign, wave } = report;
  const people = await teamLastingRecords(repos, campaign.campaignId, team.teamId);
  return {
    teamName: team.name,
    campaignName: campaign.name,
    wave: wave.wave,
    waves: report.waves,
    weeks: wave.weeks,
    sentOn: wave.sendOn,
    figures: teamWaveFigures({ teamId: team.teamId, people }, report, lookups, today, config.minGroupSize),
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
