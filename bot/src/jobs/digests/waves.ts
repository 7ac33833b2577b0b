import { addCalendarDays } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignWaves, filesBarrier, followUpPeriod, type FollowUpAnswers, type FollowUpWave } from '@soestainable/shared/domain/followUp';
import type { IsoDate, Theme } from '@soestainable/shared/domain/types';

/*
 * The manager digest after the challenge (issue 15, item 5): one digest per follow-up wave instead of the weekly
 * one. Pure rules: when a wave's digest is due and its claim period. The figures are the tab's
 * (services/lasting/figures.ts), so digest and tab never differ.
 */

/**
 * A wave's digest can go out this many days from the day its answers stop counting (`openUntil`), so that one weekly
 * digests run (Mondays) always falls in it.
 */
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
 * The days a wave's digest may go out: from the day the wave's answers stop counting (`openUntil`: the next wave's
 * day, or four weeks after the last wave), for {@link WAVE_DIGEST_WINDOW_DAYS} days. So the digest shows the wave's
 * final figures, the ones the tab shows from that day on (services/lasting/figures.ts): a digest sent while late
 * answers still came in would differ from the tab by exactly those answers. The digests job runs on Mondays, so the
 * digest goes out with the first Monday run on or after `openUntil`; a late or repeated run in the window finds the
 * same wave, and the claim keeps it to one.
 */
export function waveDigestWindow(wave: FollowUpWave): { from: IsoDate; until: IsoDate } {
  return { from: wave.openUntil, until: addCalendarDays(wave.openUntil, WAVE_DIGEST_WINDOW_DAYS) };
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
 * The claim period of a wave's digest: `wavefinal|<campaignId>|w<wave>`, the digest of the wave's final figures. The
 * weekly digest's periods are ISO weeks (`2026-W50`), so the two never share a claim, while both stay kind `digest`.
 * (Digests sent 7 days after the pulse, before the figures were final, were claimed as `wave|…`; a new period, so
 * those managers get the final figures once too.)
 */
export function waveDigestPeriod(campaignId: string, wave: number): string {
  return `wavefinal|${followUpPeriod(campaignId, wave)}`;
}

/**
 * The barriers the wave's answers filed (a "nee" or "soms" with a text: see `filesBarrier`), counted per theme of
 * the pledged habit, largest first; only answers about `shown` habits (the habits whose cell the team's figures
 * show), so a count never speaks for a habit whose answers are hidden. From the answers, not the Barriers table: a
 * barrier row does not say where it came from, an answer does, and a count per theme names nobody.
 */
export function barriersFiled(
  answers: readonly FollowUpAnswers[],
  themeOf: (challengeId: string) => Theme,
  shown: ReadonlySet<string>,
): Array<{ theme: Theme; count: number }> {
  const counts = new Map<Theme, number>();
  for (const row of answers) {
    for (const a of row.answers) {
      if (filesBarrier(a) && shown.has(a.challengeId)) counts.set(themeOf(a.challengeId), (counts.get(themeOf(a.challengeId)) ?? 0) + 1);
    }
  }
  return [...counts].map(([theme, count]) => ({ theme, count })).sort((a, b) => b.count - a.count || (a.theme < b.theme ? -1 : 1));
}
