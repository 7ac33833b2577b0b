import type { Texts } from '../../cards/texts';

/** Texts of the message around the pulse card (the card itself is the followUp feature's). */
export const followUpJobTexts = {
  /** What the pulse's message is called in a notification. */
  summary: { nl: 'Terugblik: doe je het nog?', en: 'Follow-up: still doing it?' },
} as const satisfies Texts;
