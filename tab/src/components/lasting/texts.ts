import type { SurveyQuestion } from '@soestainable/shared/api/lasting';
import type { KeptAnswer } from '@soestainable/shared/domain/followUp';
import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY, type TextTable } from '@soestainable/shared/text';

/** Texts of the "Wat bleef / What lasted" section on the team, organisation and report pages. Dutch is the source. */
export const lastingTexts = {
  title: { nl: 'Wat bleef', en: 'What lasted' },
  campaign: { nl: 'Campagne', en: 'Campaign' },
  campaignOption: { nl: '{name} (laatste dag {date})', en: '{name} (last day {date})' },
  emptyTitle: { nl: 'Nog geen afgelopen campagne', en: 'No campaign has ended yet' },
  emptyBody: {
    nl: 'Na de laatste dag van een campagne zie je hier de eindmeting naast de nulmeting, en of voornemens na 2, 6 en 12 weken nog worden volgehouden.',
    en: 'After the last day of a campaign you see the end survey beside the baseline here, and whether pledges are still kept after 2, 6 and 12 weeks.',
  },
  intro: {
    nl: 'Cijfers alleen waar minstens {minimum} mensen antwoordden; kleinere groepen tellen niet mee, zodat niemand herkenbaar is.',
    en: 'Figures only where at least {minimum} people answered; smaller groups are left out, so that no one can be recognised.',
  },
  wavesTitle: { nl: 'Voornemens volgehouden', en: 'Pledges kept' },
  wavesChart: { nl: 'Voornemens volgehouden per terugblik', en: 'Pledges kept per follow-up' },
  wavesTable: { nl: 'Tabel voornemens per gewoonte en terugblik', en: 'Table of pledges per habit and follow-up' },
  waveLabel: { nl: { one: '+{count} week', other: '+{count} weken' }, en: { one: '+{count} week', other: '+{count} weeks' } },
  waveColumn: { nl: { one: '+{count} week ({date})', other: '+{count} weken ({date})' }, en: { one: '+{count} week ({date})', other: '+{count} weeks ({date})' } },
  habit: { nl: 'Gewoonte', en: 'Habit' },
  overall: { nl: 'Alle voornemens', en: 'All pledges' },
  cell: { nl: 'ja {ja} · soms {soms} · nee {nee} ({answers} antwoorden)', en: 'yes {ja} · sometimes {soms} · no {nee} ({answers} answers)' },
  hidden: { nl: 'Verborgen: minder dan {minimum} antwoorden', en: 'Hidden: fewer than {minimum} answers' },
  planned: { nl: 'Gepland op {date}', en: 'Planned for {date}' },
  open: { nl: 'Loopt nog tot {date}', en: 'Open until {date}' },
  noFinalWave: { nl: 'Nog geen terugblik afgerond.', en: 'No follow-up has been completed yet.' },
  surveysTitle: { nl: 'Nulmeting en eindmeting', en: 'Baseline and end survey' },
  surveysTable: { nl: 'Tabel nulmeting en eindmeting per vraag', en: 'Table of baseline and end survey per question' },
  answer: { nl: 'Antwoord', en: 'Answer' },
  baseline: GLOSSARY.baseline.label,
  end: { nl: 'Eindmeting', en: 'End survey' },
  surveysBasis: {
    nl: 'Basis: iedereen die de vragenlijst invulde ({baseline} bij de nulmeting, {end} bij de eindmeting); niet per se dezelfde mensen.',
    en: 'Basis: everyone who answered the survey ({baseline} for the baseline, {end} for the end survey); not necessarily the same people.',
  },
  notShown: { nl: 'verborgen', en: 'hidden' },
  endNotFinal: {
    nl: 'De eindmeting kan nog worden aangevuld; de cijfers volgen zodra de eerste terugblik is verstuurd.',
    en: 'The end survey can still be answered; its figures follow once the first follow-up has been sent.',
  },
  teamsTitle: { nl: 'Voornemens volgehouden per team', en: 'Pledges kept per team' },
  team: GLOSSARY.team.label,
  teamCell: { nl: 'ja {ja}', en: 'yes {ja}' },
  teamsNote: { nl: 'Per team het aandeel "ja" over alle voornemens.', en: 'Per team the share of "yes" over all pledges.' },
} as const satisfies TextTable;

export const KEPT_LABELS: Readonly<Record<KeptAnswer, Localized>> = {
  ja: { nl: 'Ja', en: 'Yes' },
  soms: { nl: 'Soms', en: 'Sometimes' },
  nee: { nl: 'Nee', en: 'No' },
};

export const QUESTION_LABELS: Readonly<Record<SurveyQuestion, Localized>> = {
  commuteMode: { nl: 'Hoe kom je meestal naar je werk?', en: 'How do you usually get to work?' },
  distanceBand: { nl: 'Afstand woon-werk (enkele reis)', en: 'Commute distance (one way)' },
  disposablePackaging: { nl: 'Lunch of koffie in wegwerpverpakking', en: 'Lunch or coffee in disposable packaging' },
  screensOffAtNight: { nl: "Scherm 's avonds uit", en: 'Screen off at night' },
  lightsOffWhenLeaving: { nl: 'Licht uit bij weggaan', en: 'Lights off when leaving' },
};

/** The answers in the order the chart and the tables show them (KEPT_ANSWERS, without loading its module's zod). */
export const KEPT_ORDER: readonly KeptAnswer[] = ['ja', 'soms', 'nee'];

export const YES_NO_LABELS: Readonly<Record<'yes' | 'no', Localized>> = {
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
};
