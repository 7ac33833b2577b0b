import type { Language, Localized } from '../../../../shared/src/domain/types';

/** Texts of the welcome feature: Dutch is the source, English the translation; the same keys in both. */
export const welcomeTexts = {
  welcome: {
    nl: 'Hoi! Ik ben de Soestainable-bot van Gemeente Soest. Samen werken we twee weken afvalvrij en energieneutraal: elke werkdag een kleine uitdaging, en wat het je moeilijk maakt, pakken we aan.',
    en: "Hi! I'm the Soestainable bot of Gemeente Soest. Together we work waste-free and energy-neutral for two weeks: a small challenge every working day, and we tackle whatever makes it hard for you.",
  },
  comingSoon: {
    nl: 'Inchecken, prikkels melden en je voortgang bekijken komen hier heel binnenkort. Tot dan: bedankt dat je er bent!',
    en: 'Checking in, reporting barriers and viewing your progress arrive here very soon. Until then: thanks for being here!',
  },
  error: {
    nl: 'Sorry, er ging iets mis aan onze kant. Er is niets half opgeslagen; probeer het zo nog eens. (code {id})',
    en: 'Sorry, something went wrong on our side. Nothing was half-saved; please try again in a moment. (code {id})',
  },
} as const satisfies Record<string, Localized>;

export function text(key: keyof typeof welcomeTexts, lang: Language, vars: Record<string, string> = {}): string {
  return welcomeTexts[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

/** Teams sends the user's locale (`nl-NL`, `en-US`); anything that is not English gets Dutch. */
export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
