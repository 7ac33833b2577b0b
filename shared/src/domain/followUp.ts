import { z } from 'zod';
import { addCalendarDays } from '../calendar/isoDate';
import { workingDayOnOrAfter } from '../calendar/workingDays';
import type { Campaign } from './campaign';
import { campaignDaysOf } from './campaignDay';
import type { IsoDate } from './types';

/**
 * Lasting behaviour after the challenge (issue 15): the follow-up waves and what a pledge and a pulse answer may
 * hold. Two weeks start a habit, they do not make one (about 66 days on average, Lally et al. 2010), so the
 * product asks again at +2, +6 and +12 weeks after the last challenge day. Pure rules, shared by bot and tab.
 */

/** The default waves, in weeks after the campaign's last challenge day. */
export const DEFAULT_FOLLOW_UP_WEEKS: readonly number[] = [2, 6, 12];
/** At most this many waves, each at most a year after the challenge. */
export const MAX_FOLLOW_UP_WAVES = 4;
export const MAX_FOLLOW_UP_WEEKS = 52;
/** The last wave's answers count this long (the earlier ones until the next wave). */
export const LAST_WAVE_OPEN_WEEKS = 4;

/** A coordinator's wave setting: 1–4 whole numbers of weeks, rising, none before +1 or after +52 (see {@link followUpWeeksRule}). */
export const followUpWeeksSchema = z
  .array(z.number().int().min(1).max(MAX_FOLLOW_UP_WEEKS))
  .min(1)
  .max(MAX_FOLLOW_UP_WAVES)
  .refine((weeks) => weeks.every((w, i) => i === 0 || w > (weeks[i - 1] ?? 0)), { error: 'the waves must rise: each later than the one before' });

/** Why a wave setting is refused: the rule codes the admin API names (`details.issues[].rule`) and the tab translates. */
export const FOLLOW_UP_WEEKS_RULES = ['follow_up_not_numbers', 'follow_up_count', 'follow_up_range', 'follow_up_not_rising'] as const;
export type FollowUpWeeksRule = (typeof FOLLOW_UP_WEEKS_RULES)[number];

/**
 * The first rule `weeks` breaks, checked in this order: a list of whole numbers, 1–{@link MAX_FOLLOW_UP_WAVES} of
 * them, each from +1 to +{@link MAX_FOLLOW_UP_WEEKS}, each later than the one before; `undefined` when it is a valid
 * setting (then `followUpWeeksSchema` accepts it too).
 */
export function followUpWeeksRule(weeks: unknown): FollowUpWeeksRule | undefined {
  if (!Array.isArray(weeks) || !weeks.every((w) => typeof w === 'number' && Number.isInteger(w))) return 'follow_up_not_numbers';
  const list = weeks as number[];
  if (list.length < 1 || list.length > MAX_FOLLOW_UP_WAVES) return 'follow_up_count';
  if (list.some((w) => w < 1 || w > MAX_FOLLOW_UP_WEEKS)) return 'follow_up_range';
  if (list.some((w, i) => i > 0 && w <= (list[i - 1] ?? 0))) return 'follow_up_not_rising';
  return undefined;
}

/** The campaign's own wave setting, or the default +2/+6/+12 for a campaign without one. */
export function campaignFollowUpWeeks(campaign: Pick<Campaign, 'followUpWeeks'>): readonly number[] {
  return campaign.followUpWeeks ?? DEFAULT_FOLLOW_UP_WEEKS;
}

export interface FollowUpWave {
  /** 1-based: the first wave is wave 1. */
  readonly wave: number;
  readonly weeks: number;
  /** The day the pulse goes out: the first working day on or after last day + weeks (holidays and closing days move it). */
  readonly sendOn: IsoDate;
  /** Answers count from `sendOn` up to (not including) this day: the next wave's day, or LAST_WAVE_OPEN_WEEKS after the last. */
  readonly openUntil: IsoDate;
}

/** The waves of a campaign whose last challenge day is `lastDay`. */
export function followUpWaves(lastDay: IsoDate, weeks: readonly number[] = DEFAULT_FOLLOW_UP_WEEKS, closingDays: readonly IsoDate[] = []): FollowUpWave[] {
  const parsed = followUpWeeksSchema.parse(weeks);
  const sendDays = parsed.map((w) => workingDayOnOrAfter(addCalendarDays(lastDay, 7 * w), closingDays));
  return parsed.map((w, i) => {
    const sendOn = sendDays[i] ?? lastDay;
    return { wave: i + 1, weeks: w, sendOn, openUntil: sendDays[i + 1] ?? addCalendarDays(sendOn, 7 * LAST_WAVE_OPEN_WEEKS) };
  });
}

/** The wave whose answers count on `date`, if any (a late answer counts until the next wave goes out). */
export function waveOpenOn(waves: readonly FollowUpWave[], date: IsoDate): FollowUpWave | undefined {
  return waves.find((w) => w.sendOn <= date && date < w.openUntil);
}

