import type { KeptCell, LastingOrgResponse, SurveyCell, LastingTeamResponse, LastingWave, OrgOverviewResponse, ReportResponse, TeamDashboardVisible } from '@soestainable/shared/api';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import { SUSTAINABLE_TRAVEL_MODES, type CheckIn, type IsoDate, type TravelMode } from '@soestainable/shared/domain/types';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import { checkIn } from '../helpers/fixtures';
import { seedLasting } from '../helpers/lastingFixture';
import { baselineSurvey, participant } from '../helpers/orgFixture';
import { SMALL_TEAM_MEMBERS, startTabApi, TAB_FIGURES_NOW, TAB_TEAMS, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../helpers/tabApi';

/**
 * The differencing attacks of BRIEF.md privacy rule 9, played against the real server as a curious colleague, a
 * manager or a coordinator would: subtracting one view from another, a team with nobody active, refreshing around
 * one person's check-in, and reading a team's past from when it was smaller. Each one, on the code before the
 * disclosure rule (shared/src/privacy/disclosure.ts), gave a group under the minimum away.
 *
 * The harness's organisation (tests/helpers/tabApi.ts): Publiekszaken, 6 active, 6 recorded on 30 Nov and 1 Dec;
 * Buitendienst, 4 active, 4 recorded. The clock: Friday 4 December (30 Nov, 1 and 2 Dec are final).
 */

/** Stores a check-in and counts it, as the check-in path does. */
async function seedCheckIn(repos: Repositories, campaignId: string, over: { userId: string; teamId: string; date: IsoDate; travelMode: TravelMode }): Promise<void> {
  const day = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].indexOf(over.date) + 1;
  const c: CheckIn = checkIn({ campaignId, day, challengeId: CATALOGUE[day - 1]?.id ?? '', createdAt: `${over.date}T09:00:00.000Z`, updatedAt: `${over.date}T09:00:00.000Z`, ...over });
  await repos.checkIns.save(c, null);
  await repos.dailyAggregates.apply(c);
}

/** What a viewer can subtract: the figures of one view minus the sum of others, per counter. */
function minus(a: TeamDashboardVisible['figures'], ...others: TeamDashboardVisible['figures'][]) {
  const travel = Object.fromEntries(Object.entries(a.travel).map(([mode, n]) => [mode, n - others.reduce((s, o) => s + o.travel[mode as TravelMode], 0)]));
  return {
    checkIns: a.checkIns - others.reduce((s, o) => s + o.checkIns, 0),
    wasteFreeDays: a.wasteFreeDays - others.reduce((s, o) => s + o.wasteFreeDays, 0),
    co2: Math.round((a.impact.co2.mid - others.reduce((s, o) => s + o.impact.co2.mid, 0)) * 1e6) / 1e6,
    travel,
  };
}
const NOTHING = { checkIns: 0, wasteFreeDays: 0, co2: 0, travel: { auto: 0, fiets: 0, ebike: 0, ov: 0, lopen: 0, eauto: 0, thuis: 0 } };

describe('differencing: the organisation minus the teams one can see', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ now: TAB_FIGURES_NOW });
    // Buitendienst (4 people, under the minimum) checks in by e-bike on a final day: a trace that is easy to find.
    for (const userId of ['aad-bd-01', 'aad-bd-02']) await seedCheckIn(h.repos, h.campaign.campaignId, { userId, teamId: TAB_TEAMS.small, date: '2026-11-30', travelMode: 'ebike' });
  });
  afterAll(() => h.close());

  it("a member of the big team: the overview's totals minus their own team's dashboard give nothing of the small team", async () => {
    const token = await h.tokenFor(TAB_USERS.employee);
    const overview = (await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token })).body;
    const own = (await h.api<TeamDashboardVisible>('GET', `/api/teams/${TAB_TEAMS.big}/dashboard`, { token })).body;
    if (overview.totals === null) throw new Error('the organisation should show totals (6 people)');
    expect(minus(overview.totals, own.figures)).toEqual(NOTHING);
    expect(minus(own.organisation ?? own.figures, own.figures)).toEqual(NOTHING);
    expect(overview.totals.participants - own.figures.participants).toBe(0);
  });

  it("a coordinator: the report's totals and daily series minus the teams it shows give nothing of the small team", async () => {
    const report = (await h.api<ReportResponse>('GET', '/api/report', { token: await h.tokenFor(TAB_USERS.coordinator) })).body;
    if (report.participation.hidden) throw new Error('the report should show participation');
    const shown = report.teams.flatMap((t) => (t.figures.hidden ? [] : [t.figures]));
    expect(report.participation.checkIns - shown.reduce((n, f) => n + f.checkIns, 0)).toBe(0);
    expect(report.participation.participants - shown.reduce((n, f) => n + f.participants, 0)).toBe(0);
    expect(report.series.map((d) => d.participants)).toEqual([6, 6]);
  });
});

