import type { MeResponse, OrgOverviewResponse, TeamDashboardResponse } from '@soestainable/shared/api';
import type { CheckIn } from '@soestainable/shared/domain/types';
import { checkIn } from '../../helpers/fixtures';
import { participant } from '../../helpers/orgFixture';
import { startTabApi, TAB_FIGURES_NOW, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * `GET /api/org/overview` over real HTTP: teams ranked by participation and improvement against their baseline,
 * small teams without numbers, totals that hidden teams enter only as one residual group, and never a person.
 * (The differencing attacks themselves: tests/security/differencing.test.ts.)
 */
describe('tab API organisation overview', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ now: TAB_FIGURES_NOW });
    const campaignId = h.campaign.campaignId;
    // Two more teams of five: "sociaal" checks in a lot (by bike), "ruimte" not at all.
    for (const [teamId, name] of [['sociaal', 'Sociaal Domein'], ['ruimte', 'Ruimte']] as const) {
      await h.repos.orgTeams.save({ orgId: 'soest', teamId, name, managerIds: [], demo: false });
      for (let n = 1; n <= 5; n++) {
        const userId = `aad-${teamId}-${n}`;
        await h.repos.participants.save(participant({ userId, teamId, tenantId: TAB_TENANT }));
        await h.repos.surveys.save({ userId, campaignId, kind: 'baseline', commuteMode: n <= 2 ? 'fiets' : 'auto', distanceBand: '5-10', disposablePackaging: 'often', screensOffAtNight: false, lightsOffWhenLeaving: true, createdAt: '2026-11-27T09:00:00.000Z' });
      }
      // What the headcount job records on each challenge day: the team's group that day.
      for (const date of ['2026-11-30', '2026-12-01'] as const) await h.repos.dailyAggregates.recordParticipants(campaignId, teamId, date, 5);
    }
    for (let n = 1; n <= 5; n++) {
      for (const date of ['2026-11-30', '2026-12-01']) {
        const c: CheckIn = checkIn({ userId: `aad-sociaal-${n}`, teamId: 'sociaal', campaignId, date, day: date === '2026-11-30' ? 1 : 2, travelMode: 'fiets' });
        await h.repos.checkIns.save(c, null);
        await h.repos.dailyAggregates.apply(c);
      }
    }
  });
  afterAll(async () => {
    await h.close();
  });

  const overview = async (userId: string = TAB_USERS.employee) =>
    h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token: await h.tokenFor(userId) });

  it('ranks the visible teams by participation rate, with their improvement against the baseline', async () => {
    const res = await overview();
    expect(res.status).toBe(200);
    const visible = res.body.teams.filter((t) => !t.suppressed);
    // Over the final days with a recorded group (30 Nov, 1 Dec): sociaal 10 check-ins of 5 × 2; publiekszaken 5 of
    // 6 × 2; ruimte none of 5 × 2.
    expect(visible).toEqual([
      expect.objectContaining({ teamId: 'sociaal', rank: 1, participants: 5, participationRate: 1, checkIns: 10, improvement: 0.6 }),
      expect.objectContaining({ teamId: 'publiekszaken', rank: 2, participants: 6, participationRate: 0.4167, checkIns: 5, improvement: 0.8 }),
      expect.objectContaining({ teamId: 'ruimte', rank: 3, participants: 5, participationRate: 0, checkIns: 0 }),
    ]);
  });

  it('hides small teams only: hidden teams enter the totals as one residual group or not at all, so no other team needs hiding', async () => {
    const { teams, minimumGroupSize } = (await overview()).body;
    expect(minimumGroupSize).toBe(5);
    const hidden = teams.filter((t) => t.suppressed);
    expect(hidden).toEqual([{ suppressed: true, teamId: 'buitendienst', name: 'Buitendienst', reason: 'below_minimum_group_size', minimum: 5 }]);
  });

  it('gives organisation totals and the organisation against its baseline', async () => {
    const body = (await overview()).body;
    // The teams shown; Buitendienst (4) is the only hidden team, too small to be a residual group on its own.
    expect(body.totals).toMatchObject({ participants: 16, checkIns: 15, wasteFreeDays: 10 + 4 });
    // Baseline: 4 of 16 commuted sustainably (the two cyclists of each new team); now 14 of 15 check-ins.
    expect(body.baseline).toMatchObject({ respondents: 16, sustainableTravel: { baseline: 0.25, now: 0.9333 } });
  });

  it('is open to everyone signed in, and never names a person', async () => {
    for (const userId of [TAB_USERS.outsider, TAB_USERS.smallTeamMember, TAB_USERS.coordinator]) {
      const res = await overview(userId);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(/aad-/);
    }
    expect((await h.api('GET', '/api/org/overview')).status).toBe(401);
  });
});

describe('tab API views before any campaign', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ seed: false });
    await h.repos.orgTeams.save({ orgId: 'soest', teamId: 'vroeg', name: 'Vroeg', managerIds: [], demo: false });
    for (let n = 1; n <= 5; n++) await h.repos.participants.save(participant({ userId: `aad-vroeg-${n}`, teamId: 'vroeg', tenantId: TAB_TENANT }));
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers with no campaign and no numbers instead of failing', async () => {
    const token = await h.tokenFor('aad-vroeg-1');
    const overview = await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token });
    expect(overview.status).toBe(200);
    expect(overview.body).toEqual({ campaign: null, teams: [], totals: null, baseline: null, minimumGroupSize: 5 });
    const dashboard = await h.api<TeamDashboardResponse>('GET', '/api/teams/vroeg/dashboard', { token });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toMatchObject({ suppressed: false, campaign: null, perDay: [], baseline: null, figures: { participants: 5, checkIns: 0, participationRate: 0 } });
    const me = await h.api<MeResponse>('GET', '/api/me', { token });
    expect(me.body).toMatchObject({ enrolled: true, campaign: null, progress: null, openDays: [] });
  });
});
