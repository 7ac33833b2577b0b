import type { LastingOrgResponse, LastingTeamResponse, LastingWave } from '@soestainable/shared/api';
import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { seedDemo } from '@soestainable/bot/seed/demo';
import { DEMO_TEAMS } from '@soestainable/bot/seed/demoData';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { startTabApi, TAB_NOW, type TabApiHarness } from '../../helpers/tabApi';
import { jobDepsOver } from '../jobs/digests.harness';

/**
 * The demo's earlier campaign (issue 15, item 6) shows every "what lasted" view with numbers, and keeps them through
 * a retention job run on the seed day: the tab's lasting routes over real HTTP, for the organisation and for a
 * team, after `seedDemo` and the retention job at the same moment (Wednesday 2 Dec 2026).
 */
describe('demo: what lasted survives the retention job (Azurite, real HTTP)', () => {
  let h: TabApiHarness;
  let token = '';
  const logs: Array<Record<string, unknown>> = [];
  // Not used to send anything: the retention job sends no messages.
  const connector = new LimitedConnector();

  beforeAll(async () => {
    h = await startTabApi({ seed: false });
    await seedDemo(h.repos, h.config, TAB_NOW);
    const summary = await createRetentionJob(jobDepsOver(h.repos, h.config, logs)).run({ at: TAB_NOW, dryRun: false });
    // The raw check-ins of the earlier campaign go (90 days after its end); what the lasting views read stays.
    expect(summary.counts).toMatchObject({ Surveys: 0, Pledges: 0, FollowUpAnswers: 0, BarrierTexts: 0 });
    expect(summary.counts['CheckIns']).toBeGreaterThan(0);
    token = await h.tokenFor('demo-viewer', { roles: ['coordinator'] });
  }, 180_000);
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  const shownHabits = (w: LastingWave): number => w.habits.filter((x) => !x.cell.hidden).length;

  it('the organisation: nulmeting → eindmeting and all three waves final with numbers, overall and per habit', async () => {
    const org = await h.api<LastingOrgResponse>('GET', '/api/org/lasting', { token });
    expect(org.status).toBe(200);
    expect(org.body.campaign?.name.nl).toMatch(/eerste ronde/);
    const figures = org.body.figures;
    expect(figures?.surveys.baseline.hidden).toBe(false);
    expect(figures?.surveys.end?.hidden).toBe(false);
    expect(figures?.waves.map((w) => w.state)).toEqual(['final', 'final', 'final']);
    for (const wave of figures?.waves ?? []) {
      expect(wave.overall?.hidden).toBe(false);
      // The popular habits show; the rarely picked ones stay hidden.
      expect(shownHabits(wave)).toBeGreaterThanOrEqual(3);
      expect(shownHabits(wave)).toBeLessThan(wave.habits.length);
    }
  });

  it('the teams: most show per-habit numbers in every wave; the small Griffie shows none', async () => {
    const shownPerTeam = new Map<string, number[]>();
    for (const team of DEMO_TEAMS) {
      const res = await h.api<LastingTeamResponse>('GET', `/api/teams/${team.teamId}/lasting`, { token });
      expect(res.status).toBe(200);
      const waves = res.body.figures?.waves ?? [];
      expect(waves.map((w) => w.state)).toEqual(['final', 'final', 'final']);
      shownPerTeam.set(team.teamId, waves.map(shownHabits));
    }
    expect(shownPerTeam.get('demo-griffie')).toEqual([0, 0, 0]);
    const withNumbers = DEMO_TEAMS.filter((t) => (shownPerTeam.get(t.teamId) ?? []).every((n) => n >= 1));
    expect(withNumbers.length).toBeGreaterThanOrEqual(4);
    const team = await h.api<LastingTeamResponse>('GET', '/api/teams/demo-publiekszaken/lasting', { token });
    for (const wave of team.body.figures?.waves ?? []) expect(wave.overall?.hidden).toBe(false);
  });
});
