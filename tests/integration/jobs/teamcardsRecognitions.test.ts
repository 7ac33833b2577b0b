import { campaignDays } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { t } from '@soestainable/shared/text';
import { createTeamCardsJob, TEAM_CARD_TOP_BARRIERS } from '@soestainable/bot/jobs/teamcards';
import { teamCardJobTexts as T } from '@soestainable/bot/jobs/teamcards/texts';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { cardProblems, cardText } from '../../helpers/cards';
import { checkIn } from '../../helpers/fixtures';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, deliveredCard, type JobWorld } from './digests.harness';
import { campaignOf } from './harness';

/*
 * The team card's barriers (issue 16, items 1 and 3 joined): the team's open barriers most recognised ("herken ik")
 * first, the newest first among equal counts, each with its count; a team under the minimum group size still gets
 * no barrier at all, however often its barriers are recognised.
 */
const MONDAY_W51 = new Date('2026-12-14T08:00:00Z');
const W50 = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
const CHANNELS = { big: '19:rec-big@thread.tacv2', small: '19:rec-small@thread.tacv2' };

/** The running campaign: 20 challenge days from Monday 30 Nov 2026. */
const campaign = (): Campaign => campaignOf({ campaignId: 'c1', startDate: '2026-11-30', endDate: campaignDays('2026-11-30', 20).at(-1) ?? '2026-12-25' }, 20);

describe('teamcards job: the team’s open barriers, most recognised first', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  const cardsIn = (channel: string) => connector.deliveries.filter((d) => d.conversationId === channel).map((d) => deliveredCard(d.body));

  async function channel(teamsTeamId: string, orgTeamId: string): Promise<void> {
    const reference = { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: teamsTeamId, conversationType: 'channel', tenantId: 'tenant-soest' }, bot: { id: '28:bot' } };
    await world.repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'channel', reference);
    await world.repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'teamcard', reference);
    await world.repos.teamCards.save({ orgId: 'soest', teamsTeamId, orgTeamId, enabled: true, changedBy: 'm-big', changedAt: '2026-12-01T09:00:00.000Z' });
  }
  async function barrier(teamId: string, text: string, at: string, recognisers: number): Promise<void> {
    world.clock = new Date(at);
    const b = await world.repos.barriers.create({ orgId: 'soest', campaignId: 'c1', teamId, theme: 'energietransitie', text });
    for (let i = 1; i <= recognisers; i++) await world.repos.recognitions.recognise('soest', b.barrierId, `r${i}`);
  }

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    const { repos } = world;
    await repos.campaigns.save(campaign());
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'groot', name: 'Publiekszaken', managerIds: ['m-big'], demo: false });
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'klein', name: 'Kleine Ploeg', managerIds: ['m-small'], demo: false });
    for (let i = 1; i <= 6; i++) await repos.participants.save(participant({ userId: `g${i}`, teamId: 'groot' }));
    for (let i = 1; i <= 3; i++) await repos.participants.save(participant({ userId: `k${i}`, teamId: 'klein' }));
    for (const date of W50) {
      for (let i = 0; i < 4; i++) await repos.dailyAggregates.apply(checkIn({ teamId: 'groot', campaignId: 'c1', date, userId: `x-${date}-${i}`, travelMode: 'fiets' }));
      await repos.dailyAggregates.apply(checkIn({ teamId: 'klein', campaignId: 'c1', date, userId: `y-${date}`, travelMode: 'fiets' }));
      await repos.dailyAggregates.recordParticipants('c1', 'groot', date, 6);
      await repos.dailyAggregates.recordParticipants('c1', 'klein', date, 3);
    }
    // Oldest first; the counts decide the order, the date only among equal counts.
    await barrier('groot', 'Geen fietsenstalling bij het gemeentehuis', '2026-12-02T09:00:00Z', 5);
    await barrier('groot', 'Bus rijdt niet na zes uur', '2026-12-03T09:00:00Z', 1);
    await barrier('groot', 'Laadpalen altijd bezet', '2026-12-04T09:00:00Z', 1);
    await barrier('groot', 'Nieuwste prikkel, door niemand herkend', '2026-12-05T09:00:00Z', 0);
    await barrier('klein', 'Veel herkende prikkel van het kleine team', '2026-12-05T10:00:00Z', 7);
    await channel(CHANNELS.big, 'groot');
    await channel(CHANNELS.small, 'klein');
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('lists the most recognised first with their count, the newest first among equal counts; a small team gets none', async () => {
    expect(TEAM_CARD_TOP_BARRIERS).toBe(3);
    const summary = await run();
    expect(summary.runs[0]).toMatchObject({ kind: 'teamcard', sent: 2 });

    const [big] = cardsIn(CHANNELS.big);
    if (!big) throw new Error('no card in the big team’s channel');
    expect(cardProblems(big)).toEqual([]);
    const text = cardText(big);
    const order = ['Geen fietsenstalling bij het gemeentehuis', 'Laadpalen altijd bezet', 'Bus rijdt niet na zes uur'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The newest barrier, recognised by nobody, is fourth: not on the card (it would be first by date alone).
    expect(text).not.toContain('Nieuwste prikkel');
    expect(text).toContain(t(T.recognisedBy, 'nl', { count: 5 }));
    expect(text).toContain(t(T.recognisedBy, 'nl', { count: 1 }));

    const [small] = cardsIn(CHANNELS.small);
    if (!small) throw new Error('no card in the small team’s channel');
    expect(cardProblems(small)).toEqual([]);
    expect(cardText(small)).toContain(t(T.smallTeam, 'nl'));
    expect(cardText(small)).not.toContain('Veel herkende prikkel');
    expect(cardText(small)).not.toContain('herkend door');
  });

  function run() {
    return createTeamCardsJob(world.deps({ TEAMS_APP_ID: 'a1b2c3d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d' })).run({ at: MONDAY_W51, dryRun: false });
  }
});
