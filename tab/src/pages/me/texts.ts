import { GLOSSARY, type TextTable } from '@soestainable/shared/text';
import { commonTexts } from '../../texts/texts';

export const meTexts = {
  title: { nl: 'Mijn voortgang', en: 'My progress' },
  notEnrolledTitle: { nl: 'Je doet nog niet mee', en: 'You have not joined yet' },
  notEnrolledBody: {
    nl: 'Typ "meedoen" in de chat met de Soestainable-bot om mee te doen. Daarna zie je hier je voortgang.',
    en: 'Type "join" in the chat with the Soestainable bot to take part. Then your progress appears here.',
  },
  days: { nl: 'Dagen ingecheckt', en: 'Days checked in' },
  daysValue: { nl: '{checked} van {soFar}', en: '{checked} of {soFar}' },
  // The form follows the campaign's number of days ({count}).
  daysHint: {
    nl: { one: '{done} gedaan, {partly} deels · {count} dag in totaal', other: '{done} gedaan, {partly} deels · {count} dagen in totaal' },
    en: { one: '{done} done, {partly} partly · {count} day in all', other: '{done} done, {partly} partly · {count} days in all' },
  },
  streak: GLOSSARY.streak.label,
  streakValue: { nl: { one: '{count} dag', other: '{count} dagen' }, en: { one: '{count} day', other: '{count} days' } },
  myImpact: { nl: 'Mijn geschatte CO2-besparing', en: 'My estimated CO2 avoided' },
  // The same card when my estimate is below 0 (e.g. usually working from home, driving today).
  myExtraEmissions: { nl: 'Mijn geschatte extra CO2-uitstoot', en: 'My estimated extra CO2 emissions' },
  noBaseline: {
    nl: 'Zonder nulmeting telt je reiswijze niet mee in je besparing; vul de nulmeting in om die te laten meetellen.',
    en: 'Without a baseline your travel mode does not count in your savings; fill in the baseline to have it counted.',
  },
  openDaysTitle: { nl: 'Inchecken', en: 'Check in' },
  openDaysNone: { nl: 'Vandaag en gisteren zijn geen challengedagen.', en: 'Today and yesterday are not challenge days.' },
  dayHeading: { nl: 'Dag {day} · {date}: {title}', en: 'Day {day} · {date}: {title}' },
  cupsHelp: { nl: '0 tot {max}', en: '0 to {max}' },
  save: commonTexts.save,
  change: { nl: 'Wijziging opslaan', en: 'Save change' },
  saved: commonTexts.saved,
  barrierText: { nl: 'Wat maakte het lastig? (optioneel)', en: 'What made it hard? (optional)' },
  barrierContact: { nl: 'Je mag contact met me opnemen over wat het lastig maakte', en: 'You may contact me about what made it hard' },
  ideaText: { nl: 'Heb je een idee? (optioneel)', en: 'Do you have an idea? (optional)' },
  reportTheme: { nl: 'Thema van je melding', en: 'Theme of what you report' },
  textCounter: { nl: '{count} van {max} tekens', en: '{count} of {max} characters' },
  textTooLong: { nl: 'Maximaal {max} tekens (nu {count}).', en: 'At most {max} characters (now {count}).' },
  dailyReportLimit: {
    nl: 'Per dag kun je hoogstens {max} prikkels en ideeën sturen, en met deze erbij kom je daar vandaag overheen. Er is niets opgeslagen: haal je melding en idee weg om alleen in te checken, of stuur ze morgen.',
    en: 'You can send at most {max} barriers and ideas a day, and with these you would go over that today. Nothing was saved: remove your report and idea to just check in, or send them tomorrow.',
  },
  savedBarrier: { nl: 'Je melding heeft kenmerk {reference}.', en: 'Your report has reference {reference}.' },
  savedIdea: { nl: 'Je idee heeft kenmerk {reference}.', en: 'Your idea has reference {reference}.' },
  checkedIn: { nl: 'Ingecheckt', en: 'Checked in' },
  notCheckedIn: { nl: 'Nog niet ingecheckt', en: 'Not checked in yet' },
  historyTitle: { nl: 'Mijn check-ins', en: 'My check-ins' },
  historyTable: { nl: 'Tabel mijn check-ins', en: 'Table my check-ins' },
  historyNone: { nl: 'Nog geen check-ins.', en: 'No check-ins yet.' },
  // Column headers of the history (the check-in form asks the shared CHECKIN_QUESTIONS, as the bot's card does).
  historyOutcome: { nl: 'Hoe ging de challenge?', en: 'How did the challenge go?' },
  historyTravelMode: { nl: 'Hoe kwam je naar het werk?', en: 'How did you get to work?' },
  date: { nl: 'Datum', en: 'Date' },
  co2Kg: { nl: 'CO2 (kg)', en: 'CO2 (kg)' },
  settingsTitle: { nl: 'Instellingen', en: 'Settings' },
  nudgeTime: { nl: 'Tijd van de dagelijkse challenge', en: 'Time of the daily challenge' },
  language: { nl: 'Taal van de bot', en: 'Language of the bot' },
  languageNl: { nl: 'Nederlands', en: 'Dutch' },
  languageEn: { nl: 'Engels', en: 'English' },
  paused: { nl: 'Gepauzeerd (geen dagelijkse berichten)', en: 'Paused (no daily messages)' },
  saveSettings: { nl: 'Instellingen opslaan', en: 'Save settings' },
  dataTitle: { nl: 'Mijn gegevens', en: 'My data' },
  dataBody: {
    nl: 'Download alles wat we over jou bewaren, of verwijder het. Je meldingen van prikkels en ideeën blijven anoniem bestaan.',
    en: 'Download everything we keep about you, or delete it. Barriers and ideas you reported stay, anonymously.',
  },
  export: { nl: 'Mijn gegevens downloaden', en: 'Download my data' },
  exported: { nl: 'Je download is klaar.', en: 'Your download is ready.' },
  delete: { nl: 'Mijn gegevens verwijderen', en: 'Delete my data' },
  deleteTitle: { nl: 'Alles verwijderen?', en: 'Delete everything?' },
  deleteBody: {
    nl: 'Je profiel, je check-ins, je nulmeting en eindmeting, je voornemens en terugblikken en je "Herken ik" worden definitief verwijderd; je naam gaat van je meldingen en acties af. Dit kan niet ongedaan worden gemaakt.',
    en: 'Your profile, your check-ins, your baseline and end survey, your pledges and follow-ups and your "Me too" marks will be deleted for good; your name is removed from your reports and actions. This cannot be undone.',
  },
  deleteConfirm: { nl: 'Ja, verwijderen', en: 'Yes, delete' },
  cancel: commonTexts.cancel,
  deleted: {
    nl: 'Je gegevens zijn verwijderd. Typ "meedoen" in de chat om opnieuw te beginnen.',
    en: 'Your data has been deleted. Type "join" in the chat to start again.',
  },
  deletedListLabel: { nl: 'Wat is verwijderd', en: 'What was deleted' },
  // One line per kind of data that had any: what "DELETE /api/me" answered.
  deletedCheckIns: { nl: { one: '{count} check-in', other: '{count} check-ins' }, en: { one: '{count} check-in', other: '{count} check-ins' } },
  deletedSurveys: {
    nl: { one: '{count} nulmeting of eindmeting', other: '{count} nulmetingen en eindmetingen' },
    en: { one: '{count} baseline or end survey', other: '{count} baselines and end surveys' },
  },
  deletedPledges: { nl: { one: '{count} voornemen', other: '{count} voornemens' }, en: { one: '{count} pledge', other: '{count} pledges' } },
  deletedFollowUps: {
    nl: { one: '{count} antwoord op een terugblik', other: '{count} antwoorden op terugblikken' },
    en: { one: '{count} follow-up answer', other: '{count} follow-up answers' },
  },
  deletedReports: {
    nl: { one: 'je naam bij {count} prikkel of idee (de melding blijft, anoniem)', other: 'je naam bij {count} prikkels en ideeën (de meldingen blijven, anoniem)' },
    en: { one: 'your name on {count} barrier or idea (the report stays, anonymous)', other: 'your name on {count} barriers and ideas (the reports stay, anonymous)' },
  },
  deletedRecognitions: {
    nl: { one: '{count} keer "Herken ik" (de telling gaat omlaag)', other: '{count} keer "Herken ik" (de tellingen gaan omlaag)' },
    en: { one: '{count} "Me too" (the count goes down)', other: '{count} "Me too" marks (the counts go down)' },
  },
  deletedOwnedActions: {
    nl: { one: 'jij als eigenaar van {count} actie (de actie blijft)', other: 'jij als eigenaar van {count} acties (de acties blijven)' },
    en: { one: 'you as the owner of {count} action (the action stays)', other: 'you as the owner of {count} actions (the actions stay)' },
  },
  deletedTeamCards: {
    nl: { one: 'jij als wie {count} teamkaart aan- of uitzette (de kaart blijft)', other: 'jij als wie {count} teamkaarten aan- of uitzette (de kaarten blijven)' },
    en: { one: 'you as who switched {count} team card on or off (the card stays)', other: 'you as who switched {count} team cards on or off (the cards stay)' },
  },
  deletedManagedTeams: {
    nl: { one: 'jij als leidinggevende van {count} team (het team blijft)', other: 'jij als leidinggevende van {count} teams (de teams blijven)' },
    en: { one: 'you as the manager of {count} team (the team stays)', other: 'you as the manager of {count} teams (the teams stay)' },
  },
} as const satisfies TextTable;
