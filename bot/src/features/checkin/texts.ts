import type { Texts } from '../../cards/texts';

/**
 * Texts of the daily challenge card, the check-in and its summary. Dutch is the source (informal "je", a friendly
 * colleague), English the translation. The question texts and answer labels come from the shared catalogue
 * (CHECKIN_QUESTIONS, labels.ts), so the tab and the bot say the same thing.
 */
export const checkinTexts = {
  dayOf: { nl: 'Dag {day} van {total}', en: 'Day {day} of {total}' },
  tip: { nl: 'Tip: {tip}', en: 'Tip: {tip}' },
  checkInHeading: { nl: 'Je check-in voor {date}', en: 'Your check-in for {date}' },
  chooseOne: { nl: 'Kies er een', en: 'Pick one' },
  required: { nl: 'Vul dit in', en: 'Please fill this in' },
  yes: { nl: 'Ja', en: 'Yes' },
  countLabel: { nl: '{question} (aantal)', en: '{question} (number)' },
  countError: { nl: 'Vul een heel getal in van 0 tot en met {max}', en: 'Enter a whole number from 0 to {max}' },
  optionalHeading: { nl: 'Optioneel: wat maakte het lastig?', en: 'Optional: what made it hard?' },
  optionalIntro: {
    nl: 'Liep je ergens tegenaan? Dat is een prikkel: meld hem, dan kan het management hem wegnemen. Zonder vinkje bij contact blijft je melding anoniem.',
    en: "Did something get in your way? That is a barrier: report it, so management can remove it. Without the contact tick your report stays anonymous.",
  },
  barrierLabel: { nl: 'Wat maakte het lastig? (max. 500 tekens)', en: 'What made it hard? (max. 500 characters)' },
  barrierPlaceholder: {
    nl: 'Bijvoorbeeld: in de kantine zijn alleen plastic bekers',
    en: 'For example: the canteen only has plastic cups',
  },
  themeLabel: { nl: 'Thema van je prikkel of idee', en: 'Theme of your barrier or idea' },
  contactLabel: { nl: 'Contact', en: 'Contact' },
  contactTitle: {
    nl: 'Je mag contact met me opnemen over deze prikkel of dit idee',
    en: 'You may contact me about this barrier or idea',
  },
  ideaLabel: { nl: 'Heb je een idee? (optioneel, max. 500 tekens)', en: 'Got an idea? (optional, max. 500 characters)' },
  ideaPlaceholder: {
    nl: 'Bijvoorbeeld: een deelfiets bij het gemeentehuis',
    en: 'For example: a shared bike at the town hall',
  },
  submit: { nl: 'Inchecken', en: 'Check in' },
  saveChange: { nl: 'Wijziging opslaan', en: 'Save changes' },
  alreadyCheckedIn: {
    nl: 'Je hebt al ingecheckt voor {date}. Pas hieronder aan wat niet klopt.',
    en: 'You already checked in for {date}. Change below whatever is not right.',
  },

  summaryTitle: { nl: 'Ingecheckt voor {date} ✅', en: 'Checked in for {date} ✅' },
  summaryChangedTitle: { nl: 'Je check-in voor {date} is bijgewerkt ✅', en: 'Your check-in for {date} is updated ✅' },
  alreadyRecorded: {
    nl: 'Deze check-in had ik al; hij telt één keer mee. Dit staat er nu:',
    en: 'I already had this check-in; it counts once. This is what is recorded:',
  },
  changedMeanwhile: {
    nl: 'Je check-in was intussen al aangepast (misschien heb je twee keer geklikt). Dit staat er nu:',
    en: 'Your check-in had already been changed (perhaps you clicked twice). This is what is recorded:',
  },
  factChallenge: { nl: 'Challenge', en: 'Challenge' },
  factOutcome: { nl: 'Hoe ging het', en: 'How it went' },
  factTravel: { nl: 'Reis', en: 'Travel' },
  factWasteFree: { nl: 'Afvalvrij gewerkt', en: 'Worked waste-free' },
  factCo2: { nl: 'Geschatte CO2-besparing', en: 'Estimated CO2 avoided' },
  travelValue: { nl: '{mode}, {band}', en: '{mode}, {band}' },
  co2Explain: {
    nl: 'Een schatting met bandbreedte (laag–hoog), vergeleken met je gewone woon-werkreis uit de nulmeting.',
    en: 'An estimate with a range (low–high), compared with your usual commute from the baseline survey.',
  },
  co2NoBaseline: {
    nl: 'Je reis telt nog niet mee in de schatting: daarvoor heb ik je nulmeting nodig.',
    en: "Your travel is not in the estimate yet: for that I need your baseline survey.",
  },
  barrierRecorded: {
    nl: 'Dank je! Je prikkel staat genoteerd met code **{reference}**. Je hoort het als er iets mee gebeurt.',
    en: 'Thank you! Your barrier is noted with code **{reference}**. You will hear when something is done about it.',
  },
  barrierAnonymous: { nl: 'Hij is anoniem opgeslagen.', en: 'It is stored anonymously.' },
  barrierWithContact: {
    nl: 'We mogen contact met je opnemen; je kunt dat altijd weer laten verwijderen.',
    en: 'We may contact you about it; you can always have that removed again.',
  },
  ideaRecorded: { nl: 'Je idee staat genoteerd met code **{reference}**.', en: 'Your idea is noted with code **{reference}**.' },
  change: { nl: 'Wijzig', en: 'Change' },

  weekendTitle: { nl: 'Fijn weekend!', en: 'Have a nice weekend!' },
  weekendText: {
    nl: 'In het weekend is er geen challenge. Op de volgende werkdag staat er weer een voor je klaar.',
    en: 'There is no challenge at the weekend. The next one is waiting for you on the next working day.',
  },
  holidayTitle: { nl: 'Vandaag is het {holiday}', en: 'Today is {holiday}' },
  holidayText: {
    nl: 'Een vrije dag, dus geen challenge. Geniet ervan! Op de volgende werkdag gaan we verder.',
    en: 'A day off, so no challenge. Enjoy it! We carry on on the next working day.',
  },
  closingDayTitle: { nl: 'Vandaag is de gemeente gesloten', en: 'The municipality is closed today' },
  closingDayText: {
    nl: 'Op een sluitingsdag is er geen challenge. Op de volgende werkdag gaan we verder.',
    en: 'There is no challenge on a closing day. We carry on on the next working day.',
  },
  noChallengeTitle: { nl: 'Vandaag geen challenge', en: 'No challenge today' },
  noChallengeText: {
    nl: 'Vandaag staat er geen challenge op het programma. Op de volgende challengedag hoor je weer van me.',
    en: 'There is no challenge on the programme today. You will hear from me on the next challenge day.',
  },
  beforeTitle: { nl: 'Nog even geduld', en: 'Not long now' },
  beforeText: {
    nl: '{campaign} begint op {date}. Dan krijg je hier elke werkdag een kleine challenge.',
    en: '{campaign} starts on {date}. From then on you get a small challenge here every working day.',
  },
  afterTitle: { nl: 'De challenge is afgelopen', en: 'The challenge is over' },
  afterText: {
    nl: '{campaign} is afgelopen op {date}. Dank je wel voor het meedoen! Typ "voortgang" voor je resultaat.',
    en: '{campaign} ended on {date}. Thank you for taking part! Type "progress" for your result.',
  },
  noCampaignTitle: { nl: 'Er loopt nu geen challenge', en: 'No challenge is running' },
  noCampaignText: {
    nl: 'Zodra er een nieuwe Soestainable Challenge begint, hoor je het van me.',
    en: 'As soon as a new Soestainable Challenge starts, you will hear from me.',
  },

  closedTitle: { nl: 'Deze dag is gesloten', en: 'This day is closed' },
  closedText: {
    nl: 'Je kunt alleen de check-in van vandaag en gisteren nog aanpassen; {date} is gesloten. Er is niets opgeslagen.',
    en: 'You can only change the check-in of today and yesterday; {date} is closed. Nothing was saved.',
  },
  invalidTitle: { nl: 'Deze kaart klopt niet (meer)', en: 'This card is not valid (any more)' },
  invalidText: {
    nl: 'Er is niets opgeslagen. Typ "inchecken" voor de kaart van vandaag.',
    en: 'Nothing was saved. Type "check in" for today\'s card.',
  },
  endedText: {
    nl: 'Deze kaart hoort bij een challenge of dag die niet meer loopt. Er is niets opgeslagen. Typ "inchecken" voor de kaart van vandaag.',
    en: 'This card belongs to a challenge or day that is no longer running. Nothing was saved. Type "check in" for today\'s card.',
  },
  goneText: {
    nl: 'Ik kan deze check-in niet meer vinden (misschien zijn je gegevens verwijderd). Er is niets opgeslagen. Typ "inchecken" om opnieuw te beginnen.',
    en: 'I cannot find this check-in any more (perhaps your data was deleted). Nothing was saved. Type "check in" to start again.',
  },
  unknownFields: {
    nl: 'Deze kaart stuurde velden mee die ik niet ken. Er is niets opgeslagen; vul de kaart hieronder opnieuw in.',
    en: 'This card sent fields I do not know. Nothing was saved; please fill in the card below again.',
  },
  fieldsInvalid: {
    nl: 'Dit klopt nog niet: {fields}. Er is niets opgeslagen; pas het aan en verstuur opnieuw.',
    en: 'This is not right yet: {fields}. Nothing was saved; please correct it and send again.',
  },
  dailyReportLimit: {
    nl: 'Per dag kun je hoogstens {max} prikkels en ideeën sturen, en met deze erbij kom je daar vandaag overheen. Er is niets opgeslagen: haal je prikkel en idee weg om alleen in te checken, of meld ze morgen.',
    en: 'You can send at most {max} barriers and ideas a day, and with these you would go over that today. Nothing was saved: remove your barrier and idea to just check in, or report them tomorrow.',
  },
  tooLong: {
    nl: '{what} is {count} tekens lang; dat mag maximaal {max} zijn. Maak het korter. Er is niets opgeslagen.',
    en: '{what} is {count} characters long; the maximum is {max}. Please shorten it. Nothing was saved.',
  },
  notPersonalTitle: { nl: 'Liever in je eigen chat', en: 'Better in your own chat' },
  notPersonalText: {
    nl: 'Inchecken en je voortgang bekijken doe je in je eigen chat met mij, zodat je antwoorden van jou blijven.',
    en: 'Checking in and looking at your progress happen in your own chat with me, so your answers stay yours.',
  },
} as const satisfies Texts;

/** Names of the card's fields in an error line ("Dit klopt nog niet: je vervoer, je afstand"). */
export const fieldNames = {
  outcome: { nl: 'hoe het ging', en: 'how it went' },
  travelMode: { nl: 'je vervoer', en: 'how you travelled' },
  distanceBand: { nl: 'je afstand', en: 'your distance' },
  wasteFree: { nl: 'afvalvrij gewerkt', en: 'worked waste-free' },
  challenge: { nl: 'de vraag van vandaag', en: "today's question" },
  theme: { nl: 'het thema', en: 'the theme' },
  barrierText: { nl: 'je prikkel', en: 'your barrier' },
  barrierContact: { nl: 'contact', en: 'contact' },
  ideaText: { nl: 'je idee', en: 'your idea' },
  etag: { nl: 'de kaart', en: 'the card' },
} as const satisfies Texts;

/** Subjects of the "too long" line. */
export const longTextNames = {
  barrierText: { nl: 'Je prikkel', en: 'Your barrier' },
  ideaText: { nl: 'Je idee', en: 'Your idea' },
} as const satisfies Texts;
