import type { Language, Localized } from '@soestainable/shared/domain/types';

/**
 * A feature's texts: one entry per key, Dutch (the source) and English. Every feature keeps its own table in a
 * `texts.ts` beside its page; `{name}` placeholders are filled by {@link translate}.
 */
export type TextTable = Readonly<Record<string, Localized>>;
export type TextVars = Readonly<Record<string, string | number>>;

/** The text for `key` in `lang`, with `{name}` placeholders replaced (an unknown placeholder stays visible). */
export function translate<T extends TextTable>(table: T, lang: Language, key: keyof T & string, vars?: TextVars): string {
  const entry = table[key];
  const text = entry === undefined ? key : entry[lang];
  if (vars === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** Placeholders used by a text (`{days}` → `days`), for the tests that compare languages. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** The tab's language from a locale (`nl-NL`, `en-GB`, `en`): English for any English locale, Dutch otherwise. */
export function languageFrom(locale: string | null | undefined): Language | undefined {
  if (locale === null || locale === undefined || locale === '') return undefined;
  const lower = locale.toLowerCase();
  if (lower.startsWith('en')) return 'en';
  if (lower.startsWith('nl')) return 'nl';
  return undefined;
}
