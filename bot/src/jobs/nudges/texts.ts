import type { Texts } from '../../cards/texts';

/** Texts of the nudge message around the daily card (the card itself is the check-in feature's). */
export const nudgeTexts = {
  summary: { nl: 'Je challenge van vandaag staat klaar', en: "Today's challenge is ready" },
} as const satisfies Texts;
