import type { Localized } from '../domain/types';

/** A term the bot and the tab both use, said the same way everywhere. */
export interface Term {
  /** The term on its own, as a menu item, a column, a heading or a card fact shows it. */
  readonly label: Localized;
  /**
   * The word every text that mentions the term contains, lower case, in each language: a Dutch text with the Dutch
   * word has the English word in its English, and the other way round (tests/unit/shared/glossary.test.ts checks
   * every text of the bot and the tab). A stem covers its inflections: "prikkel" also matches "prikkels".
   * Absent when a word has a second meaning in one language.
   */
  readonly word?: Localized;
}

/**
 * The programme's vocabulary. A text that is just the term uses its `label` (`theme: GLOSSARY.theme.label`); a
 * sentence that mentions it uses its `word`, in the same translation as everywhere else.
 */
export const GLOSSARY = {
  barriers: { label: { nl: 'Prikkels', en: 'Barriers' }, word: { nl: 'prikkel', en: 'barrier' } },
  idea: { label: { nl: 'Idee', en: 'Idea' }, word: { nl: 'idee', en: 'idea' } },
  checkIns: { label: { nl: 'Check-ins', en: 'Check-ins' }, word: { nl: 'check-in', en: 'check-in' } },
  baseline: { label: { nl: 'Nulmeting', en: 'Baseline' }, word: { nl: 'nulmeting', en: 'baseline' } },
  streak: { label: { nl: 'Reeks', en: 'Streak' }, word: { nl: 'reeks', en: 'streak' } },
  participants: { label: { nl: 'Deelnemers', en: 'Participants' }, word: { nl: 'deelnemer', en: 'participant' } },
  participation: { label: { nl: 'Deelname', en: 'Participation' }, word: { nl: 'deelname', en: 'participation' } },
  // No word: Dutch says "Buitendienst" where English says "field services team".
  team: { label: { nl: 'Team', en: 'Team' } },
  organisation: { label: { nl: 'Organisatie', en: 'Organisation' }, word: { nl: 'organisatie', en: 'organisation' } },
  manager: { label: { nl: 'Leidinggevende', en: 'Manager' }, word: { nl: 'leidinggevende', en: 'manager' } },
  coordinator: { label: { nl: 'Programmacoördinator', en: 'Programme coordinator' }, word: { nl: 'coördinator', en: 'coordinator' } },
  wasteFreeDays: { label: { nl: 'Afvalvrije dagen', en: 'Waste-free days' }, word: { nl: 'afvalvrij', en: 'waste-free' } },
  sustainableTravel: { label: { nl: 'Duurzaam gereisd', en: 'Sustainable travel' } },
  co2Avoided: { label: { nl: 'Geschatte CO2-besparing', en: 'Estimated CO2 avoided' }, word: { nl: 'co2-besparing', en: 'co2 avoided' } },
  actionProgramme: { label: { nl: 'Actieprogramma', en: 'Action programme' }, word: { nl: 'actieprogramma', en: 'action programme' } },
  // No word: English "action" also says "opdracht", a challenge's task.
  action: { label: { nl: 'Actie', en: 'Action' } },
  theme: { label: { nl: 'Thema', en: 'Theme' }, word: { nl: 'thema', en: 'theme' } },
  embedding: { label: { nl: 'Inbedding', en: 'Embedding' }, word: { nl: 'inbedding', en: 'embedding' } },
  owner: { label: { nl: 'Eigenaar', en: 'Owner' }, word: { nl: 'eigenaar', en: 'owner' } },
  status: { label: { nl: 'Status', en: 'Status' }, word: { nl: 'status', en: 'status' } },
  youSaidWeDid: { label: { nl: 'Jij zei, wij deden', en: 'You said, we did' }, word: { nl: 'zei, wij deden', en: 'said, we did' } },
  endSurvey: { label: { nl: 'Eindmeting', en: 'End survey' }, word: { nl: 'eindmeting', en: 'end survey' } },
  // A wave after the challenge: "terugblik" in the bot, the digest, Beheer and the tab alike (not "vervolgmeting").
  followUp: { label: { nl: 'Terugblik', en: 'Follow-up' }, word: { nl: 'terugblik', en: 'follow-up' } },
  // The daily message with the day's challenge, where a person's messages and Beheer's send runs are listed. No
  // word: "herinnering" also names the owner's reminder and the check-in reminder.
  nudge: { label: { nl: 'Dagelijkse herinnering', en: 'Daily reminder' } },
  // The day's small task, and the campaign as a whole ("Soestainable Challenge"): Dutch says "challenge", as the
  // check-in card and form ask ("Hoe ging de challenge van vandaag?"), not "uitdaging". No word yet: some bot and
  // help texts still say "uitdaging" in Dutch where English says "challenge".
  challenge: { label: { nl: 'Challenge', en: 'Challenge' } },
} as const satisfies Record<string, Term>;

export type TermName = keyof typeof GLOSSARY;
