import type { KeptShares, LastingTeamResponse } from '@soestainable/shared/api';
import { formatPercent } from '@soestainable/bot/cards/format';
import { createDigestsJob } from '@soestainable/bot/jobs/digests';
import { addCalendarDays } from '@soestainable/shared/calendar';
import { campaignWaves } from '@soestainable/shared/domain/followUp';
import type { IsoDate } from '@soestainable/shared/domain/types';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { cardText } from '../../helpers/cards';
import { HABIT_C, seedLasting, SUMMER, THIRD_TEAM, THIRD_TEAM_MEMBERS } from '../../helpers/lastingFixture';
import { participant } from '../../helpers/orgFixture';
import { startTabApi, TAB_TEAMS, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';
import { addConversationOn, deliveredCard, jobDepsOver } from './digests.harness';

/**
 * Issue 15: the managers' wave digest and the tab's "what lasted" show the same figures for a team and a wave, so
 * one can never be subtracted from the other. The tab API's own organisation and the lasting fixture
 * (tests/helpers/lastingFixture.ts): in `zomer-2026` Publiekszaken pledged A and B, only its manager pledged C (a
 * habit the tab hides); wave 2 had four answers (all hidden). The digests job runs on the same rows, once per wave
 * on the first Monday its answers are final; each card is compared with the tab's answer over HTTP.
 */
const MINIMUM = 5;

function firstMondayFrom(date: IsoDate): IsoDate {
  let day = date;
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = addCalendarDays(day, 1);
  return day;
}

const line = (cell: KeptShares): string =>
  `${formatPercent(cell.ja, 'nl')} ja · ${formatPercent(cell.soms, 'nl')} soms · ${formatPercent(cell.nee, 'nl')} nee`;

describe('wave digest and tab agree (Azurite, real HTTP)', () => {
  const connector = new LimitedConnector();
  let h: TabApiHarness;
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    await connector.start();
    h = await startTabApi({ minGroupSize: MINIMUM });
    await seedLasting(h.repos);
    await addConversationOn(h.repos, connector, TAB_USERS.manager);
  });
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  it('each final wave: the card holds exactly the overall and the habits the tab shows for the team, never the hidden habit', async () => {
    const tab = await h.api<LastingTeamResponse>('GET', `/api/teams/${TAB_TEAMS.big}/lasting?campaignId=${SUMMER.campaignId}`, {
      token: await h.tokenFor(TAB_USERS.manager),
    });
    expect(tab.status).toBe(200);
    const waves = tab.body.figures?.waves ?? [];
    expect(waves.map((w) => w.state)).toEqual(['final', 'final', 'final']);
    const job = createDigestsJob(jobDepsOver(h.repos, h.config, logs));

    for (const wave of campaignWaves(SUMMER)) {
      const shown = waves.find((w) => w.wave === wave.wave);
      if (!shown) throw new Error(`the tab has no wave ${wave.wave}`);
      const before = connector.deliveries.length;
      await job.run({ at: new Date(`${firstMondayFrom(wave.openUntil)}T07:30:00Z`), dryRun: false });
      // The autumn campaign's weekly digest may go out in the same run: the wave digest is the one titled so.
      const mine = connector.deliveries
        .slice(before)
        .filter((d) => d.conversationId === `conv-${TAB_USERS.manager}`)
        .map((d) => cardText(deliveredCard(d.body)))
        .filter((t) => t.startsWith(`Terugblik Publiekszaken: ${wave.weeks} weken`));
      expect(mine).toHaveLength(1);
      const text = mine[0] ?? '';

      const habit = shown.habits.find((x) => x.challengeId === HABIT_C)?.cell;
      expect(habit?.hidden).toBe(true);
      if (shown.overall === null || shown.overall.hidden) {
        // Wave 2: the tab hides the team's overall, so the digest shows no number at all.
        expect(wave.wave).toBe(2);
        expect(text).toContain('Te weinig collega’s');
        expect(text).not.toMatch(/\d+%/);
        continue;
      }
      const cells = shown.habits.flatMap((x) => (x.cell.hidden ? [] : [x.cell]));
      expect(cells).toHaveLength(2);
      expect(text).toContain(`${line(shown.overall)} (van ${shown.overall.answers} voornemens)`);
      for (const cell of cells) expect(text).toContain(`${line(cell)} (${cell.answers} antwoorden)`);
      // The overall adds up the habits shown only, as in the tab: the manager's own "nee" on C is in neither.
      expect(shown.overall.answers).toBe(cells.reduce((n, c) => n + c.answers, 0));
      expect(text).toContain('Andere gewoonten');
      // Every percentage on the card is one the tab shows (the wave before is the tab's previous overall).
      const tabPercents = new Set(
        waves.flatMap((w) => [w.overall, ...w.habits.map((x) => x.cell)]).flatMap((c) => (c && !c.hidden ? [c.ja, c.soms, c.nee].map((v) => formatPercent(v, 'nl')) : [])),
      );
      for (const percent of text.match(/\d+%/g) ?? []) expect(tabPercents.has(percent)).toBe(true);
    }
  });
});

describe('wave digest and tab agree on a team with a paused member (Azurite, real HTTP)', () => {
  const connector = new LimitedConnector();
  let h: TabApiHarness;

  beforeAll(async () => {
    // Derde answers every wave with all five members; one of them has paused since. Four active people: under the
    // minimum, however many answered (the rule of the dashboards, shared/src/privacy discloseTeamBlocks).
    await connector.start();
    h = await startTabApi({ minGroupSize: MINIMUM });
    await seedLasting(h.repos);
    await h.repos.orgTeams.save({ orgId: 'soest', teamId: THIRD_TEAM, name: 'Derde', managerIds: [TAB_USERS.otherManager], demo: false });
    await h.repos.participants.save(participant({ userId: THIRD_TEAM_MEMBERS[4], teamId: THIRD_TEAM, tenantId: TAB_TENANT, status: 'paused' }));
    await addConversationOn(h.repos, connector, TAB_USERS.otherManager);
  });
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  it('the tab hides every cell of the team, and the digest shows no number', async () => {
    const tab = await h.api<LastingTeamResponse>('GET', `/api/teams/${THIRD_TEAM}/lasting?campaignId=${SUMMER.campaignId}`, {
      token: await h.tokenFor(TAB_USERS.otherManager),
    });
    expect(tab.status).toBe(200);
    const waves = tab.body.figures?.waves ?? [];
    expect(waves.map((w) => [w.state, w.overall?.hidden, w.habits.every((x) => x.cell.hidden)])).toEqual([
      ['final', true, true],
      ['final', true, true],
      ['final', true, true],
    ]);
    expect(tab.body.figures?.surveys.baseline.hidden).toBe(true);

    const [wave] = campaignWaves(SUMMER);
    if (!wave) throw new Error('no wave');
    const before = connector.deliveries.length;
    await createDigestsJob(jobDepsOver(h.repos, h.config, [])).run({ at: new Date(`${firstMondayFrom(wave.openUntil)}T07:30:00Z`), dryRun: false });
    const mine = connector.deliveries
      .slice(before)
      .filter((d) => d.conversationId === `conv-${TAB_USERS.otherManager}`)
      .map((d) => cardText(deliveredCard(d.body)))
      .filter((t) => t.startsWith(`Terugblik Derde: ${wave.weeks} weken`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain('Te weinig collega’s');
    expect(mine[0]).not.toMatch(/\d+%/);
  });
});
