import { isPastRetention } from '@soestainable/bot/jobs/retention';

describe('retention: when is a campaign past retention', () => {
  it.each([
    ['the day the retention period ends: not yet', '2026-11-13', 14, '2026-11-27', false],
    ['the day after: due', '2026-11-13', 14, '2026-11-28', true],
    ['0 days: the day after the campaign ended', '2026-11-13', 0, '2026-11-14', true],
    ['0 days: not on its last day', '2026-11-13', 0, '2026-11-13', false],
    ['across a year end', '2026-12-18', 30, '2027-01-18', true],
  ])('%s', (_what, endDate, days, today, due) => {
    expect(isPastRetention({ endDate }, days, today)).toBe(due);
  });
});
