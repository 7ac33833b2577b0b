import type {
  ApiErrorBody,
  KeptCell,
  LastingOrgResponse,
  LastingReportResponse,
  LastingTeamResponse,
  LastingWave,
  MyLastingResponse,
  MyPledge,
} from '@soestainable/shared/api';
import { AUTUMN, HABIT_A, HABIT_B, HABIT_C, seedLasting, SUMMER, THIRD_TEAM, THIRD_TEAM_MEMBERS } from '../../helpers/lastingFixture';
import { startTabApi, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * "What lasted" over real HTTP on Azurite (issue 15, item 4): nulmeting → eindmeting and kept pledges per wave
 * for a team, the organisation and the report, with the minimum group size and the residual rule on every cell;
 * and my own pledges, end survey and answers, with the pledge change and its refusals. Fixture:
 * tests/helpers/lastingFixture.ts (minimum group size 5).
 */

const MINIMUM = 5;

/** Every object in `value` that is a cell (has `hidden`), with where it was found. */
function cells(value: unknown, path = '$'): Array<{ path: string; cell: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => cells(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const obj = value as Record<string, unknown>;
  const own = 'hidden' in obj ? [{ path, cell: obj }] : [];
  return [...own, ...Object.entries(obj).flatMap(([k, v]) => cells(v, `${path}.${k}`))];
}

/** The group-size rule on every cell: shown ones stand for at least the minimum, hidden ones carry no number. */
function expectEveryCellGated(body: unknown): void {
  const all = cells(body);
  expect(all.length).toBeGreaterThan(0);
  for (const { path, cell } of all) {
    if (cell['hidden'] === true) {
      expect({ path, keys: Object.keys(cell).sort() }).toEqual({ path, keys: ['hidden', 'reason'] });
    } else {
      const basis = (cell['answers'] ?? cell['respondents']) as number;
      expect({ path, ok: basis >= MINIMUM }).toEqual({ path, ok: true });
    }
  }
}

const answersOf = (cell: KeptCell | null | undefined): number => (cell && !cell.hidden ? cell.answers : 0);
const habit = (wave: LastingWave | undefined, id: string): KeptCell | undefined => wave?.habits.find((h) => h.challengeId === id)?.cell;

describe('tab API: what lasted', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ minGroupSize: MINIMUM });
    await seedLasting(h.repos);
  });
  afterAll(() => h.close());

  const get = async <T>(path: string, userId: string) => h.api<T & ApiErrorBody>('GET', path, { token: await h.tokenFor(userId) });
  const team = (teamId: string, userId: string, campaignId = SUMMER.campaignId) => get<LastingTeamResponse>(`/api/teams/${teamId}/lasting?campaignId=${campaignId}`, userId);
  const org = (userId: string, campaignId = SUMMER.campaignId) => get<LastingOrgResponse>(`/api/org/lasting?campaignId=${campaignId}`, userId);

  it('defaults to the campaign that ended last with follow-ups, and lists the campaigns to choose from', async () => {
    const res = await get<LastingOrgResponse>('/api/org/lasting', TAB_USERS.employee);
    expect(res.status).toBe(200);
    expect(res.body.campaign).toMatchObject({ campaignId: AUTUMN.campaignId, lastDay: '2026-10-09' });
    // The running campaign is listed too; ended ones newest first.
    expect(res.body.campaigns.map((c) => c.campaignId)).toEqual([h.campaign.campaignId, AUTUMN.campaignId, SUMMER.campaignId]);
    expect(res.body.habits.map((x) => x.challengeId)).toEqual(AUTUMN.dayPlan);
    // Wave 1 is final, wave 2 still takes answers (its figures would move with one person's answer), wave 3 is planned.
    expect(res.body.figures?.waves.map((w) => [w.wave, w.state, w.sendOn])).toEqual([
      [1, 'final', '2026-10-23'],
      [2, 'open', '2026-11-20'],
      [3, 'planned', '2027-01-04'],
    ]);
    expect(res.body.figures?.waves.slice(1).map((w) => [w.overall, w.habits])).toEqual([
      [null, []],
      [null, []],
    ]);
    expectEveryCellGated(res.body);
  });

  it("a team's view: nulmeting → eindmeting, and per final wave the share kept per habit and overall", async () => {
    const res = await team(TAB_TEAMS.big, TAB_USERS.employee);
    expect(res.status).toBe(200);
    const { figures } = res.body;
    expect(res.body).toMatchObject({ teamId: TAB_TEAMS.big, teamName: 'Publiekszaken', campaign: { campaignId: SUMMER.campaignId } });
    // Six people answered both surveys: by car at the baseline, by bike at the end.
    expect(figures?.surveys.baseline).toMatchObject({ hidden: false, respondents: 6, questions: { commuteMode: { auto: 1, fiets: 0 } } });
    expect(figures?.surveys.end).toMatchObject({ hidden: false, respondents: 6, questions: { commuteMode: { auto: 0, fiets: 1 } } });
    expect(figures?.surveys.endFinal).toBe(true);
    const [w1, w2, w3] = figures?.waves ?? [];
    expect(figures?.waves.map((w) => w.state)).toEqual(['final', 'final', 'final']);
    expect(habit(w1, HABIT_A)).toEqual({ hidden: false, answers: 6, ja: 1, soms: 0, nee: 0 });
    expect(habit(w1, HABIT_B)).toEqual({ hidden: false, answers: 5, ja: 0, soms: 1, nee: 0 });
    // One person pledged C: hidden, and kept out of the overall (else overall minus A and B would be their answer).
    expect(habit(w1, HABIT_C)).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    expect(w1?.overall).toEqual({ hidden: false, answers: 11, ja: 0.5455, soms: 0.4545, nee: 0 });
    expect(w3?.overall).toEqual(w1?.overall);
    // Wave 2: four people answered, under the minimum: every cell of that wave is hidden.
    expect(w2?.overall).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    expect(w2?.habits.every((x) => x.cell.hidden)).toBe(true);
    expectEveryCellGated(res.body);
  });

  it('a team under the minimum shows no number in any cell', async () => {
    const res = await team(TAB_TEAMS.small, TAB_USERS.smallTeamMember);
    expect(res.status).toBe(200);
    expect(res.body.figures?.surveys.baseline).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    expect(res.body.figures?.surveys.end).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    for (const w of res.body.figures?.waves ?? []) {
      expect(w.overall).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
      expect(w.habits.every((x) => x.cell.hidden)).toBe(true);
    }
    expectEveryCellGated(res.body);
  });

  it('the organisation: hidden teams only as one residual group, so the organisation minus the teams shown is never one small team', async () => {
    const res = await org(TAB_USERS.employee);
    expect(res.status).toBe(200);
    const figures = res.body.figures;
    expectEveryCellGated(res.body);
    // Surveys: Publiekszaken (6) and Derde (5) shown; Buitendienst (4) alone is no residual group and stays out.
    expect(figures?.surveys.baseline).toMatchObject({ hidden: false, respondents: 11 });
    expect(figures?.surveys.end).toMatchObject({ hidden: false, respondents: 11, questions: { commuteMode: { fiets: 1, lopen: 0 } } });
    const teams = await Promise.all([
      team(TAB_TEAMS.big, TAB_USERS.coordinator),
      team(TAB_TEAMS.small, TAB_USERS.coordinator),
      team(THIRD_TEAM, TAB_USERS.coordinator),
    ]);
    for (const [i, w] of (figures?.waves ?? []).entries()) {
      for (const id of [HABIT_A, HABIT_B, HABIT_C]) {
        const rest = answersOf(habit(w, id)) - teams.reduce((n, t) => n + answersOf(habit(t.body.figures?.waves[i], id)), 0);
        expect({ wave: w.wave, id, rest: rest === 0 || rest >= MINIMUM }).toEqual({ wave: w.wave, id, rest: true });
      }
      const rest = answersOf(w.overall) - teams.reduce((n, t) => n + answersOf(t.body.figures?.waves[i]?.overall), 0);
      expect({ wave: w.wave, rest: rest === 0 || rest >= MINIMUM }).toEqual({ wave: w.wave, rest: true });
    }
    const [w1, w2] = figures?.waves ?? [];
    // Wave 1: A of Publiekszaken (6, ja) and Derde (5, nee); Buitendienst's 4 stay out; C (1 person) is hidden.
    expect(habit(w1, HABIT_A)).toEqual({ hidden: false, answers: 11, ja: 0.5455, soms: 0, nee: 0.4545 });
    expect(habit(w1, HABIT_C)).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    // Wave 2: Publiekszaken's 4 answers are hidden and alone (Buitendienst did not answer): only Derde counts, so
    // the organisation minus Derde gives nothing of Publiekszaken's small wave.
    expect(habit(w2, HABIT_A)).toEqual({ hidden: false, answers: 5, ja: 0, soms: 0, nee: 1 });
    expect(habit(w2, HABIT_B)).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    expect(w2?.overall).toEqual({ hidden: false, answers: 5, ja: 0, soms: 0, nee: 1 });
  });

  it('the report: the organisation and every team, each team cell gated, for coordinators only', async () => {
    const res = await get<LastingReportResponse>(`/api/report/lasting?campaignId=${SUMMER.campaignId}`, TAB_USERS.coordinator);
    expect(res.status).toBe(200);
    expectEveryCellGated(res.body);
    expect(res.body.teams.map((t) => [t.name, t.waves.map((w) => (w.overall && !w.overall.hidden ? w.overall.answers : 'hidden'))])).toEqual([
      ['Buitendienst', ['hidden', 'hidden', 'hidden']],
      ['Derde', [5, 5, 5]],
      ['Publiekszaken', [11, 'hidden', 11]],
    ]);
    const refused = await get<LastingReportResponse>('/api/report/lasting', TAB_USERS.manager);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });

  it("refuses another team's view (403), an unknown team and an unknown campaign (404)", async () => {
    for (const [teamId, who] of [
      [TAB_TEAMS.big, TAB_USERS.smallTeamMember],
      [TAB_TEAMS.big, TAB_USERS.otherManager],
      [TAB_TEAMS.small, TAB_USERS.outsider],
    ] as const) {
      const res = await team(teamId, who);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('answers');
    }
    expect((await team(TAB_TEAMS.big, TAB_USERS.manager)).status).toBe(200);
    expect((await team('geen-team', TAB_USERS.coordinator)).status).toBe(404);
    const unknown = await org(TAB_USERS.employee, 'no-such-campaign');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });
});

