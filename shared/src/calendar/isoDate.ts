import { DateTime } from 'luxon';
import type { IsoDate } from '../domain/types';

/** The organisation's time zone: every calendar date and wall-clock time in the domain is local to it. */
export const TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written exactly as `YYYY-MM-DD` (so not `2026-02-30`, not `2026-2-3`). */
export function isIsoDate(value: string): value is IsoDate {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/**
 * Parses an {@link IsoDate} for date-only arithmetic. A calendar date has no time of day, so it is held at
 * midnight UTC: plus/minus whole days then never meets a DST transition. Throws a RangeError on a malformed
 * date; callers that take user input validate first (see `isIsoDate`, `validateClosingDays`).
 */
export function parseIsoDate(date: IsoDate): DateTime<true> {
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'UTC' }) : undefined;
  if (parsed === undefined || !parsed.isValid) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): '${date}'`);
  }
  return parsed;
}

/** Formats a date-only DateTime (from {@link parseIsoDate}) back to `YYYY-MM-DD`. */
export function formatIsoDate(date: DateTime<true>): IsoDate {
  return date.toISODate();
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(parseIsoDate(date).plus({ days }));
}
