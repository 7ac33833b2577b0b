import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY } from '@soestainable/shared/text';

/** The werkatelier sheet's texts: Dutch is the source, English the translation; the same keys in both. */
export const werkatelierTexts = {
  title: { nl: 'Werkatelier', en: 'Workshop sheet' },
  intro: {
    nl: 'Materiaal voor een werkatelier met medewerkers van verschillende teams: de prikkels die het vaakst herkend worden, de acties die eraan werken met eigenaar en status, en de ideeën. Anoniem: niemand wordt genoemd.',
    en: 'Material for a workshop with employees of several teams: the barriers recognised most, the actions working on them with owner and status, and the ideas. Anonymous: nobody is named.',
  },
  themeLabel: GLOSSARY.theme.label,
  allThemes: { nl: 'Alle thema’s', en: 'All themes' },
  print: { nl: 'Afdrukken', en: 'Print' },
  csv: { nl: 'Download als CSV', en: 'Download as CSV' },
  csvBusy: { nl: 'Bezig met downloaden…', en: 'Downloading…' },
  barriers: { nl: 'Meest herkende open prikkels', en: 'Most recognised open barriers' },
  noBarriers: { nl: 'Geen open prikkels in dit thema.', en: 'No open barriers in this theme.' },
  recognitions: { nl: 'Herkend door {n}', en: 'Recognised by {n}' },
  action: { nl: 'Actie: {title} · eigenaar {owner}', en: 'Action: {title} · owner {owner}' },
  noAction: { nl: 'Nog geen actie', en: 'No action yet' },
  ideas: { nl: 'Ideeën', en: 'Ideas' },
  noIdeas: { nl: 'Geen ideeën in dit thema.', en: 'No ideas in this theme.' },
  generated: { nl: 'Gemaakt op {date}', en: 'Made on {date}' },
  lasting: { nl: 'Wat bleef van de voornemens', en: 'What lasted of the pledges' },
  lastingIntro: {
    nl: 'Per terugblik het deel van de voornemens in dit thema dat collega’s volhielden, in de hele organisatie ({campaign}, laatste challengedag {date}). Een gewoonte met minder dan {minimum} antwoorden blijft verborgen.',
    en: 'Per follow-up the share of the pledges in this theme that colleagues kept, across the organisation ({campaign}, last challenge day {date}). A habit with fewer than {minimum} answers stays hidden.',
  },
  noLasting: {
    nl: 'Nog geen cijfers: geen gewoonte in dit thema heeft in een afgeronde terugblik {minimum} of meer antwoorden.',
    en: 'No figures yet: no habit in this theme has {minimum} or more answers in a finished follow-up.',
  },
} as const satisfies Record<string, Localized>;
