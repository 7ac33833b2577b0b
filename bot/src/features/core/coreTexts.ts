import type { Texts } from '../../cards/texts';

/** Texts of the dispatcher itself: answers for activities no feature can take. */
export const coreTexts = {
  noIdentity: {
    nl: 'Ik kan niet zien wie je bent (je Microsoft-account of organisatie ontbreekt in het bericht). Er is niets opgeslagen. Open de chat met mij in Microsoft Teams van Gemeente Soest.',
    en: "I can't tell who you are (your Microsoft account or organisation is missing from the message). Nothing was saved. Please open the chat with me in Gemeente Soest's Microsoft Teams.",
  },
  unknownAction: {
    nl: 'Deze knop ken ik niet (meer). Er is niets opgeslagen. Typ "hulp" om te zien wat je kunt doen.',
    en: 'I don\'t know this button (any more). Nothing was saved. Type "help" to see what you can do.',
  },
  failed: {
    nl: 'Sorry, er ging iets mis aan onze kant. Er is niets half opgeslagen; probeer het zo nog eens. (code {id})',
    en: 'Sorry, something went wrong on our side. Nothing was half-saved; please try again in a moment. (code {id})',
  },
  savedNotShown: {
    nl: "Je antwoord is opgeslagen, maar ik kon de kaart niet bijwerken. Typ 'voortgang' om te zien wat er staat.",
    en: "Your answer was saved, but I couldn't update the card. Type 'progress' to see what was recorded.",
  },
  storageUnavailable: {
    nl: 'Onze opslag is op dit moment niet bereikbaar, dus er is niets opgeslagen. Probeer het over een paar minuten nog eens.',
    en: "Our storage can't be reached right now, so nothing was saved. Please try again in a few minutes.",
  },
  slowDown: {
    nl: 'Rustig aan: je stuurde me deze minuut erg veel berichten. Wat je nu stuurt, verwerk ik niet en sla ik niet op. Probeer het over een minuut nog eens.',
    en: 'Easy does it: you sent me a lot of messages this minute. What you send now is not processed or saved. Please try again in a minute.',
  },
  erasing: {
    nl: 'Je gegevens worden verwijderd (of het verwijderen is halverwege gestopt), dus ik sla nu niets nieuws op; er is niets bewaard. Typ "verwijder mijn gegevens" om het af te maken. Daarna kun je altijd opnieuw meedoen.',
    en: 'Your data is being deleted (or the deletion stopped half-way), so I\'m not storing anything new; nothing was saved. Type "delete my data" to finish it. You can always join again afterwards.',
  },
  busy: {
    nl: 'Het is nu even druk; er is niets opgeslagen. Probeer het over een minuut nog eens.',
    en: 'It is busy right now; nothing was saved. Please try again in a minute.',
  },
} as const satisfies Texts;
