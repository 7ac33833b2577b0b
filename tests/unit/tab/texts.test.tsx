import { formsOf, languageFrom, placeholders, t, type TextTable } from '@soestainable/shared/text';
import { KEPT_LABELS, lastingTexts, QUESTION_LABELS, YES_NO_LABELS } from '../../../tab/src/components/lasting/texts';
import { configTexts } from '../../../tab/src/pages/config/texts';
import { myLastingTexts } from '../../../tab/src/pages/me/lastingTexts';
import { meTexts } from '../../../tab/src/pages/me/texts';
import { orgTexts } from '../../../tab/src/pages/org/texts';
import { signinTexts } from '../../../tab/src/pages/signin/texts';
import { IDEA_STATUS_LABELS, teamTexts } from '../../../tab/src/pages/team/texts';
import { formatDay, formatKgRange, formatPercent, formatPoints } from '../../../tab/src/texts/format';
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
    expect(formatKgRange('nl', { low: 1.25, mid: 2, high: 12.4 })).toBe('1,3–12');
    expect(formatDay('nl', '2026-05-11')).toBe('ma 11 mei');
    expect(formatDay('en', '2026-05-11')).toBe('Mon 11 May');
  });
});
