import type { Language, Localized } from '@soestainable/shared/domain/types';
import { translate, type TextVars } from '../../texts/translate';

/** The barrier inbox's texts: Dutch is the source, English the translation; the same keys in both. */
export const inboxTexts = {
  title: { nl: 'Prikkels triëren', en: 'Triage barriers' },
  intro: {
    nl: 'Nieuwe prikkels, anoniem, per thema en team. Kies er één of meer en koppel ze aan een actie, maak er een nieuwe actie van, voeg dubbele samen of wijs ze af met een reden.',
    en: 'New barriers, anonymous, by theme and team. Pick one or more and link them to an action, turn them into a new action, merge duplicates or dismiss them with a reason.',
  },
  empty: { nl: 'Geen nieuwe prikkels: alles is getrieerd.', en: 'No new barriers: everything has been triaged.' },
  total: { nl: '{n} nieuwe prikkels', en: '{n} new barriers' },
  byTheme: { nl: 'Per thema', en: 'By theme' },
  byTeam: { nl: 'Per team', en: 'By team' },
  groupHeading: { nl: '{theme} · {team} ({n})', en: '{theme} · {team} ({n})' },
  selectGroup: { nl: 'Kies alle prikkels van {theme} · {team}', en: 'Select all barriers of {theme} · {team}' },
  selected: { nl: '{n} gekozen', en: '{n} selected' },
  noneSelected: { nl: 'Kies eerst één of meer prikkels.', en: 'Select one or more barriers first.' },
  clearSelection: { nl: 'Keuze wissen', en: 'Clear selection' },
  actionsLabel: { nl: 'Wat doe je met de gekozen prikkels?', en: 'What do you do with the selected barriers?' },
  link: { nl: 'Koppelen aan actie', en: 'Link to action' },
  create: { nl: 'Nieuwe actie maken', en: 'Create new action' },
  merge: { nl: 'Dubbele samenvoegen', en: 'Merge duplicates' },
  dismiss: { nl: 'Afwijzen', en: 'Dismiss' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  confirm: { nl: 'Bevestigen', en: 'Confirm' },
  linkTitle: { nl: '{n} prikkel(s) koppelen aan een actie', en: 'Link {n} barrier(s) to an action' },
  linkAction: { nl: 'Actie', en: 'Action' },
  linkChoose: { nl: 'Kies een actie', en: 'Choose an action' },
  noActions: { nl: 'Er zijn nog geen acties: maak een nieuwe actie.', en: 'There are no actions yet: create a new one.' },
  createTitle: { nl: 'Nieuwe actie van {n} prikkel(s)', en: 'New action from {n} barrier(s)' },
  actionTitleNl: { nl: 'Titel (Nederlands)', en: 'Title (Dutch)' },
  actionTitleEn: { nl: 'Titel (Engels, mag later)', en: 'Title (English, may follow later)' },
  theme: { nl: 'Thema', en: 'Theme' },
  dimension: { nl: 'Inbedding', en: 'Embedding' },
  owner: { nl: 'Eigenaar (naam of rol)', en: 'Owner (name or role)' },
  dueDate: { nl: 'Gereed op (mag leeg)', en: 'Due date (optional)' },
  mergeTitle: { nl: '{n} prikkels samenvoegen', en: 'Merge {n} barriers' },
  mergeInto: { nl: 'Welke prikkel blijft staan?', en: 'Which barrier stays?' },
  mergeNeedsTwo: { nl: 'Kies minstens twee prikkels om samen te voegen.', en: 'Select at least two barriers to merge.' },
  dismissTitle: { nl: '{n} prikkel(s) afwijzen', en: 'Dismiss {n} barrier(s)' },
  reason: { nl: 'Reden (de melders zien die niet, de coördinatoren wel)', en: 'Reason (reporters do not see it, coordinators do)' },
  required: { nl: 'Vul dit in.', en: 'Fill this in.' },
  tooLong: { nl: 'Maximaal {max} tekens.', en: 'At most {max} characters.' },
  tooMany: { nl: 'Kies hoogstens {max} prikkels per keer.', en: 'Select at most {max} barriers at a time.' },
  working: { nl: 'Bezig…', en: 'Working…' },
  linked: { nl: '{n} prikkel(s) gekoppeld aan "{title}".', en: '{n} barrier(s) linked to "{title}".' },
  created: { nl: 'Actie "{title}" gemaakt met {n} prikkel(s).', en: 'Action "{title}" created with {n} barrier(s).' },
  merged: { nl: '{n} prikkel(s) samengevoegd met {reference}.', en: '{n} barrier(s) merged into {reference}.' },
  dismissed: { nl: '{n} prikkel(s) afgewezen.', en: '{n} barrier(s) dismissed.' },
  unchanged: { nl: 'Dit was al gedaan; er is niets veranderd.', en: 'This had already been done; nothing changed.' },
  conflict: {
    nl: 'Prikkel {reference} is intussen al behandeld. De lijst is ververst; kies opnieuw.',
    en: 'Barrier {reference} was handled in the meantime. The list was refreshed; select again.',
  },
  pending: { nl: 'Half gekoppeld: koppel opnieuw aan de actie om af te ronden.', en: 'Half linked: link it to the action again to finish.' },
  openProgramme: { nl: 'Naar het actieprogramma', en: 'To the action programme' },
} as const satisfies Record<string, Localized>;

export type InboxTextKey = keyof typeof inboxTexts;

export function ibt(key: InboxTextKey, lang: Language, vars?: TextVars): string {
  return translate(inboxTexts, lang, key, vars);
}
