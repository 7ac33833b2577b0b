import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY } from '@soestainable/shared/text';
import { commonTexts } from '../../texts/texts';

export const orgTexts = {
  title: GLOSSARY.organisation.label,
  totalsTitle: { nl: 'De hele organisatie', en: 'The whole organisation' },
  participants: GLOSSARY.participants.label,
  participation: GLOSSARY.participation.label,
  checkIns: GLOSSARY.checkIns.label,
  wasteFreeDays: GLOSSARY.wasteFreeDays.label,
  sustainableTravel: GLOSSARY.sustainableTravel.label,
  baselineHint: { nl: 'nulmeting {baseline}', en: 'baseline {baseline}' },
  teamsTitle: { nl: 'Teams op volgorde van deelname', en: 'Teams by participation' },
  teamsNote: {
    nl: 'Alleen teams, nooit personen. Teams met minder dan {minimum} actieve deelnemers staan onderaan, zonder cijfers.',
    en: 'Teams only, never people. Teams with fewer than {minimum} active participants are listed last, without numbers.',
  },
  rank: { nl: 'Plaats', en: 'Rank' },
  team: GLOSSARY.team.label,
  improvement: { nl: 'Verbetering t.o.v. nulmeting', en: 'Improvement on baseline' },
  improvementValue: { nl: '{points} procentpunt', en: '{points} percentage points' },
  co2: { nl: 'CO2-besparing (kg)', en: 'CO2 avoided (kg)' },
  tooSmall: commonTexts.tooSmall,
  disclosureNote: {
    nl: 'De cijfers lopen tot en met eergisteren: recentere dagen kunnen nog veranderen. Kleine teams tellen in de totalen alleen samen mee, als ze samen minstens {minimum} mensen uit twee of meer teams zijn; zo is niemand uit het totaal terug te rekenen.',
    en: 'Figures run up to the day before yesterday: later days can still change. Small teams count in the totals only together, when they are at least {minimum} people from two or more teams, so nobody can be worked out from the totals.',
  },
  unknown: { nl: 'nog onbekend', en: 'not known yet' },
  chartTitle: { nl: 'Deelname per team', en: 'Participation per team' },
  noTeams: { nl: 'Er zijn nog geen teams.', en: 'There are no teams yet.' },
  totalsHidden: {
    nl: 'Er doen nog minder dan {minimum} mensen mee in de hele organisatie: daarom nog geen totalen.',
    en: 'Fewer than {minimum} people take part across the organisation so far: no totals yet.',
  },
} as const satisfies Record<string, Localized>;
