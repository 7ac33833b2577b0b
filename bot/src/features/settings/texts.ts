import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/** Texts of the settings feature: Dutch is the source, English the translation; the same keys in both. */
export const settingsTexts = {
  pausedTitle: { nl: 'Gepauzeerd ⏸️', en: 'Paused ⏸️' },
  pausedBody: {
    nl: 'Je krijgt geen uitdagingen tot je hervat. Je team en je gegevens blijven gewoon staan.',
    en: "You won't get challenges until you resume. Your team and your data stay as they are.",
  },
  alreadyPaused: { nl: 'Je deelname stond al op pauze; er is niets veranderd.', en: 'Your participation was already paused; nothing changed.' },
  resume: { nl: 'Hervat', en: 'Resume' },
  resumedTitle: { nl: 'Je doet weer mee! ▶️', en: "You're back in! ▶️" },
  resumedToday: { nl: 'Vandaag om {time} krijg je weer je uitdaging.', en: "You'll get your challenge again today at {time}." },
  resumedOn: { nl: 'Je volgende uitdaging krijg je om {time} op {date}.', en: "You'll get your next challenge at {time} on {date}." },
  resumedOver: {
    nl: 'In deze Soestainable Challenge komen geen uitdagingen meer. Begint er een nieuwe, dan krijg je je uitdaging weer om {time}.',
    en: "No more challenges are coming in this Soestainable Challenge. When a new one starts, you'll get your challenge at {time} again.",
  },
  resumedNoCampaign: {
    nl: 'Er is nu geen challenge gepland. Zodra er een begint, krijg je je uitdaging weer om {time}.',
    en: "No challenge is planned right now. Once one starts, you'll get your challenge at {time} again.",
  },
  activeTitle: { nl: 'Je doet mee ▶️', en: "You're taking part ▶️" },
  alreadyActive: { nl: 'Je doet al mee; er is niets veranderd.', en: "You're already taking part; nothing changed." },
  checkIn: { nl: 'Inchecken', en: 'Check in' },
  pause: { nl: 'Pauzeer', en: 'Pause' },
  save: { nl: 'Opslaan', en: 'Save' },

  timeTitle: { nl: 'Hoe laat wil je je uitdaging krijgen?', en: 'When would you like your challenge?' },
  timeBody: { nl: 'Nu is dat {time}. Kies een tijd tussen {min} en {max}.', en: 'Right now it is {time}. Choose a time between {min} and {max}.' },
  timeLabel: { nl: 'Tijd', en: 'Time' },
  timeMissing: { nl: 'Kies een tijd tussen {min} en {max}.', en: 'Choose a time between {min} and {max}.' },
  timeInvalidTyped: {
    nl: 'Die tijd kan ik niet gebruiken; er is niets veranderd. Kies een tijd tussen {min} en {max}, bijvoorbeeld: tijd 08:30',
    en: "I can't use that time; nothing changed. Choose a time between {min} and {max}, for example: time 08:30",
  },
  timeInvalidCard: {
    nl: 'Die tijd kan ik niet gebruiken; er is niets veranderd. Kies een tijd tussen {min} en {max}, bijvoorbeeld 08:30.',
    en: "I can't use that time; nothing changed. Choose a time between {min} and {max}, for example 08:30.",
  },
  timeSetTitle: { nl: 'Tijd aangepast ⏰', en: 'Time changed ⏰' },
  timeSet: { nl: 'Je uitdaging komt voortaan om {time}.', en: 'From now on your challenge arrives at {time}.' },
  stillPaused: { nl: 'Je deelname staat nog op pauze: typ "hervat" om weer mee te doen.', en: 'Your participation is still paused: type "resume" to continue.' },

  languageTitle: { nl: 'In welke taal zal ik met je praten?', en: 'Which language shall I speak with you?' },
  languageLabel: { nl: 'Taal', en: 'Language' },
  languageInvalidTyped: {
    nl: 'Die taal ken ik niet; er is niets veranderd. Typ "taal nl" voor Nederlands of "taal en" voor English.',
    en: 'I don\'t know that language; nothing changed. Type "language nl" for Nederlands or "language en" for English.',
  },
  languageInvalidCard: { nl: 'Kies Nederlands of English; er is niets veranderd.', en: 'Choose Nederlands or English; nothing changed.' },
  languageSetTitle: { nl: 'Taal aangepast', en: 'Language changed' },
  languageSet: { nl: 'Vanaf nu praat ik Nederlands met je.', en: "From now on I'll talk to you in English." },

  teamTitle: { nl: 'Je team', en: 'Your team' },
  teamCurrent: {
    nl: 'Je zit nu in team {team}. Wil je wisselen? Kies hieronder je nieuwe team.',
    en: 'You are in team {team} now. Want to switch? Choose your new team below.',
  },
  teamLabel: GLOSSARY.team.label,
  teamMissing: { nl: 'Kies een team.', en: 'Choose a team.' },
  teamUnknown: { nl: 'Dat team ken ik niet; er is niets veranderd. Kies er een uit de lijst.', en: "I don't know that team; nothing changed. Pick one from the list." },
  teamSetTitle: { nl: 'Team aangepast', en: 'Team changed' },
  teamSet: { nl: 'Vanaf nu tel je mee voor team {team}.', en: 'From now on you count towards team {team}.' },

  personalOnly: {
    nl: 'Dit regel je in je eigen chat met mij, niet hier. Open de chat met de Soestainable-bot en typ daar "{command}".',
    en: 'You set this in your own chat with me, not here. Open the chat with the Soestainable bot and type "{command}" there.',
  },

  formInvalid: {
    nl: 'Dit formulier klopt niet (meer); er is niets veranderd. Probeer het hieronder opnieuw.',
    en: 'This form is not right (any more); nothing changed. Please try again below.',
  },
} as const satisfies Texts;

/**
 * What to type in the personal chat for each setting, as {@link settingsTexts}' `personalOnly` names it: the
 * command's first word (`tijd`, not the help's example `tijd 08:30`), so that nobody is told to type a value.
 */
export const settingWords = {
  pause: { nl: 'pauze', en: 'pause' },
  resume: { nl: 'hervat', en: 'resume' },
  time: { nl: 'tijd', en: 'time' },
  language: { nl: 'taal', en: 'language' },
  team: { nl: 'team', en: 'team' },
} as const satisfies Texts;

/** A setting that only the personal chat changes. */
export type SettingId = keyof typeof settingWords;
