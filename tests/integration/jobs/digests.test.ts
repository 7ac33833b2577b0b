import { campaignDays } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { CheckIn } from '@soestainable/shared/domain/types';
import { createDigestsJob } from '@soestainable/bot/jobs/digests';
import { teamDashboardLink } from '@soestainable/bot/jobs/digests/card';
import { cardProblems, cardText, elements, openUrlOf } from '../../helpers/cards';
import { checkIn } from '../../helpers/fixtures';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, deliveredCard, plantCampaignRow, type JobWorld } from './digests.harness';

const APP_ID = 'a1b2c3d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
/** Monday 14 Dec 2026, 08:30 in Amsterdam: the digest of week 50 (7–13 Dec). */
const MONDAY = new Date('2026-12-14T07:30:00Z');
const W49 = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
const W50 = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];

function campaign(over: Partial<Campaign> = {}): Campaign {
  const days = campaignDays('2026-11-30', 10);
  return {
    orgId: 'soest',
    campaignId: 'c1',
    name: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
    startDate: '2026-11-30',
    endDate: days.at(-1) ?? '2026-12-11',
    dayPlan: Array.from({ length: 10 }, (_, i) => `dag${i + 1}`),
    closingDays: [],
    status: 'active',
    demo: false,
    ...over,
  };
}

