import { addCalendarDays, localTimeToInstant, parseIsoDate, todayIn } from '@soestainable/shared/calendar';
import type { IsoDate } from '@soestainable/shared/domain/types';

/** One ISO week (Monday to Sunday, Europe/Amsterdam). */
export interface IsoWeek {
  /** The claim period: `2026-W50` (ISO week-numbering year, so 28 Dec 2026 is `2026-W53`, 1 Jan 2027 too). */
  readonly period: string;
  readonly weekNumber: number;
  readonly monday: IsoDate;
  readonly sunday: IsoDate;
  /** The seven dates, Monday first. */
  readonly days: readonly IsoDate[];
  /** The week's bounds as instants: Monday 00:00 local (inclusive) to the next Monday 00:00 local (exclusive). */
  readonly from: Date;
  readonly to: Date;
}

/** The ISO week that holds `date`. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const day = parseIsoDate(date);
  const monday = day.minus({ days: day.weekday - 1 });
  const mondayIso = monday.toISODate();
  const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(mondayIso, i));
  return {
    period: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`,
    weekNumber: monday.weekNumber,
    monday: mondayIso,
    sunday: days[6] as IsoDate,
    days,
    from: localTimeToInstant(mondayIso, '00:00'),
    to: localTimeToInstant(addCalendarDays(mondayIso, 7), '00:00'),
  };
}

/**
 * The ISO week that ended before the local week of `at` began: what the Monday digest reports on. A run on
 * Monday 14 Dec 2026 08:30, a late run on Wednesday 16 Dec, or a repeated one: all answer `2026-W50`, so the
 * claims (one per manager and team per period) keep the digest to one per week.
 */
export function weekBefore(at: Date): IsoWeek {
  return isoWeekOf(addCalendarDays(isoWeekOf(todayIn(at)).monday, -7));
}

