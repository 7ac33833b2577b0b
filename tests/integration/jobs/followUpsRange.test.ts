import type { JobSummary } from '@soestainable/bot/jobs/job';
import { NUDGE_PREFETCH_FROM } from '@soestainable/bot/jobs/nudges';
import { FOLLOW_UP_VERBS } from '@soestainable/bot/features/followUp/verbs';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import { FakeConnector } from '../../helpers/fakeConnector';
import { at, campaignOf, createJobWorld, deliveries, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * A wave large enough (≥ NUDGE_PREFETCH_FROM people due at once) that the followups job reads pledges, profiles and
 * answers by range queries over the people's partitions instead of point reads (bench:fanout, case C). Every rule of
 * the point reads (followUps.test.ts) holds here too: no pledge = not asked; paused, left, a profile that does not
 * parse and already answered = claimed as skipped; a nudge time moved later, a deleted profile = not now; ids that
 * encoding reorders or that lie outside ASCII are found; exactly once per person per wave.
 */
const DECEMBER = campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' });
const WAVE_1_0900 = at('2026-12-28T09:00+01:00');
const WAVE_2_0900 = at('2027-01-22T09:00+01:00');
const [A, B] = CATALOGUE.map((c) => c.id) as [string, string];
const PLAIN = Array.from({ length: NUDGE_PREFETCH_FROM }, (_, i) => `r-${String(i).padStart(3, '0')}`);
const ODD = ['r|pipe', 'r/slash', 'ř-caron'];
const NO_PLEDGE = ['r-000', 'r-050'];
/** The conversation of a user (a user id outside ASCII gets an ASCII conversation id: this test is about the reads). */
const conv = (userId: string): string => (userId === 'ř-caron' ? 'conv-r-caron' : `conv-${userId}`);

const connector = new FakeConnector();
let world: JobWorld;
const run = (when: Date, dryRun = false): Promise<JobSummary> => world.jobs().run('followups', { at: when, dryRun });
const pulsesTo = () =>
  deliveries(connector)
    .filter((d) => JSON.stringify(d.body).includes(FOLLOW_UP_VERBS.submit))
    .map((d) => d.conversationId)
    .sort();

/** A `NudgeSlots` row at 09:00 that the profile does not own (a lagging index): the job must check the profile. */
async function slotRowAt0900(userId: string): Promise<void> {
  await world.client('NudgeSlots').upsertEntity({ partitionKey: '0900', rowKey: encodeKeyPart(userId), orgId: 'soest', language: 'nl', demo: false });
}

beforeAll(async () => {
  await connector.start();
  world = await createJobWorld();
  await onlyCampaign(world.repos, DECEMBER);
  const { repos } = world;
  const pledged = async (userId: string) =>
    repos.pledges.save({ userId, campaignId: 'c-dec', challengeIds: [A, B], createdAt: '2026-12-11T09:00:00.000Z', updatedAt: '2026-12-11T09:00:00.000Z' });
  for (const userId of [...PLAIN, ...ODD]) {
    await enrol(repos, connector, { userId, nudgeTime: '09:00', language: 'nl' });
    if (conv(userId) !== `conv-${userId}`) {
      await repos.conversationRefs.save({ kind: 'user', userId }, 'personal', {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: conv(userId), conversationType: 'personal', tenantId: 'tenant-soest' },
        bot: { id: '28:bot', name: 'Soestainable' },
        user: { id: '29:r-caron' },
      });
    }
    if (!NO_PLEDGE.includes(userId)) await pledged(userId);
  }
  await repos.followUpAnswers.create({ userId: 'r-007', campaignId: 'c-dec', wave: 1, answers: [{ challengeId: A, kept: 'ja' }, { challengeId: B, kept: 'soms' }], answeredAt: '2026-12-28T07:00:00.000Z' });
  // Answered another wave: still asked this one.
  await repos.followUpAnswers.create({ userId: 'r-008', campaignId: 'c-dec', wave: 2, answers: [{ challengeId: A, kept: 'ja' }, { challengeId: B, kept: 'soms' }], answeredAt: '2026-12-28T07:00:00.000Z' });
  await enrol(repos, connector, { userId: 'r-paused', nudgeTime: '09:00', status: 'paused' });
  await enrol(repos, connector, { userId: 'r-left', nudgeTime: '09:00', status: 'left' });
  await enrol(repos, connector, { userId: 'r-moved', nudgeTime: '10:00' });
  await enrol(repos, connector, { userId: 'r-broken', nudgeTime: '09:00' });
  await world.client('Participants').updateEntity({ partitionKey: 'r-broken', rowKey: 'profile', roles: 'not json' }, 'Merge');
  for (const userId of ['r-paused', 'r-left', 'r-moved', 'r-gone']) await slotRowAt0900(userId);
  for (const userId of ['r-paused', 'r-left', 'r-moved', 'r-broken', 'r-gone']) await pledged(userId);
});
afterAll(async () => {
  await world.drop();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
});

