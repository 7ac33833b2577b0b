import type { JobSummary } from '@soestainable/bot/jobs/job';
import { FOLLOW_UP_VERBS } from '@soestainable/bot/features/followUp/verbs';
import { campaignWaves, endSurveyOpenOn } from '@soestainable/shared/domain/followUp';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import { FakeConnector } from '../../helpers/fakeConnector';
import { cardTexts } from '../../helpers/cards';
import { at, campaignOf, cardOf, createJobWorld, deliveries, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * The followups job follows the campaign's own wave setting (issue 15) and moves a wave that falls in a closing
 * period to the next working day. The campaign's last challenge day is Friday 11 Dec 2026 (its end date runs on to
 * 15 Jan 2027, so its local closing days can lie after the challenge); its waves are +3 and +4 weeks: +3 = Friday
 * 1 Jan 2027 (New Year's Day, a Cao holiday) → Monday 4 Jan; +4 = Friday 8 Jan, a closing day, as is Monday 11 Jan →
 * Tuesday 12 Jan. Nothing goes out on the default days (+2 = 28 Dec).
 */
const CLOSED = ['2027-01-08', '2027-01-11'];
const CAMPAIGN = campaignOf({ campaignId: 'c-set', startDate: '2026-11-30', endDate: '2027-01-15', closingDays: CLOSED, followUpWeeks: [3, 4] });
const [A] = CATALOGUE.map((c) => c.id) as [string];

const connector = new FakeConnector();
let world: JobWorld;
const run = (iso: string): Promise<JobSummary> => world.jobs().run('followups', { at: at(iso), dryRun: false });
const pulses = () => deliveries(connector).filter((d) => JSON.stringify(d.body).includes(FOLLOW_UP_VERBS.submit));

beforeAll(async () => {
  await connector.start();
  world = await createJobWorld();
  await onlyCampaign(world.repos, CAMPAIGN);
  await enrol(world.repos, connector, { userId: 's-1', nudgeTime: '09:00', language: 'nl' });
  await world.repos.pledges.save({ userId: 's-1', campaignId: 'c-set', challengeIds: [A], createdAt: '2026-12-11T09:00:00.000Z', updatedAt: '2026-12-11T09:00:00.000Z' });
});
afterAll(async () => {
  await world.drop();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
});

describe('the campaign\'s own follow-up weeks', () => {
  it('are the waves every rule reads: the end survey stays open until the first of them', () => {
    expect(campaignWaves(CAMPAIGN).map((w) => [w.wave, w.weeks, w.sendOn])).toEqual([
      [1, 3, '2027-01-04'],
      [2, 4, '2027-01-12'],
    ]);
    expect(endSurveyOpenOn(CAMPAIGN, '2026-12-28')).toBe(true);
    expect(endSurveyOpenOn(CAMPAIGN, '2027-01-04')).toBe(false);
  });

  it.each([
    ['the default first wave day (+2 weeks)', '2026-12-28T09:00+01:00'],
    ['New Year\'s Day, where +3 weeks falls', '2027-01-01T09:00+01:00'],
    ['a closing day, where +4 weeks falls', '2027-01-08T09:00+01:00'],
    ['the next closing day', '2027-01-11T09:00+01:00'],
  ])('send nothing on %s', async (_what, iso) => {
    expect(await run(iso)).toMatchObject({ runs: [], skippedBecause: 'no_wave_today' });
    expect(pulses()).toEqual([]);
  });

  it('send wave 1 on the first working day after the holiday and wave 2 after the closing period, once each', async () => {
    expect((await run('2027-01-04T09:00+01:00')).runs).toEqual([expect.objectContaining({ kind: 'followup', sent: 1 })]);
    expect((await world.repos.sendClaims.listRun('followup', 'c-set|w1')).map((c) => [c.recipientId, c.state])).toEqual([['s-1', 'sent']]);
    expect(cardTexts(cardOf(pulses()[0]?.body ?? {}))).toContain('Terugblik: 3 weken later');
    expect((await run('2027-01-12T09:00+01:00')).runs).toEqual([expect.objectContaining({ kind: 'followup', sent: 1 })]);
    expect((await world.repos.sendClaims.listRun('followup', 'c-set|w2')).map((c) => [c.recipientId, c.state])).toEqual([['s-1', 'sent']]);
    expect(cardTexts(cardOf(pulses()[1]?.body ?? {}))).toContain('Terugblik: 4 weken later');
    await run('2027-01-12T09:30+01:00');
    expect(pulses()).toHaveLength(2);
  });
});
