import { loadConfig } from '@soestainable/bot/config';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { DEMO_COORDINATOR_ID, DEMO_TEAMS, demoParticipantId } from '@soestainable/bot/seed/demoData';
import { seedDemo, seedDemoIfEmpty } from '@soestainable/bot/seed/demo';
import { campaignDays, todayIn } from '@soestainable/shared/calendar';
import { createTestTables } from '../../helpers/storage';

describe('demo seed (Azurite)', () => {
  let tables: Awaited<ReturnType<typeof createTestTables>>;
  let repos: Repositories;
  const config = loadConfig({ ORG_ID: 'soest' });
  // A Wednesday in a normal week: the campaign started five working days earlier.
  const now = new Date('2026-12-02T07:00:00Z');

  beforeAll(async () => {
    tables = await createTestTables();
    repos = createRepositories(tables);
  });
  afterAll(async () => {
    await tables.drop();
  });

  it('seeds a labelled organisation with a running campaign and a week of check-ins, once', async () => {
    const summary = await seedDemoIfEmpty(repos, config, now);
    expect(summary).toMatch(/6 teams, 66 participants/);
    expect(await seedDemoIfEmpty(repos, config, now)).toBeUndefined();

    const teams = await repos.orgTeams.list('soest');
    expect(teams).toHaveLength(DEMO_TEAMS.length);
    expect(teams.every((t) => t.demo && t.name.startsWith('Demo · '))).toBe(true);

    const today = todayIn(now);
    const campaign = await repos.campaigns.active('soest', today);
    expect(campaign?.startDate).toBe('2026-11-25');
    expect(campaign?.dayPlan).toHaveLength(10);
    expect(campaignDays('2026-11-25', 10)).toContain(today);
  });

  it('keeps aggregates equal to the stored check-ins, and none in the future', async () => {
    const campaign = await repos.campaigns.active('soest', todayIn(now));
    const campaignId = campaign?.campaignId ?? '';
    const aggregates = await repos.dailyAggregates.listCampaign(campaignId);
    let fromCheckIns = 0;
    for (const team of DEMO_TEAMS) {
      for (const member of await repos.participants.listTeamMembers(team.teamId)) {
        const rows = await repos.checkIns.listForCampaign(member.userId, campaignId);
        expect(rows.every((r) => r.date < todayIn(now))).toBe(true);
        fromCheckIns += rows.length;
      }
    }
    expect(fromCheckIns).toBeGreaterThan(150);
    expect(aggregates.reduce((sum, a) => sum + a.checkIns, 0)).toBe(fromCheckIns);
    const griffie = aggregates.filter((a) => a.teamId === 'demo-griffie');
    expect(griffie.every((a) => a.participants < config.minGroupSize)).toBe(true);
  });

  it('gives demo participants no conversation reference, so no job can message them', async () => {
    const someone = demoParticipantId('demo-publiekszaken', 3);
    expect(await repos.participants.get(someone)).toMatchObject({ demo: true });
    expect(await repos.conversationRefs.get({ kind: 'user', userId: someone }, 'personal')).toBeUndefined();
    expect((await repos.participants.get(DEMO_COORDINATOR_ID))?.roles).toEqual(['coordinator']);
  });

  it('links barriers to actions on the kansenkaart, anonymously', async () => {
    const barriers = await repos.barriers.list('soest');
    expect(barriers.length).toBeGreaterThanOrEqual(15);
    expect(barriers.some((b) => b.status === 'opgelost')).toBe(true);
    expect(barriers.every((b) => b.contactUserId === undefined)).toBe(true);
    const actions = await repos.actions.list('soest');
    expect(new Set(actions.map((a) => a.action.theme))).toEqual(new Set(['circulariteit', 'energietransitie', 'mvoi']));
    const linked = actions.flatMap((a) => a.action.barrierIds);
    expect(linked.length).toBe(barriers.filter((b) => b.actionId !== undefined).length);
  });

  it('has open barriers recognised by demo colleagues (issue 16), counted exactly, none on a closed one', async () => {
    const barriers = await repos.barriers.list('soest');
    const counts = await repos.recognitions.counts('soest');
    expect([...counts.values()].some((n) => n >= 2)).toBe(true);
    for (const b of barriers) {
      const who = await repos.recognitions.listByBarrier('soest', b.barrierId);
      expect([b.barrierId, counts.get(b.barrierId) ?? 0]).toEqual([b.barrierId, who.length]);
      if (b.status !== 'nieuw' && b.status !== 'gekoppeld') expect(who).toEqual([]);
      for (const r of who) expect(await repos.participants.get(r.userId)).toMatchObject({ demo: true });
    }
  });

  it('refuses production', async () => {
    const production = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    });
    await expect(seedDemo(repos, production, now)).rejects.toMatchObject({ code: 'FORBIDDEN_IN_PRODUCTION' });
  });
});
