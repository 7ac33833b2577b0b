import fc from 'fast-check';
import { localTimeToInstant, todayIn } from '@soestainable/shared/calendar';
import { amsterdamDay, formatDate } from '../../../tab/src/texts/format';

describe('amsterdamDay: the calendar day of an instant in Europe/Amsterdam', () => {
  test.each([
    // The start of a local day as the server stores it: the evening before in UTC.
    ['2026-12-04T23:00:00.000Z', '2026-12-05'],
    ['2026-06-04T22:00:00.000Z', '2026-06-05'],
    // One millisecond earlier is still the day before.
    ['2026-12-04T22:59:59.999Z', '2026-12-04'],
    ['2026-06-04T21:59:59.999Z', '2026-06-04'],
    // New Year's Eve late in the evening in UTC is already next year in Amsterdam.
    ['2026-12-31T23:30:00.000Z', '2027-01-01'],
    // The mornings the clocks change (29 March, 25 October 2026), and an offset written into the value.
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
    ['2026-10-25T22:59:00.000Z', '2026-10-25'],
    ['2026-12-05T00:30:00+01:00', '2026-12-05'],
  ])('%s → %s', (instant, day) => {
    expect(amsterdamDay(instant)).toBe(day);
  });

  test('is the day the server meant: the start of every local day maps back to that day (shared todayIn agrees)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const start = localTimeToInstant(day, '00:00');
        expect(amsterdamDay(start.toISOString())).toBe(day);
        expect(amsterdamDay(d.toISOString())).toBe(todayIn(d));
      }),
      { numRuns: 500 },
    );
  });

  test('refuses a value that is no instant instead of showing some other day', () => {
    expect(() => amsterdamDay('')).toThrow(RangeError);
    expect(() => amsterdamDay('morgen')).toThrow(RangeError);
  });

  test('with formatDate: the day as a Dutch or English reader writes it', () => {
    expect(formatDate('nl', amsterdamDay('2026-12-04T23:00:00.000Z'))).toBe('5 december 2026');
    expect(formatDate('en', amsterdamDay('2026-06-04T22:00:00.000Z'))).toBe('5 June 2026');
  });
});
