import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/** Texts of the action owner's card and answers (issue 16, item 2). Dutch is the source (informal "je"), English the translation. */
export const ownerTexts = {
  heading: { nl: 'Je bent eigenaar van deze actie', en: 'You are the owner of this action' },
  introNew: {
    nl: 'De coördinator heeft je als eigenaar genoemd. Laat hier weten hoe het gaat: de status en een korte update komen op de tijdlijn van de actie.',
    en: 'The coordinator named you as its owner. Let us know how it is going here: the status and a short update go on the action’s timeline.',
  },
  introReminder: {
    nl: { one: 'Deze actie heeft al {count} dag geen update. Hoe staat het ermee?', other: 'Deze actie heeft al {count} dagen geen update. Hoe staat het ermee?' },
    en: { one: 'This action has had no update for {count} day. How is it going?', other: 'This action has had no update for {count} days. How is it going?' },
  },
  status: GLOSSARY.status.label,
  dueDate: { nl: 'Streefdatum', en: 'Due date' },
  noDueDate: { nl: 'geen', en: 'none' },
  theme: GLOSSARY.theme.label,
  barriersHeading: {
    nl: { one: 'Gekoppelde prikkel ({count})', other: 'Gekoppelde prikkels ({count})' },
    en: { one: 'Linked barrier ({count})', other: 'Linked barriers ({count})' },
  },
  barrierTheme: { nl: '{theme}: ', en: '{theme}: ' },
  noBarriers: { nl: 'Nog geen prikkels gekoppeld.', en: 'No barriers linked yet.' },
  /** After a linked barrier: how many colleagues recognise it ("herken ik"); never who. */
  recognisedBy: { nl: ' · herkend door {count}', en: ' · recognised by {count}' },
  recognisedByNobody: { nl: ' · nog door niemand herkend', en: ' · not recognised by anyone yet' },
  statusLabel: { nl: 'Nieuwe status', en: 'New status' },
  keepStatus: { nl: 'Blijft: {status}', en: 'Stays: {status}' },
  updateLabel: { nl: 'Korte update (optioneel)', en: 'Short update (optional)' },
  updatePlaceholder: { nl: 'Wat is er gebeurd, wat is de volgende stap?', en: 'What happened, what is the next step?' },
  save: { nl: 'Opslaan', en: 'Save' },
  privacy: {
    nl: 'Je update is zichtbaar op de tijdlijn van de actie in het actieprogramma. Melders die contact toestonden horen een nieuwe status via "Jij zei, wij deden".',
    en: 'Your update is visible on the action’s timeline in the action programme. Reporters who allowed contact hear about a new status through "You said, we did".',
  },
  saved: { nl: 'Opgeslagen. Dank je!', en: 'Saved. Thank you!' },
  nothingToSave: { nl: 'Kies een nieuwe status of schrijf een korte update.', en: 'Pick a new status or write a short update.' },
  unknownStatus: { nl: 'Die status ken ik niet. Kies er een uit de lijst.', en: 'I do not know that status. Pick one from the list.' },
  transitionRefused: { nl: 'Van {from} naar {to} kan niet. Kies een status uit de lijst.', en: 'Going from {from} to {to} is not possible. Pick a status from the list.' },
  tooLong: { nl: 'Je update is te lang: maximaal {max} tekens.', en: 'Your update is too long: at most {max} characters.' },
  notOwner: {
    nl: 'Je bent (niet meer) de eigenaar van deze actie, dus er is niets opgeslagen.',
    en: 'You are not (or no longer) the owner of this action, so nothing was saved.',
  },
  gone: { nl: 'Deze actie bestaat niet meer. Er is niets opgeslagen.', en: 'This action no longer exists. Nothing was saved.' },
  oldCard: {
    nl: 'Deze kaart is verouderd: de actie is intussen gewijzigd. Er is niets opgeslagen; hier is de actuele kaart.',
    en: 'This card is out of date: the action changed in the meantime. Nothing was saved; here is the current card.',
  },
  personalOnly: { nl: 'Je acties bijwerken kan in je eigen chat met mij.', en: 'You can update your actions in your own chat with me.' },
  noActions: {
    nl: 'Je bent nog geen eigenaar van een actie in het actieprogramma.',
    en: 'You are not the owner of an action in the action programme yet.',
  },
  moreInTab: {
    nl: { one: 'En nog {count} actie: zie Mijn acties in de tab.', other: 'En nog {count} acties: zie Mijn acties in de tab.' },
    en: { one: 'And {count} more action: see My actions in the tab.', other: 'And {count} more actions: see My actions in the tab.' },
  },
  reminderSummary: { nl: 'Hoe staat je actie ervoor?', en: 'How is your action doing?' },
  announceSummary: { nl: 'Je bent eigenaar van een actie', en: 'You are the owner of an action' },
} as const satisfies Texts;
