import { addCalendarDays } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignWaves, filesBarrier, followUpPeriod, KEPT_ANSWERS, type FollowUpAnswers, type FollowUpWave, type KeptAnswer } from '@soestainable/shared/domain/followUp';
import type { IsoDate, Theme } from '@soestainable/shared/domain/types';

/*
 * The manager digest after the challenge (issue 15, item 5): one digest per follow-up wave instead of the weekly
 * one. Pure rules: when a wave's digest is due, its claim period, and a team's retention figures from the wave's
 * answers.
 */

/** A wave's digest goes out once its answers had this many days (a full working week, the weekend included). */
export const WAVE_DIGEST_AFTER_DAYS = 7;
/** … and can go out for at least this many days after that, so that one weekly digests run always falls in it. */
export const WAVE_DIGEST_WINDOW_DAYS = 7;

/** One wave whose digest is due, with the wave before it (for the comparison), if any. */
export interface DueWaveDigest {
  readonly campaign: Campaign;
  readonly wave: FollowUpWave;
  readonly previous: FollowUpWave | undefined;
  /** How many waves the campaign has (the card says "wave 2 of 3"). */
  readonly waves: number;
}

/**
 * The days a wave's digest may go out: from {@link WAVE_DIGEST_AFTER_DAYS} after the pulse went out until the wave's
 * answers stop counting (the next wave's day), and for at least {@link WAVE_DIGEST_WINDOW_DAYS}. The digests job runs
 * on Mondays, so the digest goes out on the first Monday run 7–13 days after the pulse; a late or repeated run in
 * the window finds the same wave, and the claim keeps it to one.
 */
export function waveDigestWindow(wave: FollowUpWave): { from: IsoDate; until: IsoDate } {
  const from = addCalendarDays(wave.sendOn, WAVE_DIGEST_AFTER_DAYS);
  const least = addCalendarDays(from, WAVE_DIGEST_WINDOW_DAYS);
  return { from, until: wave.openUntil > least ? wave.openUntil : least };
}

/** The waves (of every campaign that is not a draft) whose digest is due on `today`. */
export function dueWaveDigests(campaigns: readonly Campaign[], today: IsoDate): DueWaveDigest[] {
  return campaigns.flatMap((campaign) => {
    if (campaign.status === 'draft') return [];
    const waves = campaignWaves(campaign);
    return waves.flatMap((wave, i) => {
      const window = waveDigestWindow(wave);
      return window.from <= today && today < window.until ? [{ campaign, wave, previous: waves[i - 1], waves: waves.length }] : [];
    });
  });
}

/**
 * The claim period of a wave's digest: `wave|<campaignId>|w<wave>`. The weekly digest's periods are ISO weeks
 * (`2026-W50`), so the two never share a claim, while both stay kind `digest`.
 */
export function waveDigestPeriod(campaignId: string, wave: number): string {
  return `wave|${followUpPeriod(campaignId, wave)}`;
}

/** How the pledges of a team's respondents fared in one wave: counts of ja / soms / nee (one per pledged habit). */
export interface WaveRetention {
  /** People who answered the wave (the group the minimum group size judges). */
  readonly respondents: number;
  /** Answers per pledged habit, summed over the respondents. */
  readonly kept: Readonly<Record<KeptAnswer, number>>;
  /** All answers (ja + soms + nee). */
  readonly pledges: number;
}

export function waveRetention(answers: readonly FollowUpAnswers[]): WaveRetention {
  const kept = Object.fromEntries(KEPT_ANSWERS.map((k) => [k, 0])) as Record<KeptAnswer, number>;
  for (const row of answers) for (const a of row.answers) kept[a.kept]++;
  return { respondents: answers.length, kept, pledges: KEPT_ANSWERS.reduce((n, k) => n + kept[k], 0) };
}

/**
 * The barriers the wave's answers filed (a "nee" or "soms" with a text: see `filesBarrier`), counted per theme of
 * the pledged habit, largest first. From the answers, not the Barriers table: a barrier row does not say where it
 * came from, an answer does, and a count per theme names nobody.
 */
export function barriersFiled(answers: readonly FollowUpAnswers[], themeOf: (challengeId: string) => Theme): Array<{ theme: Theme; count: number }> {
  const counts = new Map<Theme, number>();
  for (const row of answers) {
    for (const a of row.answers) if (filesBarrier(a)) counts.set(themeOf(a.challengeId), (counts.get(themeOf(a.challengeId)) ?? 0) + 1);
  }
  return [...counts].map(([theme, count]) => ({ theme, count })).sort((a, b) => b.count - a.count || (a.theme < b.theme ? -1 : 1));
}
