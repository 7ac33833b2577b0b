import { aggregatesCsv, csvField, csvFigure, dutchDecimal } from '@soestainable/bot/tabApi/admin/exportCsv';
import { checkDates, currentCampaign } from '@soestainable/bot/tabApi/admin/campaign';
import { teamIdFromName } from '@soestainable/bot/tabApi/admin/people';
import { ApiError } from '@soestainable/bot/tabApi/http';
import { emptyAggregate } from '@soestainable/shared/domain/aggregates';
import type { Campaign } from '@soestainable/shared/domain/campaign';

/** The admin feature's pure rules: CSV fields, the suppression in the export, team ids, campaign dates. */

describe('CSV fields for Dutch Excel', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('Publiekszaken')).toBe('Publiekszaken');
    expect(csvField('A;B')).toBe('"A;B"');
    expect(csvField('Zeg "hoi"')).toBe('"Zeg ""hoi"""');
    expect(csvField('twee\nregels')).toBe('"twee\nregels"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField(-3)).toBe('-3');
    expect(dutchDecimal(12.3456)).toBe('12,346');
    expect(dutchDecimal(0)).toBe('0,000');
  });

  it('keeps figures numbers (a negative CO2 figure too) and puts the formula guard on text fields only', () => {
    const row = { ...emptyAggregate('c1', '@team', '2026-12-01'), participants: 6, checkIns: 5, co2: { low: -17.757, mid: -5, high: 1.2 } };
    const names = ['=HYPERLINK("http://evil")', '+31 6', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
    for (const name of names) {
      const [, line] = aggregatesCsv('c1', [row], new Map([['@team', name]]), 5, '2026-12-10').replace(/^\uFEFF/, '').split('\r\n');
      const fields = line?.split(';') ?? [];
      expect(fields.slice(-4)).toEqual(['-17,757', '-5,000', '1,200', '0']);
      expect(fields[1]).toBe("'@team");
      expect(fields[2]?.replace(/^"/, '')).toMatch(/^'/);
    }
  });

  it('writes figures as they are, and anything that is not a figure as a guarded text', () => {
    expect([csvFigure(-3), csvFigure(0), csvFigure(12), csvFigure(-1.5), csvFigure('-17,757'), csvFigure(dutchDecimal(-0.25))]).toEqual(['-3', '0', '12', '-1,5', '-17,757', '-0,250']);
    expect([csvFigure('-2+3'), csvFigure('=1'), csvFigure('1;2'), csvFigure('')]).toEqual(["'-2+3", "'=1", '"1;2"', '']);
  });

  it('hides every team-day under the minimum and every day not final yet; no complementary cell is needed (the CSV has no totals)', () => {
    const row = (teamId: string, participants: number, checkIns: number, date = '2026-12-01') => ({ ...emptyAggregate('c1', teamId, date), participants, checkIns });
    const names = new Map([['a', 'A'], ['b', 'B'], ['c', 'C'], ['empty', 'E']]);
    const rows = [row('a', 9, 5), row('b', 6, 4), row('c', 3, 2), row('empty', 0, 0), row('a', 9, 7, '2026-12-02'), row('a', 9, 1, '2026-12-03')];
    // On 3 December, 1 December is final; 2 December (yesterday) and 3 December (today) can still change.
    const csv = aggregatesCsv('c1', rows, names, 5, '2026-12-03');
    const suppressed = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';'))
      .map((f) => [f[1], f[3], f.at(-1)]);
    expect(suppressed).toEqual([
      ['a', '2026-12-01', '0'],
      ['a', '2026-12-02', '1'],
      ['a', '2026-12-03', '1'],
      ['b', '2026-12-01', '0'],
      ['c', '2026-12-01', '1'],
      ['empty', '2026-12-01', '1'],
    ]);
  });
});

describe('team ids from names', () => {
  it('makes lower-case ASCII slugs, unique among the taken ones', () => {
    expect(teamIdFromName('Sociaal Domein', new Set())).toBe('sociaal-domein');
    expect(teamIdFromName('Financiën & Control', new Set())).toBe('financien-control');
    expect(teamIdFromName('Sociaal Domein', new Set(['sociaal-domein', 'sociaal-domein-2']))).toBe('sociaal-domein-3');
    expect(teamIdFromName('!!!', new Set())).toBe('team');
  });
});

describe('campaign dates', () => {
  const plan = Array.from({ length: 10 }, (_, i) => `dag-${i + 1}`);
  const rule = (c: Parameters<typeof checkDates>[0]): string | undefined => {
    try {
      checkDates(c);
      return undefined;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return (err.details?.['issues'] as { rule: string }[] | undefined)?.[0]?.rule;
    }
  };

  it('accepts a campaign that holds its day plan and its closing days', () => {
    expect(rule({ startDate: '2026-11-30', endDate: '2026-12-14', closingDays: ['2026-12-07'], dayPlan: plan })).toBeUndefined();
  });

  it('names the rule a campaign breaks', () => {
    expect(rule({ startDate: '2026-11-30', endDate: '2026-11-30', closingDays: [], dayPlan: [] })).toBe('end_before_start');
    expect(rule({ startDate: '2026-01-01', endDate: '2027-01-02', closingDays: [], dayPlan: [] })).toBe('longer_than_a_year');
    expect(rule({ startDate: '2026-01-01', endDate: '2026-12-31', closingDays: [], dayPlan: [] })).toBeUndefined();
    expect(rule({ startDate: '2026-11-30', endDate: '2026-12-14', closingDays: ['2026-11-27'], dayPlan: plan })).toBe('closing_day_outside');
    expect(rule({ startDate: '2026-11-30', endDate: '2026-12-11', closingDays: ['2026-12-07'], dayPlan: plan })).toBe('too_short_for_day_plan');
  });

  it('picks the running campaign, else the next, else the latest', () => {
    const c = (campaignId: string, startDate: string, endDate: string, status: Campaign['status']) => ({ campaignId, startDate, endDate, status });
    const past = c('past', '2026-03-02', '2026-03-13', 'ended');
    const running = c('now', '2026-11-30', '2026-12-11', 'active');
    const next = c('next', '2027-03-01', '2027-03-12', 'draft');
    const all = [next, past, running].map((x) => ({ ...x, orgId: 'o', name: { nl: '', en: '' }, dayPlan: [], closingDays: [], demo: false }));
    expect(currentCampaign(all, '2026-12-02')?.campaignId).toBe('now');
    expect(currentCampaign(all, '2026-12-20')?.campaignId).toBe('next');
    expect(currentCampaign(all.filter((x) => x.campaignId === 'past'), '2026-12-20')?.campaignId).toBe('past');
  });
});
