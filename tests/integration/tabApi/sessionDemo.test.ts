import { seedDemo } from '@soestainable/bot/seed/demo';
import { DEMO_COORDINATOR_ID } from '@soestainable/bot/seed/demoData';
import type { CampaignAdminResponse, DevUsersResponse, MeResponse, OrgOverviewResponse, ReportResponse, TeamDashboardResponse } from '@soestainable/shared/api';
import { todayIn } from '@soestainable/shared/calendar';
import { startTabApi, TAB_NOW, type TabApiHarness } from '../../helpers/tabApi';

/** The dev sign-in on the demo organisation (what `npm start` seeds): pick a user and a role, open dashboards. */
describe('tab API dev sign-in on the demo data', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ sso: false, seed: false });
    await seedDemo(h.repos, h.config, TAB_NOW);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('offers the demo coordinator first, and managers of every team', async () => {
    const { users } = (await h.api<DevUsersResponse>('GET', '/api/dev/users')).body;
    expect(users[0]).toMatchObject({ userId: DEMO_COORDINATOR_ID, roles: ['coordinator'] });
    expect(users.filter((u) => u.roles.includes('manager')).map((u) => u.teamId).sort()).toEqual(
      ['demo-bedrijfsvoering', 'demo-buitendienst', 'demo-griffie', 'demo-publiekszaken', 'demo-ruimte', 'demo-sociaal-domein'],
    );
  });

  it('lets the coordinator open every team: numbers for the big ones, the reason for Griffie', async () => {
    const token = await h.devToken(DEMO_COORDINATOR_ID, 'coordinator');
    const big = await h.api<TeamDashboardResponse>('GET', '/api/teams/demo-publiekszaken/dashboard', { token });
    expect(big.status).toBe(200);
    expect(big.body.suppressed).toBe(false);
    if (!big.body.suppressed) expect(big.body.figures.checkIns).toBeGreaterThan(0);
    const small = await h.api<TeamDashboardResponse>('GET', '/api/teams/demo-griffie/dashboard', { token });
    expect(small.body).toMatchObject({ suppressed: true, reason: 'below_minimum_group_size' });
    const overview = await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token });
    expect(overview.body.teams.filter((t) => !t.suppressed).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps a demo employee, picked as an employee, to their own team', async () => {
    const token = await h.devToken('demo-ruimte-03', 'employee');
    expect((await h.api('GET', '/api/teams/demo-ruimte/dashboard', { token })).status).toBe(200);
    expect((await h.api('GET', '/api/teams/demo-publiekszaken/dashboard', { token })).status).toBe(403);
  });

  it('shows the running campaign everywhere, with the earlier (ended) campaign beside it', async () => {
    const running = await h.repos.campaigns.active(h.config.org.id, todayIn(TAB_NOW));
    const all = await h.repos.campaigns.list(h.config.org.id);
    expect(all.map((c) => c.status)).toEqual(['ended', 'active']);
    const id = running?.campaignId;
    expect(id).toBe(all[1]?.campaignId);
    const coordinator = await h.devToken(DEMO_COORDINATOR_ID, 'coordinator');
    const employee = await h.devToken('demo-ruimte-03', 'employee');
    const dashboard = await h.api<TeamDashboardResponse>('GET', '/api/teams/demo-ruimte/dashboard', { token: employee });
    expect(dashboard.body.campaign?.campaignId).toBe(id);
    expect((await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token: employee })).body.campaign?.campaignId).toBe(id);
    expect((await h.api<MeResponse>('GET', '/api/me', { token: employee })).body.campaign?.campaignId).toBe(id);
    expect((await h.api<ReportResponse>('GET', '/api/report', { token: coordinator })).body.campaign?.campaignId).toBe(id);
    const admin = await h.api<CampaignAdminResponse>('GET', '/api/admin/campaign', { token: coordinator });
    expect(admin.body.current?.campaignId).toBe(id);
    expect(admin.body.campaigns).toHaveLength(2);
  });
});
