import { followUpPeriod } from '@soestainable/shared/domain/followUp';
import type { SendRun } from '@soestainable/shared/domain/sending';
import type { IsoDate } from '@soestainable/shared/domain/types';
import { wavesSentOn, type ChallengeSource } from '../../services/lasting/followUps';
import type { Repositories } from '../../storage/repositories';
import type { NudgeSlotEntry } from '../../storage/repositories/participants';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';
import { NUDGE_PREFETCH_FROM } from '../nudges';
import { MINUTES_PER_DAY, minuteOf, readNudgeSlots, slotClock } from '../nudges/slots';
import { FOLLOW_UP_READS, waveRecipients, type FollowUpReads, type PulseCard, type WaveRun } from './waveRecipients';

export interface FollowUpsJobDeps extends JobDeps {
  /** Without it (older callers) the job sends nothing: `skippedBecause: no_pulse_card`. */
  readonly pulseCard?: PulseCard;
  /** How a wave's people are read (default {@link FOLLOW_UP_READS}). */
  readonly reads?: FollowUpReads;
}

/** The organisation's challenges read once for a run: every pulse card of a wave names the same ones. */
function challengesOnce(repos: Repositories): ChallengeSource {
  let list: ReturnType<Repositories['challenges']['list']> | undefined;
  return { challenges: { list: (orgId) => (list ??= repos.challenges.list(orgId)) } };
}

/**
 * The follow-up pulses (issue 15): on the day a campaign's wave goes out (+2/+6/+12 weeks after its last challenge
 * day, moved to the next working day past holidays and closing days), every person with a pledge for that campaign
 * gets one pulse card at their own nudge time, read from the `NudgeSlots` index as the nudge job does (so the nudge
 * time, the cut-off, pause, leave and deletion rules are the nudge's). One fan-out of kind `followup` per campaign and
 * wave, claim period `<campaignId>|w<wave>`: exactly once per person per wave, however often the job runs, in how
 * many instances, or when a run is killed and repeated (the engine's guarantee).
 */
export function createFollowUpsJob(deps: FollowUpsJobDeps): Job {
  const { config, repos } = deps;
  const orgId = config.org.id;
  const cutoff = minuteOf(config.jobs.nudgeCutoff) ?? 12 * 60;
  /** The last slot minute finished, for the local date it belongs to (as the nudge job keeps it). */
  let done: { date: IsoDate; minute: number } | undefined;

  async function readSlots(from: number, to: number): Promise<NudgeSlotEntry[]> {
    const { entries } = await readNudgeSlots(repos.participants, from, to);
    return entries.filter((e) => e.orgId === orgId && !e.demo);
  }

  async function run(context: JobContext): Promise<JobSummary> {
    const started = Date.now();
    const summary = (fields: { runs?: SendRun[]; counts?: Record<string, number>; skippedBecause?: string }): JobSummary => ({
      job: 'followups',
      at: context.at.toISOString(),
      dryRun: context.dryRun,
      runs: fields.runs ?? [],
      counts: fields.counts ?? {},
      ...(fields.skippedBecause === undefined ? {} : { skippedBecause: fields.skippedBecause }),
      durationMs: Date.now() - started,
    });
    const pulseCard = deps.pulseCard;
    if (pulseCard === undefined) return summary({ skippedBecause: 'no_pulse_card' });
    const plan = slotClock(context.at, cutoff);
    if ('skip' in plan) return summary({ skippedBecause: plan.skip });
    const { date, nowMinute } = plan;
    const due = wavesSentOn((await repos.campaigns.listReadable(orgId)).campaigns, date);
    if (due.length === 0) return summary({ skippedBecause: 'no_wave_today' });
    const from = !context.dryRun && done?.date === date ? done.minute + 1 : 0;
    if (from > nowMinute) return summary({ skippedBecause: 'nothing_due' });
    const entries = await readSlots(from, nowMinute);
    const runs: SendRun[] = [];
    for (const { campaign, wave } of due) {
      if (entries.length === 0) break;
      const period = followUpPeriod(campaign.campaignId, wave.wave);
      const waveRun: WaveRun = { repos, orgId, campaign, wave, nowMinute, card: pulseCard, challenges: challengesOnce(repos), reads: deps.reads ?? FOLLOW_UP_READS };
      // From a morning peak on, the references are read in pages first, as for the nudge (one point read each below it).
      const prefetch = entries.length >= NUDGE_PREFETCH_FROM ? { prefetchReferences: ['personal'] as const } : {};
      runs.push(await deps.fanOut({ kind: 'followup', period, recipients: waveRecipients(waveRun, entries), ...prefetch }, { dryRun: context.dryRun }));
    }
    if (!context.dryRun) done = { date, minute: Math.min(nowMinute, MINUTES_PER_DAY - 1) };
    return summary({ runs, counts: { waves: due.length, indexed: entries.length }, ...(entries.length === 0 ? { skippedBecause: 'nobody_due' } : {}) });
  }

  return { name: 'followups', run };
}
