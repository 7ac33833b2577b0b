import type { Language, Localized } from '../domain/types';

/**
 * One way to say a text, for the bot and the tab alike: `t(text, lang, vars)`. A text is a `{ nl, en }` record
 * (Dutch the source, English the translation), either one string per language ({@link Localized}) or one set of
 * plural forms per language ({@link LocalizedPlural}), chosen by the number in `vars.count`.
 *
 * `{name}` placeholders are typed: with a text declared `as const`, `t(text, lang)` does not compile when the
 * text has a `{count}` that `vars` lacks. Filled at run time, a placeholder without a value stays visible as
 * `{name}` (so a missing value shows, instead of turning into "undefined" or an empty gap).
 */

/** The forms a plural text has in one language: `other` always, `one` (1 in Dutch and English) and the rest as the language needs. */
export type PluralForms = Readonly<Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>> & { other: string }>;

/** A text whose wording follows a number: `{ nl: { one: '{count} dag', other: '{count} dagen' }, en: { … } }`. */
export type LocalizedPlural = Readonly<Record<Language, PluralForms>>;

/** Any text `t()` can say. */
export type LocalizedText = Localized | LocalizedPlural;

/** A feature's texts: one entry per key, in every language. */
export type TextTable = Readonly<Record<string, LocalizedText>>;

/** A value for a placeholder. */
export type TextValue = string | number;

// ---- Placeholder names at the type level --------------------------------------------------------------------

/** `'Dag {day} van {days}'` → `'day' | 'days'`; a plain `string` (a text not declared `as const`) → `string`. */
export type PlaceholdersIn<S extends string> = string extends S
  ? string
  : S extends `${string}{${infer Name}}${infer Rest}`
    ? (Name extends '' | `${string}${' ' | '{'}${string}` ? never : Name) | PlaceholdersIn<Rest>
    : never;

/** Every string of a text, in every language and every plural form. */
type StringsOf<X> = X extends string ? X : X extends object ? StringsOf<X[keyof X]> : never;

/** The placeholder names of a text (a plural text always has `count`: it chooses the form). */
export type PlaceholdersOf<X extends LocalizedText> = PlaceholdersIn<StringsOf<X>> | (X extends LocalizedPlural ? 'count' : never);

/** The values a text needs: one per placeholder; `count`, which chooses a plural form, is a number. */
export type VarsOf<X extends LocalizedText> = string extends PlaceholdersOf<X>
  ? Readonly<Record<string, TextValue>>
  : { readonly [K in PlaceholdersOf<X>]: K extends 'count' ? (X extends LocalizedPlural ? number : TextValue) : TextValue };

/**
 * The rest of a `t()` call after the text: nothing for a text without placeholders, the values when it has some.
 * A text whose wording is not known to the compiler (a plain `string`) takes values optionally, of any name.
 */
export type VarsArg<X extends LocalizedText> = [PlaceholdersOf<X>] extends [never]
  ? []
  : string extends PlaceholdersOf<X>
    ? [vars?: VarsOf<X>]
    : [vars: VarsOf<X>];

// ---- Run time ---------------------------------------------------------------------------------------------------

const PLACEHOLDER = /\{(\w+)\}/g;

/** The plural rules of each language, in the locales the tab and the bot format numbers with. */
const PLURAL_RULES: Readonly<Record<Language, Intl.PluralRules>> = {
  nl: new Intl.PluralRules('nl-NL'),
  en: new Intl.PluralRules('en-GB'),
};

function isPlural(form: string | PluralForms): form is PluralForms {
  return typeof form !== 'string';
}

/** The form for `count` (by `Intl.PluralRules`); `other` when the language has no such form or there is no count. */
function pluralForm(forms: PluralForms, lang: Language, count: TextValue | undefined): string {
  if (typeof count !== 'number') return forms.other;
  const category = PLURAL_RULES[lang].select(count);
  return (category === 'other' ? undefined : forms[category]) ?? forms.other;
}

/** `template` with each `{name}` that has a value in `vars` replaced; placeholders without one stay as they are. */
export function fillPlaceholders(template: string, vars: Readonly<Record<string, TextValue | undefined>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/**
 * `text` in `lang`: the plural form for `vars.count` when the text has forms, with its `{name}` placeholders filled.
 * Values are inserted as given: a caller that puts text someone typed into Markdown escapes it first.
 */
export function t<X extends LocalizedText>(text: X, lang: Language, ...[vars]: VarsArg<X>): string {
  const values: Readonly<Record<string, TextValue | undefined>> | undefined = vars;
  const form = text[lang];
  const template = isPlural(form) ? pluralForm(form, lang, values?.['count']) : form;
  return values === undefined ? template : fillPlaceholders(template, values);
}

/** `t` with the language already chosen: `const say = tFor(lang); say(texts.title)`. */
export type TFunction = <X extends LocalizedText>(text: X, ...vars: VarsArg<X>) => string;

const BOUND: Readonly<Record<Language, TFunction>> = {
  nl: (text, ...vars) => t(text, 'nl', ...vars),
  en: (text, ...vars) => t(text, 'en', ...vars),
};

/** The {@link TFunction} of `lang`; the same function every time, so it can be a React dependency. */
export function tFor(lang: Language): TFunction {
  return BOUND[lang];
}

/** Placeholders used by a text's string (`{days}` → `days`), sorted, for the tests that compare languages. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/** Every string of a text in `lang`: the one string, or each plural form (for tests that check every wording). */
export function formsOf(text: LocalizedText, lang: Language): string[] {
  const form = text[lang];
  return isPlural(form) ? Object.values(form).filter((f): f is string => typeof f === 'string') : [form];
}
