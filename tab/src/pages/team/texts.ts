import type { IdeaStatus } from '@soestainable/shared/domain/programme';
import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY } from '@soestainable/shared/text';

export const teamTexts = {
  title: { nl: 'Team {team}', en: 'Team {team}' },
  titleLoading: { nl: 'Teamdashboard', en: 'Team dashboard' },
  participation: GLOSSARY.participation.label,
  participationHint: { nl: '{participants} deelnemers · t/m eergisteren', en: '{participants} participants · up to the day before yesterday' },
  checkIns: GLOSSARY.checkIns.label,
  wasteFreeDays: GLOSSARY.wasteFreeDays.label,
  wasteFreeHint: { nl: '{share} van de check-ins', en: '{share} of the check-ins' },
  sustainableTravel: GLOSSARY.sustainableTravel.label,
  perDayChart: { nl: 'Check-ins per dag', en: 'Check-ins per day' },
  day: { nl: 'Dag', en: 'Day' },
  wasteFreeSeries: { nl: 'Afvalvrij', en: 'Waste-free' },
  travelChart: { nl: 'Reiswijze (aantal check-ins)', en: 'Travel mode (number of check-ins)' },
  travelMode: { nl: 'Reiswijze', en: 'Travel mode' },
  baselineTitle: { nl: 'Nulmeting en nu', en: 'Baseline and now' },
  baselineTable: { nl: 'Tabel nulmeting en nu', en: 'Table baseline and now' },
  baselineNone: {
    nl: 'Nog te weinig antwoorden op de nulmeting om te vergelijken.',
    en: 'Too few baseline answers yet to compare.',
  },
  baselineRespondents: { nl: '{respondents} mensen vulden de nulmeting in.', en: '{respondents} people answered the baseline survey.' },
  measure: { nl: 'Meting', en: 'Measure' },
  baseline: GLOSSARY.baseline.label,
  now: { nl: 'Nu', en: 'Now' },
  baselineTravel: { nl: 'Duurzaam woon-werkverkeer', en: 'Sustainable commute' },
  baselineWaste: { nl: 'Zonder wegwerpverpakking', en: 'Without disposable packaging' },
  notYet: { nl: 'nog niet', en: 'not yet' },
  compareTitle: { nl: 'Team naast de organisatie', en: 'Team beside the organisation' },
  compareTable: { nl: 'Tabel team naast de organisatie', en: 'Table team beside the organisation' },
  compareTeam: { nl: 'Dit team', en: 'This team' },
  compareOrg: GLOSSARY.organisation.label,
  co2PerParticipant: { nl: 'CO2-besparing per deelnemer (kg)', en: 'CO2 avoided per participant (kg)' },
  barriersTitle: { nl: 'Prikkels van het team', en: 'The team’s barriers' },
  barriersNone: { nl: 'Dit team meldde nog geen prikkels.', en: 'This team has not reported any barriers yet.' },
  barrierAction: { nl: 'Actie: {action} ({status})', en: 'Action: {action} ({status})' },
  ideasTitle: { nl: 'Ideeën van het team', en: 'The team’s ideas' },
  ideasNone: { nl: 'Dit team stuurde nog geen ideeën in.', en: 'This team has not sent in any ideas yet.' },
  emptyTitle: { nl: 'Nog geen check-ins', en: 'No check-ins yet' },
  emptyBody: {
    nl: 'Zodra teamleden inchecken bij de dagelijkse challenge, zie je hier de cijfers.',
    en: 'As soon as team members check in for the daily challenge, the figures appear here.',
  },
} as const satisfies Record<string, Localized>;

export const IDEA_STATUS_LABELS: Readonly<Record<IdeaStatus, Localized>> = {
  nieuw: { nl: 'Nieuw', en: 'New' },
  bekeken: { nl: 'Bekeken', en: 'Reviewed' },
  overgenomen: { nl: 'Overgenomen', en: 'Adopted' },
};
