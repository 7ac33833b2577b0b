import type { Campaign } from '@soestainable/shared/domain/campaign';
import { createRetentionJob, RETENTION_COUNTS } from '@soestainable/bot/jobs/retention';
import type { JobProgress } from '@soestainable/bot/jobs/job';
import { checkIn } from '../../helpers/fixtures';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { baselineSurvey, participant, endedCampaign } from '../../helpers/orgFixture';
import { rawRows } from '../../helpers/storage';
import { createJobWorld, plantCampaignRow, type JobWorld } from './digests.harness';

/**
 * 28 Nov 2026 in Amsterdam. With 14 retention days, a campaign that ended on 13 Nov is due, one of 20 Nov not yet.
 * Surveys go only 14 days after a campaign's follow-ups are over (its waves +2/+6/+12 weeks after the last challenge
 * day, the last one taking answers four weeks): for these campaigns in March 2027.
 */
const AT = new Date('2026-11-28T02:00:00Z');
const ENV = { RETENTION_DAYS: '14' };

/** The summary's counts: every kind the job purges, zero unless given. */
function counts(over: Record<string, number>): Record<string, number> {
  return { ...Object.fromEntries(RETENTION_COUNTS.map((k) => [k, 0])), ...over };
}

const campaign = (campaignId: string, startDate: string, endDate: string): Campaign => endedCampaign(campaignId, startDate, endDate);

