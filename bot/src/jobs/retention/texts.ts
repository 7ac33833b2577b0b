import type { Texts } from '../../cards/texts';

/** Texts of the retention job. Dutch is the source, English the translation. */
export const retentionTexts = {
  purgedReport: { nl: 'Tekst verwijderd na de bewaartermijn', en: 'Text removed after the retention period' },
} as const satisfies Texts;

/**
 * What a purged barrier or idea holds instead of its text. One stored value that every screen shows as it is, in
 * whichever language the reader uses: so both, Dutch first. Also the purge's own mark (a report with this text and
 * no contact is purged).
 */
export const PURGED_REPORT_TEXT = `${retentionTexts.purgedReport.nl} / ${retentionTexts.purgedReport.en}`;