describe('differencing: a team with nobody active does not switch the protection off', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ now: TAB_FIGURES_NOW });
    for (const userId of ['aad-bd-01', 'aad-bd-02']) await seedCheckIn(h.repos, h.campaign.campaignId, { userId, teamId: TAB_TEAMS.small, date: '2026-11-30', travelMode: 'ebike' });
    // A third team of 5, shown, and a new team nobody is active in yet.
    await h.repos.orgTeams.save({ orgId: 'soest', teamId: 'derde', name: 'Derde', managerIds: [], demo: false });
    for (let n = 1; n <= 5; n++) await h.repos.participants.save(participant({ userId: `aad-derde-${n}`, teamId: 'derde', tenantId: TAB_TENANT }));
    for (const date of ['2026-11-30', '2026-12-01'] as const) await h.repos.dailyAggregates.recordParticipants(h.campaign.campaignId, 'derde', date, 5);
    await h.repos.orgTeams.save({ orgId: 'soest', teamId: 'nieuw', name: 'Nieuw', managerIds: [], demo: false });
  });
  afterAll(() => h.close());

  it('the overview: totals minus every team row it shows give nothing of the small team', async () => {
    const overview = (await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token: await h.tokenFor(TAB_USERS.employee) })).body;
    if (overview.totals === null) throw new Error('the organisation should show totals');
    const rows = overview.teams.flatMap((t) => (t.suppressed ? [] : [t]));
    expect(rows.map((r) => r.teamId).sort()).toEqual(['derde', TAB_TEAMS.big]);
    expect(overview.totals.checkIns - rows.reduce((n, r) => n + r.checkIns, 0)).toBe(0);
    expect(overview.totals.participants - rows.reduce((n, r) => n + r.participants, 0)).toBe(0);
    expect(overview.totals.travel.ebike).toBe(0);
  });
});

describe('differencing over time: refreshing around one person', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ now: TAB_FIGURES_NOW });
  });
  afterAll(() => h.close());

  const views = async (token: string) => {
    const dashboard = (await h.api<TeamDashboardVisible>('GET', `/api/teams/${TAB_TEAMS.big}/dashboard`, { token })).body;
    const overview = (await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token })).body;
    return { figures: dashboard.figures, perDay: dashboard.perDay, organisation: dashboard.organisation, totals: overview.totals, teams: overview.teams };
  };

  it("a colleague's check-in today and a correction of yesterday do not move any figure a teammate can see", async () => {
    const watcher = await h.tokenFor(TAB_USERS.employee);
    const before = await views(watcher);
    const answer = (day: number) => (CATALOGUE[day - 1]?.question.kind === 'yesno' ? true : 0);
    const today = await h.api('PUT', '/api/me/checkins/2026-12-04', {
      token: await h.tokenFor('aad-pz-03'),
      body: { outcome: 'done', travelMode: 'eauto', distanceBand: '20-40', wasteFree: false, challenge: answer(5) },
    });
    expect(today.status).toBe(201);
    const yesterday = await h.api('PUT', '/api/me/checkins/2026-12-03', {
      token: await h.tokenFor('aad-pz-04'),
      body: { outcome: 'partly', travelMode: 'thuis', distanceBand: '0-5', wasteFree: true, challenge: answer(4) },
    });
    expect(yesterday.status).toBe(201);
    expect(await views(watcher)).toEqual(before);
  });
});

