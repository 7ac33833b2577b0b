import type { Texts } from '../../cards/texts';

/** Texts of the follow-up pulse card (terugblik). Dutch is the source, English the translation. */
export const followUpTexts = {
  title: { nl: 'Terugblik: {weeks} weken later', en: 'Follow-up: {weeks} weeks later' },
  intro: {
    nl: 'Na de challenge koos je deze voornemens. Hoe gaat het ermee? Je antwoord telt tot en met {date}.',
    en: 'After the challenge you chose these pledges. How are they going? Your answer counts up to and including {date}.',
  },
  keptLabel: { nl: 'Doe je dit nog?', en: 'Are you still doing this?' },
  keptMissing: { nl: 'Kies ja, soms of nee.', en: 'Choose yes, sometimes or no.' },
  ja: { nl: 'Ja', en: 'Yes' },
  soms: { nl: 'Soms', en: 'Sometimes' },
  nee: { nl: 'Nee', en: 'No' },
  holdsBackLabel: { nl: 'Wat houdt je tegen? (mag leeg blijven)', en: 'What holds you back? (optional)' },
  holdsBackPlaceholder: { nl: 'Bijvoorbeeld: geen fietsenstalling bij de ingang', en: 'For example: no bike shed near the entrance' },
  barrierNote: {
    nl: 'Schrijf je bij "soms" of "nee" wat je tegenhoudt, dan gaat dat als prikkel naar de coördinator: anoniem, tenzij je hieronder contact aanvinkt.',
    en: 'If you write what holds you back with "sometimes" or "no", it goes to the coordinator as a barrier: anonymous, unless you tick contact below.',
  },
  contactTitle: { nl: 'Je mag contact met me opnemen over wat me tegenhoudt', en: 'You may contact me about what holds me back' },
  privacy: {
    nl: 'Je antwoorden zijn van jou: je ziet ze met "mijn gegevens" en wist ze met "verwijder mijn gegevens".',
    en: 'Your answers are yours: see them with "my data" and erase them with "delete my data".',
  },
  submit: { nl: 'Versturen', en: 'Send' },
  errorForm: { nl: 'Deze kaart klopt niet (meer). Vul hem opnieuw in.', en: "This card isn't valid (any more). Please fill it in again." },
  errorMissing: { nl: 'Beantwoord "Doe je dit nog?" bij elk voornemen.', en: 'Please answer "Are you still doing this?" for every pledge.' },
  errorTooLong: { nl: 'Schrijf hoogstens 500 tekens bij "Wat houdt je tegen?".', en: 'Write at most 500 characters under "What holds you back?".' },
  errorDailyLimit: {
    nl: 'Je hebt vandaag al het maximum aan prikkels en ideeën gestuurd ({max}). Probeer het morgen opnieuw.',
    en: "You've already sent the most barriers and ideas for today ({max}). Please try again tomorrow.",
  },
  savedTitle: { nl: 'Terugblik opgeslagen', en: 'Follow-up saved' },
  savedBody: { nl: 'Dank je wel! Zo zien we wat blijft hangen.', en: 'Thank you! This shows us what sticks.' },
  answeredTitle: { nl: 'Al ingevuld', en: 'Already answered' },
  answeredBody: { nl: 'Je hebt deze terugblik al ingevuld. Je eerste antwoord telt; er is niets veranderd.', en: "You've already answered this follow-up. Your first answer counts; nothing was changed." },
  barrierFiled: { nl: 'Prikkel {reference}', en: 'Barrier {reference}' },
  barrierAnonymous: { nl: 'anoniem doorgegeven aan de coördinator', en: 'passed on anonymously to the coordinator' },
  barrierContact: { nl: 'doorgegeven aan de coördinator, die contact mag opnemen', en: 'passed on to the coordinator, who may contact you' },
  oldCardTitle: { nl: 'Deze kaart is verlopen', en: 'This card has expired' },
  oldCardBody: {
    nl: 'Deze terugblik is gesloten of hoort niet (meer) bij jouw voornemens. Er is niets opgeslagen.',
    en: "This follow-up has closed or doesn't belong to your pledges (any more). Nothing was saved.",
  },
  personalOnly: { nl: 'Dit kan alleen in je eigen chat met mij.', en: 'This only works in your own chat with me.' },
} satisfies Texts;
