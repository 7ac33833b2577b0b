/**
 * Texts: one typed way to say a text in a language (`t`, plural forms, placeholders), the glossary of terms the
 * bot and the tab share, the language of a locale, and the rules for texts people type.
 */
export * from './clean';
export * from './glossary';
export * from './language';
export * from './t';
