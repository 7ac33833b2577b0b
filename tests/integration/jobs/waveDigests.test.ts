import { campaignDays } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { KeptAnswer } from '@soestainable/shared/domain/followUp';
import { createDigestsJob } from '@soestainable/bot/jobs/digests';
import { waveDigestPeriod } from '@soestainable/bot/jobs/digests/waves';
import { pulseItems, savePulseAnswers } from '@soestainable/bot/services/lasting/followUps';
import { createReportAllowance } from '@soestainable/bot/services/reportAllowance/allowance';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { cardProblems, cardText, cardTexts, elements } from '../../helpers/cards';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, deliveredCard, type JobWorld } from './digests.harness';

/**
 * The manager digest per follow-up wave (issue 15, item 5) through the real digests job: Azurite, the real engine,
 * a fake Bot Connector over HTTP. The campaign runs 30 Nov – 11 Dec 2026. Wave 1 (+2 weeks, Christmas Day) goes out
 * Monday 28 Dec, wave 2 (+6 weeks) Friday 22 Jan 2027, wave 3 (+12 weeks) Friday 5 Mar; wave 3's answers count until
 * Friday 2 Apr. A wave's digest goes with the first Monday run once its answers are final (the next wave's day):
 * 25 Jan for wave 1, 8 Mar for wave 2, 5 Apr for wave 3. The figures are the tab's for that team and wave.
 */
const APP_ID = 'a1b2c3d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const monday = (date: string): Date => new Date(`${date}T07:30:00Z`); // 08:30 in Amsterdam
const [A, B] = CATALOGUE.map((c) => c.id) as [string, string]; // circulariteit, energietransitie

function campaign(): Campaign {
  const days = campaignDays('2026-11-30', 10);
  return {
    orgId: 'soest',
    campaignId: 'c1',
    name: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
    startDate: '2026-11-30',
    endDate: days.at(-1) ?? '2026-12-11',
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status: 'active',
    demo: false,
  };
}

type Answer = readonly [KeptAnswer, KeptAnswer, string?];

