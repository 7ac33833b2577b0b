import type { Attachment } from 'botbuilder';
import { challengeById, type DayChallenge } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignDaysOf, dayState, type DayState } from '@soestainable/shared/domain/campaignDay';
import { isJoined } from '@soestainable/shared/domain/organisation';
import type { SendRun } from '@soestainable/shared/domain/sending';
import type { IsoDate, Language } from '@soestainable/shared/domain/types';
import type { ImpactBaseline } from '@soestainable/shared/impact';
import { t } from '@soestainable/shared/text';
import type { FanOutRecipient } from '../../proactive/fanOut';
import type { NudgeSlotEntry } from '../../storage/repositories/participants';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';
import { noWeather, weatherLine, type WeatherSource } from '../weather/weather';
import { MINUTES_PER_DAY, minuteOf, readNudgeSlots, slotClock } from './slots';
import type { EndCardSender } from './endCards';
import { nudgeTexts } from './texts';

/** Skip reasons (stored as claim codes) and "why nothing was done" codes of the nudge job. */
export const NUDGE_SKIPS = {
  paused: 'paused',
  left: 'left',
  badNudgeTime: 'bad_nudge_time',
  badProfile: 'bad_profile',
  alreadyCheckedIn: 'already_checked_in',
} as const;

/** Recipients whose profile is checked at once, ahead of the fan-out's workers. */
const CHECK_CONCURRENCY = 16;
/**
 * From this many candidates on, a nudge run reads every personal conversation reference in pages of 1,000 first
 * (`prefetchReferences`) instead of one point read per recipient. Below it the point reads are cheaper: the
 * scheduler's tick runs every minute for a slot of a few people, and the pages would read everyone's reference
 * each minute.
 */
export const NUDGE_PREFETCH_FROM = 100;

/** What a nudge's card is built from: the day's challenge for one recipient, in their language. */
export interface NudgeCardInput {
  readonly lang: Language;
  readonly campaign: Campaign;
  /** The challenge day the card is for. */
  readonly date: IsoDate;
  readonly challenge: DayChallenge;
  /** The recipient's baseline survey, when there is one (it pre-fills the card). */
  readonly baseline?: ImpactBaseline;
  /** The day's weather line, already in `lang`. */
  readonly weather?: string;
}

/**
 * The card a nudge carries: the check-in feature's daily card (`buildDailyCard`, features/checkin/cards.ts), whose
 * submit the bot handles. The composition root passes it in, since jobs never import a feature.
 */
export type NudgeCard = (input: NudgeCardInput) => Attachment;

export interface NudgesJobDeps extends JobDeps {
  readonly nudgeCard: NudgeCard;
  /** The optional weather line (default: none). */
  readonly weather?: WeatherSource;
  /** The end cards that follow the nudge on a campaign's last challenge day (endCards.ts; default: none). */
  readonly endCards?: EndCardSender;
}

/** Why a whole day gets no nudges, as `skippedBecause` says it. */
export function dayStateSkip(state: DayState): string | undefined {
  switch (state.kind) {
    case 'day':
      return undefined;
    case 'holiday':
      return `holiday:${state.holiday.id}`;
    case 'weekend':
      return 'weekend';
    case 'closingDay':
      return 'closing_day';
    case 'noChallenge':
      return 'no_challenge_day';
    case 'before':
    case 'after':
      return 'outside_campaign';
    case 'noCampaign':
      return 'no_active_campaign';
  }
}

const NO_WORKING_DAYS = 'campaign_has_no_working_days';

/** What the nudge job does on a day, decided from the campaigns alone. */
export type NudgeDayPlan =
  | { readonly kind: 'skip'; readonly reason: string; readonly date: IsoDate; readonly campaignId?: string }
  | { readonly kind: 'due'; readonly date: IsoDate; readonly nowMinute: number; readonly campaign: Campaign; readonly challengeId: string };

