import type { DailyAggregate } from './aggregates';
import type { CheckIn, IsoDate, KgRange } from './types';
import { sumRanges } from '../impact/estimate';

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

/** The team's participation: a share (0..1), never per person. */
export interface TeamParticipation {
  /** Check-ins per person recorded, over the disclosed days. */
  readonly average: number;
}

/**
 * The team's participation over the days the disclosure rule lets out (the caller passes only those: final days
 * with a recorded group of at least the minimum): check-ins ÷ the people recorded on those days. Today's share is
 * never given: today's figures can still move with one person's check-in (shared/src/privacy/disclosure.ts).
 */
export function teamParticipation(disclosed: readonly DailyAggregate[]): TeamParticipation {
  const checkIns = disclosed.reduce((n, a) => n + a.checkIns, 0);
  const of = disclosed.reduce((n, a) => n + a.participants, 0);
  return { average: of <= 0 ? 0 : Math.min(1, checkIns / of) };
}
