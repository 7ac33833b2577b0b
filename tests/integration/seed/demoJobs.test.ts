import { createDigestsJob } from '@soestainable/bot/jobs/digests';
import { waveDigestPeriod } from '@soestainable/bot/jobs/digests/waves';
import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { seedDemo } from '@soestainable/bot/seed/demo';
import { DEMO_TEAMS } from '@soestainable/bot/seed/demoData';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { createJobWorld, type JobWorld } from '../jobs/digests.harness';

/**
 * The jobs on the demo organisation with its two campaigns (issue 15, item 6): the running one stays the one the
 * weekly digest reports on, the earlier one's last wave gets its digest (claimed as skipped: demo teams), and the
 * retention job does not purge the earlier campaign on the day it is seeded.
 */
describe('jobs on the demo organisation with an earlier campaign (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  // Wednesday 2 Dec 2026, 08:00 in Amsterdam: the running campaign started Wednesday 25 Nov.
  const now = new Date('2026-12-02T07:00:00Z');
  let earlierId = '';
  let runningId = '';

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    const deps = world.deps({ ORG_ID: 'soest' });
    runningId = (await seedDemo(world.repos, deps.config, now)).campaignId;
    earlierId = (await world.repos.campaigns.list('soest')).find((c) => c.campaignId !== runningId)?.campaignId ?? '';
  }, 120_000);
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it("the Monday digests: the running campaign's week and the earlier campaign's last wave, to nobody (demo teams)", async () => {
    const summary = await createDigestsJob(world.deps({ ORG_ID: 'soest' })).run({ at: new Date('2026-12-07T07:30:00Z'), dryRun: false });
    expect(summary.runs).toHaveLength(2);
    for (const run of summary.runs) expect(run).toMatchObject({ kind: 'digest', sent: 0, failed: 0, skipped: DEMO_TEAMS.length, skippedByReason: { demo: DEMO_TEAMS.length } });
    expect(summary.counts).toMatchObject({ teams: DEMO_TEAMS.length, waveDigests: 1 });
    expect(await world.repos.sendClaims.get('digest', '2026-W49', 'team:demo-ruimte')).toMatchObject({ state: 'skipped', skipReason: 'demo' });
    expect(await world.repos.sendClaims.get('digest', waveDigestPeriod(earlierId, 3), 'team:demo-ruimte')).toMatchObject({ state: 'skipped' });
    expect(connector.deliveries).toEqual([]);
  });

  it('retention on the seed day purges nothing of the earlier campaign', async () => {
    const summary = await createRetentionJob(world.deps({ ORG_ID: 'soest' })).run({ at: now, dryRun: true });
    expect(summary.counts).toMatchObject({ CheckIns: 0, Surveys: 0, Pledges: 0, FollowUpAnswers: 0, BarrierTexts: 0 });
    // … while there is something to purge: the answers are there.
    let answers = 0;
    for (const { userId } of await world.repos.participants.listTeamMembers('demo-publiekszaken')) {
      answers += await world.repos.followUpAnswers.countForCampaign(userId, earlierId);
    }
    expect(answers).toBeGreaterThan(10);
    expect(runningId).not.toBe(earlierId);
  });
});
