import {
  addWorkingDays,
  campaignDayNumber,
  campaignDays,
  caoHolidayOn,
  caoHolidays,
  easterSunday,
  isIsoDate,
  isRemembranceEvening,
  isWorkingDay,
  localTimeToInstant,
  MAX_CLOSING_DAYS_PER_YEAR,
  nextWorkingDay,
  parseLocalTime,
  TIME_ZONE,
  todayIn,
  validateClosingDays,
  workingDayOnOrAfter,
} from '@soestainable/shared/calendar';

const holidayMap = (year: number) => Object.fromEntries(caoHolidays(year).map((h) => [h.id, h.date]));

describe('easterSunday (Meeus/Jones/Butcher)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('rejects a non-Gregorian or non-integer year', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('caoHolidays', () => {
  it('2026: all 8 Cao Gemeenten holidays, in date order', () => {
    expect(caoHolidays(2026).map((h) => [h.id, h.date])).toEqual([
      ['nieuwjaarsdag', '2026-01-01'],
      ['tweede-paasdag', '2026-04-06'],
      ['koningsdag', '2026-04-27'],
      ['bevrijdingsdag', '2026-05-05'],
      ['hemelvaartsdag', '2026-05-14'],
      ['tweede-pinksterdag', '2026-05-25'],
      ['eerste-kerstdag', '2026-12-25'],
      ['tweede-kerstdag', '2026-12-26'],
    ]);
  });

  it('2027, worked out by hand from Easter Sunday 28 March 2027', () => {
    // Easter +1 = Mon 29 Mar; +39 = Thu 6 May (3 days to 31 Mar, 30 in April, 6 in May); +50 = Mon 17 May.
    expect(caoHolidays(2027).map((h) => [h.id, h.date])).toEqual([
      ['nieuwjaarsdag', '2027-01-01'],
      ['tweede-paasdag', '2027-03-29'],
      ['koningsdag', '2027-04-27'], // a Tuesday
      ['bevrijdingsdag', '2027-05-05'],
      ['hemelvaartsdag', '2027-05-06'],
      ['tweede-pinksterdag', '2027-05-17'],
      ['eerste-kerstdag', '2027-12-25'],
      ['tweede-kerstdag', '2027-12-26'],
    ]);
  });

  it('every holiday has a Dutch and an English name', () => {
    for (const holiday of caoHolidays(2026)) {
      expect(holiday.name.nl.length).toBeGreaterThan(0);
      expect(holiday.name.en.length).toBeGreaterThan(0);
    }
  });

  it('Koningsdag moves to 26 April when 27 April is a Sunday (2025, 2031)', () => {
    expect(holidayMap(2025)['koningsdag']).toBe('2025-04-26');
    expect(holidayMap(2031)['koningsdag']).toBe('2031-04-26');
    expect(holidayMap(2026)['koningsdag']).toBe('2026-04-27');
  });

  it('Bevrijdingsdag is a holiday every year, not only every fifth', () => {
    for (const year of [2026, 2027, 2028, 2029, 2030]) {
      expect(holidayMap(year)['bevrijdingsdag']).toBe(`${year}-05-05`);
    }
    expect(isWorkingDay('2026-05-05')).toBe(false);
    expect(isWorkingDay('2027-05-05')).toBe(false);
  });

  it('Goede Vrijdag is not a holiday: a working day', () => {
    expect(caoHolidayOn('2026-04-03')).toBeUndefined();
    expect(isWorkingDay('2026-04-03')).toBe(true); // Good Friday 2026
    expect(isWorkingDay('2027-03-26')).toBe(true); // Good Friday 2027
  });

  it('caoHolidayOn names the holiday', () => {
    expect(caoHolidayOn('2026-05-14')?.name).toEqual({ nl: 'Hemelvaartsdag', en: 'Ascension Day' });
  });
});

