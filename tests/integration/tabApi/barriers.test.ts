import type { BarriersResponse, RecognitionResponse } from '@soestainable/shared/api/barriers';
import { startTabApi, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/** The tab's Prikkels page API (issue 16): the list, "herken ik" over HTTP, and every bad input. */

type ErrorBody = { code: string; details?: { status?: string; barrierId?: string; rule?: string } };
const ORG = 'soest';
let h: TabApiHarness;
let employee: string;
let colleague: string;

beforeAll(async () => {
  h = await startTabApi();
  employee = await h.tokenFor(TAB_USERS.employee);
  colleague = await h.tokenFor(TAB_USERS.manager);
});
afterAll(async () => {
  await h?.close();
});

const barrier = (text: string, teamId: string = TAB_TEAMS.big) =>
  h.repos.barriers.create({ orgId: ORG, campaignId: h.campaign.campaignId, teamId, theme: 'circulariteit', text });
const put = (token: string, id: string, body: unknown) => h.api<RecognitionResponse & ErrorBody>('PUT', `/api/barriers/${encodeURIComponent(id)}/recognition`, { token, body });

describe('the Prikkels page API', () => {
  it('lists open barriers of the team, recognises once (also at once from two tabs), withdraws, and never says who', async () => {
    const b = await barrier('Alleen plastic bekers in de kantine');
    const list = await h.api<BarriersResponse>('GET', '/api/barriers', { token: employee });
    expect(list.status).toBe(200);
    expect(list.body.items.find((i) => i.barrierId === b.barrierId)).toMatchObject({ recognitions: 0, mine: false, open: true, action: null });

    const twice = await Promise.all([put(employee, b.barrierId, { on: true }), put(employee, b.barrierId, { on: true }), put(employee, b.barrierId, { on: true, notify: true })]);
    expect(twice.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(twice.filter((r) => r.body.outcome === 'recognised')).toHaveLength(1);
    const other = await put(colleague, b.barrierId, { on: true });
    expect(other.body).toMatchObject({ outcome: 'recognised', item: { recognitions: 2, mine: true, notify: false } });
    expect(JSON.stringify(other.body)).not.toContain(TAB_USERS.employee);
    const off = await put(employee, b.barrierId, { on: false });
    expect(off.body).toMatchObject({ outcome: 'withdrawn', item: { recognitions: 1, mine: false } });
    expect((await put(employee, b.barrierId, { on: false })).body.outcome).toBe('already');
    expect(await h.repos.recognitions.count(ORG, b.barrierId)).toBe(1);
  });

  it('refuses a closed, deleted or foreign barrier, bad bodies and someone who never joined; the count stays exact', async () => {
    const keep = await barrier('Printers printen standaard enkelzijdig');
    const merged = await barrier('Printer print enkelzijdig');
    await h.repos.barriers.update(ORG, merged.barrierId, (c) => ({ ...c, status: 'samengevoegd', duplicateOf: keep.barrierId }));
    const refused = await put(employee, merged.barrierId, { on: true });
    expect([refused.status, refused.body.code, refused.body.details?.status]).toEqual([409, 'CONFLICT', 'samengevoegd']);
    const foreign = await h.repos.barriers.create({ orgId: 'amersfoort', campaignId: 'c', teamId: 'x', theme: 'mvoi', text: 'Elders' });
    expect((await put(employee, foreign.barrierId, { on: true })).status).toBe(404);
    expect((await put(employee, 'no-such-barrier', { on: true })).status).toBe(404);
    for (const body of [{}, { on: 'yes' }, { on: true, extra: 1 }, { on: false, notify: true }]) {
      expect([body, (await put(employee, keep.barrierId, body)).status]).toEqual([body, 400]);
    }
    const outsider = await put(await h.tokenFor(TAB_USERS.outsider), keep.barrierId, { on: true });
    expect([outsider.status, outsider.body.details?.rule]).toEqual([403, 'not_enrolled']);
    expect(await h.repos.recognitions.count(ORG, keep.barrierId)).toBe(0);
    expect(await h.repos.recognitions.count(ORG, merged.barrierId)).toBe(0);
    expect(await h.repos.recognitions.count('amersfoort', foreign.barrierId)).toBe(0);
  });
});
