import { campaignDays } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { CheckIn } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { teamDashboardLink } from '@soestainable/bot/jobs/digests/card';
import { createTeamCardsJob } from '@soestainable/bot/jobs/teamcards';
import { teamCardJobTexts as T } from '@soestainable/bot/jobs/teamcards/texts';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { cardProblems, cardText, openUrlOf } from '../../helpers/cards';
import { checkIn } from '../../helpers/fixtures';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, deliveredCard, type JobWorld } from './digests.harness';
import { campaignOf } from './harness';

/*
 * The weekly team card in team channels (issue 16, item 3) on Azurite, through the real engine and botbuilder to a
 * fake connector: exactly one card per channel per week (twice, two instances, a run killed mid-way), figures only
 * above the minimum group size, and a channel the bot was removed from (403) marked inactive, not tried again.
 */
const APP_ID = 'a1b2c3d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
/** Monday 14 Dec 2026, 09:00 in Amsterdam: the card of week 50 (7–13 Dec). */
const MONDAY_W51 = new Date('2026-12-14T08:00:00Z');
const W50 = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
const CHANNELS = { big: '19:team-big@thread.tacv2', small: '19:team-small@thread.tacv2', gone: '19:team-gone@thread.tacv2', off: '19:team-off@thread.tacv2', demo: '19:team-demo@thread.tacv2' };

/** The running campaign: 20 challenge days from Monday 30 Nov 2026. */
const campaign = (): Campaign => campaignOf({ campaignId: 'c1', startDate: '2026-11-30', endDate: campaignDays('2026-11-30', 20).at(-1) ?? '2026-12-25' }, 20);

