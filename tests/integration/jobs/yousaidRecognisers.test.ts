import { createYouSaidJob } from '@soestainable/bot/jobs/yousaid';
import { cardProblems, cardText } from '../../helpers/cards';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, deliveredCard, type JobWorld } from './digests.harness';

/** "Jij zei, wij deden" reaches whoever recognised a barrier and ticked "laat me weten" (issue 16), once. */
describe('"you said, we did" for recognisers (Azurite, fake connector over real HTTP)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  const cardsTo = (userId: string) => connector.deliveries.filter((d) => d.conversationId === `conv-${userId}`).map((d) => deliveredCard(d.body));

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    await world.repos.participants.save(participant({ userId: 'r-en', language: 'en' }));
    for (const id of ['reporter', 'r-nl', 'r-en', 'r-quiet', 'r-both']) await world.addConversation(id);
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('a link reaches recognisers who asked, in their language, once; not those who did not ask; reporter and recogniser get one card', async () => {
    world.clock = new Date('2026-12-02T09:00:00Z');
    const report = (text: string, contactUserId?: string) =>
      world.repos.barriers.create({ orgId: 'soest', campaignId: 'c1', teamId: 'publiekszaken', theme: 'circulariteit', text, ...(contactUserId === undefined ? {} : { contactUserId }) });
    const anonymous = await report('Alleen plastic bekers in de kantine');
    const withContact = await report('Geen vaatwasser op de tweede verdieping', 'r-both');
    await world.repos.recognitions.recognise('soest', anonymous.barrierId, 'r-nl', true);
    await world.repos.recognitions.recognise('soest', anonymous.barrierId, 'r-en', true);
    await world.repos.recognitions.recognise('soest', anonymous.barrierId, 'r-quiet');
    await world.repos.recognitions.recognise('soest', anonymous.barrierId, 'r-both', true);
    const { action } = await world.repos.actions.create(
      { orgId: 'soest', title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' }, description: { nl: '', en: '' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Team Facilitair' },
      'coordinator-1',
    );
    world.clock = new Date('2026-12-03T09:00:00Z');
    await world.repos.actions.linkBarriers('soest', action.actionId, [anonymous.barrierId, withContact.barrierId], 'coordinator-1');

    const at = new Date('2026-12-03T09:01:00Z');
    const summary = await createYouSaidJob(world.deps()).run({ at, dryRun: false });
    expect(summary.counts).toMatchObject({ changes: 1, recipients: 1, recognisers: 2, anonymous: 1 });
    const again = await createYouSaidJob(world.deps({}, 'instance-b')).run({ at, dryRun: false });
    expect(again.runs).toEqual([]);

    const [nl] = cardsTo('r-nl');
    expect(nl && cardProblems(nl)).toEqual([]);
    expect(cardText(nl ?? {})).toContain('Een prikkel die je herkende is opgepakt');
    expect(cardText(nl ?? {})).toContain('Alleen plastic bekers in de kantine');
    expect(cardText(nl ?? {})).toContain('Herbruikbare bekers');
    expect(cardText(nl ?? {})).not.toContain(anonymous.reference);
    expect(cardText(cardsTo('r-en')[0] ?? {})).toContain('A barrier you recognised has been picked up');
    expect(cardsTo('r-quiet')).toEqual([]);
    const both = cardsTo('r-both');
    expect(both).toHaveLength(1);
    expect(cardText(both[0] ?? {})).toEqual(expect.stringContaining('Je prikkel is opgepakt'));
    expect(cardText(both[0] ?? {})).toEqual(expect.stringContaining('Je herkende'));
    expect(connector.duplicates(2)).toEqual([]);
  });
});
