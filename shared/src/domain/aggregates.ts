import { TRAVEL_MODES, type CheckIn, type IsoDate, type KgRange, type TravelMode } from './types';

/**
 * The counters one team gathers on one campaign day. Dashboards and digests read only these, never single
 * check-ins, and they outlive the retention purge of raw check-ins.
 */
export interface AggregateCounters {
  readonly checkIns: number;
  readonly done: number;
  readonly partly: number;
  readonly notToday: number;
  readonly wasteFree: number;
  readonly travel: Readonly<Record<TravelMode, number>>;
  readonly cupsAvoided: number;
  /** Estimated kg CO2-eq avoided, summed per bound. */
  readonly co2: KgRange;
}

/** What one check-in adds to its team's day. */
export type AggregateDelta = AggregateCounters;

export interface DailyAggregate extends AggregateCounters {
  readonly campaignId: string;
  readonly teamId: string;
  readonly date: IsoDate;
  /**
   * Active participants of the team on that day: the denominator of the participation rate and of the minimum
   * group size. A snapshot recorded by a job, not derived from check-ins (a check-in never changes it).
   */
  readonly participants: number;
}

/**
 * CO2 sums are kept on a grid of 1 mg (1e-6 kg). Every contribution and every sum is rounded to it, so adding a
 * contribution and subtracting it again gives back exactly the value before: a correction never leaves
 * floating-point residue behind, however many edits a day sees.
 */
const KG_GRID = 1e6;
function roundKg(kg: number): number {
  const rounded = Math.round(kg * KG_GRID) / KG_GRID;
  return rounded === 0 ? 0 : rounded; // no -0
}
function zeroIfNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

function zeroTravel(): Record<TravelMode, number> {
  const travel = {} as Record<TravelMode, number>;
  for (const mode of TRAVEL_MODES) travel[mode] = 0;
  return travel;
}

export function emptyAggregate(campaignId: string, teamId: string, date: IsoDate): DailyAggregate {
  return {
    campaignId,
    teamId,
    date,
    checkIns: 0,
    done: 0,
    partly: 0,
    notToday: 0,
    wasteFree: 0,
    travel: zeroTravel(),
    cupsAvoided: 0,
    co2: { low: 0, mid: 0, high: 0 },
    participants: 0,
  };
}

/** The counters a single check-in contributes to its team's day (a whole `CheckIn`, or just what counts). */
export function checkInContribution(
  checkIn: Pick<CheckIn, 'outcome' | 'travelMode' | 'wasteFree' | 'cupsAvoided' | 'impact'>,
): AggregateDelta {
  const travel = zeroTravel();
  travel[checkIn.travelMode] = 1;
  return {
    checkIns: 1,
    done: checkIn.outcome === 'done' ? 1 : 0,
    partly: checkIn.outcome === 'partly' ? 1 : 0,
    notToday: checkIn.outcome === 'not_today' ? 1 : 0,
    wasteFree: checkIn.wasteFree ? 1 : 0,
    travel,
    cupsAvoided: checkIn.cupsAvoided,
    co2: { low: roundKg(checkIn.impact.low), mid: roundKg(checkIn.impact.mid), high: roundKg(checkIn.impact.high) },
  };
}

/**
 * Adds (`sign` 1) or removes (`sign` -1) a contribution. An edited check-in is applied as "minus the old
 * contribution, plus the new one", so a correction never counts twice. Returns a new object.
 */
export function applyDelta<A extends DailyAggregate>(agg: A, delta: AggregateDelta, sign: 1 | -1): A {
  const count = (a: number, d: number): number => zeroIfNegativeZero(a + sign * d);
  const travel = zeroTravel();
  for (const mode of TRAVEL_MODES) travel[mode] = count(agg.travel[mode], delta.travel[mode]);
  return {
    ...agg,
    checkIns: count(agg.checkIns, delta.checkIns),
    done: count(agg.done, delta.done),
    partly: count(agg.partly, delta.partly),
    notToday: count(agg.notToday, delta.notToday),
    wasteFree: count(agg.wasteFree, delta.wasteFree),
    travel,
    cupsAvoided: count(agg.cupsAvoided, delta.cupsAvoided),
    co2: {
      low: roundKg(agg.co2.low + sign * roundKg(delta.co2.low)),
      mid: roundKg(agg.co2.mid + sign * roundKg(delta.co2.mid)),
      high: roundKg(agg.co2.high + sign * roundKg(delta.co2.high)),
    },
  };
}
