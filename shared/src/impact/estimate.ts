import type { CheckIn, KgRange, Language, Survey } from '../domain/types';
import { DISTANCE_BANDS } from '../domain/types';
import type { EmissionFactor, FactorSourceId } from './factors';
import { FACTOR_SOURCES, FACTOR_TABLE, FACTOR_TABLE_VERSION, travelFactor } from './factors';

/** What of a check-in the estimate reads. */
export type CheckInImpactInput = Pick<CheckIn, 'outcome' | 'travelMode' | 'distanceBand' | 'wasteFree' | 'cupsAvoided'>;
/** What of the baseline survey (nulmeting) the estimate reads: the usual commute. */
export type ImpactBaseline = Pick<Survey, 'commuteMode' | 'distanceBand'>;

/** The estimate per source of savings, each rounded to grams; `total` is their sum. */
export interface ImpactBreakdown {
  readonly travel: KgRange;
  readonly cups: KgRange;
  readonly wasteFree: KgRange;
  readonly total: KgRange;
}

export const ZERO_RANGE: KgRange = { low: 0, mid: 0, high: 0 };

interface Interval {
  readonly low: number;
  readonly mid: number;
  readonly high: number;
}

/** Rounds kg to whole grams; float noise (2.4699999…) is removed first, and -0 becomes 0. */
function toGrams(kg: number): number {
  const grams = Math.round(Number((kg * 1000).toPrecision(12)));
  return grams === 0 ? 0 : grams / 1000;
}

function rounded(range: Interval): KgRange {
  return { low: toGrams(range.low), mid: toGrams(range.mid), high: toGrams(range.high) };
}

/**
 * Interval product: the smallest and largest of the four corner products, so `low ≤ mid ≤ high` holds for any
 * signs (mid is the product of two mids, which lie inside their intervals).
 */
function multiply(a: Interval, b: Interval): Interval {
  const corners = [a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high];
  return { low: Math.min(...corners), mid: a.mid * b.mid, high: Math.max(...corners) };
}

function factorInterval(factor: EmissionFactor): Interval {
  return { low: factor.low, mid: factor.value, high: factor.high };
}

/**
 * Travel emissions avoided today against the usual commute:
 * (baseline mode factor − today's mode factor) × one-way km × 2 (round trip).
 *
 * - No baseline: we do not know how this person would otherwise have travelled, so we assume no change and
 *   count 0 (never guess a car).
 * - Same factor both ways (car → car, bike → walking): exactly 0; the factor's uncertainty cancels out.
 * - The range combines the factors' low/high (the difference's extremes, baseline low − today high and baseline
 *   high − today low, treated as independent) with the distance band's low/high km. The difference can be
 *   negative (usually working from home, today by car): then so is the estimate, still ordered low ≤ mid ≤ high.
 * - Distance: today's band; when working from home today, the baseline's band (the commute that did not happen).
 * - Counted whatever the day's outcome, also `not_today`: the person did travel, one way or another.
 */
function travelAvoided(checkIn: CheckInImpactInput, baseline: ImpactBaseline | undefined): Interval {
  if (baseline === undefined) {
    return ZERO_RANGE;
  }
  const usual = travelFactor(baseline.commuteMode);
  const today = travelFactor(checkIn.travelMode);
  if (usual.id === today.id) {
    return ZERO_RANGE;
  }
  const band = DISTANCE_BANDS[checkIn.travelMode === 'thuis' ? baseline.distanceBand : checkIn.distanceBand];
  const perKm: Interval = {
    low: usual.low - today.high,
    mid: usual.value - today.value,
    high: usual.high - today.low,
  };
  const roundTripKm: Interval = { low: band.lowKm * 2, mid: band.representativeKm * 2, high: band.highKm * 2 };
  return multiply(perKm, roundTripKm);
}

/**
 * Disposable cups avoided × the cup factor. The count answers the day's own question, so it is not counted
 * when the day's challenge was `not_today` (a stale or contradictory count must not inflate the estimate).
 */
