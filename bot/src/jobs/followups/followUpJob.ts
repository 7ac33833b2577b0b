import type { Attachment } from 'botbuilder';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { followUpPeriod, type FollowUpWave } from '@soestainable/shared/domain/followUp';
import { isJoined } from '@soestainable/shared/domain/organisation';
import type { SendRun } from '@soestainable/shared/domain/sending';
import type { IsoDate, Language, Localized } from '@soestainable/shared/domain/types';
import type { FanOutRecipient } from '../../proactive/fanOut';
import { pulseItems, wavesSentOn, type ChallengeSource, type PulseItem } from '../../services/lasting/followUps';
import type { Repositories } from '../../storage/repositories';
import type { NudgeSlotEntry } from '../../storage/repositories/participants';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';
import { NUDGE_PREFETCH_FROM } from '../nudges';
import { MINUTES_PER_DAY, minuteOf, readNudgeSlots, slotClock } from '../nudges/slots';

/**
 * The follow-up pulse card (features/followUp), built by the caller: jobs never import a feature, so the composition
 * root passes it in, as it does the nudge and end cards.
 */
export type PulseCard = (input: { lang: Language; campaign: Campaign; wave: FollowUpWave; items: readonly PulseItem[] }) => Attachment;

export interface FollowUpsJobDeps extends JobDeps {
  /** Without it (older callers) the job sends nothing: `skippedBecause: no_pulse_card`. */
  readonly pulseCard?: PulseCard;
}

/** Skip reasons (claim codes) of a pulse. */
export const FOLLOW_UP_SKIPS = { paused: 'paused', left: 'left', badProfile: 'bad_profile', answered: 'already_answered' } as const;

/** Slot entries checked at once (pledge, profile, answers), ahead of the fan-out's workers, as the nudge job does. */
const CHECK_CONCURRENCY = 16;

/** What a pulse's message is called in a notification. */
const PULSE_SUMMARY: Localized = { nl: 'Terugblik: doe je het nog?', en: 'Follow-up: still doing it?' };

/** One campaign's wave going out in this run. */
interface WaveRun {
  readonly campaign: Campaign;
  readonly wave: FollowUpWave;
  readonly nowMinute: number;
  readonly card: PulseCard;
  /** The organisation's own challenges, read once per run (a pulse item names a coordinator's challenge by its title). */
  readonly challenges: ChallengeSource;
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

  /** One slot entry as a recipient of the wave: `undefined` = not now, or nothing to ask (no pledge). */
  async function recipientFor(entry: NudgeSlotEntry, run: WaveRun): Promise<FanOutRecipient | undefined> {
    const { campaignId } = run.campaign;
    // The three point reads at once: a wave's recipients nearly all have a pledge (the slot index holds everyone),
    // and one round trip instead of three keeps the checks ahead of SEND_RATE (bench:fanout, case C).
    const [pledge, read, answered] = await Promise.all([
      repos.pledges.get(entry.userId, campaignId),
      repos.participants.getForNudge(entry.userId),
      repos.followUpAnswers.get(entry.userId, campaignId, run.wave.wave),
    ]);
    if (!pledge) return undefined;
    const build = (lang: Language) => async () => {
      const items = await pulseItems(run.challenges, pledge, orgId);
      return { type: 'message', summary: PULSE_SUMMARY[lang], attachments: [run.card({ lang, campaign: run.campaign, wave: run.wave, items })] };
    };
    const skipped = (skipReason: string): FanOutRecipient => ({ recipientId: entry.userId, skipReason, build: build(entry.language) });
    if (read === undefined) return undefined;
    if ('invalid' in read) return skipped(FOLLOW_UP_SKIPS.badProfile);
    const profile = read.participant;
    if (profile.orgId !== orgId) return undefined;
    // As for the nudge: a profile whose time moved later than now gets its pulse at its new slot.
    if ((minuteOf(profile.nudgeTime) ?? MINUTES_PER_DAY) > run.nowMinute) return undefined;
    if (profile.status === 'paused') return skipped(FOLLOW_UP_SKIPS.paused);
    if (!isJoined(profile)) return skipped(FOLLOW_UP_SKIPS.left);
    if (answered) return skipped(FOLLOW_UP_SKIPS.answered);
    return { recipientId: entry.userId, build: build(profile.language) };
  }

  /** Checks the entries a few at a time, ahead of the engine's workers, and yields the recipients in order. */
  async function* recipients(entries: readonly NudgeSlotEntry[], run: WaveRun): AsyncGenerator<FanOutRecipient> {
    for (let i = 0; i < entries.length; i += CHECK_CONCURRENCY) {
      const checked = await Promise.all(entries.slice(i, i + CHECK_CONCURRENCY).map((e) => recipientFor(e, run)));
      for (const r of checked) if (r !== undefined) yield r;
    }
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
      const waveRun: WaveRun = { campaign, wave, nowMinute, card: pulseCard, challenges: challengesOnce(repos) };
      // From a morning peak on, the references are read in pages first, as for the nudge (one point read each below it).
      const prefetch = entries.length >= NUDGE_PREFETCH_FROM ? { prefetchReferences: ['personal'] as const } : {};
      runs.push(await deps.fanOut({ kind: 'followup', period, recipients: recipients(entries, waveRun), ...prefetch }, { dryRun: context.dryRun }));
    }
    if (!context.dryRun) done = { date, minute: Math.min(nowMinute, MINUTES_PER_DAY - 1) };
    return summary({ runs, counts: { waves: due.length, indexed: entries.length }, ...(entries.length === 0 ? { skippedBecause: 'nobody_due' } : {}) });
  }

  return { name: 'followups', run };
}
