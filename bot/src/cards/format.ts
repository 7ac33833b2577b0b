import { DateTime } from 'luxon';
import type { IsoDate, KgRange, Language } from '@soestainable/shared/domain/types';

const LOCALES: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' };

type Precision = 'zero' | 'significant' | 'tenth' | 'whole' | 'percent';
const PRECISION: Readonly<Record<Precision, Intl.NumberFormatOptions>> = {
  zero: { maximumFractionDigits: 0 },
  significant: { maximumSignificantDigits: 1 },
  tenth: { maximumFractionDigits: 1 },
  whole: { maximumFractionDigits: 0 },
  percent: { style: 'percent', maximumFractionDigits: 0 },
};

/** Building an Intl.NumberFormat costs far more than using one (it showed in the check-in profile): keep them. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Language, precision: Precision): Intl.NumberFormat {
  const k = `${lang}|${precision}`;
  let f = formats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], PRECISION[precision]);
    formats.set(k, f);
  }
  return f;
}

/**
 * Readable digits for an estimate whose uncertainty is large: under 1 kg one significant digit (0,4 · 0,04),
 * up to 100 kg one decimal (12,3), beyond that whole kilograms. More digits would suggest a precision the
 * factors do not have (BRIEF.md: car occupancy ±30–40 %, cups about 10×).
 */
export function formatKg(kg: number, lang: Language): string {
  const abs = Math.abs(kg);
  const precision: Precision = abs === 0 ? 'zero' : abs < 1 ? 'significant' : abs < 100 ? 'tenth' : 'whole';
  const text = numberFormat(lang, precision).format(kg);
  return text === '-0' ? '0' : text;
}

/** An estimate with its range in the user's number format: `0,4 kg (0,2–0,7 kg)`; a range without spread: `0 kg`. */
export function formatKgRange(range: KgRange, lang: Language): string {
  const mid = formatKg(range.mid, lang);
  const low = formatKg(range.low, lang);
  const high = formatKg(range.high, lang);
  if (low === mid && mid === high) return `${mid} kg`;
  return `${mid} kg (${low}–${high} kg)`;
}

/** Weekday, day and month names per language, kept like the number formats (every summary card shows a date). */
const longDates = new Map<Language, Intl.DateTimeFormat>();

/** A calendar date as people say it: `woensdag 2 december` / `Wednesday 2 December`. */
export function formatLongDate(date: IsoDate, lang: Language): string {
  let f = longDates.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    longDates.set(lang, f);
  }
  const instant = DateTime.fromISO(date, { zone: 'UTC' });
  if (!instant.isValid) return instant.toFormat('cccc d LLLL'); // luxon's "Invalid DateTime", as always
  const parts = f.formatToParts(instant.toJSDate());
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}`;
}

/** A percentage of a share (0..1), whole percents, never above 100. */
export function formatPercent(share: number, lang: Language): string {
  const clamped = Math.min(1, Math.max(0, share));
  return numberFormat(lang, 'percent').format(clamped);
}