describe('weekly manager digest job (Azurite, fake connector over real HTTP)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  let barrierA = '';

  async function members(teamId: string, prefix: string, n: number): Promise<void> {
    for (let i = 1; i <= n; i++) await world.repos.participants.save(participant({ userId: `${prefix}${i}`, teamId }));
  }
  async function count(teamId: string, date: string, over: Partial<CheckIn>): Promise<void> {
    await world.repos.dailyAggregates.apply(checkIn({ teamId, campaignId: 'c1', date, userId: `x-${Math.random()}`, ...over }));
  }
  const deliveriesTo = (userId: string) => connector.deliveries.filter((d) => d.conversationId === `conv-${userId}`);

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    const { repos } = world;
    await repos.campaigns.save(campaign());
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: ['m-a-en', 'm-a-nl'], demo: false });
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'klein', name: 'Kleine Ploeg', managerIds: ['m-b'], demo: false });
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'zonder', name: 'Zonder Leiding', managerIds: [], demo: false });
    await members('publiekszaken', 'a', 6);
    await repos.participants.save(participant({ userId: 'a7', teamId: 'publiekszaken', status: 'paused' }));
    await members('klein', 'b', 4);
    await members('zonder', 'z', 6);
    await repos.participants.save(participant({ userId: 'm-a-en', teamId: 'directie', language: 'en', roles: ['manager'] }));
    await repos.participants.save(participant({ userId: 'm-b', teamId: 'directie', roles: ['manager'] }));
    for (const id of ['m-a-en', 'm-a-nl', 'm-b']) await world.addConversation(id);

    // Publiekszaken, week 50: 4 check-ins a day (2 by bike and waste-free, 1 by train, 1 by car); week 49: 3 a day.
    for (const date of W50) {
      await count('publiekszaken', date, { travelMode: 'fiets', wasteFree: true, impact: { low: 0.5, mid: 1, high: 1.5 } });
      await count('publiekszaken', date, { travelMode: 'fiets', wasteFree: true, impact: { low: 0.5, mid: 1, high: 1.5 } });
      await count('publiekszaken', date, { travelMode: 'ov', wasteFree: false, impact: { low: 0.2, mid: 0.4, high: 0.6 } });
      await count('publiekszaken', date, { travelMode: 'auto', wasteFree: false, impact: { low: 0, mid: 0, high: 0 } });
      // The small team checks in too: none of it may reach its manager.
      await count('klein', date, { travelMode: 'fiets', wasteFree: true, impact: { low: 0.5, mid: 1, high: 1.5 } });
    }
    for (const date of W49) for (let i = 0; i < 3; i++) await count('publiekszaken', date, { travelMode: 'lopen' });
    // What the headcount job records on each challenge day: the group the disclosure rule judges the day by.
    for (const date of [...W49, ...W50]) {
      await repos.dailyAggregates.recordParticipants('c1', 'publiekszaken', date, 6);
      await repos.dailyAggregates.recordParticipants('c1', 'klein', date, 4);
    }

    world.clock = new Date('2026-12-03T10:00:00Z');
    const reported = await repos.barriers.create({
      orgId: 'soest',
      campaignId: 'c1',
      teamId: 'publiekszaken',
      theme: 'circulariteit',
      text: 'In de kantine zijn alleen plastic bekers',
      contactUserId: 'a1',
    });
    barrierA = reported.barrierId;
    await repos.barriers.create({ orgId: 'soest', campaignId: 'c1', teamId: 'klein', theme: 'energietransitie', text: 'Geen fietsenstalling bij de werf' });
    const { action } = await repos.actions.create(
      { orgId: 'soest', title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' }, description: { nl: '', en: '' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair' },
      'coordinator-1',
    );
    world.clock = new Date('2026-12-08T10:00:00Z');
    await repos.actions.linkBarriers('soest', action.actionId, [barrierA], 'coordinator-1');
    world.clock = new Date('2026-12-09T10:00:00Z');
    const stored = await repos.actions.get('soest', action.actionId);
    await repos.actions.update('soest', action.actionId, stored?.etag ?? '', { status: 'gepland' }, 'coordinator-1');
    // An action of another team's barrier that changed in the same week: not Publiekszaken's news.
    await repos.actions.create(
      { orgId: 'soest', title: { nl: 'Fietsenstalling', en: 'Bike shed' }, description: { nl: '', en: '' }, theme: 'energietransitie', dimension: 'uitvoering', owner: 'Vastgoed', status: 'gepland' },
      'coordinator-1',
    );
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('sends each manager of a large enough team the figures of last week, read from the aggregates, in their language', async () => {
    const summary = await createDigestsJob(world.deps({ TEAMS_APP_ID: APP_ID })).run({ at: MONDAY, dryRun: false });

    expect(summary).toMatchObject({ job: 'digests', dryRun: false, counts: { teams: 3, teamsHidden: 1, teamsWithoutManagers: 1, recipients: 3 } });
    expect(summary.runs).toHaveLength(1);
    expect(summary.runs[0]).toMatchObject({ kind: 'digest', queued: 4, sent: 3, skipped: 1, skippedByReason: { no_managers: 1 }, failed: 0, uncertain: 0 });
    expect(await world.repos.sendClaims.get('digest', '2026-W50', 'publiekszaken|m-a-en')).toMatchObject({ state: 'sent' });

    const en = deliveredCard(deliveriesTo('m-a-en')[0]?.body);
    expect(cardProblems(en)).toEqual([]);
    const enText = cardText(en);
    expect(enText).toContain('Weekly digest Publiekszaken');
    expect(enText).toContain('Week 50 (Monday 7 December – Sunday 13 December)');
    expect(enText).toContain('67% of the possible check-ins'); // 20 of 6 active members × 5 days
    expect(enText).toContain('20 this week, 15 the week before');
    expect(enText).toContain('worked waste-free 10 times');
    expect(enText).toContain('75% by bike'); // 15 of 20 journeys without a car
    expect(enText).toContain('12 kg (6–18 kg)');
    expect(enText).toContain('Circular economy: ');
    expect(enText).toContain('In de kantine zijn alleen plastic bekers');
    expect(enText).toContain('Reusable cups – ');
    expect(enText).toContain('linked to a barrier of your team; now: Planned');
    expect(enText).not.toContain('Bike shed');
    // Anonymous: the reporter who allowed contact is not named, nor anyone else.
    expect(JSON.stringify(en)).not.toMatch(/\ba1\b|m-a-en|coordinator-1/);
    // The barrier text is a plain TextRun, never Markdown.
    const run = elements(en).find((e) => e['type'] === 'TextRun' && e['text'] === 'In de kantine zijn alleen plastic bekers');
    expect(run).toBeDefined();
    expect(openUrlOf(en)).toBe(teamDashboardLink(APP_ID, 'publiekszaken'));
    expect(openUrlOf(en)).toBe(
      `https://teams.microsoft.com/l/entity/${APP_ID}/myProgress?context=${encodeURIComponent('{"subEntityId":"team:publiekszaken"}')}`,
    );

    const nl = deliveredCard(deliveriesTo('m-a-nl')[0]?.body);
    expect(cardProblems(nl)).toEqual([]);
    const nlText = cardText(nl);
    expect(nlText).toContain('Weekoverzicht Publiekszaken');
    expect(nlText).toContain('67% van de mogelijke check-ins');
    expect(nlText).toContain('20 deze week, 15 de week ervoor');
    expect(nlText).toContain('10 keer afvalvrij gewerkt');
    expect(nlText).toContain('12 kg (6–18 kg)');
    expect(nlText).toContain('Herbruikbare bekers – ');
    expect(nlText).toContain('Open het teamdashboard');
  });

  it('shows a team of 4 no numbers: only that it is too small, without figures, barriers or actions', async () => {
    const card = deliveredCard(deliveriesTo('m-b')[0]?.body);
    expect(cardProblems(card)).toEqual([]);
    const texts = cardText(card).split('\n');
    const subtitle = texts.find((t) => t.startsWith('Week 50'));
    expect(subtitle).toBeDefined();
    // Every text but the week's own label is free of digits: no statistic of any kind.
    expect(texts.filter((t) => t !== subtitle).filter((t) => /\d/.test(t))).toEqual([]);
    expect(cardText(card)).toContain('te weinig actieve deelnemers');
    expect(JSON.stringify(card)).not.toContain('fietsenstalling');
    expect(elements(card).filter((e) => e['type'] === 'FactSet')).toEqual([]);
    expect(world.logs.some((l) => l['message'] === 'digests: a team without managers is skipped' && l['teamId'] === 'zonder')).toBe(true);
  });

  it('sends nothing twice for the same week: not when run again, not when run late in the week', async () => {
    const before = connector.deliveries.length;
    const again = await createDigestsJob(world.deps({ TEAMS_APP_ID: APP_ID }, 'instance-b')).run({ at: MONDAY, dryRun: false });
    const late = await createDigestsJob(world.deps({ TEAMS_APP_ID: APP_ID })).run({ at: new Date('2026-12-16T15:00:00Z'), dryRun: false });
    for (const summary of [again, late]) expect(summary.runs[0]).toMatchObject({ sent: 0, skipped: 4, skippedByReason: { already_claimed: 4 } });
    expect(connector.deliveries.length).toBe(before);
    expect(connector.duplicates()).toEqual([]);
  });

  it('a dry run counts what it would send, sends nothing and takes no claim', async () => {
    const before = connector.deliveries.length;
    const summary = await createDigestsJob(world.deps()).run({ at: new Date('2026-12-07T07:30:00Z'), dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.runs[0]).toMatchObject({ kind: 'digest', queued: 4, sent: 0 });
    expect(connector.deliveries.length).toBe(before);
    expect(await world.repos.sendClaims.listRun('digest', '2026-W49')).toEqual([]);
  });

  it("reports the campaign's first week without a comparison, and without a Teams app id shows no button", async () => {
    // A manager profile that no longer parses as a whole still gives its language.
    await world.tables.client('Participants').upsertEntity({ partitionKey: 'm-a-en', rowKey: 'profile', roles: 'not json' }, 'Merge');
    await expect(world.repos.participants.get('m-a-en')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    const summary = await createDigestsJob(world.deps()).run({ at: new Date('2026-12-07T07:30:00Z'), dryRun: false });
    expect(summary.runs[0]).toMatchObject({ sent: 3, skipped: 1 });
    const card = deliveredCard(deliveriesTo('m-a-en').at(-1)?.body);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Week 49');
    expect(cardText(card)).toContain('15 this week (the first week)');
    expect(cardText(card)).toContain('50% of the possible check-ins');
    expect(cardText(card)).toContain('In de kantine zijn alleen plastic bekers'); // reported on 3 Dec
    expect(cardText(card)).toContain('No changes that touch your team.'); // linked and planned in week 50
    expect(openUrlOf(card)).toBeUndefined();
  });

  describe('bad input: a logged skip, never a crash', () => {
    it('a campaign with no working days', async () => {
      await world.repos.campaigns.save(campaign({ orgId: 'leeg', campaignId: 'c-leeg', dayPlan: [] }));
      const summary = await createDigestsJob(world.deps({ ORG_ID: 'leeg' })).run({ at: MONDAY, dryRun: false });
      expect(summary).toMatchObject({ skippedBecause: 'no_working_days', runs: [] });
      expect(world.logs.some((l) => l['message'] === 'digests: the campaign has no working days' && l['campaignId'] === 'c-leeg')).toBe(true);
    });

    it('a campaign row with garbage dates, and no other campaign', async () => {
      await plantCampaignRow(world, 'kapot', 'c-kapot', { startDate: '2026-13-45', endDate: 'gisteren' });
      const summary = await createDigestsJob(world.deps({ ORG_ID: 'kapot' })).run({ at: MONDAY, dryRun: false });
      expect(summary).toMatchObject({ skippedBecause: 'campaigns_unreadable', runs: [] });
      expect(world.logs.some((l) => l['message'] === 'digests: a campaign does not parse; skipped' && l['campaignId'] === 'c-kapot')).toBe(true);
    });

    it('a campaign whose end lies before its start, no campaign at all, no teams', async () => {
      await plantCampaignRow(world, 'omgekeerd', 'c-omgekeerd', { startDate: '2026-12-11', endDate: '2026-12-01' });
      const reversed = await createDigestsJob(world.deps({ ORG_ID: 'omgekeerd' })).run({ at: MONDAY, dryRun: false });
      expect(reversed).toMatchObject({ skippedBecause: 'no_campaign_in_week', runs: [] });
      const none = await createDigestsJob(world.deps({ ORG_ID: 'niemand' })).run({ at: MONDAY, dryRun: false });
      expect(none).toMatchObject({ skippedBecause: 'no_campaign_in_week', runs: [] });
      await world.repos.campaigns.save(campaign({ orgId: 'geenteams', campaignId: 'c-geenteams' }));
      const noTeams = await createDigestsJob(world.deps({ ORG_ID: 'geenteams' })).run({ at: MONDAY, dryRun: false });
      expect(noTeams).toMatchObject({ skippedBecause: 'no_teams', runs: [] });
    });

    // Last: it leaves a bad row in the organisation's partition.
    it('a garbage campaign row beside the good one: only it is skipped, logged by id; the week is still reported', async () => {
      await plantCampaignRow(world, 'soest', 'c-rommel', { startDate: '2026-13-45', endDate: 'gisteren' });
      const summary = await createDigestsJob(world.deps()).run({ at: MONDAY, dryRun: true });
      expect(summary.skippedBecause).toBeUndefined();
      expect(summary.runs).toHaveLength(1);
      expect(summary.counts).toMatchObject({ teams: 3, recipients: 3 });
      expect(world.logs.some((l) => l['message'] === 'digests: a campaign does not parse; skipped' && l['campaignId'] === 'c-rommel')).toBe(true);
    });
  });
});
