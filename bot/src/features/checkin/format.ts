import { DateTime } from 'luxon';
import type { IsoDate, KgRange, Language } from '../../../../shared/src/domain/types';

const LOCALES: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * Readable digits for an estimate whose uncertainty is large: under 1 kg one significant digit (0,4 · 0,04),
 * up to 100 kg one decimal (12,3), beyond that whole kilograms. More digits would suggest a precision the
 * factors do not have (BRIEF.md: car occupancy ±30–40 %, cups about 10×).
 */
export function formatKg(kg: number, lang: Language): string {
  const abs = Math.abs(kg);
  const options: Intl.NumberFormatOptions =
    abs === 0 ? { maximumFractionDigits: 0 } : abs < 1 ? { maximumSignificantDigits: 1 } : abs < 100 ? { maximumFractionDigits: 1 } : { maximumFractionDigits: 0 };
  const text = new Intl.NumberFormat(LOCALES[lang], options).format(kg);
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

/** A calendar date as people say it: `woensdag 2 december` / `Wednesday 2 December`. */
export function formatLongDate(date: IsoDate, lang: Language): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(LOCALES[lang]).toFormat('cccc d LLLL');
}

/** A percentage of a share (0..1), whole percents, never above 100. */
export function formatPercent(share: number, lang: Language): string {
  const clamped = Math.min(1, Math.max(0, share));
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(clamped);
}
