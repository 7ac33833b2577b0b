import type { Localized } from '@soestainable/shared/domain/types';

/** What the tab shows when a page or a chart failed to load or to render. Dutch is the source. */
export const boundaryTexts = {
  pageFailed: {
    nl: 'Dit onderdeel kon niet worden geladen of getoond. Met Opnieuw proberen laad je de app opnieuw.',
    en: 'This part could not be loaded or shown. Try again reloads the app.',
  },
  chartFailed: {
    nl: 'De grafiek kon niet worden geladen. De cijfers staan ook in de tabel; met Opnieuw proberen laad je de app opnieuw.',
    en: 'The chart could not be loaded. The figures are in the table as well; Try again reloads the app.',
  },
} as const satisfies Record<string, Localized>;
