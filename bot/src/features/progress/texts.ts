import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/** Texts of the progress card ("voortgang"): own figures, and the team's only from the minimum group size. */
export const progressTexts = {
  title: { nl: 'Je voortgang', en: 'Your progress' },
  subtitleDay: { nl: '{campaign} · dag {day} van {total}', en: '{campaign} · day {day} of {total}' },
  subtitleRunning: { nl: '{campaign} · {done} van {total} dagen voorbij', en: '{campaign} · {done} of {total} days gone' },
  subtitleEnded: { nl: '{campaign} · afgelopen op {date}', en: '{campaign} · ended on {date}' },
  streak: GLOSSARY.streak.label,
  streakValue: {
    nl: { one: '{count} werkdag op rij', other: '{count} werkdagen op rij' },
    en: { one: '{count} working day in a row', other: '{count} working days in a row' },
  },
  checkedIn: { nl: 'Ingecheckt', en: 'Checked in' },
  checkedInValue: { nl: '{n} van de {soFar} dagen tot nu toe', en: '{n} of the {soFar} days so far' },
  challenges: { nl: 'Challenge gedaan', en: 'Challenge done' },
  challengesValue: { nl: '{done}× helemaal, {partly}× deels', en: '{done}× fully, {partly}× partly' },
  co2: GLOSSARY.co2Avoided.label,
  sourcesHeading: { nl: 'Bronnen van de schatting', en: 'Sources of the estimate' },
  teamHeading: { nl: 'Je team', en: 'Your team' },
  teamAverage: {
    nl: 'Gemiddeld checkte {share} van je team per challengedag in (tot en met eergisteren: recentere dagen kunnen nog veranderen).',
    en: 'On average {share} of your team checked in per challenge day (up to the day before yesterday: later days can still change).',
  },
  teamHidden: {
    nl: 'Teamcijfers verschijnen vanaf {min} deelnemers in je team, zodat niemand herkenbaar is.',
    en: 'Team figures appear from {min} participants in your team, so that nobody can be singled out.',
  },
  checkInButton: { nl: 'Inchecken', en: 'Check in' },
  notStartedTitle: { nl: 'Nog even geduld', en: 'Not long now' },
  notStartedText: {
    nl: '{campaign} begint op {date}. Daarna zie je hier je reeks, je dagen en je geschatte CO2-besparing.',
    en: '{campaign} starts on {date}. From then on you see your streak, your days and your estimated CO2 avoided here.',
  },
  noCampaignTitle: { nl: 'Er loopt nu geen challenge', en: 'No challenge is running' },
  noCampaignText: {
    nl: 'Zodra er een Soestainable Challenge begint, houd ik hier je voortgang bij.',
    en: 'As soon as a Soestainable Challenge starts, I keep track of your progress here.',
  },
} as const satisfies Texts;
