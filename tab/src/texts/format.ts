import type { IsoDate, KgRange, Language, Localized } from '@soestainable/shared/domain/types';

/** Numbers, shares and dates the way a Dutch or English reader expects them. */
const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** The campaign's zone (shared/src/calendar's TIME_ZONE; not imported from there, as that module brings luxon along). */
const TIME_ZONE = 'Europe/Amsterdam';

/** Year, month and day of an instant on the Amsterdam wall clock, as numbers (no locale's digits or order involved). */
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', numberingSystem: 'latn' });

export function formatNumber(lang: Language, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits }).format(value);
}

/** A fraction 0..1 as a whole percentage ("73%" / "73%"; Dutch puts no space either in Intl's nl-NL). */
export function formatPercent(lang: Language, fraction: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Fraction points as signed percentage points: +12 / −3. */
export function formatPoints(lang: Language, fractionPoints: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(fractionPoints * 100);
}

/** kg CO2-eq with one decimal below 10 kg, whole kilograms above. */
export function formatKg(lang: Language, kg: number): string {
  return formatNumber(lang, kg, Math.abs(kg) < 10 ? 1 : 0);
}

/** A range "12–18" around the middle value, for "about 15 kg (12–18)". */
export function formatKgRange(lang: Language, range: KgRange): string {
  return `${formatKg(lang, range.low)}–${formatKg(lang, range.high)}`;
}

/** `2026-05-11` → "ma 11 mei" / "Mon 11 May" (a calendar date, no time zone involved). */
export function formatDay(lang: Language, date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utc);
}

/** `2026-05-11` → "11 mei 2026" / "11 May 2026". */
export function formatDate(lang: Language, date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/**
 * The calendar day in Europe/Amsterdam of an instant (ISO timestamp), for {@link formatDate}. Not the instant's
 * first ten characters: that is its UTC day, and the server stamps a report with the start of its local day, so a
 * report of 5 December is `2026-12-04T23:00:00.000Z` (`…T22:00:00.000Z` in summer). The same day as
 * shared/src/calendar's `todayIn`, without luxon in the tab. Throws a RangeError for a value that is no instant.
 */
export function amsterdamDay(iso: string): IsoDate {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: '${iso}'`);
  const parts = Object.fromEntries(AMSTERDAM_DAY.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** An instant (ISO timestamp) as a date and time in Europe/Amsterdam, the way a Dutch or English reader writes it. */
export function formatInstant(lang: Language, iso: string, dateStyle: 'short' | 'medium' = 'medium'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle, timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

/** A localized text in `lang`; Dutch when the translation is still empty (English may follow later). */
export function localized(text: Localized, lang: Language): string {
  const value = text[lang].trim();
  return value === '' ? text.nl : value;
}
