import type { Localized, TravelMode } from '../domain/types';

/**
 * Version of the factor table below. Every stored check-in records the version its impact was computed with
 * (`CheckIn.factorVersion`); change a number → bump the version, never edit a published version in place.
 */
export const FACTOR_TABLE_VERSION = '2026.1';

/** Where factors come from. `verified: false` = not yet checked against the original publication. */
export const FACTOR_SOURCES = {
  co2emissiefactoren: {
    name: { nl: 'CO2emissiefactoren.nl', en: 'CO2emissiefactoren.nl' },
    url: 'https://www.co2emissiefactoren.nl/lijst-emissiefactoren/',
    // BRIEF.md: "2026 list as read from a second-hand copy — verify". Check every number against the list (and
    // flip this flag) before the figures are presented as official.
    verified: false,
  },
  milieucentraal: {
    name: {
      nl: 'Milieu Centraal; levenscyclusstudies',
      en: 'Milieu Centraal; life-cycle studies',
    },
    url: 'https://www.milieucentraal.nl/',
    verified: false,
  },
  soestainable: {
    name: { nl: 'Aanname van Soestainable', en: 'Soestainable assumption' },
    url: undefined,
    verified: true,
  },
} as const satisfies Readonly<
  Record<string, { readonly name: Localized; readonly url: string | undefined; readonly verified: boolean }>
>;
export type FactorSourceId = keyof typeof FACTOR_SOURCES;

export const FACTOR_IDS = [
  'car-fuel-unknown',
  'car-petrol',
  'car-diesel',
  'car-phev',
  'car-electric',
  'train',
  'train-electric',
  'bus-tram-metro',
  'public-transport',
  'ebike',
  'bike-walk',
  'no-commute',
  'electricity-grey',
  'electricity-mix',
  'residual-waste-incineration',
  'disposable-cup',
  'waste-free-day-residual-waste',
] as const;
export type FactorId = (typeof FACTOR_IDS)[number];

/**
 * One emission factor (kg CO2-eq per unit, well-to-wheel for travel) with its uncertainty range:
 * `low ≤ value ≤ high`. `year` is the year of the list the figure comes from; for a source without a dated list
 * (Milieu Centraal, our own assumption) it is the year the figure was taken over.
 */
export interface EmissionFactor {
  readonly id: FactorId;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly unit: string;
  readonly label: Localized;
  readonly source: FactorSourceId;
  readonly year: number;
  readonly note?: string;
}

/** `value` ± `fraction`, rounded to 0.1 g so the table reads cleanly. */
function spread(value: number, fraction: number): { value: number; low: number; high: number } {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { value, low: round(value * (1 - fraction)), high: round(value * (1 + fraction)) };
}

// Ranges (assumptions, per BRIEF.md "uncertainty is large"):
/** Car: per vehicle-km, mid = one person driving alone; ±35 % for occupancy (BRIEF: ±30–40 %), car and driving. */
const CAR_RANGE = 0.35;
/** Public transport: per passenger-km, so it moves with occupancy too, which varies more by hour: ±40 %. */
const PUBLIC_TRANSPORT_RANGE = 0.4;
/** E-bike: tiny factor, mostly charging electricity mix: ±50 %. */
const EBIKE_RANGE = 0.5;
/** Net effect of incinerating residual waste depends on energy-recovery credits: ±30 %. */
const WASTE_RANGE = 0.3;

const CO2_LIST_YEAR = 2026;

