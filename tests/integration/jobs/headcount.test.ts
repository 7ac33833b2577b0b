import { createHeadcountJob } from '@soestainable/bot/jobs/headcount';
import { participant } from '../../helpers/orgFixture';
import { startTabApi, TAB_TEAMS, TAB_TENANT, type TabApiHarness } from '../../helpers/tabApi';

/**
 * The headcount job (Azurite): on a challenge day it records every team's active participants as the day's group
 * (the disclosure rule judges a day's figures by it, shared/src/privacy/disclosure.ts), keeps the largest count of
 * the day, and does nothing on other days or in a dry run.
 */
describe('headcount job', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ seed: true });
  });
  afterAll(() => h.close());

  const job = () => createHeadcountJob({ repos: h.repos, orgId: 'soest' });
  const recorded = async (teamId: string, date: string) => (await h.repos.dailyAggregates.get(h.campaign.campaignId, teamId, date as never))?.participants;

  it("records each team's active participants on a challenge day (paused people do not count)", async () => {
    await h.repos.participants.save(participant({ userId: 'aad-pz-paused', teamId: TAB_TEAMS.big, tenantId: TAB_TENANT, status: 'paused' }));
    const summary = await job().run({ at: new Date('2026-12-03T08:02:00Z'), dryRun: false });
    expect(summary).toMatchObject({ job: 'headcount', counts: { teams: 2, recorded: 2 } });
    expect(await recorded(TAB_TEAMS.big, '2026-12-03')).toBe(6);
    expect(await recorded(TAB_TEAMS.small, '2026-12-03')).toBe(4);
  });

  it('keeps the largest count of the day: someone who joins later counts, someone who leaves does not lower it', async () => {
    await h.repos.participants.save(participant({ userId: 'aad-pz-new', teamId: TAB_TEAMS.big, tenantId: TAB_TENANT }));
    await job().run({ at: new Date('2026-12-03T12:02:00Z'), dryRun: false });
    expect(await recorded(TAB_TEAMS.big, '2026-12-03')).toBe(7);
    await h.repos.participants.save(participant({ userId: 'aad-pz-new', teamId: TAB_TEAMS.big, tenantId: TAB_TENANT, status: 'left' }));
    await job().run({ at: new Date('2026-12-03T14:02:00Z'), dryRun: false });
    expect(await recorded(TAB_TEAMS.big, '2026-12-03')).toBe(7);
  });

  it('does nothing on a weekend, and a dry run writes nothing', async () => {
    expect(await job().run({ at: new Date('2026-12-05T09:02:00Z'), dryRun: false })).toMatchObject({ skippedBecause: 'no_challenge_day', counts: { recorded: 0 } });
    expect(await recorded(TAB_TEAMS.big, '2026-12-05')).toBeUndefined();
    expect(await job().run({ at: new Date('2026-12-04T09:02:00Z'), dryRun: true })).toMatchObject({ counts: { recorded: 2 } });
    expect(await recorded(TAB_TEAMS.big, '2026-12-04')).toBeUndefined();
  });
});
