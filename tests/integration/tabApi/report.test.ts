import type { ReportResponse } from '@soestainable/shared/api/report';
import { FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import { BIG_TEAM_MEMBERS, SEEDED_CHECKINS, startTabApi, TAB_FIGURES_NOW, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/** The printable campaign report's data through the real server (issue 5, Build 6), with the minimum group size. */

const ORG = 'soest';

describe('GET /api/report', () => {
  let h: TabApiHarness;
  let coordinator: string;

  beforeAll(async () => {
    h = await startTabApi({ now: TAB_FIGURES_NOW });
    coordinator = await h.tokenFor(TAB_USERS.coordinator);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reports participation, impact with its range, the daily series and the barriers, hiding a small team and keeping it out of the totals', async () => {
    const barrier = await h.repos.barriers.create({ orgId: ORG, campaignId: h.campaign.campaignId, teamId: TAB_TEAMS.big, theme: 'mvoi', text: 'Alles komt in plastic.' });
    await h.repos.barriers.create({ orgId: ORG, campaignId: h.campaign.campaignId, teamId: TAB_TEAMS.small, theme: 'circulariteit', text: 'Geen mokken.' });
    const { action } = await h.repos.actions.create(
      { orgId: ORG, title: { nl: 'Inkoop zonder plastic', en: 'Plastic-free purchasing' }, description: { nl: '', en: '' }, theme: 'mvoi', dimension: 'beleid', owner: 'Inkoop', status: 'in_uitvoering', barrierIds: [barrier.barrierId] },
      TAB_USERS.coordinator,
    );

    const res = await h.api<ReportResponse>('GET', '/api/report', { token: coordinator });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.campaign).toMatchObject({ campaignId: h.campaign.campaignId, days: 10 });
    expect(r.minGroupSize).toBe(5);
    // Two teams, one below the minimum: it is hidden, and alone it is no residual group, so it stays out of the
    // totals too (else the total minus the other team would give it away).
    expect(r.teams.map((t) => [t.teamId, t.figures.hidden])).toEqual([
      [TAB_TEAMS.small, true],
      [TAB_TEAMS.big, false],
    ]);
    expect(JSON.stringify(r.teams.find((t) => t.teamId === TAB_TEAMS.small))).not.toContain('checkIns');
    if (r.participation.hidden) throw new Error('the big team (6 people) is above the minimum');
    expect(r.participation).toMatchObject({ participants: BIG_TEAM_MEMBERS.length, checkIns: SEEDED_CHECKINS.length, teamsShown: 1, teamsHidden: 1 });
    expect(r.participation.participationRate).toBeCloseTo(SEEDED_CHECKINS.length / (2 * BIG_TEAM_MEMBERS.length), 6);
    if (r.impact.hidden) throw new Error('impact hidden');
    expect(r.impact.co2.low).toBeLessThanOrEqual(r.impact.co2.mid);
    expect(r.impact.co2.mid).toBeLessThanOrEqual(r.impact.co2.high);
    expect(r.impact.co2.high).toBeGreaterThan(0);
    expect(r.impact.factorVersion).toBe(FACTOR_TABLE_VERSION);
    expect(r.impact.sources.nl.length).toBeGreaterThan(0);
    expect(r.series.map((d) => [d.date, d.checkIns, d.participants])).toEqual([
      [h.days[0], 3, 6],
      [h.days[1], 2, 6],
    ]);
    expect(r.barriers.total).toBe(2);
    expect(r.barriers.byStatus.nieuw).toBe(2);
    expect(r.barriers.byTheme).toEqual({ circulariteit: 1, energietransitie: 0, mvoi: 1 });
    expect(r.barriers.top).toEqual([{ actionId: action.actionId, title: action.title, theme: 'mvoi', status: 'in_uitvoering', owner: 'Inkoop', barrierCount: 1 }]);
    expect(r.actions.byStatus.in_uitvoering).toBe(1);
    expect(JSON.stringify(r)).not.toContain('Alles komt in plastic');
  });

  it('adds two small teams to the totals as one residual group once together they reach the minimum, never one by one', async () => {
    await h.repos.orgTeams.save({ orgId: ORG, teamId: 'griffie', name: 'Griffie', managerIds: [], demo: false });
    for (const date of h.days.slice(0, 2)) await h.repos.dailyAggregates.recordParticipants(h.campaign.campaignId, 'griffie', date, 3);
    const r = (await h.api<ReportResponse>('GET', '/api/report', { token: coordinator })).body;
    expect(r.teams.find((t) => t.teamId === TAB_TEAMS.big)?.figures).toMatchObject({ hidden: false, participants: 6, checkIns: SEEDED_CHECKINS.length });
    expect(r.teams.find((t) => t.teamId === TAB_TEAMS.small)?.figures.hidden).toBe(true);
    expect(r.teams.find((t) => t.teamId === 'griffie')?.figures.hidden).toBe(true);
    // 4 + 3 people in two teams: a residual group of 7, so the totals hold them (together only).
    expect(r.participation).toMatchObject({ hidden: false, participants: 6 + 4 + 3 });
    expect(r.series.map((d) => d.participants)).toEqual([13, 13]);
  });

  it('hides every figure when the whole organisation is below the minimum group size', async () => {
    const small = await startTabApi({ minGroupSize: 50 });
    try {
      const token = await small.tokenFor(TAB_USERS.coordinator);
      const r = (await small.api<ReportResponse>('GET', '/api/report', { token })).body;
      expect(r.participation).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
      expect(r.impact).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
      expect(r.series).toEqual([]);
      expect(r.teams.every((t) => t.figures.hidden)).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('answers an unknown campaign with 404', async () => {
    const res = await h.api<{ code: string }>('GET', `/api/report?campaignId=${encodeURIComponent("' or 1 eq 1")}`, { token: coordinator });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
