import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/** Texts of the enrolment feature: Dutch is the source, English the translation; the same keys in both. */
export const enrolTexts = {
  // The enrolment card
  titleNew: { nl: 'Doe mee met de Soestainable Challenge', en: 'Join the Soestainable Challenge' },
  titleChange: { nl: 'Je gegevens aanpassen', en: 'Change your details' },
  introNew: {
    nl: 'Drie vragen over jou en vijf korte over hoe het nu gaat. Daarna krijg je elke werkdag een kleine uitdaging.',
    en: 'Three questions about you and five short ones about how things are now. Then you get a small challenge every working day.',
  },
  introNoBaseline: {
    nl: 'Drie korte vragen, dan ben je erbij. Zodra de challenge begint, krijg je elke werkdag een kleine uitdaging.',
    en: "Three short questions and you're in. Once the challenge starts, you get a small challenge every working day.",
  },
  introChange: {
    nl: 'Pas aan wat je wilt en klik op Opslaan. De rest blijft zoals het was.',
    en: 'Change what you like and click Save. Everything else stays as it was.',
  },
  team: { nl: 'Je team', en: 'Your team' },
  teamMissing: { nl: 'Kies je team.', en: 'Choose your team.' },
  choose: { nl: 'Kies…', en: 'Choose…' },
  time: { nl: 'Hoe laat wil je je uitdaging krijgen? (tussen {min} en {max})', en: 'When would you like your challenge? (between {min} and {max})' },
  timeMissing: { nl: 'Kies een tijd tussen {min} en {max}.', en: 'Choose a time between {min} and {max}.' },
  language: { nl: 'Taal', en: 'Language' },
  languageMissing: { nl: 'Kies een taal.', en: 'Choose a language.' },
  baselineTitle: { nl: 'Nulmeting: hoe gaat het nu?', en: 'Baseline: how are things now?' },
  baselineIntro: {
    nl: 'Zo zien we straks samen wat de challenge heeft opgeleverd. Er is geen goed of fout antwoord.',
    en: 'So that we can see together what the challenge achieved. There are no right or wrong answers.',
  },
  baselineLater: {
    nl: 'De challenge is nog niet gepland. Je nulmeting vragen we zodra hij er is.',
    en: 'The challenge has not been scheduled yet. We will ask for your baseline once it is.',
  },
  commuteMode: { nl: 'Hoe ga je meestal naar je werk?', en: 'How do you usually get to work?' },
  commuteModeMissing: { nl: 'Kies hoe je meestal reist.', en: 'Choose how you usually travel.' },
  distanceBand: { nl: 'Hoe ver is dat, enkele reis?', en: 'How far is that, one way?' },
  distanceBandMissing: { nl: 'Kies een afstand.', en: 'Choose a distance.' },
  packaging: {
    nl: 'Hoe vaak zit je lunch of koffie in wegwerpverpakking?',
    en: 'How often does your lunch or coffee come in disposable packaging?',
  },
  packagingMissing: { nl: 'Kies hoe vaak.', en: 'Choose how often.' },
  screensOff: { nl: 'Schermen uit', en: 'Screens off' },
  screensOffTitle: { nl: "Ik zet 's avonds mijn schermen helemaal uit", en: 'I switch my screens off completely at night' },
  lightsOff: { nl: 'Licht uit', en: 'Lights off' },
  lightsOffTitle: { nl: 'Ik doe het licht uit als ik als laatste wegga', en: 'I switch the lights off when I am the last to leave' },
  privacy: {
    nl: 'Meedoen is vrijwillig. Je antwoorden zijn nooit voor beoordeling; je team ziet alleen totalen van minstens vijf deelnemers.',
    en: 'Taking part is voluntary. Your answers are never used for appraisal; your team only sees totals of at least five participants.',
  },
  submitNew: { nl: 'Doe mee', en: 'Join' },
  submitChange: { nl: 'Opslaan', en: 'Save' },

  // What went wrong with a submitted card (nothing was stored)
  errorIntro: { nl: 'Er is nog niets opgeslagen. Kijk even naar:', en: 'Nothing was saved yet. Please check:' },
  errorTeam: { nl: 'je team (kies er een uit de lijst)', en: 'your team (pick one from the list)' },
  errorTime: { nl: 'de tijd (tussen {min} en {max}, bijvoorbeeld 09:00)', en: 'the time (between {min} and {max}, for example 09:00)' },
  errorLanguage: { nl: 'de taal', en: 'the language' },
  errorCommuteMode: { nl: 'hoe je meestal reist', en: 'how you usually travel' },
  errorDistanceBand: { nl: 'de afstand', en: 'the distance' },
  errorPackaging: { nl: 'hoe vaak je wegwerpverpakking hebt', en: 'how often you get disposable packaging' },
  errorToggle: { nl: 'de vragen over schermen en licht', en: 'the questions about screens and lights' },
  errorForm: {
    nl: 'Dit formulier klopt niet (meer). Vul het hieronder opnieuw in.',
    en: 'This form is not right (any more). Please fill it in again below.',
  },
  noTeams: {
    nl: 'Er zijn nog geen teams ingesteld, dus aanmelden lukt nog niet. De coördinator zet ze klaar in de Soestainable-tab; probeer het later nog eens.',
    en: 'No teams have been set up yet, so you cannot join yet. The coordinator sets them up in the Soestainable tab; please try again later.',
  },
  personalOnly: {
    nl: 'Aanmelden en je instellingen regel je in je persoonlijke chat met mij, niet hier. Open de chat met de Soestainable-bot en typ "doe mee".',
    en: 'You join and change your settings in your personal chat with me, not here. Open the chat with the Soestainable bot and type "join".',
  },

  // The confirmation card
  joinedTitle: { nl: 'Je doet mee! 🎉', en: "You're in! 🎉" },
  changedTitle: { nl: 'Opgeslagen', en: 'Saved' },
  firstChallenge: {
    nl: 'Je eerste uitdaging krijg je om {time} op {date}.',
    en: "You'll get your first challenge at {time} on {date}.",
  },
  nextChallenge: { nl: 'Je volgende uitdaging krijg je om {time} op {date}.', en: "You'll get your next challenge at {time} on {date}." },
  challengeEnding: {
    nl: 'De challenge is bijna voorbij: typ "inchecken" om vandaag nog mee te doen.',
    en: 'The challenge is nearly over: type "check in" to take part today.',
  },
  startsSoon: {
    nl: 'De challenge begint binnenkort. Zodra hij start, krijg je elke werkdag om {time} je uitdaging.',
    en: 'The challenge starts soon. Once it does, you get your challenge every working day at {time}.',
  },
  stillPaused: {
    nl: 'Je deelname staat nog op pauze. Typ "hervat" als je weer wilt meedoen.',
    en: 'Your participation is still paused. Type "resume" when you want to continue.',
  },
  yourData: {
    nl: 'Wat je invult, blijft van jou: typ "mijn gegevens" om het te zien of "verwijder mijn gegevens" om het te wissen.',
    en: 'What you fill in stays yours: type "my data" to see it, or "delete my data" to erase it.',
  },
  factTeam: GLOSSARY.team.label,
  factTime: { nl: 'Tijd', en: 'Time' },
  factLanguage: { nl: 'Taal', en: 'Language' },
  factCommute: { nl: 'Woon-werk', en: 'Commute' },
  factPackaging: { nl: 'Wegwerpverpakking', en: 'Disposable packaging' },
  factScreens: { nl: 'Schermen uit', en: 'Screens off' },
  factLights: { nl: 'Licht uit', en: 'Lights off' },
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  checkIn: { nl: 'Inchecken', en: 'Check in' },
  change: { nl: 'Wijzig', en: 'Change' },

  // Join first (for commands that need a participant)
  joinFirstTitle: { nl: 'Je doet nog niet mee', en: "You haven't joined yet" },
  joinFirst: {
    nl: 'Daarvoor moet je eerst meedoen met de Soestainable Challenge. Dat is met één klik geregeld.',
    en: 'For that, join the Soestainable Challenge first. It only takes one click.',
  },
  join: { nl: 'Doe mee', en: 'Join' },

  // Leaving
  leaveTitle: { nl: 'Wil je stoppen met de challenge?', en: 'Do you want to stop the challenge?' },
  leaveBody: {
    nl: 'Je krijgt dan geen uitdagingen meer. Wat je al hebt ingevuld, blijft bewaard tot je het zelf verwijdert ("verwijder mijn gegevens"). Even pauzeren kan ook: typ "pauze".',
    en: 'You will get no more challenges. What you filled in stays stored until you delete it yourself ("delete my data"). You can also just pause: type "pause".',
  },
  leaveConfirm: { nl: 'Ja, stop', en: 'Yes, stop' },
  stay: { nl: 'Nee, ik blijf', en: "No, I'll stay" },
  leftTitle: { nl: 'Je bent gestopt', en: 'You have stopped' },
  leftBody: {
    nl: 'Je krijgt geen uitdagingen meer. Je gegevens blijven bewaard tot je ze verwijdert: typ "verwijder mijn gegevens". Terugkomen kan altijd met "doe mee".',
    en: 'You will get no more challenges. Your data stays stored until you delete it: type "delete my data". You can come back any time with "join".',
  },
  stayedTitle: { nl: 'Fijn dat je blijft!', en: 'Glad you are staying!' },
  stayedBody: { nl: 'Er is niets veranderd.', en: 'Nothing has changed.' },
  notJoinedLeave: {
    nl: 'Je doet op dit moment niet mee, dus er valt niets te stoppen.',
    en: 'You are not taking part at the moment, so there is nothing to stop.',
  },
} as const satisfies Texts;