describe('working days', () => {
  it('Mon–Fri are working days, weekends are not', () => {
    expect(isWorkingDay('2026-03-09')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-13')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15')).toBe(false); // Sunday
  });

  it('every 2026 and 2027 Cao holiday on a weekday is not a working day', () => {
    for (const year of [2026, 2027]) {
      for (const holiday of caoHolidays(year)) {
        expect(isWorkingDay(holiday.date)).toBe(false);
      }
    }
  });

  it('a local closing day is not a working day', () => {
    expect(isWorkingDay('2026-05-15', ['2026-05-15'])).toBe(false); // the Friday after Hemelvaart
    expect(isWorkingDay('2026-05-15')).toBe(true);
  });

  it('nextWorkingDay skips weekends and holidays', () => {
    expect(nextWorkingDay('2026-04-02')).toBe('2026-04-03'); // Thu → Good Friday (working)
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07'); // Fri → Tue, Easter Monday skipped
    expect(nextWorkingDay('2026-05-13')).toBe('2026-05-15'); // Wed → Fri, Hemelvaart skipped
    expect(nextWorkingDay('2026-05-13', ['2026-05-15'])).toBe('2026-05-18');
  });

  it('workingDayOnOrAfter keeps a working day and moves a non-working day', () => {
    expect(workingDayOnOrAfter('2026-03-09')).toBe('2026-03-09');
    expect(workingDayOnOrAfter('2026-03-14')).toBe('2026-03-16');
  });

  it('addWorkingDays moves forward, back, and not at all', () => {
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28'); // Fri → Tue (Koningsdag Mon 27 Apr)
    expect(addWorkingDays('2026-04-24', 5)).toBe('2026-05-04'); // 28, 29, 30 Apr, 1, 4 May
    expect(addWorkingDays('2026-05-06', -2)).toBe('2026-05-01'); // Wed → Mon 4 May, Fri 1 May (Bevrijdingsdag skipped)
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-03'); // Tue → Good Friday, over Easter Monday
    expect(addWorkingDays('2026-03-14', 0)).toBe('2026-03-14');
    expect(addWorkingDays('2026-05-13', 1, ['2026-05-15'])).toBe('2026-05-18');
    expect(() => addWorkingDays('2026-05-13', 1.5)).toThrow(RangeError);
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2026-3-9')).toThrow(RangeError);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});

describe('campaign days', () => {
  it('two plain working weeks', () => {
    expect(campaignDays('2026-03-09')).toEqual([
      '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13',
      '2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20',
    ]);
  });

  it('a campaign over Christmas and New Year skips holidays and weekends', () => {
    // Fri 25 Dec and Sat 26 Dec 2026, Fri 1 Jan 2027 are holidays.
    expect(campaignDays('2026-12-21')).toEqual([
      '2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24',
      '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31',
      '2027-01-04', '2027-01-05',
    ]);
  });

  it('a campaign over the May holidays skips them and local closing days', () => {
    const days = campaignDays('2026-04-27', 10, ['2026-05-15']);
    expect(days).toEqual([
      '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01', '2026-05-04',
      '2026-05-06', '2026-05-07', '2026-05-08', '2026-05-11', '2026-05-12',
    ]);
    expect(campaignDays('2026-05-11', 5, ['2026-05-15'])).toEqual([
      '2026-05-11', '2026-05-12', '2026-05-13', '2026-05-18', '2026-05-19',
    ]);
  });

  it('count is configurable and validated', () => {
    expect(campaignDays('2026-03-14', 1)).toEqual(['2026-03-16']);
    expect(campaignDays('2026-03-09', 0)).toEqual([]);
    expect(() => campaignDays('2026-03-09', -1)).toThrow(RangeError);
  });

  it('campaignDayNumber is 1-based and undefined outside the campaign', () => {
    const days = campaignDays('2026-12-21');
    expect(campaignDayNumber(days, '2026-12-21')).toBe(1);
    expect(campaignDayNumber(days, '2026-12-28')).toBe(5);
    expect(campaignDayNumber(days, '2027-01-05')).toBe(10);
    expect(campaignDayNumber(days, '2026-12-25')).toBeUndefined();
    expect(campaignDayNumber(days, '2027-01-06')).toBeUndefined();
  });
});

describe('local time in Europe/Amsterdam', () => {
  it('TIME_ZONE', () => {
    expect(TIME_ZONE).toBe('Europe/Amsterdam');
  });

  it('todayIn gives the Amsterdam date', () => {
    expect(todayIn(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01'); // 00:30 CET
    expect(todayIn(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30'); // 23:59 CEST
    expect(todayIn(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01'); // 00:00 CEST
  });

  it('parseLocalTime accepts HH:mm only', () => {
    expect(parseLocalTime('08:30')).toEqual({ hour: 8, minute: 30 });
    expect(parseLocalTime('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseLocalTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const invalid of ['25:99', '24:00', '12:60', '8:3', '8:30', '08:30:00', '', ' 08:30', 'ab:cd']) {
      expect(parseLocalTime(invalid)).toBeUndefined();
    }
  });

  it('a normal day: 09:00 in winter is UTC+1, in summer UTC+2', () => {
    expect(localTimeToInstant('2026-01-15', '09:00').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(localTimeToInstant('2026-07-15', '09:00').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('spring forward, Sunday 29 March 2026', () => {
    expect(localTimeToInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z'); // CET
    expect(localTimeToInstant('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T07:00:00.000Z'); // CEST
    // 02:00–02:59 does not exist: moves forward to the first valid instant, 03:00 CEST.
    expect(localTimeToInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(localTimeToInstant('2026-03-29', '02:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(localTimeToInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('fall back, Sunday 25 October 2026', () => {
    expect(localTimeToInstant('2026-10-25', '09:00').toISOString()).toBe('2026-10-25T08:00:00.000Z'); // CET
    // 02:30 happens twice (CEST, then CET): the first occurrence.
    expect(localTimeToInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(localTimeToInstant('2026-10-25', '01:59').toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(localTimeToInstant('2026-10-25', '03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('localTimeToInstant rejects invalid input', () => {
    expect(() => localTimeToInstant('2026-03-29', '25:99')).toThrow(RangeError);
    expect(() => localTimeToInstant('2026-02-30', '09:00')).toThrow(RangeError);
  });

  it('remembrance evening: 4 May from 18:00 Amsterdam time until midnight', () => {
    expect(isRemembranceEvening(new Date('2026-05-04T15:59:00Z'))).toBe(false); // 17:59 CEST
    expect(isRemembranceEvening(new Date('2026-05-04T16:00:00Z'))).toBe(true); // 18:00 CEST
    expect(isRemembranceEvening(new Date('2026-05-04T18:00:00Z'))).toBe(true); // 20:00, the silence
    expect(isRemembranceEvening(new Date('2026-05-04T21:59:00Z'))).toBe(true); // 23:59
    expect(isRemembranceEvening(new Date('2026-05-04T22:00:00Z'))).toBe(false); // 00:00 on 5 May
    expect(isRemembranceEvening(new Date('2026-05-03T16:30:00Z'))).toBe(false); // 3 May evening
  });
});

describe('validateClosingDays', () => {
  it('accepts up to 2 per year and sorts them', () => {
    expect(validateClosingDays([])).toEqual({ ok: true, days: [] });
    expect(validateClosingDays(['2026-12-31', '2026-05-15', '2027-05-07'])).toEqual({
      ok: true,
      days: ['2026-05-15', '2026-12-31', '2027-05-07'],
    });
  });

  it('rejects a third closing day in one year', () => {
    expect(validateClosingDays(['2026-05-15', '2026-12-31', '2026-12-24'])).toEqual({
      ok: false,
      reason: 'too_many_in_year',
      year: 2026,
      count: 3,
      maximum: MAX_CLOSING_DAYS_PER_YEAR,
    });
  });

  it('rejects invalid dates, duplicates and days that are not working days', () => {
    expect(validateClosingDays(['2026-02-30'])).toEqual({ ok: false, reason: 'invalid_date', value: '2026-02-30' });
    expect(validateClosingDays(['15-05-2026'])).toEqual({ ok: false, reason: 'invalid_date', value: '15-05-2026' });
    expect(validateClosingDays(['2026-05-15', '2026-05-15'])).toEqual({
      ok: false,
      reason: 'duplicate_date',
      value: '2026-05-15',
    });
    expect(validateClosingDays(['2026-05-16'])).toEqual({ ok: false, reason: 'not_a_working_day', value: '2026-05-16' });
    expect(validateClosingDays(['2026-05-14'])).toEqual({ ok: false, reason: 'not_a_working_day', value: '2026-05-14' });
  });
});
