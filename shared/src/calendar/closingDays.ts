import type { IsoDate } from '../domain/types';
import { isIsoDate } from './isoDate';
import { isWorkingDay } from './workingDays';

/** A municipality may set up to 2 local closing days a year on top of the Cao holidays (BRIEF.md). */
export const MAX_CLOSING_DAYS_PER_YEAR = 2;

export type ClosingDaysValidation =
  /** Valid: the days sorted ascending. */
  | { readonly ok: true; readonly days: readonly IsoDate[] }
  /** Not a real date written as `YYYY-MM-DD`. */
  | { readonly ok: false; readonly reason: 'invalid_date'; readonly value: string }
  /** The same date twice. */
  | { readonly ok: false; readonly reason: 'duplicate_date'; readonly value: IsoDate }
  /** A weekend day or a Cao holiday: closing it changes nothing and would only use up one of the two days. */
  | { readonly ok: false; readonly reason: 'not_a_working_day'; readonly value: IsoDate }
  /** More than {@link MAX_CLOSING_DAYS_PER_YEAR} in one calendar year. */
  | {
      readonly ok: false;
      readonly reason: 'too_many_in_year';
      readonly year: number;
      readonly count: number;
      readonly maximum: number;
    };

/**
 * Checks the coordinator's list of local closing days. Returns the first problem found as a typed result (the
 * tab shows it next to the field), never throws. Checks in order: each value is a valid date, no duplicates,
 * each is otherwise a working day, at most {@link MAX_CLOSING_DAYS_PER_YEAR} per calendar year.
 */
export function validateClosingDays(days: readonly string[]): ClosingDaysValidation {
  const seen = new Set<string>();
  const perYear = new Map<number, number>();
  for (const value of days) {
    if (!isIsoDate(value)) {
      return { ok: false, reason: 'invalid_date', value };
    }
    if (seen.has(value)) {
      return { ok: false, reason: 'duplicate_date', value };
    }
    seen.add(value);
    if (!isWorkingDay(value)) {
      return { ok: false, reason: 'not_a_working_day', value };
    }
    const year = Number(value.slice(0, 4));
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  for (const [year, count] of [...perYear].sort(([a], [b]) => a - b)) {
    if (count > MAX_CLOSING_DAYS_PER_YEAR) {
      return { ok: false, reason: 'too_many_in_year', year, count, maximum: MAX_CLOSING_DAYS_PER_YEAR };
    }
  }
  return { ok: true, days: [...seen].sort() };
}
