import type { Texts } from '../../cards/texts';

/** Texts of the messages around the daily card and the end card (the cards themselves are the features'). */
export const nudgeTexts = {
  summary: { nl: 'Je challenge van vandaag staat klaar', en: "Today's challenge is ready" },
  /** What the end card's message is called in a notification. */
  endSummary: { nl: 'Eindmeting: wat blijf je doen?', en: 'End survey: what will you keep doing?' },
} as const satisfies Texts;
