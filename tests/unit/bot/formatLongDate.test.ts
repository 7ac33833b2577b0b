import { DateTime } from 'luxon';
import { formatLongDate } from '@soestainable/bot/cards/format';

describe('formatLongDate', () => {
  it('says every day of two years as luxon\'s "cccc d LLLL" does, in both languages', () => {
    for (let d = DateTime.utc(2026, 1, 1); d < DateTime.utc(2028, 1, 1); d = d.plus({ days: 1 })) {
      const iso = d.toISODate() as string;
      expect(formatLongDate(iso, 'nl')).toBe(d.setLocale('nl-NL').toFormat('cccc d LLLL'));
      expect(formatLongDate(iso, 'en')).toBe(d.setLocale('en-GB').toFormat('cccc d LLLL'));
    }
    expect(formatLongDate('2026-12-02', 'nl')).toBe('woensdag 2 december');
    expect(formatLongDate('2026-12-02', 'en')).toBe('Wednesday 2 December');
  });
});
