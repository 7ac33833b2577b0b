import type { Texts } from '../../cards/texts';

/** Texts of the welcome feature: Dutch is the source, English the translation; the same keys in both. */
export const welcomeTexts = {
  title: { nl: 'Hoi! Ik ben de Soestainable-bot 👋', en: "Hi! I'm the Soestainable bot 👋" },
  line1: {
    nl: '🌱 Twee weken lang werken we samen afvalvrij en energieneutraal.',
    en: '🌱 For two weeks we work waste-free and energy-neutral, together.',
  },
  line2: {
    nl: '✅ Elke werkdag krijg je een kleine uitdaging; inchecken is één klik.',
    en: '✅ Every working day you get a small challenge; checking in is one click.',
  },
  line3: {
    nl: '🧱 Loop je ergens tegenaan? Meld het: wat je tegenhoudt, pakken we aan.',
    en: '🧱 Something gets in your way? Tell me: we tackle what holds you back.',
  },
  voluntary: {
    nl: 'Meedoen is vrijwillig en wat je invult is nooit voor beoordeling. Typ "hulp" om te zien wat ik kan.',
    en: 'Taking part is voluntary and what you fill in is never used for appraisal. Type "help" to see what I can do.',
  },
  join: { nl: 'Doe mee', en: 'Join' },

  backTitle: { nl: 'Welkom terug! 👋', en: 'Welcome back! 👋' },
  backActive: {
    nl: 'Je doet mee met team {team}. Je uitdaging komt elke werkdag om {time}.',
    en: 'You take part with team {team}. Your challenge arrives every working day at {time}.',
  },
  backPaused: {
    nl: 'Je doet mee met team {team}, maar je deelname staat op pauze. Zin om verder te gaan? Klik op Hervat.',
    en: 'You take part with team {team}, but your participation is paused. Ready to continue? Click Resume.',
  },
  backHelp: { nl: 'Typ "hulp" om te zien wat ik kan.', en: 'Type "help" to see what I can do.' },
  checkIn: { nl: 'Inchecken', en: 'Check in' },
  resume: { nl: 'Hervat', en: 'Resume' },

  channelTitle: { nl: 'Hallo allemaal! Ik ben de Soestainable-bot 🌱', en: "Hello everyone! I'm the Soestainable bot 🌱" },
  channelLine1: {
    nl: 'Gemeente Soest werkt twee weken lang afvalvrij en energieneutraal, en jullie team kan meedoen.',
    en: 'Gemeente Soest is working waste-free and energy-neutral for two weeks, and your team can take part.',
  },
  channelLine2: {
    nl: 'Doe je mee? Open een persoonlijke chat met mij (de Soestainable-bot) en typ "doe mee".',
    en: 'Want to join? Open a personal chat with me (the Soestainable bot) and type "join".',
  },
  channelPrivacy: {
    nl: 'Hier in het kanaal deel ik alleen teamtotalen, nooit namen of wie wat deed.',
    en: 'Here in the channel I only share team totals, never names or who did what.',
  },
  groupChat: {
    nl: 'Hoi! Ik ben de Soestainable-bot. Meedoen aan de challenge doe je in een persoonlijke chat met mij: open die en typ "doe mee".',
    en: 'Hi! I\'m the Soestainable bot. You join the challenge in a personal chat with me: open it and type "join".',
  },
} as const satisfies Texts;
