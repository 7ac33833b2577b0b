import { caoHolidays, localTimeToInstant } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { planNudgeDay } from '@soestainable/bot/jobs/nudges';

/**
 * The nudge schedule over a whole year (pure: the day plan the job follows before it reads any participant):
 * weekends, the eight Cao Gemeenten holidays, closing days, DST, the cut-off and 4 May evening.
 */
const NOON = 12 * 60;
const plan = (length: number) => Array.from({ length }, (_, i) => (CATALOGUE[i % CATALOGUE.length] as { id: string }).id);
/** A month-long campaign (the real ones are two weeks; a month keeps the day plan short and the test quick). */
const campaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  orgId: 'soest',
  campaignId: 'c-2026-12',
  name: { nl: 'Maand', en: 'Month' },
  startDate: '2026-12-01',
  endDate: '2026-12-31',
  dayPlan: plan(23),
  closingDays: [],
  status: 'active',
  demo: false,
  ...overrides,
});
/** Twelve back-to-back monthly campaigns covering 2026, with one closing day (the Friday after Hemelvaart). */
const YEAR: Campaign[] = Array.from({ length: 12 }, (_, m) => {
  const month = String(m + 1).padStart(2, '0');
  const last = new Date(Date.UTC(2026, m + 1, 0)).getUTCDate();
  return campaign({ campaignId: `c-2026-${month}`, startDate: `2026-${month}-01`, endDate: `2026-${month}-${last}`, closingDays: month === '05' ? ['2026-05-15'] : [] });
});

function everyDay(year: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}

describe('a year of nudge days (2026)', () => {
  const plans = everyDay(2026).map((date) => ({ date, plan: planNudgeDay(YEAR, localTimeToInstant(date, '09:00'), NOON) }));

  it('nudges on exactly the 253 working days: 261 weekdays, minus 7 Cao holidays on weekdays, minus 1 closing day', () => {
    expect(plans.filter((p) => p.plan.kind === 'due')).toHaveLength(253);
  });

  it('names every holiday, and no other reason than weekend/holiday/closing day', () => {
    const reasons = new Map<string, string[]>();
    for (const { date, plan } of plans) if (plan.kind === 'skip') reasons.set(plan.reason, [...(reasons.get(plan.reason) ?? []), date]);
    expect(reasons.get('holiday:nieuwjaarsdag')).toEqual(['2026-01-01']);
    expect(reasons.get('holiday:tweede-paasdag')).toEqual(['2026-04-06']);
    expect(reasons.get('holiday:koningsdag')).toEqual(['2026-04-27']);
    expect(reasons.get('holiday:bevrijdingsdag')).toEqual(['2026-05-05']);
    expect(reasons.get('holiday:hemelvaartsdag')).toEqual(['2026-05-14']);
    expect(reasons.get('holiday:tweede-pinksterdag')).toEqual(['2026-05-25']);
    expect(reasons.get('holiday:eerste-kerstdag')).toEqual(['2026-12-25']);
    expect(reasons.get('holiday:tweede-kerstdag')).toEqual(['2026-12-26']); // a Saturday: the holiday is named
    expect(reasons.get('closing_day')).toEqual(['2026-05-15']);
    expect(reasons.get('weekend')).toHaveLength(104 - 1); // 26 Dec is listed as a holiday
    expect([...reasons.keys()].filter((r) => !r.startsWith('holiday:') && r !== 'weekend' && r !== 'closing_day')).toEqual([]);
    // Goede Vrijdag is a working day under the Cao Gemeenten; Easter Sunday and Whit Sunday are weekends.
    expect(plans.find((p) => p.date === '2026-04-03')?.plan.kind).toBe('due');
    expect(caoHolidays(2026)).toHaveLength(8);
  });

  it("gives each month's challenges in plan order, from its first working day, on the local date", () => {
    const due = plans.flatMap(({ plan }) => (plan.kind === 'due' ? [plan] : []));
    for (const c of YEAR) {
      const days = due.filter((p) => p.campaign.campaignId === c.campaignId);
      expect(days.map((p) => p.challengeId)).toEqual(c.dayPlan.slice(0, days.length));
      expect(days.every((p) => p.date.startsWith(c.startDate.slice(0, 7)))).toBe(true);
    }
    expect(due.every((p) => p.nowMinute === 9 * 60)).toBe(true);
  });
});

