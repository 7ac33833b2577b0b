import { seedDemo } from '@soestainable/bot/seed/demo';
import { DEMO_COORDINATOR_ID } from '@soestainable/bot/seed/demoData';
import type { DevUsersResponse, OrgOverviewResponse, TeamDashboardResponse } from '@soestainable/shared/api';
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
});
