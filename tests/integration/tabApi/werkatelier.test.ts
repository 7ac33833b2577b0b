import { WERKATELIER_CSV_COLUMNS, type WerkatelierResponse } from '@soestainable/shared/api/werkatelier';
import type { LastingOrgResponse } from '@soestainable/shared/api/lasting';
import { challengeById } from '@soestainable/shared/catalogue';
import { AUTUMN, HABIT_A, HABIT_B, HABIT_C, seedLasting } from '../../helpers/lastingFixture';
import { startTabApi, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/** The werkatelier sheet (issue 16, item 4) through the real server: per theme or all, JSON and CSV, coordinators only. */

type ErrorBody = { code: string; details?: { issues?: Array<{ path: string; rule: string }> } };
const ORG = 'soest';
let h: TabApiHarness;
let coordinator: string;

beforeAll(async () => {
  h = await startTabApi();
  coordinator = await h.tokenFor(TAB_USERS.coordinator);
});
afterAll(async () => {
  await h?.close();
});

it('lists the most recognised open barriers with their action, owner and status, and the ideas, per theme; the same as CSV', async () => {
  const base = { orgId: ORG, campaignId: h.campaign.campaignId, teamId: TAB_TEAMS.big };
  const cups = await h.repos.barriers.create({ ...base, theme: 'circulariteit', text: 'Alleen plastic bekers in de kantine' });
  const bins = await h.repos.barriers.create({ ...base, theme: 'circulariteit', text: '=Geen afvalbakken; bij de ingang' });
  const lamps = await h.repos.barriers.create({ ...base, theme: 'energietransitie', text: 'De lampen branden de hele nacht' });
  const closed = await h.repos.barriers.create({ ...base, theme: 'circulariteit', text: 'Afgewezen prikkel' });
  await h.repos.barriers.update(ORG, closed.barrierId, (c) => ({ ...c, status: 'afgewezen', dismissReason: 'buiten bereik' }));
  const { action } = await h.repos.actions.create(
    { orgId: ORG, title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' }, description: { nl: '', en: '' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair', status: 'gepland' },
    TAB_USERS.coordinator,
  );
  await h.repos.actions.linkBarriers(ORG, action.actionId, [cups.barrierId], TAB_USERS.coordinator);
  await h.repos.barriers.update(ORG, cups.barrierId, (c) => ({ ...c, status: 'gekoppeld', actionId: action.actionId }));
  for (const u of ['a', 'b', 'c']) await h.repos.recognitions.recognise(ORG, cups.barrierId, u);
  await h.repos.recognitions.recognise(ORG, bins.barrierId, 'a');
  await h.repos.ideas.create({ ...base, theme: 'circulariteit', text: 'Een waterkoeler op elke verdieping' });

  const res = await h.api<WerkatelierResponse>('GET', '/api/werkatelier?theme=circulariteit', { token: coordinator });
  expect(res.status).toBe(200);
  expect(res.body.theme).toBe('circulariteit');
  expect(res.body.barriers.map((b) => [b.barrierId, b.recognitions])).toEqual([
    [cups.barrierId, 3],
    [bins.barrierId, 1],
  ]);
  expect(res.body.barriers[0]?.action).toEqual({ actionId: action.actionId, title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' }, owner: 'Facilitair', status: 'gepland' });
  expect(res.body.ideas.map((i) => i.text)).toContain('Een waterkoeler op elke verdieping');
  expect(JSON.stringify(res.body)).not.toMatch(/"[abc]"|contactUserId/);
  const all = await h.api<WerkatelierResponse>('GET', '/api/werkatelier', { token: coordinator });
  expect(all.body.theme).toBeNull();
  expect(all.body.barriers.map((b) => b.barrierId)).toContain(lamps.barrierId);

  const csv = await fetch(`${h.base}/api/werkatelier.csv?theme=circulariteit`, { headers: { authorization: `Bearer ${coordinator}` } });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(csv.headers.get('content-disposition')).toBe('attachment; filename="soestainable-werkatelier-circulariteit.csv"');
  const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe(WERKATELIER_CSV_COLUMNS.join(';'));
  expect(lines[1]).toContain('barrier;');
  expect(lines[1]).toContain(';3;Alleen plastic bekers in de kantine;Herbruikbare bekers;Facilitair;gepland');
  // A text that starts like a formula is neutralised; one with the separator is quoted.
  expect(lines[2]).toContain(`"'=Geen afvalbakken; bij de ingang"`);
  expect(lines.some((l) => l.startsWith('idea;'))).toBe(true);
});

it("adds the organisation's kept share per wave per habit of the theme: the org view's cells, with the same hiding", async () => {
  const before = await h.api<WerkatelierResponse>('GET', '/api/werkatelier', { token: coordinator });
  expect(before.body.lasting?.campaign.campaignId).toBe(h.campaign.campaignId); // only the running campaign so far
  await seedLasting(h.repos);
  const org = await h.api<LastingOrgResponse>('GET', '/api/org/lasting', { token: coordinator });
  expect(org.body.campaign?.campaignId).toBe(AUTUMN.campaignId);
  const orgCell = (wave: number, id: string) => org.body.figures?.waves.find((w) => w.wave === wave)?.habits.find((x) => x.challengeId === id)?.cell;

  const res = await h.api<WerkatelierResponse>('GET', '/api/werkatelier?theme=circulariteit', { token: coordinator });
  expect(res.status).toBe(200);
  const lasting = res.body.lasting;
  expect(lasting?.campaign.campaignId).toBe(AUTUMN.campaignId);
  expect(lasting?.minimumGroupSize).toBe(5);
  const ids = lasting?.habits.map((x) => x.challengeId) ?? [];
  expect(ids).toEqual(expect.arrayContaining([HABIT_A, HABIT_C]));
  expect(ids).not.toContain(HABIT_B);
  expect(ids.every((id) => challengeById(id)?.theme === 'circulariteit')).toBe(true);
  // Wave 1 is final: A (everyone in Publiekszaken) shows as in the org view; C (only the manager) stays hidden.
  const wave1 = lasting?.waves.find((w) => w.wave === 1);
  expect(wave1?.state).toBe('final');
  expect(wave1?.habits.find((x) => x.challengeId === HABIT_A)?.cell).toEqual(orgCell(1, HABIT_A));
  expect(wave1?.habits.find((x) => x.challengeId === HABIT_A)?.cell.hidden).toBe(false);
  expect(wave1?.habits.find((x) => x.challengeId === HABIT_C)?.cell).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
  for (const w of lasting?.waves ?? []) {
    expect('overall' in w).toBe(false); // an overall spans every theme: not on a theme's sheet
    expect(w.habits.map((x) => x.challengeId)).toEqual(ids.filter((id) => w.habits.some((x) => x.challengeId === id)));
  }
  const energy = await h.api<WerkatelierResponse>('GET', '/api/werkatelier?theme=energietransitie', { token: coordinator });
  expect(energy.body.lasting?.waves.find((w) => w.wave === 1)?.habits.find((x) => x.challengeId === HABIT_B)?.cell).toEqual(orgCell(1, HABIT_B));
  const all = await h.api<WerkatelierResponse>('GET', '/api/werkatelier', { token: coordinator });
  expect(all.body.lasting?.habits).toEqual(org.body.habits);

  // The CSV: a row per final wave and habit of the theme; a shown cell with its answers and shares, a hidden one without.
  const csv = await fetch(`${h.base}/api/werkatelier.csv?theme=circulariteit`, { headers: { authorization: `Bearer ${coordinator}` } });
  const rows = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(rows[0]).toBe(WERKATELIER_CSV_COLUMNS.join(';'));
  const lastingRows = rows.filter((r) => r.startsWith('lasting;'));
  expect(lastingRows.every((r) => r.split(';').length === WERKATELIER_CSV_COLUMNS.length)).toBe(true);
  const final = lasting?.waves.filter((w) => w.state === 'final').length ?? 0;
  expect(lastingRows).toHaveLength(final * ids.length);
  const cellA = orgCell(1, HABIT_A);
  if (!cellA || cellA.hidden) throw new Error('habit A should show');
  const phraseOf = (id: string) => lasting?.habits.find((x) => x.challengeId === id)?.phrase.nl ?? '';
  const num = (n: number) => String(n).replace('.', ',');
  expect(lastingRows).toContain(`lasting;;circulariteit;;shown;;${phraseOf(HABIT_A)};;;;2;${num(cellA.answers)};${num(cellA.ja)};${num(cellA.soms)};${num(cellA.nee)}`);
  expect(lastingRows).toContain(`lasting;;circulariteit;;hidden;;${phraseOf(HABIT_C)};;;;2;;;;`);
});

it('refuses an unknown theme and anyone but a coordinator', async () => {
  const bad = await h.api<ErrorBody>('GET', '/api/werkatelier?theme=klimaat', { token: coordinator });
  expect([bad.status, bad.body.details?.issues]).toEqual([400, [{ path: 'query.theme', rule: 'unknown_theme' }]]);
  const employee = await h.tokenFor(TAB_USERS.employee);
  expect((await h.api<ErrorBody>('GET', '/api/werkatelier', { token: employee })).status).toBe(403);
  expect((await fetch(`${h.base}/api/werkatelier.csv`, { headers: { authorization: `Bearer ${employee}` } })).status).toBe(403);
  expect((await fetch(`${h.base}/api/werkatelier.csv?theme=klimaat`, { headers: { authorization: `Bearer ${coordinator}` } })).status).toBe(400);
});
