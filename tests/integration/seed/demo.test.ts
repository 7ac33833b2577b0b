import { loadConfig } from '@soestainable/bot/config';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { DEMO_COORDINATOR_ID, DEMO_TEAMS, demoParticipantId } from '@soestainable/bot/seed/demoData';
import { seedDemo, seedDemoIfEmpty } from '@soestainable/bot/seed/demo';
import { DEMO_OWNER_IDS, DEMO_TEAMS_TEAM_ID } from '@soestainable/bot/seed/demoOwners';
import { isPastRetention } from '@soestainable/bot/jobs/retention';
import { followUpsOver } from '@soestainable/bot/jobs/retention/campaigns';
import { addCalendarDays, campaignDays, todayIn } from '@soestainable/shared/calendar';
import { dayState } from '@soestainable/shared/domain/campaignDay';
import { campaignWaves, KEPT_ANSWERS, type FollowUpAnswers } from '@soestainable/shared/domain/followUp';
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

  it('holds an earlier campaign that ended about 17 weeks ago, with eindmeting, pledges and all three waves answered and final', async () => {
    const today = todayIn(now);
    const campaigns = await repos.campaigns.list('soest');
    expect(campaigns).toHaveLength(2);
    const [earlier, current] = campaigns;
    if (!earlier || !current) throw new Error('two campaigns expected');
    // The running campaign stays the current one: for the bot, the jobs and the tab.
    expect((await repos.campaigns.active('soest', today))?.campaignId).toBe(current.campaignId);
    expect(dayState(campaigns, today)).toMatchObject({ kind: 'day', campaign: { campaignId: current.campaignId } });
    expect(earlier).toMatchObject({ status: 'ended', demo: true });
    expect(earlier.name.nl).toMatch(/^Demo · /);
    // About 17 weeks back: every wave's answers are final (the tab shows all three), and its follow-ups are not past
    // retention, so the retention job keeps what the lasting views read (only the raw check-ins go).
    expect(earlier.endDate <= addCalendarDays(today, -119) && earlier.endDate >= addCalendarDays(today, -123)).toBe(true);
    expect(isPastRetention({ endDate: followUpsOver(earlier) }, config.jobs.retentionDays, today)).toBe(false);
    const waves = campaignWaves(earlier);
    expect(waves.map((w) => w.weeks)).toEqual([2, 6, 12]);
    expect(waves.every((w) => w.openUntil <= today)).toBe(true);

    const aggregates = await repos.dailyAggregates.listCampaign(earlier.campaignId);
    expect(aggregates.reduce((n, a) => n + a.checkIns, 0)).toBeGreaterThan(300);
    expect(aggregates.every((a) => a.date <= earlier.endDate)).toBe(true);

    const kept = waves.map(() => ({ ja: 0, soms: 0, nee: 0 }));
    const respondents = new Map<string, number[]>();
    const texts: string[] = [];
    let endSurveys = 0;
    for (const team of DEMO_TEAMS) {
      respondents.set(team.teamId, waves.map(() => 0));
      for (const { userId } of await repos.participants.listTeamMembers(team.teamId)) {
        expect(await repos.surveys.get(userId, earlier.campaignId, 'baseline')).toBeDefined();
        const pledge = await repos.pledges.get(userId, earlier.campaignId);
        if (await repos.surveys.get(userId, earlier.campaignId, 'end')) endSurveys++;
        for (const [i, wave] of waves.entries()) {
          const row: FollowUpAnswers | undefined = await repos.followUpAnswers.get(userId, earlier.campaignId, wave.wave);
          if (!row) continue;
          expect(pledge?.challengeIds).toEqual(row.answers.map((a) => a.challengeId));
          const counts = respondents.get(team.teamId);
          if (counts) counts[i] = (counts[i] ?? 0) + 1;
          for (const a of row.answers) {
            const k = kept[i];
            if (k) k[a.kept]++;
            if (a.holdsBack) texts.push(a.holdsBack);
          }
        }
      }
    }
    expect(endSurveys).toBeGreaterThan(40);
    // A realistic retention: about 70 % ja at +2 weeks, falling to about 55 % at +12, with some soms and nee.
    const share = (k: { ja: number; soms: number; nee: number }) => k.ja / KEPT_ANSWERS.reduce((n, x) => n + k[x], 0);
    const [first, , last] = kept;
    if (!first || !last) throw new Error('three waves expected');
    expect(share(first)).toBeGreaterThan(0.6);
    expect(share(first)).toBeLessThan(0.82);
    expect(share(last)).toBeGreaterThan(0.42);
    expect(share(last)).toBeLessThan(share(first));
    expect(kept.every((k) => k.soms > 0 && k.nee > 0)).toBe(true);
    // Most teams pass the minimum group size in every wave; the Griffie does not.
    const passing = DEMO_TEAMS.filter((t) => (respondents.get(t.teamId) ?? []).every((n) => n >= config.minGroupSize));
    expect(passing.length).toBeGreaterThanOrEqual(4);
    expect((respondents.get('demo-griffie') ?? []).every((n) => n < config.minGroupSize)).toBe(true);
    // A few barriers filed from the follow-ups, anonymous, one per answer with a text.
    const filed = (await repos.barriers.list('soest')).filter((b) => b.campaignId === earlier.campaignId);
    expect(filed.length).toBeGreaterThanOrEqual(3);
    expect(filed.map((b) => b.text).sort()).toEqual(texts.sort());
    expect(filed.every((b) => b.contactUserId === undefined && b.demo)).toBe(true);
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

  it('names demo participants who exist as owners of open actions, and switches one channel card on (issue 16)', async () => {
    const owned = (await repos.actions.list('soest')).filter((a) => a.action.ownerUserId !== undefined);
    expect(owned.map((a) => a.action.ownerUserId).sort()).toEqual([...DEMO_OWNER_IDS].sort());
    for (const id of DEMO_OWNER_IDS) expect(await repos.participants.get(id)).toMatchObject({ userId: id, demo: true });
    expect((await repos.teamCards.list('soest')).map((c) => c.teamsTeamId)).toEqual([DEMO_TEAMS_TEAM_ID]);
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
