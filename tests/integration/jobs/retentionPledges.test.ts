import type { Campaign } from '@soestainable/shared/domain/campaign';
import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant, endedCampaign } from '../../helpers/orgFixture';
import { createJobWorld, type JobWorld } from './digests.harness';

/**
 * Retention purges pledges RETENTION_DAYS (14) after the campaign's follow-ups are over (the last wave's answers stop
 * counting), not after its end date: the follow-ups ask about them. c-old ended 15 days ago but its waves still run,
 * so its pledge stays while its check-ins go; c-june's waves (its own setting, +1/+3) are long over; c-recent stays.
 */
const AT = new Date('2026-11-28T02:00:00Z');
const ENV = { RETENTION_DAYS: '14' };

const campaign = (campaignId: string, startDate: string, endDate: string, followUpWeeks?: number[]): Campaign =>
  endedCampaign(campaignId, startDate, endDate, followUpWeeks ? { followUpWeeks } : {});

describe('retention and pledges (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    const { repos } = world;
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: [], demo: false });
    await repos.campaigns.save(campaign('c-old', '2026-11-02', '2026-11-13'));
    await repos.campaigns.save(campaign('c-recent', '2026-11-09', '2026-11-20'));
    // Last day 2026-06-02; waves 2026-06-09 and 2026-06-23, whose answers count until 2026-07-21.
    await repos.campaigns.save(campaign('c-june', '2026-06-01', '2026-06-12', [1, 3]));
    await repos.participants.save(participant({ userId: 'p1', teamId: 'publiekszaken' }));
    for (const campaignId of ['c-june', 'c-old', 'c-recent']) {
      await repos.pledges.save({ userId: 'p1', campaignId, challengeIds: ['dag1'], createdAt: '2026-11-13T10:00:00.000Z', updatedAt: '2026-11-13T10:00:00.000Z' });
    }
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('a dry run counts the pledges past retention, a real run removes them, a second run nothing more', async () => {
    const job = createRetentionJob(world.deps(ENV));
    expect((await job.run({ at: AT, dryRun: true })).counts).toMatchObject({ Pledges: 1 });
    expect((await world.repos.pledges.listAll('p1')).length).toBe(3);
    expect((await job.run({ at: AT, dryRun: false })).counts).toMatchObject({ Pledges: 1 });
    expect((await world.repos.pledges.listAll('p1')).map((p) => p.campaignId).sort()).toEqual(['c-old', 'c-recent']);
    expect((await job.run({ at: AT, dryRun: false })).counts).toMatchObject({ Pledges: 0 });
  });
});
