import { z } from 'zod';
import type { Localized, Theme } from '../domain/types';
import { THEMES } from '../domain/types';

/** Number of challenge days in a campaign: two working weeks. */
export const CAMPAIGN_LENGTH_DAYS = 10;

/** A campaign day number, 1..10. */
export type ChallengeDay = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/**
 * The day's own question on the check-in card. `yesno` fills `CheckIn.challengeAnswer`; `count` fills
 * `CheckIn.cupsAvoided` (the only count the impact estimate knows).
 */
export interface ChallengeQuestion {
  readonly id: string;
  readonly kind: 'yesno' | 'count';
  readonly text: Localized;
}

/** One day of the challenge programme. */
export interface Challenge {
  /** Stable slug, e.g. `dag01-eigen-beker`: stored on every check-in, so never rename a published one. */
  readonly id: string;
  readonly day: ChallengeDay;
  readonly theme: Theme;
  /** Short heading of the nudge card. */
  readonly title: Localized;
  /** What to do today, one or two sentences. */
  readonly action: Localized;
  /** How to make it easier, or what to report as a barrier (prikkel). */
  readonly tip: Localized;
  readonly question: ChallengeQuestion;
}

/**
 * The challenge of a day as the check-in needs it (the daily card, the nudge, the tab's open days): the built-in
 * catalogue's {@link Challenge} and the organisation's edited copy (the bot's `CatalogueChallenge`) both fit.
 */
export interface DayChallenge {
  readonly id: string;
  readonly theme: Theme;
  readonly title: Localized;
  readonly action: Localized;
  readonly tip: Localized;
  readonly question: ChallengeQuestion;
}

/** Maximum lengths (characters) so that a nudge card stays short in Teams on a phone. */
export const CHALLENGE_TEXT_LIMITS = { title: 60, action: 200, tip: 250, question: 120 } as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function localizedSchema(max: number) {
  const text = z.string().trim().min(1).max(max);
  return z
    .object({ nl: text, en: text })
    .refine((value) => value.nl !== value.en, { error: 'nl and en must differ (untranslated text?)' });
}

/**
 * Schema for one challenge, for catalogue texts edited by the coordinator (the bot parses with it); the built-in
 * catalogue passes it too (see the unit test).
 */
export const challengeSchema = z.object({
  id: z.string().regex(SLUG).max(60),
  day: z.number().int().min(1).max(CAMPAIGN_LENGTH_DAYS),
  theme: z.enum(THEMES),
  title: localizedSchema(CHALLENGE_TEXT_LIMITS.title),
  action: localizedSchema(CHALLENGE_TEXT_LIMITS.action),
  tip: localizedSchema(CHALLENGE_TEXT_LIMITS.tip),
  question: z.object({
    id: z.string().regex(SLUG).max(60),
    kind: z.enum(['yesno', 'count']),
    text: localizedSchema(CHALLENGE_TEXT_LIMITS.question),
  }),
});
