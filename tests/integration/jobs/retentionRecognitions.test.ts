import type { Campaign } from '@soestainable/shared/domain/campaign';
import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant, endedCampaign } from '../../helpers/orgFixture';
import { createJobWorld, type JobWorld } from './digests.harness';

/*
 * Recognitions ("herken ik") are personal data linked to a barrier: the retention job removes them with the
 * barrier's text (campaign past retention) and with a person who left long ago; a dry run counts the same.
 * 28 Nov 2026 with RETENTION_DAYS 14: c-old (ended 13 Nov) is due, c-recent (ended 20 Nov) is not.
 */
const AT = new Date('2026-11-28T02:00:00Z');
const ENV = { RETENTION_DAYS: '14' };

const campaign = (campaignId: string, startDate: string, endDate: string): Campaign => endedCampaign(campaignId, startDate, endDate, { dayPlan: ['dag1'] });

describe('retention job: recognitions (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('go with a purged barrier and with a person who left long ago; a dry run counts what the run removes', async () => {
    const { repos } = world;
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'team', name: 'team', managerIds: [], demo: false });
    await repos.campaigns.save(campaign('c-old', '2026-11-02', '2026-11-13'));
    await repos.campaigns.save(campaign('c-recent', '2026-11-09', '2026-11-20'));
    await repos.participants.save(participant({ userId: 'active', teamId: 'team' }));
    await repos.participants.save(participant({ userId: 'left', teamId: 'team', status: 'left' }));
    await world.tables.client('Participants').updateEntity({ partitionKey: encodeKeyPart('left'), rowKey: 'profile', leftAt: '2026-10-01T10:00:00.000Z' }, 'Merge');
    // Filed during the challenge (a barrier filed after its campaign's end keeps its text until the follow-ups end).
    world.clock = new Date('2026-11-10T09:00:00Z');
    const report = (campaignId: string, text: string) => repos.barriers.create({ orgId: 'soest', campaignId, teamId: 'team', theme: 'mvoi', text });
    const old = await report('c-old', 'oude prikkel');
    const recent = await report('c-recent', 'recente prikkel');
    await repos.recognitions.recognise('soest', old.barrierId, 'active');
    await repos.recognitions.recognise('soest', old.barrierId, 'left');
    await repos.recognitions.recognise('soest', recent.barrierId, 'active', true);
    await repos.recognitions.recognise('soest', recent.barrierId, 'left');

    const job = createRetentionJob(world.deps(ENV));
    const dry = await job.run({ at: AT, dryRun: true });
    expect(dry.counts['Recognitions']).toBe(3);
    expect(await repos.recognitions.count('soest', old.barrierId)).toBe(2);
    const real = await job.run({ at: AT, dryRun: false });
    expect(real.counts['Recognitions']).toBe(3);
    expect(await repos.recognitions.count('soest', old.barrierId)).toBe(0);
    expect(await repos.recognitions.listByBarrier('soest', recent.barrierId)).toEqual([expect.objectContaining({ userId: 'active', notify: true })]);
    expect(await repos.recognitions.count('soest', recent.barrierId)).toBe(1);
    expect((await job.run({ at: AT, dryRun: false })).counts['Recognitions']).toBe(0);
  });
});
