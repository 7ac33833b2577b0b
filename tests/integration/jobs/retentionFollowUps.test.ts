import type { Campaign } from '@soestainable/shared/domain/campaign';
import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant, endedCampaign } from '../../helpers/orgFixture';
import { createJobWorld, type JobWorld } from './digests.harness';

/**
 * Retention purges follow-up answers RETENTION_DAYS (14) after the campaign's follow-ups are over (every wave), and
 * not at its end date: c-old ended 15 days ago and its check-ins go, but its waves (+2/+6/+12) still run, so its
 * answers stay; c-june's waves (its own setting, +1/+3) ended long ago; those of a recent campaign stay.
 */
const AT = new Date('2026-11-28T02:00:00Z');
const ENV = { RETENTION_DAYS: '14' };

const campaign = (campaignId: string, startDate: string, endDate: string, followUpWeeks?: number[]): Campaign =>
  endedCampaign(campaignId, startDate, endDate, followUpWeeks ? { followUpWeeks } : {});
const answered = (userId: string, campaignId: string, wave: number) => ({
  userId,
  campaignId,
  wave,
  answers: [{ challengeId: 'dag1', kept: 'soms' as const, holdsBack: 'Te druk' }],
  answeredAt: '2026-11-20T10:00:00.000Z',
});

describe('retention and follow-up answers (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    const { repos } = world;
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: [], demo: false });
    await repos.campaigns.save(campaign('c-old', '2026-11-02', '2026-11-13'));
    await repos.campaigns.save(campaign('c-recent', '2026-11-09', '2026-11-20'));
    await repos.campaigns.save(campaign('c-june', '2026-06-01', '2026-06-12', [1, 3]));
    await repos.participants.save(participant({ userId: 'p1', teamId: 'publiekszaken' }));
    await repos.followUpAnswers.create(answered('p1', 'c-june', 1));
    await repos.followUpAnswers.create(answered('p1', 'c-june', 2));
    await repos.followUpAnswers.create(answered('p1', 'c-old', 1));
    await repos.followUpAnswers.create(answered('p1', 'c-recent', 1));
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('a dry run counts the answers past retention, a real run removes them, a second run nothing more', async () => {
    const job = createRetentionJob(world.deps(ENV));
    expect((await job.run({ at: AT, dryRun: true })).counts).toMatchObject({ FollowUpAnswers: 2 });
    expect(await world.repos.followUpAnswers.listAll('p1')).toHaveLength(4);
    expect((await job.run({ at: AT, dryRun: false })).counts).toMatchObject({ FollowUpAnswers: 2 });
    expect((await world.repos.followUpAnswers.listAll('p1')).map((a) => a.campaignId).sort()).toEqual(['c-old', 'c-recent']);
    expect((await job.run({ at: AT, dryRun: false })).counts).toMatchObject({ FollowUpAnswers: 0 });
  });
});
