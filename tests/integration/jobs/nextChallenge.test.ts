import { nextChallenge } from '@soestainable/bot/features/enrol/schedule';
import { FakeConnector } from '../../helpers/fakeConnector';
import { at, campaignOf, createJobWorld, deliveries, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * The enrolment's `nextChallenge` (what "Wijzig" and "hervat" promise) reads the claim the real nudge job writes:
 * after Monday's 09:00 nudge went out, moving to 10:00 at 09:30 means Tuesday, not a second card today. Pins the
 * claim's key (kind `nudge`, the local date as period) on both sides.
 */
const DECEMBER = campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' });

let world: JobWorld;
const connector = new FakeConnector();
beforeAll(async () => {
  await connector.start();
  world = await createJobWorld();
  await onlyCampaign(world.repos, DECEMBER);
  await enrol(world.repos, connector, { userId: 'u-nudged', nudgeTime: '09:00' });
  await enrol(world.repos, connector, { userId: 'u-later', nudgeTime: '11:00' });
});
afterAll(async () => {
  await world.drop();
  await connector.stop();
});

test('after the nudge job sent today\'s card, the next challenge is the next campaign day', async () => {
  const summary = await world.jobs().run('nudges', { at: at('2026-12-07T09:00+01:00'), dryRun: false });
  expect(summary.runs[0]?.sent).toBe(1);
  expect(deliveries(connector).map((d) => d.conversationId)).toEqual(['conv-u-nudged']);

  const halfPast = at('2026-12-07T09:30+01:00');
  expect(await nextChallenge(world.repos, DECEMBER, 'u-nudged', halfPast, '10:00')).toEqual({ kind: 'day', date: '2026-12-08', today: false });
  // Not nudged yet today (11:00): moving to 10:00 keeps today.
  expect(await nextChallenge(world.repos, DECEMBER, 'u-later', halfPast, '10:00')).toEqual({ kind: 'day', date: '2026-12-07', today: true });
  // After the last campaign day's nudge nothing is left; without a campaign nothing is planned.
  expect(await nextChallenge(world.repos, DECEMBER, 'u-nudged', at('2026-12-11T12:00+01:00'), '10:00')).toEqual({ kind: 'over' });
  expect(await nextChallenge(world.repos, undefined, 'u-nudged', halfPast, '10:00')).toEqual({ kind: 'none' });
});
