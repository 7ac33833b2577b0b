import type { Campaign } from '@soestainable/shared/domain/campaign';
import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { PURGED_REPORT_TEXT } from '@soestainable/bot/jobs/retention/texts';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { baselineSurvey, participant } from '../../helpers/orgFixture';
import { createJobWorld, type JobWorld } from './digests.harness';

/**
 * Barrier texts filed from a follow-up pulse, and a campaign's surveys, are kept as long as the follow-up answers:
 * RETENTION_DAYS (14) after the campaign's follow-ups are over. c-june (1–12 June 2026, waves +1/+3: the last takes
 * answers until 31 July) ended long ago; its follow-ups end 31 July, so its surveys and late barriers go from
 * 15 August. A barrier filed during the challenge follows the end date as before.
 */
const ENV = { RETENTION_DAYS: '14' };
const JUNE: Campaign = {
  orgId: 'soest',
  campaignId: 'c-june',
  name: { nl: 'Juni', en: 'June' },
  startDate: '2026-06-01',
  endDate: '2026-06-12',
  dayPlan: Array.from({ length: 10 }, (_, i) => `dag${i + 1}`),
  closingDays: [],
  status: 'ended',
  demo: false,
  followUpWeeks: [1, 3],
};
const at = (date: string) => new Date(`${date}T01:00:00Z`);

describe('retention: barriers from follow-ups and surveys follow the follow-ups (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  let during = '';
  let fromPulse = '';

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    const { repos } = world;
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'team', name: 'team', managerIds: [], demo: false });
    await repos.campaigns.save(JUNE);
    await repos.participants.save(participant({ userId: 'p1', teamId: 'team' }));
    await repos.surveys.save(baselineSurvey('p1', { campaignId: 'c-june' }));
    await repos.surveys.save(baselineSurvey('p1', { campaignId: 'c-june', kind: 'end' }));
    const report = (text: string, contactUserId?: string) => ({
      orgId: 'soest',
      campaignId: 'c-june',
      teamId: 'team',
      theme: 'mvoi' as const,
      text,
      ...(contactUserId === undefined ? {} : { contactUserId }),
    });
    world.clock = new Date('2026-06-03T09:00:00Z');
    during = (await repos.barriers.create(report('tijdens de challenge'))).barrierId;
    // Filed from the last pulse (wave 2, Friday 3 July), with a contact and a recogniser.
    world.clock = new Date('2026-07-06T09:00:00Z');
    fromPulse = (await repos.barriers.create(report('uit de terugblik', 'p1'))).barrierId;
    await repos.recognitions.recognise('soest', fromPulse, 'p1');
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('past the end date: the challenge barrier goes; the pulse barrier, its contact and recogniser and the surveys stay', async () => {
    const job = createRetentionJob(world.deps(ENV));
    const dry = await job.run({ at: at('2026-07-20'), dryRun: true });
    expect(dry.counts).toMatchObject({ BarrierTexts: 1, Surveys: 0, Recognitions: 0 });
    const real = await job.run({ at: at('2026-07-20'), dryRun: false });
    expect(real.counts).toMatchObject({ BarrierTexts: 1, Surveys: 0, Recognitions: 0 });
    expect((await world.repos.barriers.get('soest', during))?.text).toBe(PURGED_REPORT_TEXT);
    expect(await world.repos.barriers.get('soest', fromPulse)).toMatchObject({ text: 'uit de terugblik', contactUserId: 'p1' });
    expect(await world.repos.recognitions.count('soest', fromPulse)).toBe(1);
    expect(await world.repos.surveys.listAll('p1')).toHaveLength(2);
    // The last day before the follow-ups' retention ends: still nothing more.
    expect((await job.run({ at: at('2026-08-14'), dryRun: false })).counts).toMatchObject({ BarrierTexts: 0, Surveys: 0, Recognitions: 0 });
  });

  it('past the follow-ups: the pulse barrier is blanked with its contact and recogniser, and the surveys go; a second run nothing more', async () => {
    const job = createRetentionJob(world.deps(ENV));
    const dry = await job.run({ at: at('2026-08-15'), dryRun: true });
    expect(dry.counts).toMatchObject({ BarrierTexts: 1, Surveys: 2, Recognitions: 1 });
    const real = await job.run({ at: at('2026-08-15'), dryRun: false });
    expect(real.counts).toMatchObject({ BarrierTexts: 1, Surveys: 2, Recognitions: 1 });
    const barrier = await world.repos.barriers.get('soest', fromPulse);
    expect(barrier?.text).toBe(PURGED_REPORT_TEXT);
    expect(barrier?.contactUserId).toBeUndefined();
    expect(await world.repos.surveys.listAll('p1')).toEqual([]);
    expect((await job.run({ at: at('2026-08-15'), dryRun: false })).counts).toMatchObject({ BarrierTexts: 0, Surveys: 0, Recognitions: 0 });
  });
});
