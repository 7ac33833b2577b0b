import { formsOf, languageFrom, placeholders, t, type TextTable } from '@soestainable/shared/text';
import { KEPT_LABELS, lastingTexts, QUESTION_LABELS, YES_NO_LABELS } from '../../../tab/src/components/lasting/texts';
import { adminTexts } from '../../../tab/src/pages/admin/texts';
import { barriersTexts } from '../../../tab/src/pages/barriers/texts';
import { configTexts } from '../../../tab/src/pages/config/texts';
import { helpTexts } from '../../../tab/src/pages/help/texts';
import { inboxTexts } from '../../../tab/src/pages/inbox/texts';
import { myLastingTexts } from '../../../tab/src/pages/me/lastingTexts';
import { meTexts } from '../../../tab/src/pages/me/texts';
import { orgTexts } from '../../../tab/src/pages/org/texts';
import { programmeTexts } from '../../../tab/src/pages/programme/texts';
import { reportTexts } from '../../../tab/src/pages/report/texts';
import { signinTexts } from '../../../tab/src/pages/signin/texts';
import { IDEA_STATUS_LABELS, teamTexts } from '../../../tab/src/pages/team/texts';
import { werkatelierTexts } from '../../../tab/src/pages/werkatelier/texts';
import { co2Shown, formatDay, formatKg, formatKgRange, formatPercent, formatPoints } from '../../../tab/src/texts/format';
import { commonTexts, dashboardTexts, errorTexts } from '../../../tab/src/texts/texts';
import { boundaryTexts } from '../../../tab/src/components/boundary/texts';

const tables: Record<string, TextTable> = {
  commonTexts,
  errorTexts,
  dashboardTexts,
  teamTexts,
  IDEA_STATUS_LABELS,
  orgTexts,
  meTexts,
  configTexts,
  signinTexts,
  lastingTexts,
  KEPT_LABELS,
  QUESTION_LABELS,
  YES_NO_LABELS,
  myLastingTexts,
  adminTexts,
  inboxTexts,
  programmeTexts,
  reportTexts,
  barriersTexts,
  helpTexts,
  werkatelierTexts,
  boundaryTexts,
};

