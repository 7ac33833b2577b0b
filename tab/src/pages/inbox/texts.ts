import { GLOSSARY, type TextTable } from '@soestainable/shared/text';
import { commonTexts } from '../../texts/texts';

/** The barrier inbox's texts: Dutch is the source, English the translation; the same keys in both. */
export const inboxTexts = {
  title: { nl: 'Prikkels triëren', en: 'Triage barriers' },
  intro: {
    nl: 'Nieuwe prikkels, anoniem, per thema en team. Kies er één of meer en koppel ze aan een actie, maak er een nieuwe actie van, voeg dubbele samen of wijs ze af met een reden.',
    en: 'New barriers, anonymous, by theme and team. Pick one or more and link them to an action, turn them into a new action, merge duplicates or dismiss them with a reason.',
  },
  empty: { nl: 'Geen nieuwe prikkels: alles is getriëerd.', en: 'No new barriers: everything has been triaged.' },
  newCount: { nl: { one: '{count} nieuwe prikkel', other: '{count} nieuwe prikkels' }, en: { one: '{count} new barrier', other: '{count} new barriers' } },
  byTheme: { nl: 'Per thema', en: 'By theme' },
  byTeam: { nl: 'Per team', en: 'By team' },
  groupHeading: { nl: '{theme} · {team} ({n})', en: '{theme} · {team} ({n})' },
  selectGroup: { nl: 'Kies alle prikkels van {theme} · {team}', en: 'Select all barriers of {theme} · {team}' },
  selected: { nl: '{n} gekozen', en: '{n} selected' },
  recognitions: { nl: 'herkend door {n}', en: 'recognised by {n}' },
  noneSelected: { nl: 'Kies eerst één of meer prikkels.', en: 'Select one or more barriers first.' },
  clearSelection: { nl: 'Keuze wissen', en: 'Clear selection' },
  actionsLabel: { nl: 'Wat doe je met de gekozen prikkels?', en: 'What do you do with the selected barriers?' },
  link: { nl: 'Koppelen aan actie', en: 'Link to action' },
  create: { nl: 'Nieuwe actie maken', en: 'Create new action' },
  merge: { nl: 'Dubbele samenvoegen', en: 'Merge duplicates' },
  dismiss: { nl: 'Afwijzen', en: 'Dismiss' },
  cancel: commonTexts.cancel,
  confirm: { nl: 'Bevestigen', en: 'Confirm' },
  linkTitle: {
    nl: { one: '{count} prikkel koppelen aan een actie', other: '{count} prikkels koppelen aan een actie' },
    en: { one: 'Link {count} barrier to an action', other: 'Link {count} barriers to an action' },
  },
  linkAction: GLOSSARY.action.label,
  linkChoose: { nl: 'Kies een actie', en: 'Choose an action' },
  noActions: { nl: 'Er zijn nog geen acties: maak een nieuwe actie.', en: 'There are no actions yet: create a new one.' },
  createTitle: {
    nl: { one: 'Nieuwe actie van {count} prikkel', other: 'Nieuwe actie van {count} prikkels' },
    en: { one: 'New action from {count} barrier', other: 'New action from {count} barriers' },
  },
  actionTitleNl: { nl: 'Titel (Nederlands)', en: 'Title (Dutch)' },
  actionTitleEn: { nl: 'Titel (Engels, mag later)', en: 'Title (English, may follow later)' },
  theme: GLOSSARY.theme.label,
  dimension: GLOSSARY.embedding.label,
  owner: { nl: 'Eigenaar (naam of rol)', en: 'Owner (name or role)' },
  dueDate: { nl: 'Gereed op (mag leeg)', en: 'Due date (optional)' },
  mergeTitle: { nl: { one: '{count} prikkel samenvoegen', other: '{count} prikkels samenvoegen' }, en: { one: 'Merge {count} barrier', other: 'Merge {count} barriers' } },
  mergeInto: { nl: 'Welke prikkel blijft staan?', en: 'Which barrier stays?' },
  mergeNeedsTwo: { nl: 'Kies minstens twee prikkels om samen te voegen.', en: 'Select at least two barriers to merge.' },
  dismissTitle: { nl: { one: '{count} prikkel afwijzen', other: '{count} prikkels afwijzen' }, en: { one: 'Dismiss {count} barrier', other: 'Dismiss {count} barriers' } },
  reason: { nl: 'Reden (de melders zien die niet, de coördinatoren wel)', en: 'Reason (reporters do not see it, coordinators do)' },
  required: commonTexts.required,
  tooLong: commonTexts.tooLong,
  tooMany: { nl: 'Kies hoogstens {max} prikkels per keer.', en: 'Select at most {max} barriers at a time.' },
  working: { nl: 'Bezig…', en: 'Working…' },
  linkedCount: {
    nl: { one: '{count} prikkel gekoppeld aan "{title}".', other: '{count} prikkels gekoppeld aan "{title}".' },
    en: { one: '{count} barrier linked to "{title}".', other: '{count} barriers linked to "{title}".' },
  },
  createdCount: {
    nl: { one: 'Actie "{title}" gemaakt met {count} prikkel.', other: 'Actie "{title}" gemaakt met {count} prikkels.' },
    en: { one: 'Action "{title}" created with {count} barrier.', other: 'Action "{title}" created with {count} barriers.' },
  },
  mergedCount: {
    nl: { one: '{count} prikkel samengevoegd met {reference}.', other: '{count} prikkels samengevoegd met {reference}.' },
    en: { one: '{count} barrier merged into {reference}.', other: '{count} barriers merged into {reference}.' },
  },
  dismissedCount: { nl: { one: '{count} prikkel afgewezen.', other: '{count} prikkels afgewezen.' }, en: { one: '{count} barrier dismissed.', other: '{count} barriers dismissed.' } },
  unchanged: { nl: 'Dit was al gedaan; er is niets veranderd.', en: 'This had already been done; nothing changed.' },
  // A triage call refused because another coordinator was first: what the reloaded inbox says was handled.
  conflictDropped: {
    nl: {
      one: 'Een andere coördinator heeft {count} van de gekozen prikkels al afgehandeld ({references}); die is uit je keuze gehaald. Wat je invulde, staat er nog: bevestig opnieuw voor de rest.',
      other: 'Een andere coördinator heeft {count} van de gekozen prikkels al afgehandeld ({references}); die zijn uit je keuze gehaald. Wat je invulde, staat er nog: bevestig opnieuw voor de rest.',
    },
    en: {
      one: 'Another coordinator already handled {count} of the selected barriers ({references}); it was taken out of your selection. What you filled in is still there: confirm again for the rest.',
      other: 'Another coordinator already handled {count} of the selected barriers ({references}); they were taken out of your selection. What you filled in is still there: confirm again for the rest.',
    },
  },
  conflictNoneLeft: {
    nl: {
      one: 'Een andere coördinator heeft {count} van de gekozen prikkels al afgehandeld ({references}); er is niet genoeg over om verder te gaan. Kies andere prikkels: wat je invulde, staat weer klaar als je dit opnieuw opent.',
      other: 'Een andere coördinator heeft {count} van de gekozen prikkels al afgehandeld ({references}); er is niet genoeg over om verder te gaan. Kies andere prikkels: wat je invulde, staat weer klaar als je dit opnieuw opent.',
    },
    en: {
      one: 'Another coordinator already handled {count} of the selected barriers ({references}); not enough is left to go on. Select other barriers: what you filled in comes back when you open this again.',
      other: 'Another coordinator already handled {count} of the selected barriers ({references}); not enough is left to go on. Select other barriers: what you filled in comes back when you open this again.',
    },
  },
  conflictChanged: {
    nl: 'Er is intussen iets veranderd en de lijst is ververst. Controleer je keuze en bevestig opnieuw.',
    en: 'Something changed in the meantime and the list was refreshed. Check your choice and confirm again.',
  },
  actionGone: { nl: 'De gekozen actie bestaat niet meer. Kies een andere actie en bevestig opnieuw.', en: 'The chosen action no longer exists. Choose another action and confirm again.' },
  pending: { nl: 'Half gekoppeld: koppel opnieuw aan de actie om af te ronden.', en: 'Half linked: link it to the action again to finish.' },
  openProgramme: { nl: 'Naar het actieprogramma', en: 'To the action programme' },
} as const satisfies TextTable;
