import type { ApiErrorBody, TeamDashboardResponse, TeamDashboardVisible } from '@soestainable/shared/api';
import { sumRanges, estimateCheckInImpact } from '@soestainable/shared/impact';
import { baselineSurvey } from '../../helpers/orgFixture';
import { SEEDED_CHECKINS, startTabApi, TAB_FIGURES_NOW, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * `GET /api/teams/:teamId/dashboard` over real HTTP: who may see which team, the figures from the seeded
 * aggregates, the minimum group size, and the team's anonymous barriers and ideas.
 */
describe('tab API team dashboard', () => {
  let h: TabApiHarness;
  let barrierRef = '';
  let actionId = '';
  beforeAll(async () => {
    h = await startTabApi({ now: TAB_FIGURES_NOW });
    const orgId = 'soest';
    const campaignId = h.campaign.campaignId;
    const { action } = await h.repos.actions.create(
      { orgId, title: { nl: 'Mokken bij de automaat', en: 'Mugs at the machine' }, description: { nl: 'd', en: 'd' }, theme: 'circulariteit', dimension: 'uitvoering', status: 'gepland', owner: 'Facilitair', demo: false },
      TAB_USERS.coordinator,
    );
    actionId = action.actionId;
    // One barrier with the reporter's contact (opted in): the dashboard must not show who it was.
    const linked = await h.repos.barriers.create({ orgId, campaignId, teamId: TAB_TEAMS.big, theme: 'circulariteit', text: 'Geen mokken bij de automaat.', contactUserId: TAB_USERS.employee });
    barrierRef = linked.reference;
    await h.repos.actions.linkBarriers(orgId, actionId, [linked.barrierId], TAB_USERS.coordinator);
    await h.repos.barriers.update(orgId, linked.barrierId, (b) => ({ ...b, status: 'gekoppeld', actionId }));
    await h.repos.barriers.create({ orgId, campaignId, teamId: TAB_TEAMS.small, theme: 'mvoi', text: 'Van een ander team.' });
    await h.repos.ideas.create({ orgId, campaignId, teamId: TAB_TEAMS.big, theme: 'energietransitie', text: 'Schermen uit om zes uur.' });
  });
  afterAll(async () => {
    await h.close();
  });

  const dashboard = async (userId: string, teamId: string = TAB_TEAMS.big) =>
    h.api<TeamDashboardResponse & ApiErrorBody>('GET', `/api/teams/${encodeURIComponent(teamId)}/dashboard`, { token: await h.tokenFor(userId) });

  it("shows the team's figures from its daily aggregates", async () => {
    const res = await dashboard(TAB_USERS.employee);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const d = res.body as TeamDashboardVisible;
    expect(d).toMatchObject({ suppressed: false, teamId: 'publiekszaken', teamName: 'Publiekszaken' });
    expect(d.campaign).toMatchObject({ campaignId: h.campaign.campaignId, daysSoFar: 5, today: '2026-12-04' });
    // The final days with a recorded group (6 people on 30 Nov and 1 Dec; 2 Dec has none recorded, so it is not
    // shown): 5 check-ins of 12 person-days. Today never shows: it can still move with one person's check-in.
    expect(d.figures).toMatchObject({
      participants: 6,
      participationRate: 0.4167,
      checkIns: 5,
      wasteFreeDays: 4,
      sustainableTravelShare: 0.8,
      travel: { fiets: 3, auto: 1, ov: 1, lopen: 0, ebike: 0, eauto: 0, thuis: 0 },
    });
    expect(d.perDay).toEqual([
      { date: '2026-11-30', day: 1, checkIns: 3, wasteFree: 2, participationRate: 0.5 },
      { date: '2026-12-01', day: 2, checkIns: 2, wasteFree: 2, participationRate: 0.3333 },
    ]);
    const expectedCo2 = sumRanges(
      SEEDED_CHECKINS.map((c) =>
        estimateCheckInImpact({ outcome: 'done', travelMode: c.travelMode, distanceBand: '5-10', wasteFree: c.wasteFree, cupsAvoided: 0 }, baselineSurvey(c.userId)),
      ),
    );
    expect(d.figures.impact.co2.mid).toBeCloseTo(expectedCo2.mid, 5);
    expect(d.figures.impact.co2.low).toBeLessThanOrEqual(d.figures.impact.co2.mid);
    expect(d.figures.impact.co2.high).toBeGreaterThanOrEqual(d.figures.impact.co2.mid);
    expect(d.figures.impact.factorVersion).toBe('2026.1');
    expect(d.figures.impact.sources.map((s) => s.id)).toContain('co2emissiefactoren');
  });

  it('compares with the baseline (nulmeting) and with the organisation', async () => {
    const d = (await dashboard(TAB_USERS.employee)).body as TeamDashboardVisible;
    // Every seeded baseline says: by car, disposable packaging often.
    expect(d.baseline).toEqual({ respondents: 6, sustainableTravel: { baseline: 0, now: 0.8 }, wasteFree: { baseline: 0, now: 0.8 } });
    // The organisation: the other team (4 people) is under the minimum and alone, so it is no residual group and
    // stays out of the organisation's figures: else organisation minus this team would give its figures away.
    expect(d.organisation).toMatchObject({ participants: 6, checkIns: 5, participationRate: 0.4167 });
  });

  it("lists the team's barriers and ideas, anonymous, with the action a barrier joined", async () => {
    const res = await dashboard(TAB_USERS.employee);
    const d = res.body as TeamDashboardVisible;
    expect(d.barriers).toEqual([
      expect.objectContaining({ reference: barrierRef, text: 'Geen mokken bij de automaat.', status: 'gekoppeld', action: { actionId, title: { nl: 'Mokken bij de automaat', en: 'Mugs at the machine' }, status: 'gepland' } }),
    ]);
    expect(d.ideas).toEqual([expect.objectContaining({ text: 'Schermen uit om zes uur.', status: 'nieuw', theme: 'energietransitie' })]);
    expect(JSON.stringify(res.body)).not.toContain('contactUserId');
    expect(JSON.stringify(res.body)).not.toContain(TAB_USERS.employee);
  });

  it("serves the team's members, its managers and coordinators", async () => {
    for (const userId of [TAB_USERS.employee, TAB_USERS.manager, TAB_USERS.coordinator]) expect((await dashboard(userId)).status).toBe(200);
    // A manager listed on the team who is a member of another team.
    const team = await h.repos.orgTeams.get('soest', TAB_TEAMS.big);
    if (!team) throw new Error('the seeded team is missing');
    await h.repos.orgTeams.save({ ...team, managerIds: [...team.managerIds, 'aad-bd-02'] });
    try {
      expect((await dashboard('aad-bd-02')).status).toBe(200);
    } finally {
      await h.repos.orgTeams.save(team);
    }
  });

  it("refuses another team's dashboard with 403: an employee, a manager of another team, someone without a team", async () => {
    for (const userId of [TAB_USERS.smallTeamMember, TAB_USERS.otherManager, TAB_USERS.outsider, 'aad-bd-02']) {
      const res = await dashboard(userId);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.body)).not.toContain('participationRate');
    }
  });

  it('says why and shows no numbers below the minimum group size', async () => {
    const res = await dashboard(TAB_USERS.smallTeamMember, TAB_TEAMS.small);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ suppressed: true, reason: 'below_minimum_group_size', minimum: 5, teamName: 'Buitendienst' });
    expect(Object.keys(res.body).sort()).toEqual(['campaign', 'minimum', 'reason', 'suppressed', 'teamId', 'teamName']);
    expect(JSON.stringify(res.body)).not.toContain('Van een ander team.');
  });

  it('answers an unknown team with 404, for a coordinator too', async () => {
    for (const teamId of ['no-such-team', 'a/b', 'x'.repeat(300)]) {
      const res = await dashboard(TAB_USERS.coordinator, teamId);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('refuses a missing or invalid token with 401 before anything else', async () => {
    const res = await h.api<ApiErrorBody>('GET', `/api/teams/${TAB_TEAMS.big}/dashboard`);
    expect(res.status).toBe(401);
    expect((await h.api('GET', `/api/teams/no-such-team/dashboard`, { token: 'x.y.z' })).status).toBe(401);
  });
});
