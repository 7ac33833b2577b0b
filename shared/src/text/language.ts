import type { Language } from '../domain/types';

/** The language of a locale (`nl-NL`, `en-GB`, `en`): English for any English locale, Dutch for Dutch, otherwise none. */
export function languageFrom(locale: string | null | undefined): Language | undefined {
  if (locale === null || locale === undefined || locale === '') return undefined;
  const lower = locale.toLowerCase();
  if (lower.startsWith('en')) return 'en';
  if (lower.startsWith('nl')) return 'nl';
  return undefined;
}

/** Teams sends locales like `nl-NL`, `en-US`, `en-GB`; anything that is not English is answered in Dutch. */
export function languageOfLocale(locale: string | undefined): Language {
  return languageFrom(locale) ?? 'nl';
}
