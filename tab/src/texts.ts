import type { Language, Localized } from '../../shared/src/domain/types';

/** The tab's texts: Dutch is the source, English the translation; the same keys in both. */
export const tabTexts = {
  title: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
  intro: {
    nl: 'Twee weken afvalvrij en energieneutraal werken, samen met je team. Hier komen straks het teamdashboard, het actieprogramma (de kansenkaart) en je eigen voortgang.',
    en: 'Two weeks of working waste-free and energy-neutral, together with your team. The team dashboard, the action programme (the opportunity map) and your own progress will appear here soon.',
  },
  coming: { nl: 'Wat eraan komt', en: 'What is coming' },
  dashboard: { nl: 'Teamdashboard: deelname, check-ins per dag, afvalvrije dagen, reiswijze en geschatte CO2-besparing', en: 'Team dashboard: participation, daily check-ins, waste-free days, travel modes and estimated CO2 avoided' },
  programme: { nl: 'Actieprogramma: thema × inbedding (de kansenkaart), met eigenaar en status per actie', en: 'Action programme: theme × embedding (the opportunity map), with an owner and status for every action' },
  saidDid: { nl: '"Jij zei, wij deden": welke prikkels zijn weggenomen', en: '"You said, we did": which barriers were removed' },
  progress: { nl: 'Mijn voortgang: je dagen, je reeks en je eigen gegevens', en: 'My progress: your days, your streak and your own data' },
  healthOk: { nl: 'De server en de opslag werken.', en: 'The server and storage are working.' },
  healthDown: { nl: 'De server bereikt de opslag nu niet. Probeer het zo opnieuw.', en: 'The server cannot reach storage right now. Please try again shortly.' },
  healthUnknown: { nl: 'De server antwoordt niet.', en: 'The server does not answer.' },
} as const satisfies Record<string, Localized>;

export type TabTextKey = keyof typeof tabTexts;

export function t(key: TabTextKey, lang: Language): string {
  return tabTexts[key][lang];
}

/** Teams passes the locale in the context; outside Teams the browser's language decides; Dutch otherwise. */
export function languageFrom(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
