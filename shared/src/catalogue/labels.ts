import type {
  ActionStatus,
  BarrierStatus,
  CheckInOutcome,
  Dimension,
  DistanceBand,
  Frequency,
  Language,
  Localized,
  Theme,
  TravelMode,
} from '../domain/types';

/**
 * Display labels for the domain's constant lists, Dutch (source) and English, in one place for the bot's cards
 * and the tab. A `Record` over the union makes a missing key a compile error; the unit test checks that no text
 * is empty.
 */
export type LabelMap<K extends string> = Readonly<Record<K, Localized>>;

export const CHECKIN_OUTCOME_LABELS: LabelMap<CheckInOutcome> = {
  done: { nl: 'Gedaan', en: 'Done' },
  partly: { nl: 'Deels', en: 'Partly' },
  not_today: { nl: 'Vandaag niet', en: 'Not today' },
};

export const TRAVEL_MODE_LABELS: LabelMap<TravelMode> = {
  fiets: { nl: 'Fiets', en: 'Bike' },
  lopen: { nl: 'Lopend', en: 'On foot' },
  ebike: { nl: 'E-bike', en: 'E-bike' },
  ov: { nl: 'Openbaar vervoer', en: 'Public transport' },
  auto: { nl: 'Auto', en: 'Car' },
  eauto: { nl: 'Elektrische auto', en: 'Electric car' },
  thuis: { nl: 'Thuis gewerkt', en: 'Worked from home' },
};

/** One-way commute distance (see DISTANCE_BANDS). */
export const DISTANCE_BAND_LABELS: LabelMap<DistanceBand> = {
  '0-5': { nl: 'tot 5 km', en: 'up to 5 km' },
  '5-10': { nl: '5 tot 10 km', en: '5 to 10 km' },
  '10-20': { nl: '10 tot 20 km', en: '10 to 20 km' },
  '20-40': { nl: '20 tot 40 km', en: '20 to 40 km' },
  '40+': { nl: '40 km of meer', en: '40 km or more' },
};

export const THEME_LABELS: LabelMap<Theme> = {
  circulariteit: { nl: 'Circulariteit', en: 'Circular economy' },
  energietransitie: { nl: 'Energietransitie', en: 'Energy transition' },
  mvoi: { nl: 'Verantwoord inkopen (MVOI)', en: 'Responsible procurement (MVOI)' },
};

/** The five embedding dimensions of the kansenkaart. */
export const DIMENSION_LABELS: LabelMap<Dimension> = {
  beleid: { nl: 'Beleid', en: 'Policy' },
  organisatie: { nl: 'Organisatie', en: 'Organisation' },
  cultuur: { nl: 'Cultuur', en: 'Culture' },
  uitvoering: { nl: 'Uitvoering', en: 'Execution' },
  sturing: { nl: 'Sturing', en: 'Steering' },
};

export const ACTION_STATUS_LABELS: LabelMap<ActionStatus> = {
  idee: { nl: 'Idee', en: 'Idea' },
  gepland: { nl: 'Gepland', en: 'Planned' },
  in_uitvoering: { nl: 'In uitvoering', en: 'In progress' },
  gerealiseerd: { nl: 'Gerealiseerd', en: 'Done' },
  geparkeerd: { nl: 'Geparkeerd', en: 'Parked' },
};

export const BARRIER_STATUS_LABELS: LabelMap<BarrierStatus> = {
  nieuw: { nl: 'Nieuw', en: 'New' },
  gekoppeld: { nl: 'Gekoppeld aan een actie', en: 'Linked to an action' },
  opgelost: { nl: 'Opgelost', en: 'Resolved' },
  afgewezen: { nl: 'Afgewezen', en: 'Declined' },
  samengevoegd: { nl: 'Samengevoegd', en: 'Merged' },
};

/** How often lunch or coffee comes in disposable packaging (baseline survey). */
export const FREQUENCY_LABELS: LabelMap<Frequency> = {
  never: { nl: 'Nooit', en: 'Never' },
  sometimes: { nl: 'Soms', en: 'Sometimes' },
  often: { nl: 'Vaak', en: 'Often' },
  daily: { nl: 'Elke dag', en: 'Every day' },
};

/** The label of `key` in `lang`. */
export function labelOf<K extends string>(labels: LabelMap<K>, key: K, lang: Language): string {
  return labels[key][lang];
}
