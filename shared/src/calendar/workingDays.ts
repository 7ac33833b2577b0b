import type { IsoDate } from '../domain/types';
import { caoHolidays } from './holidays';
import { formatIsoDate, parseIsoDate } from './isoDate';

/**
 * A working day: Monday to Friday, not a Cao Gemeenten holiday and not one of the municipality's local closing
 * days (`closingDays`, the coordinator's editable list; see `validateClosingDays`).
 */
export function isWorkingDay(date: IsoDate, closingDays: readonly IsoDate[] = []): boolean {
  const parsed = parseIsoDate(date);
  if (parsed.weekday > 5) {
    return false;
  }
  if (closingDays.includes(date)) {
    return false;
  }
  return !caoHolidays(parsed.year).some((holiday) => holiday.date === date);
}

/** The first working day strictly after `date` (see `workingDayOnOrAfter` for "on or after"). */
export function nextWorkingDay(date: IsoDate, closingDays: readonly IsoDate[] = []): IsoDate {
  return addWorkingDays(date, 1, closingDays);
}

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(date: IsoDate, closingDays: readonly IsoDate[] = []): IsoDate {
  return isWorkingDay(date, closingDays) ? date : nextWorkingDay(date, closingDays);
}

/**
 * `date` moved by `n` working days: `n > 0` forward, `n < 0` back, `n = 0` returns `date` unchanged (even when it
 * is not a working day itself). Example: Friday + 1 = the next Monday, unless that is a holiday.
 */
export function addWorkingDays(date: IsoDate, n: number, closingDays: readonly IsoDate[] = []): IsoDate {
  if (!Number.isInteger(n)) {
    throw new RangeError(`n must be an integer, got ${n}`);
  }
  const step = n < 0 ? -1 : 1;
  let current = parseIsoDate(date);
  let remaining = Math.abs(n);
  // Terminates: at most 8 holidays and a finite list of closing days per year, so working days keep coming.
  while (remaining > 0) {
    current = current.plus({ days: step });
    if (isWorkingDay(formatIsoDate(current), closingDays)) {
      remaining -= 1;
    }
  }
  return formatIsoDate(current);
}

/**
 * The campaign's days: the first `count` working days from `startDate` inclusive (the Soestainable Challenge is
 * two working weeks, so 10 by default). A `startDate` that is not a working day starts on the next working day.
 */
export function campaignDays(
  startDate: IsoDate,
  count = 10,
  closingDays: readonly IsoDate[] = [],
): IsoDate[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  const days: IsoDate[] = [];
  let current = parseIsoDate(startDate);
  while (days.length < count) {
    const iso = formatIsoDate(current);
    if (isWorkingDay(iso, closingDays)) {
      days.push(iso);
    }
    current = current.plus({ days: 1 });
  }
  return days;
}

/** The 1-based number of `date` within the campaign's `days`, or `undefined` when it is not a campaign day. */
export function campaignDayNumber(days: readonly IsoDate[], date: IsoDate): number | undefined {
  const index = days.indexOf(date);
  return index === -1 ? undefined : index + 1;
}