describe('the tab’s texts', () => {
  test.each(Object.entries(tables))('%s: every key has Dutch and English, with the same placeholders', (_name, table) => {
    for (const [key, text] of Object.entries(table)) {
      // A plural text: every form of either language, each with the placeholders of Dutch's `other` form.
      const [nl, en] = [formsOf(text, 'nl'), formsOf(text, 'en')];
      expect({ key, nl: nl.every((f) => f.trim().length > 0), en: en.length > 0 && en.every((f) => f.trim().length > 0) }).toEqual({ key, nl: true, en: true });
      const expected = placeholders(nl.at(-1) ?? '').sort();
      for (const form of [...nl, ...en]) expect({ key, form: placeholders(form).sort() }).toEqual({ key, form: expected });
    }
  });

  test('every API error code has a text, and the client’s own codes too', () => {
    expect(Object.keys(errorTexts).sort()).toEqual(
      ['BAD_RESPONSE', 'CONFLICT', 'FORBIDDEN', 'INTERNAL', 'NETWORK', 'NOT_FOUND', 'RATE_LIMITED', 'STALE', 'TOO_LARGE', 'UNAUTHENTICATED', 'UNAVAILABLE', 'VALIDATION_FAILED'].sort(),
    );
  });

  test('t() fills placeholders and leaves unknown ones visible', () => {
    expect(t(commonTexts.suppressedBody, 'en', { minimum: 5 })).toContain('Fewer than 5 people');
    expect(t({ nl: '{a} en {b}', en: '{a} and {b}' }, 'nl', { a: 1 })).toBe('1 en {b}');
  });

  test('languages from locales: English for any English locale, Dutch for Dutch, nothing for others', () => {
    expect(languageFrom('en-GB')).toBe('en');
    expect(languageFrom('EN')).toBe('en');
    expect(languageFrom('nl-nl')).toBe('nl');
    expect(languageFrom('de-DE')).toBeUndefined();
    expect(languageFrom('')).toBeUndefined();
    expect(languageFrom(null)).toBeUndefined();
  });

  test('formats numbers and dates the Dutch and the English way', () => {
    expect(formatPercent('nl', 0.731)).toBe('73%');
    expect(formatPoints('en', 0.234)).toBe('+23');
    expect(formatPoints('nl', -0.05)).toBe('-5');
    expect(formatKgRange('nl', { low: 1.25, mid: 2, high: 12.4 })).toBe('1,3 tot 12');
    expect(formatDay('nl', '2026-05-11')).toBe('ma 11 mei');
    expect(formatDay('en', '2026-05-11')).toBe('Mon 11 May');
  });

  test('kg: a negative value has a real minus sign (U+2212), one that rounds to zero has no sign', () => {
    expect(formatKg('nl', -2.7)).toBe('\u22122,7');
    expect(formatKg('en', -12.4)).toBe('\u221212');
    expect(formatKg('nl', -0.04)).toBe('0');
    expect(formatKg('en', 2.7)).toBe('2.7');
  });

  test('a range is "<low> tot <high>": a negative bound never runs into a dash', () => {
    expect(formatKgRange('nl', { low: -5, mid: -2, high: -0.5 })).toBe('\u22125 tot \u22120,5');
    expect(formatKgRange('en', { low: -2, mid: 1, high: 3 })).toBe('\u22122 to 3');
    for (const text of [formatKgRange('nl', { low: -5, mid: -2, high: -0.5 }), formatKgRange('en', { low: -2, mid: 1, high: 3 })]) expect(text).not.toMatch(/[-–]/);
  });

  test('a CO2 estimate below 0 is shown as extra emissions, in absolute values, still low to high', () => {
    expect(co2Shown({ low: 1, mid: 2, high: 4 })).toEqual({ kind: 'avoided', range: { low: 1, mid: 2, high: 4 } });
    expect(co2Shown({ low: 0, mid: 0, high: 0 }).kind).toBe('avoided');
    expect(co2Shown({ low: -5, mid: -2.7, high: -0.5 })).toEqual({ kind: 'extra', range: { low: 0.5, mid: 2.7, high: 5 } });
    // Straddling 0 with the middle below it: extra emissions, whose low bound (a possible saving) stays negative.
    expect(co2Shown({ low: -3, mid: -1, high: 2 })).toEqual({ kind: 'extra', range: { low: -2, mid: 1, high: 3 } });
  });

  test('counts say one thing in the singular and more in the plural, in both languages', () => {
    expect([1, 2].map((count) => t(inboxTexts.newCount, 'nl', { count }))).toEqual(['1 nieuwe prikkel', '2 nieuwe prikkels']);
    expect([1, 2].map((count) => t(inboxTexts.newCount, 'en', { count }))).toEqual(['1 new barrier', '2 new barriers']);
    expect([1, 2].map((count) => t(reportTexts.teamsHidden, 'nl', { count }))).toEqual(['1 team te klein voor cijfers, niet getoond', '2 teams te klein voor cijfers, niet getoond']);
    expect([1, 2].map((count) => t(reportTexts.teamsHidden, 'en', { count }))).toEqual(['1 team too small for numbers, not shown', '2 teams too small for numbers, not shown']);
    expect(t(inboxTexts.dismissedCount, 'nl', { count: 1 })).toBe('1 prikkel afgewezen.');
    expect(t(reportTexts.actionsCount, 'nl', { count: 1200, n: '1.200' })).toBe('1.200 acties');
    expect(t(programmeTexts.shownOf, 'en', { n: 1, count: 1 })).toBe('1 of 1 action');
  });

  test('no text of the tab writes a plural as "(s)" or "(en)": it has one and other forms instead', () => {
    const texts = Object.entries(tables).flatMap(([name, table]) =>
      Object.entries(table).flatMap(([key, text]) => [...formsOf(text, 'nl'), ...formsOf(text, 'en')].map((form) => [`${name}.${key}`, form] as const)),
    );
    expect(texts.filter(([, form]) => /\w\((s|en)\)/.test(form))).toEqual([]);
  });
});