/**
 * Whether nudges go out at instant `at` (pure): the local date and minute in Europe/Amsterdam (DST included),
 * before the cut-off (a minute of the day), not on 4 May evening, on a challenge day of the running campaign.
 */
export function planNudgeDay(campaigns: readonly Campaign[], at: Date, cutoffMinute: number): NudgeDayPlan {
  const clock = slotClock(at, cutoffMinute);
  if ('skip' in clock) return { kind: 'skip', reason: clock.skip, date: clock.date };
  const { date, nowMinute } = clock;
  const state = dayState(campaigns, date);
  if (state.kind !== 'day' && state.kind !== 'noCampaign' && state.kind !== 'before' && state.kind !== 'after' && campaignDaysOf(state.campaign).length === 0) {
    return { kind: 'skip', reason: NO_WORKING_DAYS, date, campaignId: state.campaign.campaignId };
  }
  if (state.kind !== 'day') return { kind: 'skip', reason: dayStateSkip(state) ?? 'no_challenge_day', date };
  return { kind: 'due', date, nowMinute, campaign: state.campaign, challengeId: state.challengeId };
}


/**
 * The daily nudge: at `at`, every active participant of the organisation whose nudge time has come (nudge time
 * ≤ local time < NUDGE_CUTOFF) gets the day's challenge card (the check-in feature's daily card, {@link NudgeCard}), once per
 * local day: the claim period is the local date (`nudge|2026-12-07`), so a second run, a second trigger or a
 * second instance finds the claim taken.
 *
 * Nothing is claimed on a day without a challenge (weekend, Cao holiday, closing day, outside the campaign, a
 * campaign with no working days): the summary says why. Paused and left participants, a profile that no longer
 * parses or holds an impossible nudge time, and someone who already checked in today are claimed as skipped with
 * that reason, so each is counted once a day; the engine skips missing and inactive conversations.
 *
 * Reads: the organisation's campaigns (cached partition), then the `NudgeSlots` partitions of the minutes that
 * are due, never the participants table. The job remembers (per process, per local date) the last minute whose
 * slot it finished, so the scheduler's tick reads one partition a minute; a process that starts late, the CLI and
 * the HTTP trigger read every minute from midnight once, which is bounded (at most 720 small partitions before a
 * 12:00 cut-off). Someone who moves their nudge time to a minute already done today is nudged tomorrow.
 */
export function createNudgesJob(deps: NudgesJobDeps): Job {
  const cutoff = minuteOf(deps.config.jobs.nudgeCutoff) ?? 12 * 60;
  const memory: NudgeMemory = { done: undefined, warnedEmpty: new Set(), warnedUnreadable: new Set() };
  return { name: 'nudges', run: (context) => runNudges(deps, memory, cutoff, context) };
}

/** What the job remembers between runs, per process. */
interface NudgeMemory {
  /** The last slot minute finished, for the local date it belongs to. */
  done: { date: IsoDate; minute: number } | undefined;
  /** `campaignId|date` already logged as a campaign without working days. */
  readonly warnedEmpty: Set<string>;
  /** Campaign ids already logged as unreadable (the job runs every minute: log each once per process). */
  readonly warnedUnreadable: Set<string>;
}

/** A due day, as the recipients' cards need it. */
interface NudgeDay {
  readonly campaign: Campaign;
  readonly date: IsoDate;
  readonly challenge: DayChallenge;
  readonly nowMinute: number;
  readonly weather: Partial<Record<Language, string>>;
}

