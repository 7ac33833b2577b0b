import type { IsoDate, KgRange, Language, Localized } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { commonTexts } from './texts';

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

/** The minus sign (U+2212): it reads as a minus beside a dash or a hyphen, where "-" would run into them. */
const MINUS = '\u2212';

/**
 * kg CO2-eq with one decimal below 10 kg, whole kilograms above; a negative value with a real minus sign ("−2,7"),
 * and one that rounds to zero without a sign ("0", not "-0").
 */
export function formatKg(lang: Language, kg: number): string {
  const text = formatNumber(lang, kg, Math.abs(kg) < 10 ? 1 : 0);
  return /[1-9]/.test(text) ? text.replace('-', MINUS) : text.replace('-', '');
}

/** A range "12 tot 18" / "12 to 18" (for "about 15 kg (12 tot 18)"): words, so a negative bound reads "−5 tot −0,5". */
export function formatKgRange(lang: Language, range: KgRange): string {
  return t(commonTexts.fromTo, lang, { low: formatKg(lang, range.low), high: formatKg(lang, range.high) });
}

/**
 * How to show a CO2 estimate: as CO2 avoided when its middle value is 0 or more, as extra emissions (the estimate
 * negated, so the values are absolute and the range still runs low to high) when it is below 0.
 */
export function co2Shown(range: KgRange): { readonly kind: 'avoided' | 'extra'; readonly range: KgRange } {
  if (range.mid >= 0) return { kind: 'avoided', range };
  return { kind: 'extra', range: { low: -range.high, mid: -range.mid, high: -range.low } };
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
