import { createOwnersJob } from '@soestainable/bot/jobs/owners';
import { eraseStoredData } from '@soestainable/bot/services/personalData/erasure';
import { ownerTexts as T } from '@soestainable/bot/services/owners/texts';
import { ownerAnnouncePeriod } from '@soestainable/shared/domain/owners';
import { t } from '@soestainable/shared/text';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { cardProblems, cardText } from '../../helpers/cards';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, deliveredCard, type JobWorld } from './digests.harness';

/*
 * The owners job (issue 16, item 2) on Azurite, sending through the real engine and botbuilder to a fake connector:
 * the owner card once per action and owner, and one reminder per 14 days without an update.
 */
describe('owners job: the owner card and the 14-day reminder', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  const cardsTo = (userId: string) => connector.deliveries.filter((d) => d.conversationId === `conv-${userId}`).map((d) => deliveredCard(d.body));

  async function action(ownerUserId: string | undefined, status: 'idee' | 'gerealiseerd' = 'idee') {
    return world.repos.actions.create(
      {
        orgId: 'soest',
        title: { nl: 'Fietsenstalling bij de ingang', en: 'Bike shed at the entrance' },
        description: { nl: '', en: '' },
        theme: 'energietransitie',
        dimension: 'uitvoering',
        owner: 'Facilitair',
        status,
        ...(ownerUserId === undefined ? {} : { ownerUserId }),
      },
      'coordinator-1',
    );
  }
  const run = (at: string, instance = 'instance-a', dryRun = false) => createOwnersJob(world.deps({}, instance)).run({ at: new Date(at), dryRun });

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    for (const [userId, language] of [['u-new', 'nl'], ['u-quiet', 'en'], ['u-done', 'nl']] as const) {
      await world.repos.participants.save(participant({ userId, language }));
      await world.addConversation(userId);
    }
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('a newly named owner gets one card, however often and in how many instances the job runs; a dry run sends nothing', async () => {
    world.clock = new Date('2026-12-01T09:00:00Z');
    const { action: a } = await action('u-new');
    await action(undefined); // a name only: nobody to tell

    const dry = await run('2026-12-01T09:03:00Z', 'instance-a', true);
    expect(dry.runs).toHaveLength(1);
    expect(dry.runs[0]).toMatchObject({ kind: 'owner', queued: 1, sent: 0 });
    expect(cardsTo('u-new')).toHaveLength(0);

    const [first, second] = await Promise.all([run('2026-12-01T09:08:00Z', 'instance-a'), run('2026-12-01T09:08:00Z', 'instance-b')]);
    expect(first.runs.reduce((n, r) => n + r.sent, 0) + second.runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    const again = await run('2026-12-01T09:13:00Z');
    expect(again.runs).toHaveLength(0);
    expect(again.counts['alreadyClaimed']).toBe(1);

    const cards = cardsTo('u-new');
    expect(cards).toHaveLength(1);
    const card = cards[0] ?? {};
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(t(T.heading, 'nl'));
    expect(cardText(card)).toContain('Fietsenstalling bij de ingang');
    expect(await world.repos.sendClaims.get('owner', ownerAnnouncePeriod(a.actionId, 'u-new'), 'u-new')).toMatchObject({ state: 'sent' });
  });

  it('an owner with a long user id (the Playground\'s has 37 characters, ids may have 200) gets the card too', async () => {
    world.clock = new Date('2026-12-01T09:00:00Z');
    const long = `aad-${'7'.repeat(196)}`;
    await world.repos.participants.save(participant({ userId: long, language: 'nl' }));
    await world.addConversation(long);
    const { action: a } = await action(long);
    const summary = await run('2026-12-01T10:03:00Z');
    expect(summary.runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(cardsTo(long)).toHaveLength(1);
    expect(await world.repos.sendClaims.get('owner', ownerAnnouncePeriod(a.actionId, long), long)).toMatchObject({ state: 'sent' });
  });

  it('an action without an update for 14 days: one reminder per 14 quiet days, none once updated, none when realised', async () => {
    world.clock = new Date('2026-11-01T09:00:00Z');
    const quiet = await action('u-quiet');
    await action('u-done', 'gerealiseerd');
    const before = cardsTo('u-quiet').length;

    await run('2026-11-14T09:03:00Z'); // 13 days: nothing yet (and too old to announce)
    expect(cardsTo('u-quiet')).toHaveLength(before);
    await run('2026-11-15T09:08:00Z'); // 14 days: the reminder
    await run('2026-11-15T09:13:00Z', 'instance-b');
    await run('2026-11-27T09:13:00Z'); // 26 days: still the first stretch
    expect(cardsTo('u-quiet')).toHaveLength(before + 1);
    const reminder = cardsTo('u-quiet').at(-1) ?? {};
    expect(cardProblems(reminder)).toEqual([]);
    expect(cardText(reminder)).toContain(t(T.introReminder, 'en', { count: 14 }));
    await run('2026-11-29T09:13:00Z'); // 28 days: the second stretch
    expect(cardsTo('u-quiet')).toHaveLength(before + 2);

    // The owner writes an update (a note: the row moves too): the count starts again.
    world.clock = new Date('2026-11-30T10:00:00Z');
    const current = await world.repos.actions.get('soest', quiet.action.actionId);
    await world.repos.actions.update('soest', quiet.action.actionId, current?.etag ?? '', {}, 'u-quiet');
    await world.repos.actions.addNote('soest', quiet.action.actionId, 'Offerte aangevraagd', 'u-quiet');
    const afterUpdate = cardsTo('u-quiet').length; // the update re-announces nothing: that claim exists
    await run('2026-12-10T09:03:00Z');
    expect(cardsTo('u-quiet')).toHaveLength(afterUpdate);
    await run('2026-12-14T10:03:00Z');
    expect(cardsTo('u-quiet')).toHaveLength(afterUpdate + 1);

    expect(cardsTo('u-done')).toHaveLength(0);
  });

  it('an owner who erased their data gets no card or reminder again, and no new send record', async () => {
    world.clock = new Date('2026-12-20T09:00:00Z');
    await world.repos.participants.save(participant({ userId: 'u-erased', language: 'nl' }));
    await world.addConversation('u-erased');
    const { action: a } = await action('u-erased');
    await run('2026-12-20T09:03:00Z');
    expect(cardsTo('u-erased')).toHaveLength(1);

    const counts = await eraseStoredData(world.repos, 'soest', 'u-erased');
    expect(counts).toMatchObject({ profile: true, ownedActions: 1, conversationRefs: 1 });
    expect((await world.repos.actions.get('soest', a.actionId))?.action).not.toHaveProperty('ownerUserId');

    // Still inside the announcement's week, and later when a reminder would be due: nothing for them.
    for (const at of ['2026-12-20T09:08:00Z', '2027-01-04T09:03:00Z', '2027-01-18T09:03:00Z']) await run(at);
    expect(cardsTo('u-erased')).toHaveLength(1);
    expect(await world.repos.sendClaims.listForRecipient('u-erased')).toEqual([]);
  });
});
