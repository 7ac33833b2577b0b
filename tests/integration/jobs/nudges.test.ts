import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import type { JobSummary } from '@soestainable/bot/jobs/job';
import { checkinTexts } from '@soestainable/bot/features/checkin/texts';
import { weatherTexts } from '@soestainable/bot/jobs/weather/texts';
import { noWeather } from '@soestainable/bot/jobs/weather/weather';
import { FakeConnector } from '../../helpers/fakeConnector';
import { checkIn } from '../../helpers/fixtures';
import { participant } from '../../helpers/orgFixture';
import { cardProblems, cardTexts } from '../../helpers/cards';
import { at, campaignOf, cardOf, createJobWorld, deliveries, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * The daily nudge job end to end: Azurite, the real engine and botbuilder adapter, and a fake Bot Connector over
 * real HTTP that records every message it accepts.
 */
const DECEMBER = campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' });
const MONDAY_0900 = at('2026-12-07T09:00+01:00'); // day 6 of 10

let world: JobWorld;
const connector = new FakeConnector();
beforeAll(async () => {
  await connector.start();
});
afterAll(async () => {
  await connector.stop();
});
/** Each describe gets its own tables, so one scenario's participants never show up in another's. */
function freshWorld(): void {
  beforeAll(async () => {
    world = await createJobWorld();
  });
  afterAll(async () => {
    await world.drop();
  });
}
beforeEach(() => {
  connector.calls.length = 0;
  world.logs.length = 0;
});

const run = (jobs: ReturnType<JobWorld['jobs']>, when: Date, dryRun = false): Promise<JobSummary> => jobs.run('nudges', { at: when, dryRun });
const sentTo = () => deliveries(connector).map((d) => d.conversationId).sort();

describe('a working day: who gets the card, who is skipped and why', () => {
  freshWorld();
  let jobs: ReturnType<JobWorld['jobs']>;
  beforeAll(async () => {
    await onlyCampaign(world.repos, DECEMBER);
    const { repos } = world;
    await enrol(repos, connector, { userId: 'u-nl', nudgeTime: '09:00', language: 'nl' });
    await enrol(repos, connector, { userId: 'u-en', nudgeTime: '08:30', language: 'en' });
    await enrol(repos, connector, { userId: 'u-late', nudgeTime: '10:00' });
    await enrol(repos, connector, { userId: 'u-inactive', nudgeTime: '09:00' });
    await repos.conversationRefs.markInactive({ kind: 'user', userId: 'u-inactive' }, 'personal');
    await repos.participants.save(participant({ userId: 'u-noref', nudgeTime: '07:15' }));
    await enrol(repos, connector, { userId: 'u-demo', nudgeTime: '09:00', demo: true });
    // A lagging index: the profile says paused / left, the nudge slot row is still there (docs/storage.md).
    for (const [userId, status] of [['u-paused', 'paused'], ['u-left', 'left']] as const) {
      await enrol(repos, connector, { userId, nudgeTime: '09:00' });
      await world.client('Participants').updateEntity({ partitionKey: encodeKeyPart(userId), rowKey: 'profile', status }, 'Merge');
    }
    // Old data: an impossible nudge time in the profile, while its slot row sits at 09:00.
    await enrol(repos, connector, { userId: 'u-bad', nudgeTime: '09:00' });
    await world.client('Participants').updateEntity({ partitionKey: encodeKeyPart('u-bad'), rowKey: 'profile', nudgeTime: '25:99' }, 'Merge');
    // Old data of another kind: a status the app does not know, so the profile as a whole does not parse.
    await enrol(repos, connector, { userId: 'u-broken', nudgeTime: '09:00' });
    await world.client('Participants').updateEntity({ partitionKey: encodeKeyPart('u-broken'), rowKey: 'profile', status: 'weggelopen' }, 'Merge');
    // Checked in before the nudge (by typing "inchecken"): no reminder needed.
    await enrol(repos, connector, { userId: 'u-done', nudgeTime: '09:00' });
    await repos.checkIns.save(checkIn({ userId: 'u-done', teamId: 'publiekszaken', campaignId: 'c-dec', date: '2026-12-07', day: 6 }));
    jobs = world.jobs({ weather: noWeather });
  });

  it('a dry run says what would happen, and takes no claims and sends nothing', async () => {
    const summary = await run(jobs, MONDAY_0900, true);
    expect(summary).toMatchObject({ job: 'nudges', dryRun: true, counts: { wouldSend: 2, demo: 1 } });
    expect(summary.runs[0]).toMatchObject({
      runId: 'dry-run', sent: 0,
      skippedByReason: { paused: 1, left: 1, bad_nudge_time: 1, bad_profile: 1, conversation_inactive: 1, no_conversation: 1, already_checked_in: 1 },
    });
    expect(connector.calls).toEqual([]);
    expect(await world.repos.sendClaims.listRun('nudge', '2026-12-07')).toEqual([]);
  });

  it('sends the day\'s card once to each due participant, in their language, and claims every skip with its reason', async () => {
    const summary = await run(jobs, MONDAY_0900);
    expect(summary.skippedBecause).toBeUndefined();
    expect(summary.runs).toHaveLength(1);
    expect(summary.runs[0]).toMatchObject({
      kind: 'nudge', queued: 9, sent: 2, failed: 0, uncertain: 0, skipped: 7,
      skippedByReason: { paused: 1, left: 1, bad_nudge_time: 1, bad_profile: 1, conversation_inactive: 1, no_conversation: 1, already_checked_in: 1 },
    });
    expect(sentTo()).toEqual(['conv-u-en', 'conv-u-nl']);
    for (const d of deliveries(connector)) {
      const card = cardOf(d.body);
      expect(cardProblems(card)).toEqual([]);
      const lang = d.conversationId === 'conv-u-en' ? 'en' : 'nl';
      const dayLabel = checkinTexts.dayOf[lang].replace('{day}', '6').replace('{total}', '10');
      expect(cardTexts(card).filter((t) => t.startsWith(`${dayLabel} · `))).toHaveLength(1);
      expect(JSON.stringify(card)).not.toContain(weatherTexts.rain[lang]);
    }
    const claims = await world.repos.sendClaims.listRun('nudge', '2026-12-07');
    expect(Object.fromEntries(claims.map((c) => [c.recipientId, c.skipReason ?? c.state]))).toEqual({
      'u-nl': 'sent', 'u-en': 'sent', 'u-paused': 'paused', 'u-left': 'left', 'u-bad': 'bad_nudge_time', 'u-broken': 'bad_profile',
      'u-inactive': 'conversation_inactive', 'u-noref': 'no_conversation', 'u-done': 'already_checked_in',
    });
    // The bad rows are logged, by code and reason only.
    expect(world.logs.find((l) => l.level === 'warn' && l.fields['reason'] === 'bad_nudge_time')?.message).toBe('nudges: a participant has an impossible nudge time; skipped');
    expect(world.logs.find((l) => l.level === 'warn' && l.fields['reason'] === 'bad_profile')?.fields).toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    expect(JSON.stringify(world.logs)).not.toContain('u-bad');
    expect(JSON.stringify(world.logs)).not.toContain('u-broken');
  });

  it('the same minute again, in this process or a fresh one, sends nothing more', async () => {
    expect((await run(jobs, MONDAY_0900)).skippedBecause).toBe('nothing_due');
    const fresh = await run(world.jobs({ weather: noWeather }), MONDAY_0900);
    expect(fresh.runs[0]).toMatchObject({ sent: 0, skipped: 9, skippedByReason: { already_claimed: 9 } });
    expect(connector.calls).toEqual([]);
  });

  it('the next minutes pick up later nudge times only', async () => {
    const nine31 = await run(jobs, at('2026-12-07T09:31+01:00'));
    expect(nine31.skippedBecause).toBe('nobody_due');
    expect(nine31.counts).toMatchObject({ slots: 31 });
    await run(jobs, at('2026-12-07T10:00+01:00'));
    expect(sentTo()).toEqual(['conv-u-late']);
  });

  it('from the cut-off (12:00) on, nothing at all', async () => {
    await enrol(world.repos, connector, { userId: 'u-joined-late', nudgeTime: '11:00' });
    const summary = await run(world.jobs({ weather: noWeather }), at('2026-12-07T12:00+01:00'));
    expect(summary).toMatchObject({ skippedBecause: 'after_cutoff', runs: [] });
    expect(connector.calls).toEqual([]);
    expect(await world.repos.sendClaims.get('nudge', '2026-12-07', 'u-joined-late')).toBeUndefined();
  });

  it('a late run before the cut-off still sends (the process was down at nudge time)', async () => {
    const summary = await run(world.jobs({ weather: noWeather }), at('2026-12-07T11:59+01:00'));
    expect(summary.runs[0]).toMatchObject({ sent: 1 });
    expect(sentTo()).toEqual(['conv-u-joined-late']);
  });
});

describe('exactly once across instances', () => {
  freshWorld();
  it('two processes running the same minute concurrently share the work: every recipient gets one card', async () => {
    await onlyCampaign(world.repos, DECEMBER);
    const ids = Array.from({ length: 30 }, (_, i) => `u-pair-${i}`);
    for (const userId of ids) await enrol(world.repos, connector, { userId, nudgeTime: '08:45' });
    const when = at('2026-12-08T08:45+01:00');
    const [a, b] = await Promise.all([run(world.jobs({ weather: noWeather }), when), run(world.jobs({ weather: noWeather }), when)]);
    const runs = [...a.runs, ...b.runs];
    const total = (k: 'sent' | 'failed' | 'uncertain') => runs.reduce((n, r) => n + r[k], 0);
    const delivered = sentTo().filter((c) => c.startsWith('conv-u-pair-'));
    const claims = await world.repos.sendClaims.listRun('nudge', '2026-12-08');
    // Never twice, and every recipient sent: an insert the storage SDK retried after it committed (409 to its own
    // retry) is recognised by the run's claim token, so no claim is left `claimed` with nothing sent.
    expect({
      duplicates: delivered.length - new Set(delivered).size,
      failed: total('failed'),
      uncertain: total('uncertain'),
      claimsNotSent: claims.filter((c) => c.state !== 'sent').map((c) => `${c.recipientId}:${c.state}`),
      missing: ids.filter((id) => !delivered.includes(`conv-${id}`)),
      sent: total('sent'),
    }).toEqual({ duplicates: 0, failed: 0, uncertain: 0, claimsNotSent: [], missing: [], sent: ids.length });
    // Both looked at every recipient: what one sent, the other found claimed.
    expect([a.runs[0]?.queued, b.runs[0]?.queued]).toEqual([ids.length, ids.length]);
  }, 120_000);
});

describe('days without nudges claim nothing and say why', () => {
  freshWorld();
  beforeAll(async () => {
    await enrol(world.repos, connector, { userId: 'u-cal', nudgeTime: '09:00' });
  });
  const day = async (iso: string) => {
    const summary = await run(world.jobs({ weather: noWeather }), at(iso));
    return { reason: summary.skippedBecause, sent: deliveries(connector).filter((d) => d.conversationId === 'conv-u-cal').length };
  };

  it('a campaign spanning Christmas (24 Dec – 5 Jan, closing day 31 Dec)', async () => {
    await onlyCampaign(world.repos, campaignOf({ campaignId: 'c-xmas', startDate: '2026-12-24', endDate: '2027-01-05', closingDays: ['2026-12-31'] }));
    expect(await day('2026-12-24T09:00+01:00')).toEqual({ reason: undefined, sent: 1 });
    expect(await day('2026-12-25T09:00+01:00')).toEqual({ reason: 'holiday:eerste-kerstdag', sent: 1 });
    expect(await day('2026-12-26T09:00+01:00')).toEqual({ reason: 'holiday:tweede-kerstdag', sent: 1 }); // a Saturday too
    expect(await day('2026-12-27T09:00+01:00')).toEqual({ reason: 'weekend', sent: 1 });
    expect(await day('2026-12-28T09:00+01:00')).toEqual({ reason: undefined, sent: 2 });
    expect(await day('2026-12-31T09:00+01:00')).toEqual({ reason: 'closing_day', sent: 2 });
    expect(await day('2027-01-01T09:00+01:00')).toEqual({ reason: 'holiday:nieuwjaarsdag', sent: 2 });
    expect(await day('2027-01-04T09:00+01:00')).toEqual({ reason: undefined, sent: 3 });
    expect(await day('2027-01-06T09:00+01:00')).toEqual({ reason: 'outside_campaign', sent: 3 });
    for (const date of ['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-31', '2027-01-01']) expect(await world.repos.sendClaims.listRun('nudge', date)).toEqual([]);
  });

  it('DST: on the Monday after each switch, 09:00 local is 07:00 UTC (summer) and 08:00 UTC (winter)', async () => {
    await onlyCampaign(world.repos, campaignOf({ campaignId: 'c-spring', startDate: '2026-03-23', endDate: '2026-11-06' }, 170));
    expect(await day('2026-03-29T07:00:00Z')).toEqual({ reason: 'weekend', sent: 0 }); // the switch itself is a Sunday
    expect(await day('2026-03-30T06:59:00Z')).toEqual({ reason: 'nobody_due', sent: 0 }); // 08:59 CEST
    expect(await day('2026-03-30T07:00:00Z')).toEqual({ reason: undefined, sent: 1 });
    expect(await day('2026-10-26T07:59:00Z')).toEqual({ reason: 'nobody_due', sent: 1 }); // 08:59 CET
    expect(await day('2026-10-26T08:00:00Z')).toEqual({ reason: undefined, sent: 2 });
  });

  it('Koningsdag, Hemelvaart and the day between them', async () => {
    // (the same spring campaign)
    expect((await day('2026-04-27T09:00+02:00')).reason).toBe('holiday:koningsdag');
    expect((await day('2026-05-14T09:00+02:00')).reason).toBe('holiday:hemelvaartsdag');
    expect((await day('2026-04-03T09:00+02:00')).reason).toBeUndefined(); // Goede Vrijdag is a working day
  });

  it('a campaign with no working days at all is a clear skip, logged once', async () => {
    await onlyCampaign(world.repos, campaignOf({ campaignId: 'c-empty', startDate: '2026-12-26', endDate: '2026-12-27' }));
    const jobs = world.jobs({ weather: noWeather });
    expect((await run(jobs, at('2026-12-26T09:00+01:00'))).skippedBecause).toBe('campaign_has_no_working_days');
    expect((await run(jobs, at('2026-12-26T09:01+01:00'))).skippedBecause).toBe('campaign_has_no_working_days');
    expect(world.logs.filter((l) => l.message.includes('no working days'))).toHaveLength(1);
  });

  it('no campaign at all', async () => {
    await world.repos.campaigns.remove('soest', 'c-empty');
    expect((await day('2026-12-07T09:00+01:00')).reason).toBe('no_active_campaign');
  });

  // Last: it leaves a bad row in the organisation's partition.
  it('a campaign row that does not parse beside the running one: only it is skipped (logged once, by id); the nudges go out', async () => {
    await world.repos.campaigns.save(campaignOf({ campaignId: 'c-jan', startDate: '2027-01-11', endDate: '2027-01-22' }));
    await world.client('Campaigns').createEntity({ partitionKey: 'soest', rowKey: 'c-rommel', name: '{}', startDate: '2027-13-45', endDate: 'morgen', dayPlan: '[', closingDays: '[]', status: 'active', demo: false });
    const jobs = world.jobs({ weather: noWeather });
    const before = deliveries(connector).length;
    const summary = await run(jobs, at('2027-01-11T09:00+01:00'));
    expect(summary.skippedBecause).toBeUndefined();
    expect(summary.runs[0]).toMatchObject({ sent: 1 });
    expect(deliveries(connector).length - before).toBe(1);
    await run(jobs, at('2027-01-11T09:01+01:00'));
    expect(world.logs.filter((l) => l.message === 'nudges: a campaign does not parse; skipped').map((l) => l.fields['campaignId'])).toEqual(['c-rommel']);
  });
});
