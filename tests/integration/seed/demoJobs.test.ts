import { createDigestsJob } from '@soestainable/bot/jobs/digests';
import { waveDigestPeriod } from '@soestainable/bot/jobs/digests/waves';
import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { seedDemo } from '@soestainable/bot/seed/demo';
import { DEMO_TEAMS } from '@soestainable/bot/seed/demoData';
import { campaignWaves } from '@soestainable/shared/domain/followUp';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { createJobWorld, type JobWorld } from '../jobs/digests.harness';

/**
 * The jobs on the demo organisation with its two campaigns (issue 15, item 6): the running one stays the one the
 * weekly digest reports on, the earlier one's last wave got its digest once final (claimed as skipped: demo teams),
 * and the retention job on the day it is seeded purges only the earlier campaign's raw check-ins (90 days after its
 * end), never what its lasting views read (tests/integration/seed/demoLastingRetention.test.ts reads them after it).
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

  it("the Monday digests: the earlier campaign's last wave once final, the running campaign's week, to nobody (demo teams)", async () => {
    const earlier = (await world.repos.campaigns.list('soest')).find((c) => c.campaignId === earlierId);
    const last = earlier ? campaignWaves(earlier).at(-1) : undefined;
    if (!last) throw new Error('the earlier campaign has no waves');
    // The first run of its window (the day its answers stopped counting, before the seed day): the wave digest only.
    const final = await createDigestsJob(world.deps({ ORG_ID: 'soest' })).run({ at: new Date(`${last.openUntil}T07:30:00Z`), dryRun: false });
    expect(final.counts).toMatchObject({ waveDigests: 1 });
    expect(await world.repos.sendClaims.get('digest', waveDigestPeriod(earlierId, 3), 'team:demo-ruimte')).toMatchObject({ state: 'skipped' });
    const summary = await createDigestsJob(world.deps({ ORG_ID: 'soest' })).run({ at: new Date('2026-12-07T07:30:00Z'), dryRun: false });
    expect(summary.runs).toHaveLength(1);
    for (const run of [...final.runs, ...summary.runs]) {
      expect(run).toMatchObject({ kind: 'digest', sent: 0, failed: 0, skipped: DEMO_TEAMS.length, skippedByReason: { demo: DEMO_TEAMS.length } });
    }
    expect(summary.counts).toMatchObject({ teams: DEMO_TEAMS.length });
    expect(await world.repos.sendClaims.get('digest', '2026-W49', 'team:demo-ruimte')).toMatchObject({ state: 'skipped', skipReason: 'demo' });
    expect(connector.deliveries).toEqual([]);
  });

  it("retention on the seed day purges only the earlier campaign's raw check-ins, nothing the lasting views read", async () => {
    const summary = await createRetentionJob(world.deps({ ORG_ID: 'soest' })).run({ at: now, dryRun: true });
    expect(summary.counts).toMatchObject({ Surveys: 0, Pledges: 0, FollowUpAnswers: 0, BarrierTexts: 0 });
    expect(summary.counts['CheckIns']).toBeGreaterThan(0);
    // … while there is something to purge: the answers are there.
    let answers = 0;
    for (const { userId } of await world.repos.participants.listTeamMembers('demo-publiekszaken')) {
      answers += await world.repos.followUpAnswers.countForCampaign(userId, earlierId);
    }
    expect(answers).toBeGreaterThan(10);
    expect(runningId).not.toBe(earlierId);
  });
});
