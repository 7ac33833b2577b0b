import { DateTime } from 'luxon';
import type { IsoDate, Localized } from '../domain/types';
import { addCalendarDays, formatIsoDate, parseIsoDate } from './isoDate';

/** A paid holiday: no nudges, not a campaign day. */
export interface Holiday {
  readonly date: IsoDate;
  /** Stable slug, e.g. `koningsdag`. */
  readonly id: HolidayId;
  readonly name: Localized;
}

export type HolidayId =
  | 'nieuwjaarsdag'
  | 'tweede-paasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'tweede-pinksterdag'
  | 'eerste-kerstdag'
  | 'tweede-kerstdag';

const NAMES: Readonly<Record<HolidayId, Localized>> = {
  nieuwjaarsdag: { nl: 'Nieuwjaarsdag', en: "New Year's Day" },
  'tweede-paasdag': { nl: 'Tweede Paasdag', en: 'Easter Monday' },
  koningsdag: { nl: 'Koningsdag', en: "King's Day" },
  bevrijdingsdag: { nl: 'Bevrijdingsdag', en: 'Liberation Day' },
  hemelvaartsdag: { nl: 'Hemelvaartsdag', en: 'Ascension Day' },
  'tweede-pinksterdag': { nl: 'Tweede Pinksterdag', en: 'Whit Monday' },
  'eerste-kerstdag': { nl: 'Eerste Kerstdag', en: 'Christmas Day' },
  'tweede-kerstdag': { nl: 'Tweede Kerstdag', en: 'Boxing Day' },
};

/** Gregorian calendar years the computation supports (Easter rule of the Gregorian calendar, 4-digit ISO years). */
const MIN_YEAR = 1583;
const MAX_YEAR = 9999;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`);
  }
}

/**
 * Easter Sunday (Western churches) of a Gregorian year.
 *
 * The anonymous Gregorian algorithm ("Meeus/Jones/Butcher"), as given in Jean Meeus, *Astronomical Algorithms*
 * (2nd ed., 1998), chapter 8 "Date of Easter". Integer arithmetic only; valid for every Gregorian year.
 */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fixed(year, month, day);
}

function fixed(year: number, month: number, day: number): IsoDate {
  const date = DateTime.utc(year, month, day);
  if (!date.isValid) {
    throw new RangeError(`Invalid date ${year}-${month}-${day}`);
  }
  return formatIsoDate(date);
}

/**
 * The 8 paid holidays of the Cao Gemeenten (since 2023), in date order:
 * Nieuwjaarsdag (1 Jan), Tweede Paasdag (Easter + 1), Koningsdag (27 Apr, or 26 Apr when the 27th is a Sunday),
 * Bevrijdingsdag (5 May, every year for municipalities, not only every fifth year), Hemelvaartsdag (Easter + 39),
 * Tweede Pinksterdag (Easter + 50), Eerste and Tweede Kerstdag (25 and 26 Dec).
 *
 * Goede Vrijdag is deliberately NOT one of them: it is a working day under the Cao Gemeenten.
 * The rules are today's; applied to years before 2023 (Bevrijdingsdag) or 2014 (Koningsdag) they are not history.
 * A holiday on a Saturday or Sunday is still listed: it simply changes nothing for working days.
 */
export function caoHolidays(year: number): readonly Holiday[] {
  // Asked for on every working-day test (many per request at the morning peak): computed once per year.
  let holidays = BY_YEAR.get(year);
  if (!holidays) {
    holidays = Object.freeze(computeCaoHolidays(year).map((h) => Object.freeze(h)));
    BY_YEAR.set(year, holidays);
  }
  return holidays;
}

/** Holidays per year, filled on first use (a few dozen years at most in a process's life). */
const BY_YEAR = new Map<number, readonly Holiday[]>();

function computeCaoHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  // Koningsdag moves to Saturday 26 April when 27 April is a Sunday (the rule since the first Koningsdag, 2014).
  const kingsDay = DateTime.utc(year, 4, 27).weekday === 7 ? fixed(year, 4, 26) : fixed(year, 4, 27);
  const days: readonly (readonly [HolidayId, IsoDate])[] = [
    ['nieuwjaarsdag', fixed(year, 1, 1)],
    ['tweede-paasdag', addCalendarDays(easter, 1)],
    ['koningsdag', kingsDay],
    ['bevrijdingsdag', fixed(year, 5, 5)],
    ['hemelvaartsdag', addCalendarDays(easter, 39)],
    ['tweede-pinksterdag', addCalendarDays(easter, 50)],
    ['eerste-kerstdag', fixed(year, 12, 25)],
    ['tweede-kerstdag', fixed(year, 12, 26)],
  ];
  // Sorted by date: after an early Easter, Hemelvaartsdag falls on or before Bevrijdingsdag (2008: 1 May; 2016:
  // both on 5 May, then both are listed).
  return days
    .map(([id, date]) => ({ id, date, name: NAMES[id] }))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** The Cao holiday on `date`, if any. */
export function caoHolidayOn(date: IsoDate): Holiday | undefined {
  return caoHolidays(parseIsoDate(date).year).find((holiday) => holiday.date === date);
}
