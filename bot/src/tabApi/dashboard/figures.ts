import type { BaselineComparison, CampaignInfo, DayPoint, FactorSourceInfo, ImpactInfo, TeamFigures } from '../../../../shared/src/api/dashboard';
import type { DailyAggregate } from '../../../../shared/src/domain/aggregates';
import type { Campaign } from '../../../../shared/src/domain/campaign';
import { SUSTAINABLE_TRAVEL_MODES, TRAVEL_MODES, type IsoDate, type Survey, type TravelMode } from '../../../../shared/src/domain/types';
import { FACTOR_SOURCES, FACTOR_TABLE_VERSION, sumRanges } from '../../../../shared/src/impact';
import { campaignDaysOf } from '../../features/checkin/campaignDay';

/**
 * Pure arithmetic of the dashboards: from per-team daily aggregates (never single check-ins) and the number of
 * active participants to the figures the tab shows. The minimum-group-size rule is applied by the callers, before
 * any of this leaves the server.
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

/** One team's input: its aggregates of the campaign and its active participants now. */
export interface TeamInput {
  readonly aggregates: readonly DailyAggregate[];
  /** Active participants now: the fallback denominator for days without a recorded snapshot. */
  readonly activeNow: number;
}

/** A day's denominator: the snapshot recorded for it, else the team's active participants now. */
function denominator(row: DailyAggregate | undefined, activeNow: number): number {
  return row !== undefined && row.participants > 0 ? row.participants : activeNow;
}

const share = (n: number, of: number): number => (of <= 0 ? 0 : Math.min(1, n / of));
const rounded = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Per challenge day so far: check-ins, waste-free check-ins and the participation rate, summed over `teams`. */
export function perDay(days: readonly IsoDate[], today: IsoDate, teams: readonly TeamInput[]): DayPoint[] {
  const byTeam = teams.map((t) => ({ t, rows: new Map(t.aggregates.map((a) => [a.date, a])) }));
  return days
    .map((date, i) => ({ date, day: i + 1 }))
    .filter(({ date }) => date <= today)
    .map(({ date, day }) => {
      let checkIns = 0;
      let wasteFree = 0;
      let of = 0;
      for (const { t, rows } of byTeam) {
        const row = rows.get(date);
        checkIns += row?.checkIns ?? 0;
        wasteFree += row?.wasteFree ?? 0;
        of += denominator(row, t.activeNow);
      }
      return { date, day, checkIns, wasteFree, participationRate: rounded(share(checkIns, of)) };
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

/** The figures of a team, or of several teams together (the organisation). */
export function figuresOf(days: readonly IsoDate[], today: IsoDate, teams: readonly TeamInput[]): TeamFigures {
  const all = teams.flatMap((t) => t.aggregates);
  const points = perDay(days, today, teams);
  const soFar = new Set(points.map((p) => p.date));
  const counted = all.filter((a) => soFar.has(a.date));
  const checkIns = all.reduce((n, a) => n + a.checkIns, 0);
  const travel = {} as Record<TravelMode, number>;
  for (const mode of TRAVEL_MODES) travel[mode] = all.reduce((n, a) => n + a.travel[mode], 0);
  const sustainable = SUSTAINABLE_TRAVEL_MODES.reduce((n, m) => n + travel[m], 0);
  let of = 0;
  for (const t of teams) {
    const rows = new Map(t.aggregates.map((a) => [a.date, a]));
    for (const date of soFar) of += denominator(rows.get(date), t.activeNow);
  }
  const todayPoint = points.find((p) => p.date === today);
  return {
    participants: teams.reduce((n, t) => n + t.activeNow, 0),
    participationRate: rounded(share(counted.reduce((n, a) => n + a.checkIns, 0), of)),
    participationToday: todayPoint === undefined ? null : todayPoint.participationRate,
    checkIns,
    wasteFreeDays: all.reduce((n, a) => n + a.wasteFree, 0),
    travel,
    sustainableTravelShare: checkIns === 0 ? null : rounded(sustainable / checkIns),
    impact: impactOf(all),
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