async function runNudges(deps: NudgesJobDeps, memory: NudgeMemory, cutoff: number, context: JobContext): Promise<JobSummary> {
  const started = Date.now();
  const summary = (fields: { runs?: SendRun[]; counts?: Record<string, number>; skippedBecause?: string }): JobSummary => ({
    job: 'nudges',
    at: context.at.toISOString(),
    dryRun: context.dryRun,
    runs: fields.runs ?? [],
    counts: fields.counts ?? {},
    ...(fields.skippedBecause === undefined ? {} : { skippedBecause: fields.skippedBecause }),
    durationMs: Date.now() - started,
  });

  const plan = await decideDay(deps, memory, context.at, cutoff);
  if (plan.kind === 'skip') return summary({ skippedBecause: plan.reason });
  const { date, nowMinute } = plan;
  // A dry run looks at the whole morning and remembers nothing; a real run continues after the last slot done.
  const from = !context.dryRun && memory.done?.date === date ? memory.done.minute + 1 : 0;
  if (from > nowMinute) return summary({ skippedBecause: 'nothing_due' });
  const { entries, slots } = await readNudgeSlots(deps.repos.participants, from, nowMinute);
  const candidates = entries.filter((e) => e.orgId === deps.config.org.id && !e.demo);
  const counts: Record<string, number> = { slots, indexed: entries.length, demo: entries.filter((e) => e.demo).length };
  const runs: SendRun[] = [];
  if (candidates.length > 0) {
    const record = await sendNudges(deps, context, plan, candidates);
    runs.push(record);
    if (context.dryRun) counts['wouldSend'] = record.queued - record.skipped - record.failed;
    const end = await deps.endCards?.(context, { campaign: plan.campaign, date, nowMinute, entries: candidates });
    if (end) runs.push(end);
  }
  if (!context.dryRun) memory.done = { date, minute: Math.min(nowMinute, MINUTES_PER_DAY - 1) };
  return summary({ runs, counts, ...(candidates.length === 0 ? { skippedBecause: 'nobody_due' } : {}) });
}

/** The day's plan from the readable campaigns; unreadable campaigns and an empty campaign are logged once. */
async function decideDay({ config, logger, repos }: NudgesJobDeps, memory: NudgeMemory, at: Date, cutoff: number): Promise<NudgeDayPlan> {
  // A campaign row that does not parse is left out (logged by id); the others still decide the day.
  const { campaigns, unreadable } = await repos.campaigns.listReadable(config.org.id);
  for (const campaignId of unreadable) {
    if (memory.warnedUnreadable.has(campaignId)) continue;
    memory.warnedUnreadable.add(campaignId);
    logger.warn('nudges: a campaign does not parse; skipped', { campaignId, reason: 'campaign_unreadable' });
  }
  const plan = planNudgeDay(campaigns, at, cutoff);
  if (plan.kind === 'skip' && plan.reason === NO_WORKING_DAYS && plan.campaignId !== undefined && !memory.warnedEmpty.has(`${plan.campaignId}|${plan.date}`)) {
    memory.warnedEmpty.add(`${plan.campaignId}|${plan.date}`);
    logger.warn('nudges: the running campaign has no working days', { campaignId: plan.campaignId, date: plan.date });
  }
  return plan;
}

/** One fan-out of the day's card to the candidates whose nudge time has come. */
async function sendNudges(
  deps: NudgesJobDeps,
  context: JobContext,
  plan: Extract<NudgeDayPlan, { kind: 'due' }>,
  candidates: readonly NudgeSlotEntry[],
): Promise<SendRun> {
  const { date, nowMinute, campaign } = plan;
  const challenge = await loadChallenge(deps, plan.challengeId);
  const kind = await (deps.weather ?? noWeather).forDay(date);
  const lines: Partial<Record<Language, string>> = {};
  for (const lang of ['nl', 'en'] as const) {
    const line = weatherLine(kind, lang);
    if (line !== undefined) lines[lang] = line;
  }
  const day: NudgeDay = { campaign, date, challenge, nowMinute, weather: lines };
  return deps.fanOut(
    {
      kind: 'nudge',
      period: date,
      recipients: recipients(deps, candidates, day),
      ...(candidates.length >= NUDGE_PREFETCH_FROM ? { prefetchReferences: ['personal'] as const } : {}),
    },
    {
      dryRun: context.dryRun,
      // Recipients finished by this run (a dry run reports those it looked at; a send left uncertain by a timeout
      // is not counted).
      ...(context.onProgress
        ? { onProgress: (r: SendRun) => context.onProgress?.({ done: context.dryRun ? r.queued : r.sent + r.failed + r.skipped, total: candidates.length }) }
        : {}),
    },
  );
}


