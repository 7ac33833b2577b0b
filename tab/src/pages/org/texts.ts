import type { Localized } from '../../../../shared/src/domain/types';

export const orgTexts = {
  title: { nl: 'Organisatie', en: 'Organisation' },
  totalsTitle: { nl: 'De hele organisatie', en: 'The whole organisation' },
  participants: { nl: 'Deelnemers', en: 'Participants' },
  participation: { nl: 'Deelname', en: 'Participation' },
  checkIns: { nl: 'Check-ins', en: 'Check-ins' },
  wasteFreeDays: { nl: 'Afvalvrije dagen', en: 'Waste-free days' },
  sustainableTravel: { nl: 'Duurzaam gereisd', en: 'Sustainable travel' },
  baselineHint: { nl: 'nulmeting {baseline}', en: 'baseline {baseline}' },
  teamsTitle: { nl: 'Teams op volgorde van deelname', en: 'Teams by participation' },
  teamsNote: {
    nl: 'Alleen teams, nooit personen. Teams met minder dan {minimum} actieve deelnemers staan onderaan, zonder cijfers.',
    en: 'Teams only, never people. Teams with fewer than {minimum} active participants are listed last, without numbers.',
  },
  rank: { nl: 'Plaats', en: 'Rank' },
  team: { nl: 'Team', en: 'Team' },
  improvement: { nl: 'Verbetering t.o.v. nulmeting', en: 'Improvement on baseline' },
  improvementValue: { nl: '{points} procentpunt', en: '{points} percentage points' },
  co2: { nl: 'CO2-besparing (kg)', en: 'CO2 avoided (kg)' },
  tooSmall: { nl: 'te klein voor cijfers', en: 'too small for numbers' },
  hiddenComplementary: {
    nl: 'verborgen: anders te herleiden tot een klein team',
    en: 'hidden: would reveal a small team',
  },
  complementaryNote: {
    nl: 'Soms is ook een team met genoeg deelnemers verborgen: anders zou je de cijfers van een team met minder dan {minimum} deelnemers kunnen uitrekenen door de andere teams van het totaal af te trekken.',
    en: 'Sometimes a team with enough participants is hidden too: otherwise the figures of a team with fewer than {minimum} participants could be worked out by subtracting the other teams from the totals.',
  },
  unknown: { nl: 'nog onbekend', en: 'not known yet' },
  chartTitle: { nl: 'Deelname per team', en: 'Participation per team' },
  noTeams: { nl: 'Er zijn nog geen teams.', en: 'There are no teams yet.' },
  totalsHidden: {
    nl: 'Er doen nog minder dan {minimum} mensen mee in de hele organisatie: daarom nog geen totalen.',
    en: 'Fewer than {minimum} people take part across the organisation so far: no totals yet.',
  },
} as const satisfies Record<string, Localized>;
