import type { InboxResponse, TriageResponse } from '@soestainable/shared/api/inbox';
import { startTabApi, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/** The inbox and "herken ik" (issue 16): sorted by recognitions with the count, merging adds them up (one per person). */

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

const barrier = (text: string, teamId: string = TAB_TEAMS.big) =>
  h.repos.barriers.create({ orgId: ORG, campaignId: h.campaign.campaignId, teamId, theme: 'circulariteit', text });

it('sorts by recognitions, shows the count and never who; merging adds them up, one per person, also when repeated', async () => {
  const quiet = await barrier('Geen afvalbakken bij de ingang');
  const popular = await barrier('Alleen plastic bekers in de kantine');
  const duplicate = await barrier('Kantine heeft plastic bekertjes');
  const other = await barrier('Printers printen enkelzijdig', TAB_TEAMS.small);
  for (const user of ['u1', 'u2', 'u3']) await h.repos.recognitions.recognise(ORG, popular.barrierId, user);
  for (const user of ['u3', 'u4']) await h.repos.recognitions.recognise(ORG, duplicate.barrierId, user, true);
  for (const user of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) await h.repos.recognitions.recognise(ORG, other.barrierId, user);

  const inbox = await h.api<InboxResponse>('GET', '/api/inbox', { token: coordinator });
  expect(inbox.status).toBe(200);
  expect(inbox.body.groups[0]?.teamId).toBe(TAB_TEAMS.small);
  const group = inbox.body.groups.find((g) => g.theme === 'circulariteit' && g.teamId === TAB_TEAMS.big);
  expect(group?.barriers.map((b) => [b.barrierId, b.recognitions])).toEqual([
    [popular.barrierId, 3],
    [duplicate.barrierId, 2],
    [quiet.barrierId, 0],
  ]);
  expect(JSON.stringify(inbox.body)).not.toMatch(/"u[1-6]"/);

  const body = { barrierIds: [duplicate.barrierId], intoBarrierId: popular.barrierId };
  const merged = await h.api<TriageResponse>('POST', '/api/inbox/merge', { token: coordinator, body });
  expect(merged.status).toBe(200);
  expect(await h.repos.recognitions.count(ORG, popular.barrierId)).toBe(4);
  expect(await h.repos.recognitions.count(ORG, duplicate.barrierId)).toBe(0);
  expect((await h.repos.recognitions.listByBarrier(ORG, popular.barrierId)).find((r) => r.userId === 'u4')?.notify).toBe(true);
  const again = await h.api<TriageResponse>('POST', '/api/inbox/merge', { token: coordinator, body });
  expect(again.body.changed).toBe(false);
  expect(await h.repos.recognitions.count(ORG, popular.barrierId)).toBe(4);
});