async function loadChallenge({ config, repos }: NudgesJobDeps, challengeId: string): Promise<DayChallenge> {
  const challenge = (await repos.challenges.get(config.org.id, challengeId)) ?? challengeById(challengeId);
  if (!challenge) throw new Error(`challenge ${challengeId} is in neither the organisation's nor the built-in catalogue`);
  return challenge;
}

/** Builds the day's card for the entry's user in `lang`, pre-filled with their baseline (read when it is sent). */
function cardBuilder({ repos, nudgeCard }: NudgesJobDeps, entry: NudgeSlotEntry, day: NudgeDay) {
  return (lang: Language) => async () => {
    const baseline = await repos.surveys.get(entry.userId, day.campaign.campaignId, 'baseline');
    const line = day.weather[lang];
    const card = nudgeCard({
      lang,
      campaign: day.campaign,
      date: day.date,
      challenge: day.challenge,
      ...(baseline ? { baseline } : {}),
      ...(line === undefined ? {} : { weather: line }),
    });
    return { type: 'message', summary: t(nudgeTexts.summary, lang), attachments: [card] };
  };
}

/**
 * What to do with one slot entry: `undefined` = not now (profile gone, another organisation, or the nudge time
 * moved later than now); otherwise a recipient, with a skip reason when it must be claimed but not sent.
 */
async function recipientFor(deps: NudgesJobDeps, entry: NudgeSlotEntry, day: NudgeDay): Promise<FanOutRecipient | undefined> {
  const { logger, repos } = deps;
  const build = cardBuilder(deps, entry, day);
  const skipped = (skipReason: string): FanOutRecipient => ({ recipientId: entry.userId, skipReason, build: build(entry.language) });

  const read = await repos.participants.getForNudge(entry.userId);
  if (read === undefined) return undefined;
  if ('invalid' in read) {
    // Logged by reason only: the user id is personal data.
    if (read.invalid === 'nudge_time') {
      logger.warn('nudges: a participant has an impossible nudge time; skipped', { date: day.date, reason: NUDGE_SKIPS.badNudgeTime });
      return skipped(NUDGE_SKIPS.badNudgeTime);
    }
    logger.warn('nudges: a participant profile does not parse; skipped', { date: day.date, reason: NUDGE_SKIPS.badProfile, code: 'STORAGE_DATA_INVALID' });
    return skipped(NUDGE_SKIPS.badProfile);
  }
  const profile = read.participant;
  if (profile.orgId !== deps.config.org.id) return undefined;
  // A parsed profile's nudge time is a possible HH:mm (the repository checks it).
  const minute = minuteOf(profile.nudgeTime) ?? MINUTES_PER_DAY;
  if (profile.status === 'paused') return skipped(NUDGE_SKIPS.paused);
  if (!isJoined(profile)) return skipped(NUDGE_SKIPS.left);
  // The index is a hint: a profile whose time moved later than now is nudged at its new slot.
  if (minute > day.nowMinute) return undefined;
  if (await repos.checkIns.get(entry.userId, day.campaign.campaignId, day.date)) return skipped(NUDGE_SKIPS.alreadyCheckedIn);
  return { recipientId: entry.userId, build: build(profile.language) };
}

/** Checks the entries a few at a time, ahead of the engine's workers, and yields the recipients in order. */
async function* recipients(deps: NudgesJobDeps, entries: readonly NudgeSlotEntry[], day: NudgeDay): AsyncGenerator<FanOutRecipient> {
  for (let i = 0; i < entries.length; i += CHECK_CONCURRENCY) {
    const checked = await Promise.all(entries.slice(i, i + CHECK_CONCURRENCY).map((e) => recipientFor(deps, e, day)));
    for (const r of checked) if (r !== undefined) yield r;
  }
}
