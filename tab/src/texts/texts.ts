import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY, type TextTable } from '@soestainable/shared/text';
import type { ClientErrorCode } from '../api/errors';

/** Texts the shell and the shared components use. Dutch is the source, English the translation. */
export const commonTexts = {
  appTitle: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
  navLabel: { nl: 'Onderdelen', en: 'Sections' },
  navTeam: { nl: 'Mijn team', en: 'My team' },
  navOrg: GLOSSARY.organisation.label,
  navMe: { nl: 'Mijn voortgang', en: 'My progress' },
  navProgramme: GLOSSARY.actionProgramme.label,
  navInbox: GLOSSARY.barriers.label,
  navAdmin: { nl: 'Beheer', en: 'Admin' },
  navReport: { nl: 'Rapport', en: 'Report' },
  navBarriers: { nl: 'Herken ik', en: 'Me too' },
  navWerkatelier: { nl: 'Werkatelier', en: 'Workshop' },
  navMore: { nl: 'Meer', en: 'More' },
  navMoreLabel: { nl: 'Meer onderdelen ({count})', en: 'More sections ({count})' },
  loading: { nl: 'Bezig met laden…', en: 'Loading…' },
  retry: { nl: 'Opnieuw proberen', en: 'Try again' },
  errorTitle: { nl: 'Dat lukte niet', en: 'That did not work' },
  emptyTitle: { nl: 'Nog niets te zien', en: 'Nothing to show yet' },
  suppressedTitle: { nl: 'Geen cijfers om de privacy te beschermen', en: 'No numbers, to protect privacy' },
  suppressedBody: {
    nl: 'Er doen minder dan {minimum} mensen actief mee. Pas vanaf {minimum} deelnemers tonen we cijfers, zodat niemand herkenbaar is.',
    en: 'Fewer than {minimum} people are taking part actively. We show numbers from {minimum} participants on, so that no one can be recognised.',
  },
  showTable: { nl: 'Toon als tabel', en: 'Show as table' },
  showChart: { nl: 'Toon als grafiek', en: 'Show as chart' },
  chartLoading: { nl: 'Grafiek laden…', en: 'Loading chart…' },
  notFoundTitle: { nl: 'Deze pagina bestaat niet', en: 'This page does not exist' },
  notFoundBody: { nl: 'Kies een onderdeel in het menu.', en: 'Choose a section in the menu.' },
  forbiddenPage: { nl: 'Dit onderdeel is er alleen voor de programmacoördinatoren.', en: 'This section is for the programme coordinators only.' },
  signedInAs: { nl: 'Aangemeld als {name}', en: 'Signed in as {name}' },
  signOut: { nl: 'Afmelden', en: 'Sign out' },
  range: { nl: 'bandbreedte {range}', en: 'range {range}' },
  // Two bounds of a range, written out so that a minus sign never runs into a dash ("−5 tot −0,5").
  fromTo: { nl: '{low} tot {high}', en: '{low} to {high}' },
  // A cell or row left empty because its group is below the minimum group size (organisation page, report).
  tooSmall: { nl: 'te klein voor cijfers', en: 'too small for numbers' },
  // Words of the forms on several pages.
  save: { nl: 'Opslaan', en: 'Save' },
  saving: { nl: 'Bezig met opslaan…', en: 'Saving…' },
  saved: { nl: 'Opgeslagen.', en: 'Saved.' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  required: { nl: 'Vul dit in.', en: 'Fill this in.' },
  tooLong: { nl: 'Maximaal {max} tekens.', en: 'At most {max} characters.' },
  // The link to "Hoe werkt het?" beside the navigation (pages/help); short "?" in the side panel.
  helpLink: { nl: 'Hoe werkt het?', en: 'How does it work?' },
} as const satisfies Record<string, Localized>;

/** The texts a page's entry in the navigation can have (`tab/src/app/pages.ts`). */
export type NavTextKey = 'navTeam' | 'navOrg' | 'navMe' | 'navProgramme' | 'navInbox' | 'navAdmin' | 'navReport' | 'navBarriers' | 'navWerkatelier';

/**
 * One text per error code the API answers with (`shared/src/api/common.ts`), plus the client's own: the
 * network failed, or the answer was not the API's. A `Record` over the codes makes a missing one a compile error.
 */
export const errorTexts: Readonly<Record<ClientErrorCode, Localized>> = {
  UNAUTHENTICATED: { nl: 'Je bent niet (meer) aangemeld. Open de app opnieuw.', en: 'You are not signed in (any more). Please open the app again.' },
  FORBIDDEN: { nl: 'Dit mag je niet zien of doen met jouw rol.', en: 'Your role does not allow you to see or do this.' },
  NOT_FOUND: { nl: 'Dit bestaat niet (meer).', en: 'This does not exist (any more).' },
  VALIDATION_FAILED: { nl: 'Niet alles is goed ingevuld. Controleer je invoer.', en: 'Not everything is filled in correctly. Please check your input.' },
  TOO_LARGE: { nl: 'Dit is te lang. Maak het korter en probeer het opnieuw.', en: 'This is too long. Please shorten it and try again.' },
  STALE: { nl: 'Iemand anders heeft dit intussen gewijzigd. Laad opnieuw en probeer het nog eens.', en: 'Someone else changed this in the meantime. Reload and try again.' },
  CONFLICT: { nl: 'Dit bestaat al of botst met iets anders.', en: 'This already exists or clashes with something else.' },
  RATE_LIMITED: { nl: 'Je vroeg in korte tijd erg veel op. Wacht een minuut en probeer het dan opnieuw.', en: 'You asked for a lot in a short time. Please wait a minute and try again.' },
  UNAVAILABLE: { nl: 'De opslag is even niet bereikbaar. Probeer het zo opnieuw.', en: 'Storage cannot be reached right now. Please try again shortly.' },
  INTERNAL: { nl: 'Er ging iets mis aan onze kant. Er is niets half opgeslagen.', en: 'Something went wrong on our side. Nothing was half-saved.' },
  NETWORK: { nl: 'De server is niet bereikbaar. Controleer je verbinding.', en: 'The server cannot be reached. Please check your connection.' },
  BAD_RESPONSE: { nl: 'De server gaf een onverwacht antwoord.', en: 'The server gave an unexpected answer.' },
};


/** Texts of the dashboard pieces the team, organisation and my-progress pages share (components/dashboard.tsx). */
export const dashboardTexts = {
  campaignDay: { nl: '{name} · dag {day} van {days}', en: '{name} · day {day} of {days}' },
  campaignNotStarted: { nl: '{name} · begint op {date}', en: '{name} · starts on {date}' },
  campaignEnded: { nl: '{name} · afgelopen op {date}', en: '{name} · ended on {date}' },
  noCampaign: { nl: 'Er loopt nu geen campagne.', en: 'No campaign is running right now.' },
  co2Label: GLOSSARY.co2Avoided.label,
  // The label when the estimate's middle value is below 0 (e.g. usually working from home, driving today): the
  // figures are then shown as extra emissions, in absolute values.
  co2ExtraLabel: { nl: 'Geschatte extra CO2-uitstoot', en: 'Estimated extra CO2 emissions' },
  co2Value: { nl: '{kg} kg', en: '{kg} kg' },
  co2Hint: { nl: 'bandbreedte {range} kg CO2-eq', en: 'range {range} kg CO2-eq' },
  factorSources: { nl: 'Schatting met factortabel {version}. Bronnen:', en: 'Estimate with factor table {version}. Sources:' },
  unverified: { nl: '(nog niet nagerekend)', en: '(not yet checked)' },
  // {cups} the formatted number, {count} the number that picks the form.
  cupsAvoided: {
    nl: { one: '{cups} wegwerpbeker vermeden', other: '{cups} wegwerpbekers vermeden' },
    en: { one: '{cups} disposable cup avoided', other: '{cups} disposable cups avoided' },
  },
} as const satisfies TextTable;
