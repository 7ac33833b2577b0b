import type { DailyAggregate } from '../../../../shared/src/domain/aggregates';
import type { CheckIn, IsoDate, KgRange } from '../../../../shared/src/domain/types';
import { sumRanges } from '../../../../shared/src/impact';

/** One participant's figures for one campaign. */
export interface OwnProgress {
  /** Consecutive challenge days with a check-in, ending today (or yesterday's day while today is still open). */
  readonly streak: number;
  /** Challenge days up to today with a check-in. */
  readonly daysCheckedIn: number;
  /** Challenge days up to and including today. */
  readonly daysSoFar: number;
  readonly totalDays: number;
  readonly done: number;
  readonly partly: number;
  /** Sum of the check-ins' estimates (each a range). */
  readonly co2: KgRange;
}

/**
 * A participant's progress from their check-ins of one campaign. `days` are the campaign's challenge days
 * (working days), so a weekend or a holiday never breaks a streak; a day not yet checked in today does not either.
 */
export function ownProgress(days: readonly IsoDate[], today: IsoDate, checkIns: readonly CheckIn[]): OwnProgress {
  const soFar = days.filter((d) => d <= today);
  const checked = new Set(checkIns.map((c) => c.date));
  let streak = 0;
  for (let i = soFar.length - 1; i >= 0; i--) {
    const day = soFar[i] as IsoDate;
    if (checked.has(day)) streak += 1;
    else if (day === today) continue; // today is still open
    else break;
  }
  const counted = checkIns.filter((c) => days.includes(c.date) && c.date <= today);
  return {
    streak,
    daysCheckedIn: counted.length,
    daysSoFar: soFar.length,
    totalDays: days.length,
    done: counted.filter((c) => c.outcome === 'done').length,
    partly: counted.filter((c) => c.outcome === 'partly').length,
    co2: sumRanges(checkIns.map((c) => c.impact)),
  };
}

/** The team's participation: shares of its active participants (0..1), never per person. */
export interface TeamParticipation {
  /** Today's share; absent when today is no challenge day. */
  readonly today?: number;
  /** Check-ins per participant per challenge day so far. */
  readonly average: number;
}

/** Participation from the team's daily aggregates and its number of active participants (> 0). */
export function teamParticipation(
  aggregates: readonly DailyAggregate[],
  days: readonly IsoDate[],
  today: IsoDate,
  activeParticipants: number,
): TeamParticipation {
  const soFar = new Set(days.filter((d) => d <= today));
  const perDay = new Map(aggregates.filter((a) => soFar.has(a.date)).map((a) => [a.date, a.checkIns]));
  const total = [...perDay.values()].reduce((sum, n) => sum + n, 0);
  const share = (n: number, of: number) => (of <= 0 ? 0 : Math.min(1, n / of));
  const average = share(total, activeParticipants * soFar.size);
  return soFar.has(today) ? { today: share(perDay.get(today) ?? 0, activeParticipants), average } : { average };
}
