import type { Texts } from '../../cards/texts';

/** The weather line on the daily nudge card. Dutch is the source, English the translation. */
export const weatherTexts = {
  dryMild: { nl: 'Droog en zacht: een mooie dag voor de fiets', en: 'Dry and mild: a good day for the bike' },
  rain: { nl: 'Regen verwacht: neem de bus of trein', en: 'Rain expected: take the bus or train' },
} as const satisfies Texts;
