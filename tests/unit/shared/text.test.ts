import type { Localized } from '@soestainable/shared/domain/types';
import { fillPlaceholders, formsOf, languageFrom, languageOfLocale, placeholders, t, tFor, type LocalizedText, type PlaceholdersOf } from '@soestainable/shared/text';

const texts = {
  plain: { nl: 'Hallo', en: 'Hello' },
  day: { nl: 'Dag {day} van {days}', en: 'Day {day} of {days}' },
  streak: { nl: { one: '{count} werkdag', other: '{count} werkdagen' }, en: { one: '{count} working day', other: '{count} working days' } },
  linked: { nl: { one: 'Eén prikkel gekoppeld aan "{title}"', other: '{count} prikkels gekoppeld aan "{title}"' }, en: { one: 'One barrier linked to "{title}"', other: '{count} barriers linked to "{title}"' } },
  onlyOther: { nl: { other: '{count} keer' }, en: { other: '{count} times' } },
} as const;

describe('t(): one way to say a text', () => {
  test('a plain text in each language', () => {
    expect(t(texts.plain, 'nl')).toBe('Hallo');
    expect(t(texts.plain, 'en')).toBe('Hello');
  });

  test('placeholders are filled with strings and numbers, every occurrence', () => {
    expect(t(texts.day, 'nl', { day: 3, days: '20' })).toBe('Dag 3 van 20');
    expect(t({ nl: '{a} en {a}', en: '{a} and {a}' }, 'en', { a: 'x' })).toBe('x and x');
  });

  test('a placeholder without a value stays visible, as before in the bot and the tab', () => {
    const loose: Localized = { nl: '{a} en {b}', en: '{a} and {b}' };
    expect(t(loose, 'nl', { a: 1 })).toBe('1 en {b}');
    expect(t(loose, 'nl')).toBe('{a} en {b}');
    // Only the values' own names count: an inherited property is no value.
    expect(t({ nl: '{constructor} {toString}', en: '' } as Localized, 'nl', {})).toBe('{constructor} {toString}');
    expect(fillPlaceholders('{a}{b}', { a: undefined, b: 0 })).toBe('{a}0');
  });

  test('text that only looks like a placeholder is left alone', () => {
    const loose: Localized = { nl: '{ a } {} {a-b}', en: '' };
    expect(t(loose, 'nl', { a: 1 })).toBe('{ a } {} {a-b}');
  });

  test('plural forms follow Intl.PluralRules for the count, in each language', () => {
    expect(t(texts.streak, 'nl', { count: 1 })).toBe('1 werkdag');
    expect(t(texts.streak, 'nl', { count: 0 })).toBe('0 werkdagen');
    expect(t(texts.streak, 'nl', { count: 2 })).toBe('2 werkdagen');
    expect(t(texts.streak, 'en', { count: 1 })).toBe('1 working day');
    expect(t(texts.streak, 'en', { count: 1.5 })).toBe('1.5 working days');
    expect(t(texts.linked, 'nl', { count: 1, title: 'Bekers' })).toBe('Eén prikkel gekoppeld aan "Bekers"');
    expect(t(texts.linked, 'en', { count: 4, title: 'Cups' })).toBe('4 barriers linked to "Cups"');
  });

  test('a language without the form the rules ask for falls back to other', () => {
    expect(t(texts.onlyOther, 'nl', { count: 1 })).toBe('1 keer');
  });

  test('a plural text without a count says its other form, the placeholder visible', () => {
    const loose = texts.streak as LocalizedText;
    expect(t(loose, 'nl')).toBe('{count} werkdagen');
  });

  test('tFor binds a language, and is the same function every time', () => {
    const say = tFor('en');
    expect(say(texts.day, { day: 1, days: 2 })).toBe('Day 1 of 2');
    expect(say(texts.streak, { count: 1 })).toBe('1 working day');
    expect(tFor('en')).toBe(say);
    expect(tFor('nl')(texts.plain)).toBe('Hallo');
  });

  test('placeholders are typed: a missing or unknown value does not compile', () => {
    // These lines are checked by `tsc -b`; at run time they only have to run.
    // @ts-expect-error -- {day} and {days} need values
    t(texts.day, 'nl');
    // @ts-expect-error -- {days} is missing
    t(texts.day, 'nl', { day: 1 });
    // @ts-expect-error -- there is no {month}
    t(texts.day, 'nl', { day: 1, days: 2, month: 3 });
    // @ts-expect-error -- a text without placeholders takes no values
    t(texts.plain, 'nl', { day: 1 });
    // @ts-expect-error -- a plural text needs its count
    t(texts.linked, 'nl', { title: 'x' });
    // @ts-expect-error -- the count that chooses the form is a number
    t(texts.streak, 'nl', { count: '1' });
    const names: PlaceholdersOf<typeof texts.linked>[] = ['count', 'title'];
    expect(names).toHaveLength(2);
  });

  test('placeholders and formsOf, for the tests that compare languages', () => {
    expect(placeholders('{b} {a} {b}')).toEqual(['a', 'b', 'b']);
    expect(formsOf(texts.plain, 'nl')).toEqual(['Hallo']);
    expect(formsOf(texts.streak, 'en')).toEqual(['{count} working day', '{count} working days']);
  });

  test('the language of a locale', () => {
    expect(languageFrom('en-US')).toBe('en');
    expect(languageFrom('NL-nl')).toBe('nl');
    expect(languageFrom('fr-FR')).toBeUndefined();
    expect(languageFrom(undefined)).toBeUndefined();
    expect(languageOfLocale('en-GB')).toBe('en');
    expect(languageOfLocale('fr-FR')).toBe('nl');
    expect(languageOfLocale(undefined)).toBe('nl');
  });
});
