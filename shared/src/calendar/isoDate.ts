import { DateTime } from 'luxon';
import type { IsoDate } from '../domain/types';

/** The organisation's time zone: every calendar date and wall-clock time in the domain is local to it. */
export const TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Year, month (1–12) and day of a real calendar date written exactly as `YYYY-MM-DD`; `undefined` for anything
 * else. Plain arithmetic, no luxon: every date a card or the API sends is validated with it (the check-in's
 * profile showed luxon's parsing among its hottest functions).
 */
function calendarParts(value: string): readonly [number, number, number] | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** True when `value` is a real calendar date written exactly as `YYYY-MM-DD` (so not `2026-02-30`, not `2026-2-3`). */
export function isIsoDate(value: string): value is IsoDate {
  return calendarParts(value) !== undefined;
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

/** `date` moved by `days` calendar days (negative moves back). Plain UTC arithmetic, like {@link isIsoDate}. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const parts = calendarParts(date);
  if (parts === undefined || !Number.isInteger(days)) {
    return formatIsoDate(parseIsoDate(date).plus({ days })); // luxon's own answer (or its RangeError) for the odd case
  }
  const [year, month, day] = parts;
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, day + days);
  const y = moved.getUTCFullYear();
  if (y < 0 || y > 9999) return formatIsoDate(parseIsoDate(date).plus({ days }));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(moved.getUTCMonth() + 1, 2)}-${pad(moved.getUTCDate(), 2)}`;
}