describe('differencing across membership: a team that grew', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ now: TAB_FIGURES_NOW });
    // "Groeit" had 3 people on 30 Nov and 1 Dec, who walked to work; 6 are active now.
    await h.repos.orgTeams.save({ orgId: 'soest', teamId: 'groeit', name: 'Groeit', managerIds: [], demo: false });
    for (let n = 1; n <= 6; n++) await h.repos.participants.save(participant({ userId: `aad-groeit-${n}`, teamId: 'groeit', tenantId: TAB_TENANT }));
    for (const date of ['2026-11-30', '2026-12-01'] as const) {
      await h.repos.dailyAggregates.recordParticipants(h.campaign.campaignId, 'groeit', date, 3);
      for (const n of [1, 2, 3]) await seedCheckIn(h.repos, h.campaign.campaignId, { userId: `aad-groeit-${n}`, teamId: 'groeit', date, travelMode: 'lopen' });
    }
  });
  afterAll(() => h.close());

  it('its dashboard and its overview row hold nothing of the days it was smaller than the minimum', async () => {
    const token = await h.tokenFor('aad-groeit-6');
    const dashboard = (await h.api<TeamDashboardVisible>('GET', '/api/teams/groeit/dashboard', { token })).body;
    expect(dashboard.suppressed).toBe(false);
    expect(dashboard.perDay).toEqual([]);
    expect(dashboard.figures).toMatchObject({ participants: 6, checkIns: 0, travel: expect.objectContaining({ lopen: 0 }) });
    const overview = (await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token })).body;
    expect(overview.teams.find((t) => t.teamId === 'groeit')).toMatchObject({ suppressed: false, checkIns: 0 });
    // Those days reach the organisation's totals only inside the day's residual group: Groeit's 3 with
    // Buitendienst's 4 recorded people, 7 from two teams; what subtraction gives is that group, never Groeit alone.
    const rows = overview.teams.flatMap((t) => (t.suppressed ? [] : [t]));
    expect((overview.totals?.checkIns ?? 0) - rows.reduce((n, r) => n + r.checkIns, 0)).toBe(6);
  });

  it('without a second small team that day, those days stay out of the totals as well', async () => {
    for (const date of ['2026-11-30', '2026-12-01'] as const) await h.repos.dailyAggregates.recordParticipants(h.campaign.campaignId, TAB_TEAMS.small, date, 0);
    const overview = (await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token: await h.tokenFor('aad-groeit-6') })).body;
    expect(overview.totals?.travel.lopen).toBe(0);
  });
});

describe('differencing: what lasted (follow-up waves), the organisation minus the teams one can see', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    // tests/helpers/lastingFixture.ts: in wave 2 of `zomer-2026` only 4 of Publiekszaken answered (hidden), and
    // Buitendienst (4) answers waves 1 and 3 (hidden); Derde (5) is shown in every wave.
    h = await startTabApi();
    await seedLasting(h.repos);
  });
  afterAll(() => h.close());

  it("a member of the big team: the organisation's cells minus their own team's and Derde's give nothing of a small team, in any wave", async () => {
    const token = await h.tokenFor(TAB_USERS.employee);
    const org = (await h.api<LastingOrgResponse>('GET', '/api/org/lasting?campaignId=zomer-2026', { token })).body;
    const own = (await h.api<LastingTeamResponse>('GET', `/api/teams/${TAB_TEAMS.big}/lasting?campaignId=zomer-2026`, { token })).body;
    // Derde's own figures are not this member's to see, but a coordinator's are: subtract them too.
    const third = (await h.api<LastingTeamResponse>('GET', '/api/teams/derde/lasting?campaignId=zomer-2026', { token: await h.tokenFor(TAB_USERS.coordinator) })).body;
    const answers = (cell: KeptCell | null | undefined): number => (cell && !cell.hidden ? cell.answers : 0);
    const ja = (cell: KeptCell | null | undefined): number => (cell && !cell.hidden ? Math.round(cell.ja * cell.answers) : 0);
    for (const [i, wave] of (org.figures?.waves ?? []).entries()) {
      const teams = [own.figures?.waves[i], third.figures?.waves[i]];
      const cellsOf = (w: LastingWave | undefined): Array<KeptCell | null | undefined> => [w?.overall, ...(w?.habits ?? []).map((x) => x.cell)];
      const orgCells = cellsOf(wave);
      const teamCells = teams.map(cellsOf);
      orgCells.forEach((cell, k) => {
        expect({ wave: wave.wave, k, answers: answers(cell) - teamCells.reduce((n, c) => n + answers(c[k]), 0) }).toEqual({ wave: wave.wave, k, answers: 0 });
        expect({ wave: wave.wave, k, ja: ja(cell) - teamCells.reduce((n, c) => n + ja(c[k]), 0) }).toEqual({ wave: wave.wave, k, ja: 0 });
      });
    }
  });
});