describe('teamcards job: one card per team channel per week', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  const cardsIn = (channel: string) => connector.deliveries.filter((d) => d.conversationId === channel).map((d) => deliveredCard(d.body));
  const run = (at: Date, instance = 'instance-a', dryRun = false) => createTeamCardsJob(world.deps({ TEAMS_APP_ID: APP_ID }, instance)).run({ at, dryRun });

  async function channel(teamsTeamId: string, orgTeamId: string, enabled = true): Promise<void> {
    const reference = { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: teamsTeamId, conversationType: 'channel', tenantId: 'tenant-soest' }, bot: { id: '28:bot' } };
    await world.repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'channel', reference);
    await world.repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'teamcard', reference);
    await world.repos.teamCards.save({ orgId: 'soest', teamsTeamId, orgTeamId, enabled, changedBy: 'm-big', changedAt: '2026-12-01T09:00:00.000Z' });
  }
  async function count(teamId: string, date: string, over: Partial<CheckIn>): Promise<void> {
    await world.repos.dailyAggregates.apply(checkIn({ teamId, campaignId: 'c1', date, userId: `x-${Math.random()}`, ...over }));
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
      for (let i = 0; i < 4; i++) await count('groot', date, { travelMode: 'fiets', wasteFree: i < 2, impact: { low: 0.5, mid: 1, high: 1.5 } });
      await count('klein', date, { travelMode: 'fiets', wasteFree: true, impact: { low: 0.5, mid: 1, high: 1.5 } });
      await repos.dailyAggregates.recordParticipants('c1', 'groot', date, 6);
      await repos.dailyAggregates.recordParticipants('c1', 'klein', date, 3);
    }
    world.clock = new Date('2026-12-08T10:00:00Z');
    const barrier = await repos.barriers.create({ orgId: 'soest', campaignId: 'c1', teamId: 'groot', theme: 'circulariteit', text: 'Geen vaatwasser op de tweede verdieping' });
    const { action } = await repos.actions.create(
      { orgId: 'soest', title: { nl: 'Vaatwasser op elke verdieping', en: 'A dishwasher on every floor' }, description: { nl: '', en: '' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair', status: 'gepland' },
      'coordinator-1',
    );
    await repos.actions.linkBarriers('soest', action.actionId, [barrier.barrierId], 'coordinator-1');
    await repos.barriers.update('soest', barrier.barrierId, (b) => ({ ...b, status: 'gekoppeld', actionId: action.actionId }));
    await repos.barriers.create({ orgId: 'soest', campaignId: 'c1', teamId: 'klein', theme: 'circulariteit', text: 'Een prikkel van het kleine team' });

    await channel(CHANNELS.big, 'groot');
    await channel(CHANNELS.small, 'klein');
    await channel(CHANNELS.gone, 'groot');
    await channel(CHANNELS.off, 'groot', false);
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'demo-team', name: 'Demo · Team', managerIds: [], demo: true });
    await channel(CHANNELS.demo, 'demo-team');
    // The bot was removed from that team: Teams answers 403.
    connector.fault = ({ conversationId }) => (conversationId === CHANNELS.gone ? { status: 403 } : undefined);
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('Monday: one card per channel that has it on; figures, barriers and their actions above the minimum group size; a 403 channel marked inactive', async () => {
    const dry = await run(MONDAY_W51, 'instance-a', true);
    expect(dry.runs[0]).toMatchObject({ kind: 'teamcard', queued: 3, sent: 0 });
    expect(connector.deliveries).toHaveLength(0);

    const summary = await run(MONDAY_W51);
    expect(summary.runs).toHaveLength(1);
    expect(summary.runs[0]).toMatchObject({ kind: 'teamcard', queued: 3, sent: 2, failed: 1 });
    expect(summary.counts).toMatchObject({ channels: 4, demo: 1, hidden: 1, markedInactive: 1 });
    expect(cardsIn(CHANNELS.off)).toHaveLength(0);
    expect(cardsIn(CHANNELS.demo)).toHaveLength(0);
    expect(await world.repos.teamCards.get('soest', CHANNELS.demo)).not.toHaveProperty('inactiveSince');

    const [big] = cardsIn(CHANNELS.big);
    if (!big) throw new Error('no card in the big team’s channel');
    expect(cardProblems(big)).toEqual([]);
    const text = cardText(big);
    expect(text).toContain(t(T.title, 'nl', { team: 'Publiekszaken' }));
    expect(text).toContain('67%'); // 20 check-ins of 6 people × 5 days
    expect(text).toContain('10 keer afvalvrij gewerkt');
    expect(text).toContain('20 kg (10–30 kg)'); // CO2 with its range
    expect(text).toContain('Geen vaatwasser op de tweede verdieping');
    expect(text).toContain('Vaatwasser op elke verdieping');
    expect(openUrlOf(big)).toBe(teamDashboardLink(APP_ID, 'groot'));

    const [small] = cardsIn(CHANNELS.small);
    if (!small) throw new Error('no card in the small team’s channel');
    expect(cardProblems(small)).toEqual([]);
    expect(cardText(small)).toContain(t(T.smallTeam, 'nl'));
    expect(cardText(small)).not.toContain('prikkel van het kleine team');
    expect(cardText(small).replace(t(T.subtitle, 'nl', { week: 50, from: '', to: '', campaign: '' }), '')).not.toMatch(/\d+ keer|%|kg/);

    expect(await world.repos.teamCards.get('soest', CHANNELS.gone)).toMatchObject({ inactiveSince: MONDAY_W51.toISOString() });
  });

  it('a second run, another instance, a late run that week: no channel gets the week’s card twice, and the removed channel is not tried again', async () => {
    const calls = connector.callsByConversation.get(CHANNELS.gone) ?? 0;
    await Promise.all([run(MONDAY_W51, 'instance-b'), run(MONDAY_W51, 'instance-c')]);
    await run(new Date('2026-12-16T14:00:00Z'));
    expect(cardsIn(CHANNELS.big)).toHaveLength(1);
    expect(cardsIn(CHANNELS.small)).toHaveLength(1);
    expect(connector.callsByConversation.get(CHANNELS.gone) ?? 0).toBe(calls);
  });

  it('two instances at once on a new week: exactly one card per channel', async () => {
    const monday = new Date('2026-12-21T08:00:00Z');
    await Promise.all([run(monday, 'instance-a'), run(monday, 'instance-b')]);
    expect(cardsIn(CHANNELS.big)).toHaveLength(2);
    expect(cardsIn(CHANNELS.small)).toHaveLength(2);
  });

  it('a run killed after claiming a channel: the rerun never sends that channel twice (it counts as uncertain)', async () => {
    const monday = new Date('2026-12-28T08:00:00Z');
    // What a killed process leaves behind: the claim taken, no outcome written.
    await world.repos.sendClaims.claim('teamcard', '2026-W52', CHANNELS.big, 'killed-instance.0000');
    const summary = await run(monday, 'instance-a');
    expect(summary.runs[0]).toMatchObject({ sent: 1, uncertain: 1 });
    expect(cardsIn(CHANNELS.big)).toHaveLength(2);
    expect(cardsIn(CHANNELS.small)).toHaveLength(3);
    await run(monday, 'instance-b');
    expect(cardsIn(CHANNELS.big)).toHaveLength(2);
    expect(cardsIn(CHANNELS.small)).toHaveLength(3);
  });
});