describe('the followups job on a large wave (range reads)', () => {
  const sentTo = [...PLAIN.filter((id) => !NO_PLEDGE.includes(id) && id !== 'r-007'), ...ODD];

  it('a dry run counts the same people the real run asks, and sends nothing', async () => {
    const summary = await run(WAVE_1_0900, true);
    expect(summary.counts['indexed']).toBeGreaterThanOrEqual(NUDGE_PREFETCH_FROM);
    // Everyone with a pledge whose profile is there and due now: the sends, plus paused, left, broken, answered.
    expect(summary.runs[0]).toMatchObject({ kind: 'followup', queued: sentTo.length + 4, sent: 0 });
    expect(deliveries(connector)).toEqual([]);
  });

  it('asks everyone with a pledge once, skips as the point reads do, and a second and concurrent run send nothing twice', async () => {
    const summary = await run(WAVE_1_0900);
    expect(summary.runs[0]).toMatchObject({
      kind: 'followup',
      sent: sentTo.length,
      failed: 0,
      skippedByReason: { already_answered: 1, paused: 1, left: 1, bad_profile: 1 },
    });
    expect(pulsesTo()).toEqual(sentTo.map(conv).sort());
    connector.calls.length = 0;
    await Promise.all([run(WAVE_1_0900), run(WAVE_1_0900)]);
    expect(pulsesTo()).toEqual([]);
    const claims = await world.repos.sendClaims.listRun('followup', 'c-dec|w1');
    expect(claims.filter((c) => c.state === 'sent').map((c) => c.recipientId).sort()).toEqual([...sentTo].sort());
    // Not claimed at all: no pledge, a nudge time moved later, a profile that is gone.
    for (const id of [...NO_PLEDGE, 'r-moved', 'r-gone']) expect(claims.some((c) => c.recipientId === id)).toBe(false);
  });

  it('read in runs of 7 people (each run read while the one before is sent), wave 2 reaches the same rules once', async () => {
    const small = { followUpReads: { rangeFrom: 1, rangeSize: 7 } };
    const [first, second] = await Promise.all([
      world.jobs(small).run('followups', { at: WAVE_2_0900, dryRun: false }),
      world.jobs(small).run('followups', { at: WAVE_2_0900, dryRun: false }),
    ]);
    const wave2 = [...PLAIN.filter((id) => !NO_PLEDGE.includes(id) && id !== 'r-008'), ...ODD];
    expect(pulsesTo()).toEqual(wave2.map(conv).sort());
    expect((first?.runs[0]?.sent ?? 0) + (second?.runs[0]?.sent ?? 0)).toBe(wave2.length);
    const claims = await world.repos.sendClaims.listRun('followup', 'c-dec|w2');
    expect(claims.filter((c) => c.state === 'skipped').map((c) => [c.recipientId, c.skipReason]).sort()).toEqual([
      ['r-008', 'already_answered'],
      ['r-broken', 'bad_profile'],
      ['r-left', 'left'],
      ['r-paused', 'paused'],
    ]);
  });

  it('the person whose nudge time moved to 10:00 gets the pulse at 10:00', async () => {
    await run(at('2026-12-28T10:00+01:00'));
    expect(pulsesTo()).toEqual(['conv-r-moved']);
  });
});
