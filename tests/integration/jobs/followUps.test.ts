import type { JobSummary } from '@soestainable/bot/jobs/job';
import { FOLLOW_UP_VERBS } from '@soestainable/bot/features/followUp/verbs';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import { FakeConnector } from '../../helpers/fakeConnector';
import { cardProblems, cardTexts } from '../../helpers/cards';
import { at, campaignOf, cardOf, createJobWorld, deliveries, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * The follow-up pulses (issue 15) end to end: Azurite, the real engine, a fake Bot Connector over HTTP. The campaign
 * ends Friday 11 Dec 2026; wave 1 (+2 weeks = Christmas Day) moves to Monday 28 Dec, wave 2 is Friday 22 Jan 2027.
 * Exactly once per person per wave: claim kind `followup`, period `<campaignId>|w<wave>`.
 */
const DECEMBER = campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' });
const WAVE_1_0900 = at('2026-12-28T09:00+01:00');
const WAVE_2_0900 = at('2027-01-22T09:00+01:00');
const [A, B] = CATALOGUE.map((c) => c.id) as [string, string];

const connector = new FakeConnector();
let world: JobWorld;
let jobs: ReturnType<JobWorld['jobs']>;
const run = (when: Date, dryRun = false): Promise<JobSummary> => jobs.run('followups', { at: when, dryRun });
const pulsesTo = () =>
  deliveries(connector)
    .filter((d) => JSON.stringify(d.body).includes(FOLLOW_UP_VERBS.submit))
    .map((d) => d.conversationId)
    .sort();

async function pledged(userId: string): Promise<void> {
  await world.repos.pledges.save({ userId, campaignId: 'c-dec', challengeIds: [A, B], createdAt: '2026-12-11T09:00:00.000Z', updatedAt: '2026-12-11T09:00:00.000Z' });
}

beforeAll(async () => {
  await connector.start();
  world = await createJobWorld();
  await onlyCampaign(world.repos, DECEMBER);
  const { repos } = world;
  await enrol(repos, connector, { userId: 'f-nl', nudgeTime: '09:00', language: 'nl' });
  await enrol(repos, connector, { userId: 'f-en', nudgeTime: '08:30', language: 'en' });
  await enrol(repos, connector, { userId: 'f-late', nudgeTime: '10:00' });
  await enrol(repos, connector, { userId: 'f-paused', nudgeTime: '09:00', status: 'paused' });
  await enrol(repos, connector, { userId: 'f-nopledge', nudgeTime: '09:00' });
  for (const userId of ['f-nl', 'f-en', 'f-late', 'f-paused']) await pledged(userId);
  jobs = world.jobs();
});
afterAll(async () => {
  await world.drop();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
});

describe('the followups job', () => {
  it.each([
    ['a day without a wave', at('2026-12-24T09:00+01:00'), 'no_wave_today'],
    ['Christmas Day, where wave 1 would fall without the holiday', at('2026-12-25T09:00+01:00'), 'no_wave_today'],
    ['the wave day after the cut-off', at('2026-12-28T12:30+01:00'), 'after_cutoff'],
  ])('sends nothing on %s', async (_what, when, why) => {
    expect(await run(when)).toMatchObject({ job: 'followups', runs: [], skippedBecause: why });
    expect(deliveries(connector)).toEqual([]);
  });

  it('a dry run says what would happen and sends nothing', async () => {
    const summary = await run(WAVE_1_0900, true);
    expect(summary.runs.map((r) => r.kind)).toEqual(['followup']);
    expect(summary.runs[0]).toMatchObject({ queued: 2, sent: 0 });
    expect(deliveries(connector)).toEqual([]);
  });

  it('on the wave day, at each person\'s nudge time, one pulse to everyone with pledges, in their language', async () => {
    const summary = await run(WAVE_1_0900);
    expect(summary.runs).toEqual([expect.objectContaining({ kind: 'followup', sent: 2, failed: 0 })]);
    // Paused people are not in the slot index, people without a pledge are not asked, 10:00 is not due yet.
    expect(pulsesTo()).toEqual(['conv-f-en', 'conv-f-nl']);
    const byConversation = Object.fromEntries(deliveries(connector).map((d) => [d.conversationId, d.body]));
    for (const [conversation, title, question] of [
      ['conv-f-nl', 'Terugblik: 2 weken later', 'Doe je dit nog?'],
      ['conv-f-en', 'Follow-up: 2 weeks later', 'Are you still doing this?'],
    ] as const) {
      const card = cardOf(byConversation[conversation] ?? {});
      expect(cardProblems(card)).toEqual([]);
      expect(cardTexts(card)).toContain(title);
      expect(JSON.stringify(card)).toContain(question);
    }
  });

  it('a second run, a run in a second instance, and both at once send no pulse twice; a later run reaches the later nudge time', async () => {
    await run(WAVE_1_0900);
    await world.jobs().run('followups', { at: WAVE_1_0900, dryRun: false });
    await Promise.all([world.jobs().run('followups', { at: WAVE_1_0900, dryRun: false }), world.jobs().run('followups', { at: WAVE_1_0900, dryRun: false })]);
    expect(pulsesTo()).toEqual([]);
    await run(at('2026-12-28T10:00+01:00'));
    await world.jobs().run('followups', { at: at('2026-12-28T10:00+01:00'), dryRun: false });
    expect(pulsesTo()).toEqual(['conv-f-late']);
    expect((await world.repos.sendClaims.listRun('followup', 'c-dec|w1')).map((c) => [c.recipientId, c.state]).sort()).toEqual([
      ['f-en', 'sent'],
      ['f-late', 'sent'],
      ['f-nl', 'sent'],
    ]);
  });

  it('the next wave is a new claim: everyone with pledges is asked again, once; someone who already answered it is skipped', async () => {
    await world.repos.followUpAnswers.create({ userId: 'f-en', campaignId: 'c-dec', wave: 2, answers: [{ challengeId: A, kept: 'ja' }, { challengeId: B, kept: 'nee' }], answeredAt: '2027-01-22T07:00:00.000Z' });
    const summary = await run(WAVE_2_0900);
    expect(summary.runs[0]).toMatchObject({ kind: 'followup', sent: 1, skippedByReason: { already_answered: 1 } });
    expect(pulsesTo()).toEqual(['conv-f-nl']);
    expect(cardTexts(cardOf(deliveries(connector)[0]?.body ?? {}))).toContain('Terugblik: 6 weken later');
    await world.jobs().run('followups', { at: WAVE_2_0900, dryRun: false });
    expect(pulsesTo()).toEqual(['conv-f-nl']);
  });
});