describe("differencing: the organisation's two baselines (the overview's and what lasted's) split the teams alike", () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    // The security review's probe: Buitendienst (4 active, under the minimum) all cycle to work and never use
    // disposable packaging; Derde has 4 active and 1 paused member, all five with a baseline (by car). The overview
    // hid Derde (4 active) and put it in its residual group beside Buitendienst; what lasted showed Derde (5 answers)
    // and left Buitendienst out as alone: the overview minus what lasted was exactly Buitendienst's 4 answers.
    h = await startTabApi({ minGroupSize: 5 });
    for (const userId of SMALL_TEAM_MEMBERS) {
      await h.repos.surveys.save(baselineSurvey(userId, { campaignId: h.campaign.campaignId, commuteMode: 'fiets', disposablePackaging: 'never' }));
    }
    await h.repos.orgTeams.save({ orgId: 'soest', teamId: 'derde', name: 'Derde', managerIds: [], demo: false });
    for (let n = 1; n <= 5; n++) {
      const userId = `aad-derde-${n}`;
      await h.repos.participants.save(participant({ userId, teamId: 'derde', tenantId: TAB_TENANT, status: n === 5 ? 'paused' : 'active' }));
      await h.repos.surveys.save(baselineSurvey(userId, { campaignId: h.campaign.campaignId, commuteMode: 'auto' }));
    }
  });
  afterAll(() => h.close());

  /** A baseline as counts of people: respondents, sustainable commuters, never disposable. */
  interface Counts {
    readonly respondents: number;
    readonly sustainable: number;
    readonly neverDisposable: number;
  }
  const ofOverview = (b: OrgOverviewResponse['baseline']): Counts | null =>
    b === null
      ? null
      : { respondents: b.respondents, sustainable: Math.round(b.sustainableTravel.baseline * b.respondents), neverDisposable: Math.round(b.wasteFree.baseline * b.respondents) };
  const ofLasting = (cell: SurveyCell | undefined): Counts | null => {
    if (cell === undefined || cell.hidden) return null;
    const share = SUSTAINABLE_TRAVEL_MODES.reduce((n, m) => n + (cell.questions.commuteMode[m] ?? 0), 0);
    return {
      respondents: cell.respondents,
      sustainable: Math.round(share * cell.respondents),
      neverDisposable: Math.round((cell.questions.disposablePackaging.never ?? 0) * cell.respondents),
    };
  };

  it("an employee: the overview's baseline minus what lasted's baseline gives nothing of a small team", async () => {
    const token = await h.tokenFor(TAB_USERS.employee);
    const overview = (await h.api<OrgOverviewResponse>('GET', '/api/org/overview', { token })).body;
    const lasting = (await h.api<LastingOrgResponse>('GET', `/api/org/lasting?campaignId=${h.campaign.campaignId}`, { token })).body;
    // Publiekszaken's 6 shown; Derde (4 active) and Buitendienst (4) together as one residual group of 9, in both.
    expect(ofOverview(overview.baseline)).toEqual({ respondents: 15, sustainable: 4, neverDisposable: 4 });
    expect(ofLasting(lasting.figures?.surveys.baseline)).toEqual(ofOverview(overview.baseline));
  });

  it("a coordinator: each team's baseline shows in both views or in neither, so the residual groups are the same", async () => {
    const token = await h.tokenFor(TAB_USERS.coordinator);
    const shownIn = async (teamId: string) => {
      const dashboard = (await h.api<TeamDashboardVisible | { suppressed: true }>('GET', `/api/teams/${teamId}/dashboard`, { token })).body;
      const lasting = (await h.api<LastingTeamResponse>('GET', `/api/teams/${teamId}/lasting?campaignId=${h.campaign.campaignId}`, { token })).body;
      return { teamId, dashboard: !dashboard.suppressed && dashboard.baseline !== null, lasting: ofLasting(lasting.figures?.surveys.baseline) !== null };
    };
    const teams = await Promise.all([TAB_TEAMS.big, TAB_TEAMS.small, 'derde'].map(shownIn));
    expect(teams).toEqual([
      { teamId: TAB_TEAMS.big, dashboard: true, lasting: true },
      { teamId: TAB_TEAMS.small, dashboard: false, lasting: false },
      { teamId: 'derde', dashboard: false, lasting: false },
    ]);
  });
});
