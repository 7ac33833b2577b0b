import { z } from 'zod';
import { cleanText } from '../text/clean';

/**
 * How a check-in's answers are read, wherever they come from (the bot's daily card, the tab's `PUT
 * /api/me/checkins/:date`): the day's own question, and the barrier and idea texts people type.
 */

/** Most disposable cups anyone saves in one day: a typo guard, not a judgement. */
export const MAX_CUPS_PER_DAY = 50;

/**
 * A yes/no answer: Teams sends a card toggle as `"true"`/`"false"`; the Bot Framework Emulator, tests and the tab
 * send JSON booleans. Both are accepted, nothing else.
 */
export const toggleAnswer = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

/** The day's own question, read for its kind. `undefined` when the value does not fit. */
export function parseChallengeAnswer(
  kind: 'yesno' | 'count',
  value: boolean | number | string,
): { readonly challengeAnswer: boolean | undefined; readonly cupsAvoided: number } | undefined {
  if (kind === 'yesno') {
    const parsed = toggleAnswer.safeParse(value);
    return parsed.success ? { challengeAnswer: parsed.data, cupsAvoided: 0 } : undefined;
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= MAX_CUPS_PER_DAY ? { challengeAnswer: undefined, cupsAvoided: n } : undefined;
}

/** Characters as people count them (code points, so an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/** A typed text without control and bidi characters, trimmed; `undefined` when empty. */
export function typedText(text: string | undefined): string | undefined {
  const trimmed = text === undefined ? undefined : cleanText(text).trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