describe('retention job (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  const rowsOf = async (table: 'CheckIns' | 'Surveys' | 'DailyAggregates') => rawRows(world.tables.client(table));

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    const { repos } = world;
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: [], demo: false });
    await repos.campaigns.save(campaign('c-old', '2026-11-02', '2026-11-13'));
    await repos.campaigns.save(campaign('c-recent', '2026-11-09', '2026-11-20'));
    // u1 active, u2 left the challenge (their data is purged all the same), u3 in a team that is no org team any more.
    await repos.participants.save(participant({ userId: 'u1', teamId: 'publiekszaken' }));
    await repos.participants.save(participant({ userId: 'u2', teamId: 'publiekszaken', status: 'left' }));
    await repos.participants.save(participant({ userId: 'u3', teamId: 'opgeheven' }));
    for (const userId of ['u1', 'u2', 'u3']) {
      const teamId = userId === 'u3' ? 'opgeheven' : 'publiekszaken';
      for (const date of ['2026-11-02', '2026-11-03', '2026-11-04']) {
        const c = checkIn({ userId, teamId, campaignId: 'c-old', date });
        await repos.checkIns.save(c, null);
        await repos.dailyAggregates.apply(c);
      }
      const recent = checkIn({ userId, teamId, campaignId: 'c-recent', date: '2026-11-19' });
      await repos.checkIns.save(recent, null);
      await repos.dailyAggregates.apply(recent);
      await repos.surveys.save(baselineSurvey(userId, { campaignId: 'c-old' }));
      await repos.surveys.save(baselineSurvey(userId, { campaignId: 'c-old', kind: 'end' }));
      await repos.surveys.save(baselineSurvey(userId, { campaignId: 'c-recent' }));
    }
    // u1 was in a long campaign too: more check-ins than one transaction holds (batches of at most 100).
    await repos.campaigns.save(campaign('c-long', '2025-01-01', '2025-12-31'));
    for (let day = 0; day < 130; day++) {
      const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
      await repos.checkIns.save(checkIn({ userId: 'u1', teamId: 'publiekszaken', campaignId: 'c-long', date }), null);
    }
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('a dry run counts what is past retention and removes nothing', async () => {
    const before = { checkIns: (await rowsOf('CheckIns')).length, surveys: (await rowsOf('Surveys')).length };
    const progress: JobProgress[] = [];
    const summary = await createRetentionJob(world.deps(ENV)).run({ at: AT, dryRun: true, onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ job: 'retention', dryRun: true, runs: [], counts: { CheckIns: 9 + 130, Surveys: 0 } });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    expect((await rowsOf('CheckIns')).length).toBe(before.checkIns);
    expect((await rowsOf('Surveys')).length).toBe(before.surveys);
  });

  it('removes the raw check-ins and survey answers of campaigns past retention only, and keeps every aggregate', async () => {
    const aggregatesBefore = await rowsOf('DailyAggregates');
    const summary = await createRetentionJob(world.deps(ENV)).run({ at: AT, dryRun: false });
    expect(summary).toMatchObject({ dryRun: false, runs: [], counts: { CheckIns: 9 + 130, Surveys: 0 } });
    expect(summary.skippedBecause).toBeUndefined();

    const checkIns = await rowsOf('CheckIns');
    expect(checkIns.map((r) => String(r['rowKey']).split('|')[0]).sort()).toEqual(['c-recent', 'c-recent', 'c-recent']);
    // The surveys stay while the follow-ups run: the tab's nulmeting → eindmeting stands beside the waves.
    const surveys = await rowsOf('Surveys');
    expect(surveys).toHaveLength(9);
    const aggregatesAfter = await rowsOf('DailyAggregates');
    expect(aggregatesAfter.map((r) => [r['partitionKey'], r['rowKey'], r['checkIns']])).toEqual(
      aggregatesBefore.map((r) => [r['partitionKey'], r['rowKey'], r['checkIns']]),
    );
    // Counts per table and campaign in the log, never content.
    const lines = world.logs.filter((l) => l['message'] === 'retention: removed');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ campaignId: 'c-old', CheckIns: 9, Surveys: 0, people: 3 }),
        expect.objectContaining({ campaignId: 'c-long', CheckIns: 130, Surveys: 0 }),
      ]),
    );
    expect(JSON.stringify(lines)).not.toMatch(/fiets|dag01|auto/);
  });

  it('a second run removes nothing more', async () => {
    const summary = await createRetentionJob(world.deps(ENV)).run({ at: AT, dryRun: false });
    expect(summary.counts).toEqual(counts({}));
    expect((await rowsOf('CheckIns')).length).toBe(3);
  });

  it('once the recent campaign is past retention too, it goes as well', async () => {
    const summary = await createRetentionJob(world.deps(ENV)).run({ at: new Date('2026-12-05T02:00:00Z'), dryRun: false });
    expect(summary.counts).toEqual(counts({ CheckIns: 3 }));
    expect(await rowsOf('CheckIns')).toEqual([]);
  });

  it('surveys go RETENTION_DAYS after the follow-ups are over, not after the end date; a dry run counts the same', async () => {
    const job = createRetentionJob(world.deps(ENV));
    const surveyKeys = async () => (await rowsOf('Surveys')).map((r) => `${String(r['partitionKey'])} ${String(r['rowKey'])}`).sort();
    // c-old's last challenge day is Tue 3 Nov: wave 3 goes out Tue 26 Jan 2027 and takes answers until 23 Feb.
    // On 9 Mar only u2 goes (they left long ago: erased whole); u1's and u3's surveys of c-old stay.
    await job.run({ at: new Date('2027-03-09T02:00:00Z'), dryRun: false });
    expect(await surveyKeys()).toEqual(['u1 c-old|baseline', 'u1 c-old|end', 'u1 c-recent|baseline', 'u3 c-old|baseline', 'u3 c-old|end', 'u3 c-recent|baseline']);
    expect((await job.run({ at: new Date('2027-03-10T02:00:00Z'), dryRun: true })).counts['Surveys']).toBe(4);
    expect((await job.run({ at: new Date('2027-03-10T02:00:00Z'), dryRun: false })).counts['Surveys']).toBe(4);
    expect(await surveyKeys()).toEqual(['u1 c-recent|baseline', 'u3 c-recent|baseline']);
    // c-recent's follow-ups end 2 Mar: its surveys go from 17 Mar.
    expect((await job.run({ at: new Date('2027-03-17T02:00:00Z'), dryRun: false })).counts['Surveys']).toBe(2);
    expect(await rowsOf('Surveys')).toEqual([]);
  });

  it('two instances purging at the same time remove every row once between them, and neither fails', async () => {
    await world.repos.campaigns.save({ ...campaign('c-dubbel', '2026-10-05', '2026-10-09'), orgId: 'dubbel' });
    await world.repos.orgTeams.save({ orgId: 'dubbel', teamId: 'team-d', name: 'D', managerIds: [], demo: false });
    for (let i = 0; i < 8; i++) {
      await world.repos.participants.save(participant({ userId: `d${i}`, orgId: 'dubbel', teamId: 'team-d' }));
      for (const date of ['2026-10-05', '2026-10-06', '2026-10-07']) {
        await world.repos.checkIns.save(checkIn({ userId: `d${i}`, teamId: 'team-d', campaignId: 'c-dubbel', date }), null);
      }
    }
    const deps = world.deps({ ...ENV, ORG_ID: 'dubbel' });
    const [a, b] = await Promise.all([createRetentionJob(deps).run({ at: AT, dryRun: false }), createRetentionJob(deps).run({ at: AT, dryRun: false })]);
    expect((a.counts['CheckIns'] ?? 0) + (b.counts['CheckIns'] ?? 0)).toBe(24);
    for (let i = 0; i < 8; i++) expect(await world.repos.checkIns.listAll(`d${i}`)).toEqual([]);
  });

  describe('bad input: a logged skip, never a crash', () => {
    it('a campaign whose end lies before its start is skipped; the others are still purged', async () => {
      await plantCampaignRow(world, 'omgekeerd', 'c-omgekeerd', { startDate: '2026-11-13', endDate: '2026-11-02' });
      await world.repos.campaigns.save({ ...campaign('c-goed', '2026-10-01', '2026-10-10'), orgId: 'omgekeerd' });
      await world.repos.orgTeams.save({ orgId: 'omgekeerd', teamId: 'team-o', name: 'O', managerIds: [], demo: false });
      await world.repos.participants.save(participant({ userId: 'o1', orgId: 'omgekeerd', teamId: 'team-o' }));
      await world.repos.checkIns.save(checkIn({ userId: 'o1', teamId: 'team-o', campaignId: 'c-goed', date: '2026-10-01' }), null);
      await world.repos.checkIns.save(checkIn({ userId: 'o1', teamId: 'team-o', campaignId: 'c-omgekeerd', date: '2026-11-03' }), null);

      const summary = await createRetentionJob(world.deps({ ...ENV, ORG_ID: 'omgekeerd' })).run({ at: AT, dryRun: false });
      expect(summary.counts).toEqual(counts({ CheckIns: 1 }));
      expect(world.logs.some((l) => l['message'] === 'retention: a campaign with impossible dates is skipped' && l['campaignId'] === 'c-omgekeerd')).toBe(true);
      expect((await world.repos.checkIns.listAll('o1')).map((c) => c.campaignId)).toEqual(['c-omgekeerd']);
    });

    it('a campaign with no working days is purged like any other', async () => {
      await world.repos.campaigns.save({ ...campaign('c-leeg', '2026-10-01', '2026-10-10'), orgId: 'leeg', dayPlan: [] });
      const summary = await createRetentionJob(world.deps({ ...ENV, ORG_ID: 'leeg' })).run({ at: AT, dryRun: false });
      expect(summary).toMatchObject({ counts: { CheckIns: 0, Surveys: 0 } });
      expect(summary.skippedBecause).toBeUndefined();
    });

    it('a campaign row with garbage dates: only it is skipped (logged by id, nothing of it purged); the others are purged', async () => {
      await plantCampaignRow(world, 'kapot', 'c-kapot', { startDate: '2026-13-45', endDate: 'gisteren' });
      const alone = await createRetentionJob(world.deps({ ...ENV, ORG_ID: 'kapot' })).run({ at: AT, dryRun: false });
      expect(alone).toMatchObject({ skippedBecause: 'campaigns_unreadable', counts: { CheckIns: 0, Surveys: 0, campaignsUnreadable: 1 } });
      expect(world.logs.some((l) => l['message'] === 'retention: a campaign does not parse; skipped, nothing of it purged' && l['campaignId'] === 'c-kapot')).toBe(true);

      await world.repos.campaigns.save({ ...campaign('c-oud', '2026-09-01', '2026-09-10'), orgId: 'kapot' });
      await world.repos.orgTeams.save({ orgId: 'kapot', teamId: 'team-k', name: 'K', managerIds: [], demo: false });
      await world.repos.participants.save(participant({ userId: 'k1', orgId: 'kapot', teamId: 'team-k' }));
      await world.repos.checkIns.save(checkIn({ userId: 'k1', teamId: 'team-k', campaignId: 'c-oud', date: '2026-09-01' }), null);
      await world.repos.checkIns.save(checkIn({ userId: 'k1', teamId: 'team-k', campaignId: 'c-kapot', date: '2026-09-02' }), null);
      const beside = await createRetentionJob(world.deps({ ...ENV, ORG_ID: 'kapot' })).run({ at: AT, dryRun: false });
      expect(beside).toMatchObject({ counts: { CheckIns: 1, Surveys: 0, campaignsUnreadable: 1 } });
      expect(beside.skippedBecause).toBeUndefined();
      expect((await world.repos.checkIns.listAll('k1')).map((c) => c.campaignId)).toEqual(['c-kapot']);
    });

    it('nothing due yet', async () => {
      const summary = await createRetentionJob(world.deps({ RETENTION_DAYS: '3650' })).run({ at: AT, dryRun: false });
      expect(summary).toMatchObject({ skippedBecause: 'nothing_due' });
    });
  });
});
