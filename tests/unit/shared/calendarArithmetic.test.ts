import { DateTime } from 'luxon';
import { addCalendarDays, isIsoDate, todayIn, TIME_ZONE } from '@soestainable/shared/calendar';

/*
 * isIsoDate and addCalendarDays do plain date arithmetic, and todayIn remembers the local day it answered last
 * (all three run several times per check-in): they must answer exactly what luxon answers.
 */
describe('calendar arithmetic without luxon on the hot path', () => {
  it('isIsoDate and addCalendarDays agree with luxon: around two century years and over four years of leap days', () => {
    const spans = [[DateTime.utc(1999, 12, 1), DateTime.utc(2000, 3, 10)], [DateTime.utc(2024, 12, 1), DateTime.utc(2028, 3, 10)], [DateTime.utc(2099, 12, 1), DateTime.utc(2100, 3, 10)]] as const;
    const moves = [-400, -29, -1, 0, 1, 28, 366];
    for (const [from, to] of spans) {
      for (let date = from; date < to; date = date.plus({ days: 1 })) {
        const iso = date.toISODate() as string;
        expect(isIsoDate(iso)).toBe(true);
        for (const days of moves) {
          const ours = addCalendarDays(iso, days);
          if (ours !== date.plus({ days }).toISODate()) expect({ iso, days, ours }).toEqual({ iso, days, ours: date.plus({ days }).toISODate() });
        }
      }
    }
  });

  it('isIsoDate refuses what luxon refuses', () => {
    for (const text of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-1-01', '26-01-01', '2026-01-01T00:00', ' 2026-01-01', '']) {
      expect({ text, ok: isIsoDate(text) }).toEqual({ text, ok: false });
    }
    for (const text of ['2000-02-29', '2024-02-29', '2026-12-31', '1900-02-28']) expect({ text, ok: isIsoDate(text) }).toEqual({ text, ok: true });
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('todayIn gives the local date at every instant around midnight and across both DST changes, in any order', () => {
    const instants: Date[] = [];
    for (const day of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26', '2026-12-31', '2027-01-01']) {
      const midnight = DateTime.fromISO(day, { zone: TIME_ZONE }).startOf('day').toMillis();
      for (const delta of [-3_600_001, -1, 0, 1, 3_599_999, 3_600_000, 43_200_000]) instants.push(new Date(midnight + delta));
    }
    const shuffled = [...instants, ...instants.slice().reverse(), ...instants.filter((_, i) => i % 3 === 0)];
    for (const at of shuffled) expect(todayIn(at)).toBe(DateTime.fromJSDate(at, { zone: TIME_ZONE }).toISODate());
    expect(() => todayIn(new Date(Number.NaN))).toThrow(RangeError);
  });
});