/** The wave that goes out on `date`, if any. */
export function waveSentOn(waves: readonly FollowUpWave[], date: IsoDate): FollowUpWave | undefined {
  return waves.find((w) => w.sendOn === date);
}

/** A participant keeps 1–3 of the campaign's challenges as habits. */
export const MIN_PLEDGES = 1;
export const MAX_PLEDGES = 3;
/** Free texts on the end card and the pulse card ("what would help", "what holds you back"). */
export const MAX_FOLLOW_UP_TEXT = 500;

export const KEPT_ANSWERS = ['ja', 'soms', 'nee'] as const;
export type KeptAnswer = (typeof KEPT_ANSWERS)[number];

/** The pledge part of the end card, checked against the campaign's own challenges. */
export function pledgeSchema(campaignChallengeIds: readonly string[]) {
  return z.object({
    challengeIds: z
      .array(z.string().refine((id) => campaignChallengeIds.includes(id), { error: 'not a challenge of this campaign' }))
      .min(MIN_PLEDGES)
      .max(MAX_PLEDGES)
      .refine((ids) => new Set(ids).size === ids.length, { error: 'each habit once' }),
    help: z.string().trim().max(MAX_FOLLOW_UP_TEXT).optional(),
  });
}

/** One answer on a pulse card: per pledge "Doe je dit nog?" and, optionally, what holds the person back. */
export const keptAnswerSchema = z.object({
  challengeId: z.string().min(1),
  kept: z.enum(KEPT_ANSWERS),
  holdsBack: z.string().trim().max(MAX_FOLLOW_UP_TEXT).optional(),
});

/** A "nee" or "soms" with a text is a barrier (prikkel) of the pledge's theme; a "ja" never is. */
export function filesBarrier(answer: z.infer<typeof keptAnswerSchema>): boolean {
  return answer.kept !== 'ja' && (answer.holdsBack ?? '').trim().length > 0;
}

/** A participant's pledge (voornemens) for one campaign: 1–3 of its challenges to keep, and what would help. */
export interface Pledge {
  readonly userId: string;
  readonly campaignId: string;
  /** The kept challenges, in the order the person picked them (1–3, distinct). */
  readonly challengeIds: readonly string[];
  /** "Wat zou helpen", in the person's own words (≤ MAX_FOLLOW_UP_TEXT), when they wrote something. */
  readonly help?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The campaign's last challenge day (Cao holidays and its closing days skipped), if it has any. */
export function lastChallengeDay(campaign: Campaign): IsoDate | undefined {
  return campaignDaysOf(campaign).at(-1);
}

/**
 * When the end survey (eindmeting) can be answered and corrected: from the campaign's last challenge day up to (not
 * including) the day its first follow-up wave goes out (the campaign's own wave setting unless `weeks` is given). `undefined` for a campaign without challenge days.
 */
export function endSurveyWindow(campaign: Campaign, weeks: readonly number[] = campaignFollowUpWeeks(campaign)): { from: IsoDate; until: IsoDate } | undefined {
  const lastDay = lastChallengeDay(campaign);
  if (lastDay === undefined) return undefined;
  const first = followUpWaves(lastDay, weeks, campaign.closingDays)[0];
  return { from: lastDay, until: first?.sendOn ?? lastDay };
}

/** True when the end survey of `campaign` is open on `date` (see {@link endSurveyWindow}). */
export function endSurveyOpenOn(campaign: Campaign, date: IsoDate): boolean {
  const window = endSurveyWindow(campaign);
  return window !== undefined && campaign.status !== 'draft' && window.from <= date && date < window.until;
}

/** The waves of `campaign` (its own setting, else the default), counted from its last challenge day; none without challenge days. */
export function campaignWaves(campaign: Campaign, weeks: readonly number[] = campaignFollowUpWeeks(campaign)): FollowUpWave[] {
  const lastDay = lastChallengeDay(campaign);
  return lastDay === undefined ? [] : followUpWaves(lastDay, weeks, campaign.closingDays);
}

/** The claim period of one wave's pulses (`<campaignId>|w<wave>`): one claim per person per campaign and wave. */
export function followUpPeriod(campaignId: string, wave: number): string {
  return `${campaignId}|w${wave}`;
}

export type KeptAnswerInput = z.infer<typeof keptAnswerSchema>;

/** One person's answers to one wave's pulse card: per pledged challenge, kept or not and what holds them back. */
export interface FollowUpAnswers {
  readonly userId: string;
  readonly campaignId: string;
  /** 1-based wave number (see {@link FollowUpWave}). */
  readonly wave: number;
  /** One answer per pledged challenge, in the pledge's order. */
  readonly answers: readonly KeptAnswerInput[];
  readonly answeredAt: string;
}