describe('manager digest per follow-up wave (Azurite, fake connector over real HTTP)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  const run = (at: Date, dryRun = false, instance = 'instance-a') =>
    createDigestsJob(world.deps({ TEAMS_APP_ID: APP_ID }, instance)).run({ at, dryRun });
  const deliveriesTo = (userId: string) => connector.deliveries.filter((d) => d.conversationId === `conv-${userId}`);

  /** One wave's answer of `userId` to the pledges [A, B]; a text with "soms"/"nee" on B files a barrier (the real path). */
  async function answer(userId: string, teamId: string, wave: number, [a, b, holdsBack]: Answer): Promise<void> {
    const { repos } = world;
    const pledge = await repos.pledges.get(userId, 'c1');
    if (!pledge) throw new Error(`no pledge for ${userId}`);
    const deps = world.deps();
    const result = await savePulseAnswers(
      { repos, orgId: 'soest', allowance: createReportAllowance({ repos, config: deps.config }) },
      { userId, orgId: 'soest', teamId, demo: false },
      {
        campaign: campaign(),
        wave,
        items: await pulseItems(repos, pledge, 'soest'),
        answers: [
          { challengeId: A, kept: a },
          { challengeId: B, kept: b, ...(holdsBack === undefined ? {} : { holdsBack }) },
        ],
        contact: false,
        now: world.clock,
      },
    );
    expect(result.kind).toBe('saved');
  }

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    const { repos } = world;
    await repos.campaigns.save(campaign());
    await repos.challenges.saveAll('soest', CATALOGUE);
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: ['m-a-en', 'm-a-nl'], demo: false });
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'klein', name: 'Kleine Ploeg', managerIds: ['m-b'], demo: false });
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'zonder', name: 'Zonder Leiding', managerIds: [], demo: false });
    await repos.participants.save(participant({ userId: 'm-a-en', teamId: 'directie', language: 'en', roles: ['manager'] }));
    await repos.participants.save(participant({ userId: 'm-a-nl', teamId: 'directie', roles: ['manager'] }));
    await repos.participants.save(participant({ userId: 'm-b', teamId: 'directie', roles: ['manager'] }));
    for (const id of ['m-a-en', 'm-a-nl', 'm-b']) await world.addConversation(id);
    const members: Array<[string, string]> = [
      ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => [id, 'publiekszaken'] as [string, string]),
      ...['b1', 'b2', 'b3', 'b4'].map((id) => [id, 'klein'] as [string, string]),
    ];
    for (const [userId, teamId] of members) {
      await repos.participants.save(participant({ userId, teamId }));
      await repos.pledges.save({ userId, campaignId: 'c1', challengeIds: [A, B], createdAt: '2026-12-11T09:00:00.000Z', updatedAt: '2026-12-11T09:00:00.000Z' });
    }
    // Wave 1: five of Publiekszaken answer (7 ja, 2 soms, 1 nee of 10 pledges); the "nee" with a text files a barrier.
    world.clock = new Date('2026-12-29T10:00:00Z');
    await answer('a1', 'publiekszaken', 1, ['ja', 'ja']);
    await answer('a2', 'publiekszaken', 1, ['ja', 'soms']);
    await answer('a3', 'publiekszaken', 1, ['ja', 'nee', 'De bus rijdt in de vakantie maar één keer per uur']);
    await answer('a4', 'publiekszaken', 1, ['ja', 'ja']);
    await answer('a5', 'publiekszaken', 1, ['soms', 'ja']);
    // The small team: all four answer, with a barrier too; none of it may reach its manager.
    for (const id of ['b1', 'b2', 'b3']) await answer(id, 'klein', 1, ['ja', 'ja']);
    await answer('b4', 'klein', 1, ['nee', 'nee', 'Geen fietsenstalling bij de werf']);
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('during the challenge and just after it: the weekly digest, no wave digest', async () => {
    const lastWeek = await run(monday('2026-12-14'));
    expect(lastWeek.runs).toEqual([expect.objectContaining({ kind: 'digest', sent: 3 })]);
    expect(await world.repos.sendClaims.get('digest', '2026-W50', 'publiekszaken|m-a-en')).toMatchObject({ state: 'sent' });
    expect(lastWeek.counts['waveDigests']).toBeUndefined();
    // The week after the challenge, the Monday wave 1 goes out, and while its answers still count: nothing to report yet.
    for (const at of [monday('2026-12-21'), monday('2026-12-28'), monday('2027-01-04'), monday('2027-01-11'), monday('2027-01-18')]) {
      expect(await run(at)).toMatchObject({ runs: [], skippedBecause: 'no_campaign_in_week' });
    }
  });

  it("switches to one digest per wave once its answers are final: the tab's figures and the barriers from the follow-up, in each manager's language", async () => {
    // A late answer, three weeks after the pulse: it counts in the wave, so in the digest too.
    world.clock = new Date('2027-01-20T10:00:00Z');
    await answer('a6', 'publiekszaken', 1, ['ja', 'ja']);
    const before = connector.deliveries.length;
    const summary = await run(monday('2027-01-25'));
    expect(summary.skippedBecause).toBeUndefined();
    expect(summary.runs).toHaveLength(1);
    expect(summary.runs[0]).toMatchObject({ kind: 'digest', sent: 3, skipped: 1, skippedByReason: { no_managers: 1 }, failed: 0 });
    expect(summary.counts).toMatchObject({ waveDigests: 1, waveTeams: 3, waveTeamsHidden: 1, waveRecipients: 3 });
    expect(summary.counts['teams']).toBeUndefined(); // no weekly digest any more
    expect(connector.deliveries.length).toBe(before + 3);
    expect(await world.repos.sendClaims.get('digest', waveDigestPeriod('c1', 1), 'publiekszaken|m-a-en')).toMatchObject({ state: 'sent' });
    expect(await world.repos.sendClaims.get('digest', 'wavefinal|c1|w1', 'team:zonder')).toMatchObject({ state: 'skipped', skipReason: 'no_managers' });

    const en = deliveredCard(deliveriesTo('m-a-en').at(-1)?.body);
    expect(cardProblems(en)).toEqual([]);
    const enText = cardText(en);
    expect(enText).toContain('Follow-up digest Publiekszaken: 2 weeks after the challenge');
    expect(enText).toContain('Follow-up 1 of 3 (sent Monday 28 December)');
    // 9 ja, 2 soms, 1 nee of 12 answers; per habit: A 5 ja 1 soms, B 4 ja 1 soms 1 nee.
    expect(enText).toContain('75% yes · 17% sometimes · 8% no (of 12 pledges)');
    expect(enText).toContain('83% yes · 17% sometimes · 0% no (6 answers)');
    expect(enText).toContain('67% yes · 17% sometimes · 17% no (6 answers)');
    expect(enText).not.toContain('Other habits');
    expect(enText).toContain('this is the first follow-up');
    expect(enText).toContain('1 barrier filed: Energy transition (1)');
    // Anonymous: no text of the barrier, no name.
    expect(JSON.stringify(en)).not.toMatch(/bus rijdt|\ba[1-6]\b|m-a-en/);

    const nl = deliveredCard(deliveriesTo('m-a-nl').at(-1)?.body);
    expect(cardProblems(nl)).toEqual([]);
    const nlText = cardText(nl);
    expect(nlText).toContain('Terugblik Publiekszaken: 2 weken na de challenge');
    expect(nlText).toContain('75% ja · 17% soms · 8% nee (van 12 voornemens)');
    expect(nlText).toContain('1 prikkel gemeld: Energietransitie (1)');
    expect(nlText).toContain('Open het teamdashboard');
  });

  it('a team whose answers the tab hides gets the digest without any number, and is told why', async () => {
    const card = deliveredCard(deliveriesTo('m-b').at(-1)?.body);
    expect(cardProblems(card)).toEqual([]);
    const [title, subtitle, ...rest] = cardTexts(card);
    expect(title).toBe('Terugblik Kleine Ploeg: 2 weken na de challenge');
    expect(subtitle).toContain('Terugblik 1 van 3');
    expect(rest.filter((t) => /\d/.test(t))).toEqual([]);
    expect(cardText(card)).toContain('Te weinig collega’s van je team beantwoordden deze terugblik');
    expect(JSON.stringify(card)).not.toMatch(/fietsenstalling|prikkel gemeld/i);
    expect(elements(card).filter((e) => e['type'] === 'FactSet')).toEqual([]);
  });

  it('sends nothing twice for a wave: not when run again in another instance, not on the next Mondays of its window', async () => {
    const before = connector.deliveries.length;
    // Again on the Monday in another instance, and a late run on the Thursday of the window.
    for (const [at, instance] of [[monday('2027-01-25'), 'instance-b'], [new Date('2027-01-28T07:30:00Z'), 'instance-a']] as const) {
      const summary = await run(at, false, instance);
      expect(summary.runs).toEqual([expect.objectContaining({ sent: 0, skipped: 4, skippedByReason: { already_claimed: 4 } })]);
    }
    expect(connector.deliveries.length).toBe(before);
    // Each manager got two digests in all: the last weekly one and wave 1's.
    expect(connector.duplicates(2)).toEqual([]);
    // Between the waves' windows: nothing due.
    expect(await run(monday('2027-02-01'))).toMatchObject({ runs: [], skippedBecause: 'no_campaign_in_week' });
  });

  it('the next wave compares with the one before; a dry run counts it, sends nothing and takes no claim', async () => {
    world.clock = new Date('2027-01-25T10:00:00Z');
    await answer('a1', 'publiekszaken', 2, ['ja', 'ja']);
    await answer('a2', 'publiekszaken', 2, ['ja', 'nee']);
    await answer('a3', 'publiekszaken', 2, ['soms', 'nee', 'In de winter pak ik toch de auto']);
    await answer('a4', 'publiekszaken', 2, ['ja', 'ja']);
    await answer('a5', 'publiekszaken', 2, ['nee', 'ja']);
    await answer('a6', 'publiekszaken', 2, ['ja', 'soms', 'Regen']);

    const before = connector.deliveries.length;
    const dry = await run(monday('2027-03-08'), true);
    expect(dry.runs).toEqual([expect.objectContaining({ kind: 'digest', queued: 4, sent: 0 })]);
    expect(connector.deliveries.length).toBe(before);
    expect(await world.repos.sendClaims.listRun('digest', 'wavefinal|c1|w2')).toEqual([]);

    const summary = await run(monday('2027-03-08'));
    expect(summary.runs).toEqual([expect.objectContaining({ sent: 3, skipped: 1 })]);
    expect(await world.repos.sendClaims.get('digest', 'wavefinal|c1|w2', 'klein|m-b')).toMatchObject({ state: 'sent' });
    const en = cardText(deliveredCard(deliveriesTo('m-a-en').at(-1)?.body));
    expect(en).toContain('Follow-up digest Publiekszaken: 6 weeks after the challenge');
    // 7 ja, 2 soms, 3 nee of 12 pledges; before: 75% ja.
    expect(en).toContain('58% yes · 17% sometimes · 25% no (of 12 pledges)');
    expect(en).toContain('75% yes · 17% sometimes · 8% no (2 weeks after the challenge)');
    expect(en).toContain('−17 percentage points yes');
    expect(en).toContain('2 barriers filed: Energy transition (2)');
    // The small team did not answer wave 2 at all: still no number.
    const small = cardTexts(deliveredCard(deliveriesTo('m-b').at(-1)?.body));
    expect(small[0]).toContain('6 weken');
    expect(small.slice(2).filter((t) => /\d/.test(t))).toEqual([]);
  });

  it("while a next campaign runs, its weekly digest and the earlier campaign's wave digest both go out, each once", async () => {
    const days = campaignDays('2027-03-29', 10);
    await world.repos.campaigns.save({ ...campaign(), campaignId: 'c2', name: { nl: 'Voorjaar', en: 'Spring' }, startDate: '2027-03-29', endDate: days.at(-1) ?? '2027-04-09' });
    // Monday 5 Apr 2027: week 13 of c2, and wave 3 of c1 (sent Friday 5 Mar, final since Friday 2 Apr).
    const summary = await run(monday('2027-04-05'));
    expect(summary.runs).toEqual([expect.objectContaining({ kind: 'digest', sent: 3 }), expect.objectContaining({ kind: 'digest', sent: 3 })]);
    expect(await world.repos.sendClaims.get('digest', '2027-W13', 'publiekszaken|m-a-nl')).toMatchObject({ state: 'sent' });
    expect(await world.repos.sendClaims.get('digest', 'wavefinal|c1|w3', 'publiekszaken|m-a-nl')).toMatchObject({ state: 'sent' });
    const texts = deliveriesTo('m-a-nl').slice(-2).map((d) => cardText(deliveredCard(d.body)));
    expect(texts.some((t) => t.includes('Weekoverzicht Publiekszaken') && t.includes('Voorjaar'))).toBe(true);
    // Nobody answered wave 3: the card says the team is too small to show anything, not "0%".
    expect(texts.some((t) => t.includes('12 weken na de challenge') && t.includes('Te weinig collega’s'))).toBe(true);
    const again = await run(monday('2027-04-05'), false, 'instance-b');
    expect(again.runs.map((r) => r.sent)).toEqual([0, 0]);
  });
});