function cupsAvoided(checkIn: CheckInImpactInput): Interval {
  const cups = checkIn.cupsAvoided;
  if (!Number.isInteger(cups) || cups < 0) {
    throw new RangeError(`cupsAvoided must be a non-negative integer, got ${cups}`);
  }
  if (checkIn.outcome === 'not_today' || cups === 0) {
    return ZERO_RANGE;
  }
  const factor = FACTOR_TABLE['disposable-cup'];
  return { low: cups * factor.low, mid: cups * factor.value, high: cups * factor.high };
}

/**
 * A waste-free day avoids a modest amount of residual waste. Assumption (factor `waste-free-day-residual-waste`):
 * 0.05–0.2 kg, 0.1 kg mid, × residual waste incinerated (0.36 kg CO2-eq/kg, ±30 %): about 13–94 g, 36 g mid.
 * The waste-free question is asked every day apart from the challenge, so it counts whatever the outcome.
 */
function wasteFreeDay(checkIn: CheckInImpactInput): Interval {
  if (!checkIn.wasteFree) {
    return ZERO_RANGE;
  }
  return multiply(
    factorInterval(FACTOR_TABLE['waste-free-day-residual-waste']),
    factorInterval(FACTOR_TABLE['residual-waste-incineration']),
  );
}

/** The estimate of one check-in, per source of savings. */
export function estimateCheckInImpactBreakdown(
  checkIn: CheckInImpactInput,
  baseline: ImpactBaseline | undefined,
): ImpactBreakdown {
  const travel = rounded(travelAvoided(checkIn, baseline));
  const cups = rounded(cupsAvoided(checkIn));
  const wasteFree = rounded(wasteFreeDay(checkIn));
  return { travel, cups, wasteFree, total: sumRanges([travel, cups, wasteFree]) };
}

/**
 * Estimated kg CO2-eq avoided by one check-in (travel + cups + waste-free day), rounded to grams, computed with
 * {@link FACTOR_TABLE_VERSION}; store that version with the result.
 */
export function estimateCheckInImpact(checkIn: CheckInImpactInput, baseline: ImpactBaseline | undefined): KgRange {
  return estimateCheckInImpactBreakdown(checkIn, baseline).total;
}

/** The sum of ranges (team or campaign totals), rounded to grams. An empty list sums to 0. */
export function sumRanges(ranges: readonly KgRange[]): KgRange {
  let low = 0;
  let mid = 0;
  let high = 0;
  for (const range of ranges) {
    low += range.low;
    mid += range.mid;
    high += range.high;
  }
  return rounded({ low, mid, high });
}

const SOURCE_ORDER: readonly FactorSourceId[] = ['co2emissiefactoren', 'milieucentraal', 'soestainable'];

/**
 * The sources behind the estimates, for display under a figure: one line per source and year, naming what it
 * gives, then a line with the table version. Example (nl):
 * "CO2emissiefactoren.nl (2026): auto, brandstof onbekend; …".
 */
export function impactSources(lang: Language): readonly string[] {
  const factors = Object.values(FACTOR_TABLE);
  const lines: string[] = [];
  for (const sourceId of SOURCE_ORDER) {
    const ofSource = factors.filter((factor) => factor.source === sourceId);
    const years = [...new Set(ofSource.map((factor) => factor.year))].sort((a, b) => a - b);
    for (const year of years) {
      const labels = ofSource.filter((factor) => factor.year === year).map((factor) => factor.label[lang]);
      lines.push(`${FACTOR_SOURCES[sourceId].name[lang]} (${year}): ${labels.join('; ')}`);
    }
  }
  lines.push(
    lang === 'nl'
      ? `Schatting met bandbreedte (laag–hoog), kg CO2-equivalent; factortabel ${FACTOR_TABLE_VERSION}.`
      : `Estimate with a range (low–high), kg CO2 equivalent; factor table ${FACTOR_TABLE_VERSION}.`,
  );
  return lines;
}
