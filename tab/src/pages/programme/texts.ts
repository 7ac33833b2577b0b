import type { Language, Localized } from '@soestainable/shared/domain/types';
import { translate, type TextVars } from '../../texts/translate';

/** The action programme page's texts: Dutch is the source, English the translation; the same keys in both. */
export const programmeTexts = {
  title: { nl: 'Actieprogramma', en: 'Action programme' },
  intro: {
    nl: 'Wat we doen met de prikkels die jullie meldden: per thema en per inbedding, met een eigenaar voor elke actie.',
    en: 'What we do with the barriers you reported: by theme and by embedding, with an owner for every action.',
  },
  tabs: { nl: 'Weergave', en: 'View' },
  tabMap: { nl: 'Kansenkaart', en: 'Opportunity map' },
  tabList: { nl: 'Lijst', en: 'List' },
  tabYouSaid: { nl: 'Jij zei, wij deden', en: 'You said, we did' },
  empty: { nl: 'Er staan nog geen acties in het actieprogramma.', en: 'The action programme has no actions yet.' },
  mapCaption: {
    nl: 'Kansenkaart: acties per thema (rijen) en inbedding (kolommen)',
    en: 'Opportunity map: actions by theme (rows) and embedding (columns)',
  },
  themeHeader: { nl: 'Thema', en: 'Theme' },
  cellEmpty: { nl: 'Geen acties', en: 'No actions' },
  cellCount: { nl: '{n} acties', en: '{n} actions' },
  filters: { nl: 'Filters', en: 'Filters' },
  filterTheme: { nl: 'Thema', en: 'Theme' },
  filterDimension: { nl: 'Inbedding', en: 'Embedding' },
  filterStatus: { nl: 'Status', en: 'Status' },
  filterOwner: { nl: 'Eigenaar', en: 'Owner' },
  filterAll: { nl: 'Alle', en: 'All' },
  filterNone: { nl: 'Geen acties passen bij deze filters.', en: 'No actions match these filters.' },
  clearFilters: { nl: 'Filters wissen', en: 'Clear filters' },
  listCaption: { nl: 'Acties', en: 'Actions' },
  shownOf: { nl: '{n} van {total} acties', en: '{n} of {total} actions' },
  colDue: { nl: 'Gereed op', en: 'Due' },
  colBarriers: { nl: 'Prikkels', en: 'Barriers' },
  back: { nl: 'Terug naar het overzicht', en: 'Back to the overview' },
  owner: { nl: 'Eigenaar', en: 'Owner' },
  status: { nl: 'Status', en: 'Status' },
  dueDate: { nl: 'Gereed op', en: 'Due date' },
  noDueDate: { nl: 'Geen datum', en: 'No date' },
  theme: { nl: 'Thema', en: 'Theme' },
  dimension: { nl: 'Inbedding', en: 'Embedding' },
  description: { nl: 'Beschrijving', en: 'Description' },
  barriers: { nl: 'Gekoppelde prikkels', en: 'Linked barriers' },
  noBarriers: { nl: 'Nog geen prikkels gekoppeld.', en: 'No barriers linked yet.' },
  timeline: { nl: 'Tijdlijn', en: 'Timeline' },
  noTimeline: { nl: 'Nog geen updates.', en: 'No updates yet.' },
  created: { nl: 'Actie aangemaakt', en: 'Action created' },
  statusChange: { nl: 'Status: {from} → {to}', en: 'Status: {from} → {to}' },
  statusSet: { nl: 'Status: {to}', en: 'Status: {to}' },
  linked: { nl: '{n} prikkel(s) gekoppeld', en: '{n} barrier(s) linked' },
  edit: { nl: 'Actie bijwerken', en: 'Update the action' },
  newStatus: { nl: 'Nieuwe status', en: 'New status' },
  keepStatus: { nl: 'Status niet wijzigen', en: 'Keep the status' },
  ownerField: { nl: 'Eigenaar (naam of rol)', en: 'Owner (name or role)' },
  dueField: { nl: 'Gereed op', en: 'Due date' },
  save: { nl: 'Opslaan', en: 'Save' },
  saving: { nl: 'Bezig met opslaan…', en: 'Saving…' },
  saved: { nl: 'De actie is bijgewerkt.', en: 'The action was updated.' },
  nothingChanged: { nl: 'Er is niets gewijzigd.', en: 'Nothing was changed.' },
  ownerRequired: { nl: 'Vul een eigenaar in.', en: 'Fill in an owner.' },
  tooLong: { nl: 'Maximaal {max} tekens.', en: 'At most {max} characters.' },
  stale: {
    nl: 'Iemand anders heeft deze actie intussen gewijzigd. We hebben de nieuwste versie geladen: bekijk die en probeer het opnieuw.',
    en: 'Someone else changed this action in the meantime. We loaded the latest version: check it and try again.',
  },
  transitionRefused: {
    nl: 'Deze statuswijziging is niet toegestaan vanuit de huidige status.',
    en: 'This status change is not allowed from the current status.',
  },
  note: { nl: 'Notitie toevoegen', en: 'Add a note' },
  noteField: { nl: 'Notitie', en: 'Note' },
  addNote: { nl: 'Notitie plaatsen', en: 'Post note' },
  noteAdded: { nl: 'De notitie staat in de tijdlijn.', en: 'The note is on the timeline.' },
  noteRequired: { nl: 'Schrijf eerst een notitie.', en: 'Write a note first.' },
  youSaidIntro: {
    nl: 'Prikkels die jullie meldden en wat we eraan deden. Meldingen zijn anoniem: je herkent de jouwe aan de code.',
    en: 'Barriers you reported and what we did about them. Reports are anonymous: recognise yours by its code.',
  },
  youSaidEmpty: {
    nl: 'Nog geen prikkels weggenomen. Zodra een actie in uitvoering is, zie je hier wat jullie zeiden en wat we deden.',
    en: 'No barriers removed yet. Once an action is under way, you will see here what you said and what we did.',
  },
  youSaid: { nl: 'Jij zei', en: 'You said' },
  weDid: { nl: 'Wij deden', en: 'We did' },
  solvedElsewhere: { nl: 'Ook opgelost', en: 'Also solved' },
  ownerLine: { nl: 'Eigenaar: {owner}', en: 'Owner: {owner}' },
} as const satisfies Record<string, Localized>;

export type ProgrammeTextKey = keyof typeof programmeTexts;

/** A text of this page in `lang`, with `{name}` placeholders filled in. */
export function pt(key: ProgrammeTextKey, lang: Language, vars?: TextVars): string {
  return translate(programmeTexts, lang, key, vars);
}