/** The one versioned table of factors. Values from BRIEF.md "CO2 factors (checked)", sources as listed there. */
export const FACTOR_TABLE: Readonly<Record<FactorId, EmissionFactor>> = {
  'car-fuel-unknown': {
    id: 'car-fuel-unknown',
    ...spread(0.19, CAR_RANGE),
    unit: 'kg CO2-eq/vehicle-km',
    label: { nl: 'auto, brandstof onbekend', en: 'car, fuel unknown' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
    note: 'Used for travel mode "auto": we do not ask for the fuel. Mid assumes a solo driver.',
  },
  'car-petrol': {
    id: 'car-petrol',
    ...spread(0.196, CAR_RANGE),
    unit: 'kg CO2-eq/vehicle-km',
    label: { nl: 'auto, benzine', en: 'car, petrol' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  'car-diesel': {
    id: 'car-diesel',
    ...spread(0.224, CAR_RANGE),
    unit: 'kg CO2-eq/vehicle-km',
    label: { nl: 'auto, diesel', en: 'car, diesel' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  'car-phev': {
    id: 'car-phev',
    ...spread(0.18, CAR_RANGE),
    unit: 'kg CO2-eq/vehicle-km',
    label: { nl: 'auto, plug-in hybride', en: 'car, plug-in hybrid' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  'car-electric': {
    id: 'car-electric',
    ...spread(0.056, CAR_RANGE),
    unit: 'kg CO2-eq/vehicle-km',
    label: { nl: 'elektrische auto (Nederlandse stroommix)', en: 'electric car (Dutch grid mix)' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  train: {
    id: 'train',
    ...spread(0.03, PUBLIC_TRANSPORT_RANGE),
    unit: 'kg CO2-eq/passenger-km',
    label: { nl: 'trein', en: 'train' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  'train-electric': {
    id: 'train-electric',
    ...spread(0.019, PUBLIC_TRANSPORT_RANGE),
    unit: 'kg CO2-eq/passenger-km',
    label: { nl: 'trein, elektrisch', en: 'train, electric' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  'bus-tram-metro': {
    id: 'bus-tram-metro',
    ...spread(0.057, PUBLIC_TRANSPORT_RANGE),
    unit: 'kg CO2-eq/passenger-km',
    label: { nl: 'bus, tram, metro', en: 'bus, tram, metro' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  'public-transport': {
    id: 'public-transport',
    ...spread(0.036, PUBLIC_TRANSPORT_RANGE),
    unit: 'kg CO2-eq/passenger-km',
    label: { nl: 'openbaar vervoer algemeen', en: 'public transport, general' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
    note: 'Used for travel mode "ov": we do not ask which kind.',
  },
  ebike: {
    id: 'ebike',
    ...spread(0.002, EBIKE_RANGE),
    unit: 'kg CO2-eq/km',
    label: { nl: 'e-bike', en: 'e-bike' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  'bike-walk': {
    id: 'bike-walk',
    value: 0,
    low: 0,
    high: 0,
    unit: 'kg CO2-eq/km',
    label: { nl: 'fiets en lopen', en: 'bike and walking' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
  },
  'no-commute': {
    id: 'no-commute',
    value: 0,
    low: 0,
    high: 0,
    unit: 'kg CO2-eq/km',
    label: { nl: 'thuiswerken (geen woon-werkreis)', en: 'working from home (no commute)' },
    source: 'soestainable',
    year: CO2_LIST_YEAR,
    note: 'No commute, so no travel emissions. Extra energy use at home (heating, screen) is not counted.',
  },
  'electricity-grey': {
    id: 'electricity-grey',
    value: 0.483,
    low: 0.483,
    high: 0.483,
    unit: 'kg CO2-eq/kWh',
    label: { nl: 'grijze stroom', en: 'grey electricity' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
    note: 'No range: for electricity the uncertainty is in the kWh saved, not in the factor.',
  },
  'electricity-mix': {
    id: 'electricity-mix',
    value: 0.244,
    low: 0.244,
    high: 0.244,
    unit: 'kg CO2-eq/kWh',
    label: { nl: 'stroom, herkomst onbekend (mix)', en: 'electricity, unknown origin (mix)' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
    note: 'No range: for electricity the uncertainty is in the kWh saved, not in the factor.',
  },
  'residual-waste-incineration': {
    id: 'residual-waste-incineration',
    ...spread(0.36, WASTE_RANGE),
    unit: 'kg CO2-eq/kg residual waste',
    label: { nl: 'restafval, verbrand', en: 'residual waste, incinerated' },
    source: 'co2emissiefactoren',
    year: CO2_LIST_YEAR,
    note: 'Net figure (after energy recovery); range ±30 % is our assumption.',
  },
  'disposable-cup': {
    id: 'disposable-cup',
    value: 0.01,
    low: 0.01,
    high: 0.11,
    unit: 'kg CO2-eq/cup avoided',
    label: { nl: 'wegwerpbeker', en: 'disposable cup' },
    source: 'milieucentraal',
    year: CO2_LIST_YEAR,
    note:
      'No official factor. Mid and low: Milieu Centraal, about 10 g per cup avoided; high: top of ' +
      'the 20–110 g that life-cycle studies give. About 10× between low and high.',
  },
  'waste-free-day-residual-waste': {
    id: 'waste-free-day-residual-waste',
    value: 0.1,
    low: 0.05,
    high: 0.2,
    unit: 'kg residual waste avoided/waste-free day',
    label: { nl: 'restafval vermeden per afvalvrije werkdag', en: 'residual waste avoided per waste-free day' },
    source: 'soestainable',
    year: CO2_LIST_YEAR,
    note:
      'Assumption: an ordinary office day leaves 50–200 g of packaging and disposables in the residual bin ' +
      '(a sandwich bag, a yoghurt pot, cups, a wrapper); 100 g mid. Multiplied by residual-waste-incineration.',
  },
};

/** The factor each travel mode uses. The check-in asks no fuel type or kind of public transport (collect the minimum). */
export const TRAVEL_MODE_FACTOR: Readonly<Record<TravelMode, FactorId>> = {
  auto: 'car-fuel-unknown',
  eauto: 'car-electric',
  ov: 'public-transport',
  ebike: 'ebike',
  fiets: 'bike-walk',
  lopen: 'bike-walk',
  thuis: 'no-commute',
};

/** The factor for a travel mode. */
export function travelFactor(mode: TravelMode): EmissionFactor {
  return FACTOR_TABLE[TRAVEL_MODE_FACTOR[mode]];
}