describe('DST: 09:00 local is the right UTC instant on both sides of each switch', () => {
  const year = YEAR;
  it.each([
    ['2026-03-27', '08:00:00Z'], // Friday before the spring switch: CET, UTC+1
    ['2026-03-30', '07:00:00Z'], // Monday after it: CEST, UTC+2
    ['2026-10-23', '07:00:00Z'], // Friday before the autumn switch: CEST
    ['2026-10-26', '08:00:00Z'], // Monday after it: CET
  ])('%s 09:00 is %s', (date, utc) => {
    expect(localTimeToInstant(date, '09:00').toISOString()).toBe(`${date}T${utc.replace('Z', '.000Z')}`);
    const minuteBefore = new Date(Date.parse(`${date}T${utc}`) - 60_000);
    expect(planNudgeDay(year, new Date(`${date}T${utc}`), NOON)).toMatchObject({ kind: 'due', date, nowMinute: 540 });
    expect(planNudgeDay(year, minuteBefore, NOON)).toMatchObject({ kind: 'due', date, nowMinute: 539 });
  });

  it('the switch Sundays themselves are weekends, whatever the hour', () => {
    for (const iso of ['2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      expect(planNudgeDay(year, new Date(iso), NOON)).toMatchObject({ kind: 'skip', reason: 'weekend' });
    }
  });

  it('the local date, not the UTC one: 23:30 UTC on 31 Dec is New Year in Amsterdam', () => {
    expect(planNudgeDay([campaign({ endDate: '2027-01-31', dayPlan: plan(40) })], new Date('2026-12-31T23:30:00Z'), 24 * 60)).toMatchObject({ reason: 'holiday:nieuwjaarsdag', date: '2027-01-01' });
  });
});

describe('the cut-off and the evening of 4 May', () => {
  const year = YEAR;
  it('before the cut-off a (late) run is due; from the cut-off minute on it is not', () => {
    expect(planNudgeDay(year, localTimeToInstant('2026-12-07', '11:59'), NOON)).toMatchObject({ kind: 'due', nowMinute: 719 });
    expect(planNudgeDay(year, localTimeToInstant('2026-12-07', '12:00'), NOON)).toMatchObject({ kind: 'skip', reason: 'after_cutoff' });
    expect(planNudgeDay(year, localTimeToInstant('2026-12-07', '12:00'), 13 * 60)).toMatchObject({ kind: 'due' });
  });

  it('no cheerful nudge on Remembrance evening (4 May from 18:00), even with a late cut-off', () => {
    expect(planNudgeDay(year, localTimeToInstant('2026-05-04', '17:59'), 23 * 60)).toMatchObject({ kind: 'due' });
    expect(planNudgeDay(year, localTimeToInstant('2026-05-04', '18:00'), 23 * 60)).toMatchObject({ kind: 'skip', reason: 'remembrance_evening' });
  });
});

describe('campaigns that give no day', () => {
  const at = localTimeToInstant('2026-12-07', '09:00');
  it.each([
    ['no campaign', 'no_active_campaign', []],
    ['before the start', 'outside_campaign', [campaign({ startDate: '2026-12-08' })]],
    ['after the end', 'outside_campaign', [campaign({ endDate: '2026-12-04' })]],
    ['a draft', 'no_active_campaign', [campaign({ status: 'draft' })]],
    ['a day plan used up', 'no_challenge_day', [campaign({ startDate: '2026-12-01', dayPlan: plan(1) })]],
    ['a weekend campaign, seen on a Monday', 'outside_campaign', [campaign({ startDate: '2026-12-05', endDate: '2026-12-06' })]],
  ] as const)('%s → %s', (_name, reason, campaigns) => {
    expect(planNudgeDay(campaigns, at, NOON)).toMatchObject({ kind: 'skip', reason });
  });

  it('a running campaign with no working days at all is named as such', () => {
    const weekend = campaign({ startDate: '2026-12-05', endDate: '2026-12-06' });
    expect(planNudgeDay([weekend], localTimeToInstant('2026-12-05', '09:00'), NOON)).toMatchObject({ kind: 'skip', reason: 'campaign_has_no_working_days', campaignId: 'c-2026-12' });
    const noPlan = campaign({ dayPlan: [] });
    expect(planNudgeDay([noPlan], localTimeToInstant('2026-12-06', '09:00'), NOON)).toMatchObject({ reason: 'campaign_has_no_working_days' });
    expect(planNudgeDay([noPlan], at, NOON)).toMatchObject({ kind: 'skip', reason: 'campaign_has_no_working_days' });
  });
});
