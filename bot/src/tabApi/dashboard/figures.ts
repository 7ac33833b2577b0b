import type {
  BaselineComparison,
  CampaignInfo,
  DayPoint,
  FactorSourceInfo,
  ImpactInfo,
  TeamFigures,
} from '@soestainable/shared/api/dashboard';
import type { DailyAggregate } from '@soestainable/shared/domain/aggregates';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { SUSTAINABLE_TRAVEL_MODES, TRAVEL_MODES, type IsoDate, type Survey, type TravelMode } from '@soestainable/shared/domain/types';
import { FACTOR_SOURCES, FACTOR_TABLE_VERSION, sumRanges } from '@soestainable/shared/impact';
import { campaignDaysOf } from '@soestainable/shared/domain/campaignDay';

/**
 * Pure arithmetic of the dashboards: from per-team daily aggregates (never single check-ins) to the figures the
 * tab shows. The callers pass only what the disclosure rule (shared/src/privacy) lets them show.
 */

export function campaignInfo(campaign: Campaign, today: IsoDate): CampaignInfo {
  const days = campaignDaysOf(campaign);
  return {
    campaignId: campaign.campaignId,
    name: campaign.name,
    status: campaign.status,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    days,
    daysSoFar: days.filter((d) => d <= today).length,
    today,
  };
}

export const FACTOR_SOURCE_LIST: readonly FactorSourceInfo[] = Object.entries(FACTOR_SOURCES).map(([id, s]) => ({
  id,
  name: s.name,
  url: s.url ?? null,
  verified: s.verified,
}));

/**
 * What a set of figures is computed from: the disclosed cells (`discloseCells` in shared/src/privacy: final days,
 * groups of at least the minimum, or the organisation's residual group) and the people they stand for now.
 */
export interface FiguresInput {
  readonly cells: readonly DailyAggregate[];
  /** People shown beside the figures (a team's active participants now; the organisation's disclosed total). */
  readonly people: number;
}

const share = (n: number, of: number): number => (of <= 0 ? 0 : Math.min(1, n / of));
const rounded = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Per campaign day that has disclosed cells: check-ins, waste-free check-ins and the participation rate (check-ins
 * ÷ the people recorded for those cells that day).
 */
export function perDay(days: readonly IsoDate[], cells: readonly DailyAggregate[]): DayPoint[] {
  const byDate = new Map<IsoDate, DailyAggregate[]>();
  for (const c of cells) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
  return days.flatMap((date, i) => {
    const day = byDate.get(date);
    if (day === undefined) return [];
    const checkIns = day.reduce((n, c) => n + c.checkIns, 0);
    const of = day.reduce((n, c) => n + c.participants, 0);
    return [{ date, day: i + 1, checkIns, wasteFree: day.reduce((n, c) => n + c.wasteFree, 0), participationRate: rounded(share(checkIns, of)) }];
  });
}

export function impactOf(aggregates: readonly DailyAggregate[]): ImpactInfo {
  return {
    co2: sumRanges(aggregates.map((a) => a.co2)),
    cupsAvoided: aggregates.reduce((n, a) => n + a.cupsAvoided, 0),
    factorVersion: FACTOR_TABLE_VERSION,
    sources: FACTOR_SOURCE_LIST,
  };
}

/**
 * The figures of a team, or of the organisation, from disclosed cells only: today's figures appear once the day
 * is final (docs/privacy.md, "Minimum group size and the disclosure rule").
 */
export function figuresOf({ cells, people }: FiguresInput): TeamFigures {
  const checkIns = cells.reduce((n, a) => n + a.checkIns, 0);
  const travel = {} as Record<TravelMode, number>;
  for (const mode of TRAVEL_MODES) travel[mode] = cells.reduce((n, a) => n + a.travel[mode], 0);
  const sustainable = SUSTAINABLE_TRAVEL_MODES.reduce((n, m) => n + travel[m], 0);
  return {
    participants: people,
    participationRate: rounded(share(checkIns, cells.reduce((n, a) => n + a.participants, 0))),
    checkIns,
    wasteFreeDays: cells.reduce((n, a) => n + a.wasteFree, 0),
    travel,
    sustainableTravelShare: checkIns === 0 ? null : rounded(sustainable / checkIns),
    impact: impactOf(cells),
  };
}

/** What the baseline comparison needs of the baseline surveys: counts only. */
export interface BaselineTally {
  readonly respondents: number;
  readonly sustainableCommute: number;
  readonly neverDisposable: number;
}

export function tallyBaselines(surveys: readonly Survey[]): BaselineTally {
  return {
    respondents: surveys.length,
    sustainableCommute: surveys.filter((s) => SUSTAINABLE_TRAVEL_MODES.includes(s.commuteMode)).length,
    neverDisposable: surveys.filter((s) => s.disposablePackaging === 'never').length,
  };
}

export function addTallies(tallies: readonly BaselineTally[]): BaselineTally {
  return {
    respondents: tallies.reduce((n, t) => n + t.respondents, 0),
    sustainableCommute: tallies.reduce((n, t) => n + t.sustainableCommute, 0),
    neverDisposable: tallies.reduce((n, t) => n + t.neverDisposable, 0),
  };
}

/** Baseline against now; null while fewer than `minimum` people answered the baseline. */
export function baselineComparison(tally: BaselineTally, figures: TeamFigures, minimum: number): BaselineComparison | null {
  if (tally.respondents < minimum) return null;
  return {
    respondents: tally.respondents,
    sustainableTravel: { baseline: rounded(tally.sustainableCommute / tally.respondents), now: figures.sustainableTravelShare },
    wasteFree: {
      baseline: rounded(tally.neverDisposable / tally.respondents),
      now: figures.checkIns === 0 ? null : rounded(figures.wasteFreeDays / figures.checkIns),
    },
  };
}

/** Sustainable travel now minus at baseline (fraction points), when both are known. */
export function improvementOf(baseline: BaselineComparison | null): number | null {
  if (baseline === null || baseline.sustainableTravel.now === null) return null;
  return rounded(baseline.sustainableTravel.now - baseline.sustainableTravel.baseline);
}
