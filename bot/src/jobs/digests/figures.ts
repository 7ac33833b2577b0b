import type { DailyAggregate } from '@soestainable/shared/domain/aggregates';
import { SUSTAINABLE_TRAVEL_MODES, TRAVEL_MODES, type IsoDate, type KgRange } from '@soestainable/shared/domain/types';
import { sumRanges } from '@soestainable/shared/impact';

/** A team's figures for one week, from its DailyAggregates rows only (never single check-ins). */
export interface WeekFigures {
  /** Check-ins on the week's dates. */
  readonly checkIns: number;
  /** Check-ins in the week before; `undefined` when that week had no challenge day of the campaign. */
  readonly previousCheckIns: number | undefined;
  /**
   * Check-ins on the week's challenge days ÷ the people recorded for the team on those days, 0..1, over the days
   * the disclosure rule lets out (the caller passes only those). `undefined` when none of the week's challenge
   * days is disclosed.
   */
  readonly participation: number | undefined;
  /** Check-ins that said "worked waste-free" (person-days). */
  readonly wasteFree: number;
  /** Share of check-ins that travelled sustainably (bike, walk, e-bike, public transport, home) vs by car; `undefined` without check-ins. */
  readonly sustainableShare: number | undefined;
  /** Estimated kg CO2-eq avoided, summed per bound. */
  readonly co2: KgRange;
}

export interface WeekInput {
  /** The team's disclosed aggregate rows (any dates: this picks the week's). */
  readonly aggregates: readonly DailyAggregate[];
  readonly weekDays: readonly IsoDate[];
  readonly previousWeekDays: readonly IsoDate[];
  /** The campaign's challenge days. */
  readonly campaignDays: readonly IsoDate[];
  /** The team's active members now (the fallback denominator). */
  readonly activeMembers: number;
}

/**
 * How many participants the week's figures stand for, for the minimum-group-size gate: the team's active members
 * now, or the week's largest recorded snapshot when that is smaller (a team that shrank since is judged by the
 * week it is reported on, a team that grew since by its size now: whichever is the more careful).
 */
export function groupSizeOf(input: WeekInput): number {
  const week = new Set(input.weekDays);
  const recorded = Math.max(0, ...input.aggregates.filter((a) => week.has(a.date)).map((a) => a.participants));
  return recorded > 0 ? Math.min(recorded, input.activeMembers) : input.activeMembers;
}

export function weekFigures(input: WeekInput): WeekFigures {
  const byDate = new Map(input.aggregates.map((a) => [a.date, a]));
  const rows = (days: readonly IsoDate[]): DailyAggregate[] =>
    days.map((d) => byDate.get(d)).filter((a): a is DailyAggregate => a !== undefined);
  const sum = (list: readonly DailyAggregate[], pick: (a: DailyAggregate) => number): number => list.reduce((n, a) => n + pick(a), 0);

  const campaign = new Set(input.campaignDays);
  const week = rows(input.weekDays);
  const challengeDays = input.weekDays.filter((d) => campaign.has(d));
  const previousChallengeDays = input.previousWeekDays.filter((d) => campaign.has(d));

  const disclosedChallengeDays = rows(challengeDays);
  const possible = sum(disclosedChallengeDays, (a) => a.participants);
  const participation = possible <= 0 ? undefined : Math.min(1, sum(disclosedChallengeDays, (a) => a.checkIns) / possible);
  const checkIns = sum(week, (a) => a.checkIns);
  const travelled = sum(week, (a) => TRAVEL_MODES.reduce((n, m) => n + a.travel[m], 0));
  const sustainable = sum(week, (a) => SUSTAINABLE_TRAVEL_MODES.reduce((n, m) => n + a.travel[m], 0));
  return {
    checkIns,
    previousCheckIns: previousChallengeDays.length > 0 ? sum(rows(input.previousWeekDays), (a) => a.checkIns) : undefined,
    participation,
    wasteFree: sum(week, (a) => a.wasteFree),
    sustainableShare: travelled > 0 ? sustainable / travelled : undefined,
    co2: sumRanges(week.map((a) => a.co2)),
  };
}