describe('tab API: my pledges, end survey and answers', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ minGroupSize: MINIMUM });
    await seedLasting(h.repos);
  });
  afterAll(() => h.close());

  const me = async (userId: string) => h.api<MyLastingResponse>('GET', '/api/me/lasting', { token: await h.tokenFor(userId) });
  const put = async (userId: string, campaignId: string, body: unknown) =>
    h.api<MyPledge & ApiErrorBody>('PUT', `/api/me/pledges/${campaignId}`, { token: await h.tokenFor(userId), body });

  it('shows my pledges (newest campaign first), my end survey beside my baseline, and my answers per wave', async () => {
    const res = await me('aad-pz-01');
    expect(res.status).toBe(200);
    expect(res.body.enrolled).toBe(true);
    expect(res.body.pledges.map((p) => [p.campaign.campaignId, p.challengeIds, p.editable])).toEqual([
      [AUTUMN.campaignId, [HABIT_A, HABIT_B], true],
      [SUMMER.campaignId, [HABIT_A, HABIT_B], true],
    ]);
    expect(res.body.pledges[0]?.choices).toHaveLength(10);
    expect(res.body.endSurveys.find((s) => s.campaignId === SUMMER.campaignId)).toMatchObject({
      answers: { commuteMode: 'fiets', screensOffAtNight: 'no' },
      baseline: { commuteMode: 'auto' },
    });
    const summer = res.body.waves.filter((w) => w.campaignId === SUMMER.campaignId);
    expect(summer.map((w) => [w.wave, w.sendOn, w.answers.map((a) => a.kept)])).toEqual([
      [1, '2026-06-26', ['ja', 'soms']],
      [2, '2026-07-24', ['ja', 'soms']],
      [3, '2026-09-04', ['ja', 'soms']],
    ]);
    expect(summer[0]?.answers[0]?.phrase.nl).toBe('Ik neem elke dag mijn eigen beker of fles mee.');
  });

  it('someone who never joined gets an empty answer, not someone else’s', async () => {
    const res = await me(TAB_USERS.outsider);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enrolled: false, pledges: [], endSurveys: [], waves: [] });
  });

  it('changes my pledge with the bot’s rules and shows it', async () => {
    const res = await put('aad-pz-02', SUMMER.campaignId, { challengeIds: [HABIT_C, HABIT_A], help: '  Een mok op mijn bureau.  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ challengeIds: [HABIT_C, HABIT_A], help: 'Een mok op mijn bureau.' });
    const stored = await h.repos.pledges.get('aad-pz-02', SUMMER.campaignId);
    expect(stored).toMatchObject({ challengeIds: [HABIT_C, HABIT_A], help: 'Een mok op mijn bureau.', createdAt: `${SUMMER.endDate}T10:00:00.000Z` });
    // Without a help text the pledge has none (the pledge as sent replaces the old one, as on the card).
    const again = await put('aad-pz-02', SUMMER.campaignId, { challengeIds: [HABIT_B] });
    expect(again.body).toMatchObject({ challengeIds: [HABIT_B], help: null });
    // The log line says how many, never which text.
    expect(h.logs.join('\n')).not.toContain('Een mok op mijn bureau');
  });

  it.each([
    ['no habit', { challengeIds: [] }],
    ['four habits', { challengeIds: [HABIT_A, HABIT_B, HABIT_C, SUMMER.dayPlan[3]] }],
    ['a habit twice', { challengeIds: [HABIT_A, HABIT_A] }],
    ['a habit not of the campaign', { challengeIds: [HABIT_A, 'zelfbedacht'] }],
    ['a help text over 500 characters', { challengeIds: [HABIT_A], help: 'x'.repeat(501) }],
    ['an unknown field', { challengeIds: [HABIT_A], extra: true }],
    ['no body fields', {}],
  ])('refuses %s (400) and stores nothing', async (_label, body) => {
    const before = await h.repos.pledges.get('aad-pz-03', SUMMER.campaignId);
    const res = await put('aad-pz-03', SUMMER.campaignId, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await h.repos.pledges.get('aad-pz-03', SUMMER.campaignId)).toEqual(before);
  });

  it('refuses a campaign I made no pledge for, or an unknown one (404), and someone who never joined (403)', async () => {
    const none = await put(THIRD_TEAM_MEMBERS[0], AUTUMN.campaignId, { challengeIds: [HABIT_A] });
    expect(none.status).toBe(404);
    expect(await h.repos.pledges.get(THIRD_TEAM_MEMBERS[0], AUTUMN.campaignId)).toBeUndefined();
    expect((await put('aad-pz-03', 'no-such-campaign', { challengeIds: [HABIT_A] })).status).toBe(404);
    const outsider = await put(TAB_USERS.outsider, SUMMER.campaignId, { challengeIds: [HABIT_A] });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('FORBIDDEN');
  });
});
