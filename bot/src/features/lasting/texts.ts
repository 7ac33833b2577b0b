import type { Texts } from '../../cards/texts';

/** Texts of the end survey (eindmeting) and pledges (voornemens). Dutch is the source, English the translation. */
export const lastingTexts = {
  endTitle: { nl: 'Eindmeting', en: 'End survey' },
  endIntro: {
    nl: 'De challenge zit erop. Dezelfde vragen als bij de start, zodat we kunnen zien wat er veranderd is. Daarna kies je wat je blijft doen.',
    en: "The challenge is over. The same questions as at the start, so we can see what changed. Then you choose what you'll keep doing.",
  },
  endCorrect: { nl: 'Je kunt je antwoorden aanpassen tot en met {date}.', en: 'You can change your answers up to and including {date}.' },
  answerMissing: { nl: 'Kies een antwoord.', en: 'Choose an answer.' },
  pledgeHeading: { nl: 'Je voornemens', en: 'Your pledges' },
  // {weeks}: the campaign's follow-up waves ("2, 6 en 12"); {count}, the last of them, picks week or weeks.
  pledgeIntro: {
    nl: { one: 'Kies 1 tot 3 gewoontes die je wilt houden. Over {weeks} week vraag ik hoe het gaat.', other: 'Kies 1 tot 3 gewoontes die je wilt houden. Over {weeks} weken vraag ik hoe het gaat.' },
    en: { one: "Choose 1 to 3 habits you want to keep. In {weeks} week I'll ask how it's going.", other: "Choose 1 to 3 habits you want to keep. In {weeks} weeks I'll ask how it's going." },
  },
  /** Joins the last two follow-up waves in {weeks}: "2, 6 en 12". */
  weeksAnd: { nl: ' en ', en: ' and ' },
  pledgeLabel: { nl: 'Dit blijf ik doen', en: "I'll keep doing this" },
  pledgeMissing: { nl: 'Kies 1 tot 3 gewoontes.', en: 'Choose 1 to 3 habits.' },
  helpLabel: { nl: 'Wat zou je helpen? (mag leeg blijven)', en: 'What would help you? (optional)' },
  helpPlaceholder: { nl: 'Bijvoorbeeld: een fietsenstalling bij de ingang', en: 'For example: a bike shed near the entrance' },
  privacy: {
    nl: 'Je antwoorden en voornemens zijn van jou: je ziet ze met "mijn gegevens" en wist ze met "verwijder mijn gegevens".',
    en: 'Your answers and pledges are yours: see them with "my data" and erase them with "delete my data".',
  },
  submit: { nl: 'Opslaan', en: 'Save' },
  errorForm: { nl: 'Deze kaart klopt niet (meer). Vul hem opnieuw in.', en: "This card isn't valid (any more). Please fill it in again." },
  errorAnswers: { nl: 'Beantwoord alle vragen van de meting.', en: 'Please answer every survey question.' },
  errorNone: { nl: 'Kies minstens 1 gewoonte.', en: 'Choose at least 1 habit.' },
  errorTooMany: { nl: 'Kies hoogstens 3 gewoontes.', en: 'Choose at most 3 habits.' },
  errorChoice: { nl: 'Kies alleen gewoontes uit de lijst, elk één keer.', en: 'Choose only habits from the list, each once.' },
  errorTooLong: { nl: 'Schrijf hoogstens 500 tekens bij "wat zou helpen".', en: 'Write at most 500 characters under "what would help".' },
  savedTitle: { nl: 'Eindmeting opgeslagen', en: 'End survey saved' },
  // {count}: the campaign's first follow-up wave, in weeks.
  savedBody: {
    nl: { one: 'Dank je wel! Over {count} week vraag ik hoe het met je voornemens gaat.', other: 'Dank je wel! Over {count} weken vraag ik hoe het met je voornemens gaat.' },
    en: { one: "Thank you! In {count} week I'll ask how your pledges are going.", other: "Thank you! In {count} weeks I'll ask how your pledges are going." },
  },
  factCommute: { nl: 'Woon-werkverkeer', en: 'Commute' },
  factPackaging: { nl: 'Wegwerpverpakking', en: 'Disposable packaging' },
  factScreens: { nl: "Scherm 's avonds uit", en: 'Screen off at night' },
  factLights: { nl: 'Licht uit bij weggaan', en: 'Lights off when leaving' },
  factPledge: { nl: 'Voornemen', en: 'Pledge' },
  factHelp: { nl: 'Wat zou helpen', en: 'What would help' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  changePledges: { nl: 'Voornemens aanpassen', en: 'Change pledges' },
  closedTitle: { nl: 'Geen eindmeting nu', en: 'No end survey now' },
  closedBody: {
    nl: 'De eindmeting staat open vanaf de laatste challengedag tot de eerste terugblik. Nu kan het niet.',
    en: "The end survey is open from the last challenge day until the first follow-up. It isn't open now.",
  },
  oldCardTitle: { nl: 'Deze kaart is verlopen', en: 'This card has expired' },
  oldCardBody: {
    nl: 'Deze kaart hoort bij een challenge waarvoor je niets meer kunt invullen. Er is niets opgeslagen.',
    en: "This card belongs to a challenge you can't answer for any more. Nothing was saved.",
  },
  pledgesTitle: { nl: 'Voornemens', en: 'Pledges' },
  pledgesIntro: { nl: 'Dit wil je blijven doen. Pas het hier aan (1 tot 3 gewoontes).', en: 'This is what you want to keep doing. Change it here (1 to 3 habits).' },
  noPledgesTitle: { nl: 'Nog geen voornemens', en: 'No pledges yet' },
  noPledgesBody: {
    nl: 'Je kiest je voornemens bij de eindmeting, op de laatste dag van de challenge.',
    en: 'You choose your pledges on the end survey, on the last day of the challenge.',
  },
  openEnd: { nl: 'Naar de eindmeting', en: 'Go to the end survey' },
  pledgesSavedTitle: { nl: 'Voornemens opgeslagen', en: 'Pledges saved' },
  personalOnly: { nl: 'Dit kan alleen in je eigen chat met mij.', en: 'This only works in your own chat with me.' },
  summary: { nl: 'Eindmeting: wat blijf je doen?', en: 'End survey: what will you keep doing?' },
} satisfies Texts;
