import { isAppError } from '@soestainable/bot/errors';
import { FakeConnector } from '../helpers/fakeConnector';
import { startTabApi, TAB_TEAMS, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../helpers/tabApi';
import { snapshotRows } from './support/rows';

/**
 * OData injection: every user-supplied value that reaches a storage query (a filter, a RowKey range or a point
 * read; bot/src/storage builds them with the `odata` template and encoded keys) is tried with filter syntax,
 * quotes and their encodings — through the real HTTP surfaces (tab API paths, query strings and bodies; the bot's
 * card data and the user id Teams sends) and through the repositories themselves. Properties: no other rows come
 * back, nothing is written, no 5xx; a repository either finds nothing or refuses with a coded error.
 */

const INJECTIONS = [
  "' or 1 eq 1",
  "' or '1' eq '1",
  "x' or PartitionKey ne '",
  "x' or RowKey ne '",
  "PartitionKey ne ''",
  "' or teamId ne '",
  "publiekszaken' or teamId ne '",
  "aad-pz-01' or contactUserId ne '",
  '%27 or 1 eq 1',
  '%27%20or%201%20eq%201',
  "''",
  "'",
  "\\'",
  '"',
  ')',
  "') or true or ('",
  'publieks',
  'publiekszaken|',
  'publiekszaken~',
  '~',
  '*',
  ' ',
];

const SECRET_TEXT = 'Prikkel-van-iemand-anders-7f3a';

describe('odata injection', () => {
  let h: TabApiHarness;
  const connector = new FakeConnector();
  let coordinator: string;
  let employee: string;
  /** The reference codes (P-…, I-…) of the reports with a contact: "mijn gegevens" lists one's own by reference. */
  const references: string[] = [];

  beforeAll(async () => {
    await connector.start();
    h = await startTabApi();
    coordinator = await h.tokenFor(TAB_USERS.coordinator);
    employee = await h.tokenFor(TAB_USERS.employee);
    // Rows that an injection would leak: a barrier and an idea with a contact, in both teams.
    for (const [teamId, contact] of [[TAB_TEAMS.big, 'aad-pz-01'], [TAB_TEAMS.small, 'aad-bd-01']] as const) {
      const barrier = await h.repos.barriers.create({ orgId: 'soest', campaignId: h.campaign.campaignId, teamId, theme: 'circulariteit', text: `${SECRET_TEXT} ${teamId}`, contactUserId: contact });
      const idea = await h.repos.ideas.create({ orgId: 'soest', campaignId: h.campaign.campaignId, teamId, theme: 'mvoi', text: `${SECRET_TEXT} idee ${teamId}`, contactUserId: contact });
      references.push(barrier.reference, idea.reference);
    }
  });
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  const enc = encodeURIComponent;

  it('tab API: injected path and query values find nothing, leak nothing, write nothing and never answer 5xx', async () => {
    const before = await snapshotRows(h.app);
    const failures: string[] = [];
    for (const inj of INJECTIONS) {
      const calls: Array<[string, string, string, unknown?]> = [
        ['GET', `/api/teams/${enc(inj)}/dashboard`, coordinator],
        ['GET', `/api/actions/${enc(inj)}`, employee],
        ['GET', `/api/admin/dayplan?campaignId=${enc(inj)}`, coordinator],
        ['GET', `/api/report?campaignId=${enc(inj)}`, coordinator],
        ['GET', `/api/admin/export.csv?campaignId=${enc(inj)}`, coordinator],
        ['PUT', `/api/me/checkins/${enc(inj)}`, employee, { outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: true, challenge: true }],
        ['PATCH', `/api/actions/${enc(inj)}`, coordinator, { status: 'gepland' }],
        ['POST', `/api/actions/${enc(inj)}/notes`, coordinator, { text: 'x' }],
        ['POST', '/api/inbox/link', coordinator, { barrierIds: [inj], actionId: inj }],
        ['POST', '/api/inbox/merge', coordinator, { barrierIds: [inj], intoBarrierId: `${inj}2` }],
        ['POST', '/api/inbox/dismiss', coordinator, { barrierIds: [inj], reason: 'x' }],
        ['PUT', '/api/admin/coordinators', coordinator, { userIds: [inj] }],
        ['GET', `/api/me/export/${enc(inj)}`, employee],
      ];
      for (const [method, path, token, body] of calls) {
        const res = await h.api(method, path, { token, headers: { 'If-Match': '*' }, ...(body === undefined ? {} : { body }) });
        const text = JSON.stringify(res.body);
        if (res.status >= 500) failures.push(`${method} ${path}: ${res.status}`);
        if (res.status < 300 && method !== 'GET') failures.push(`${method} ${path}: accepted (${res.status})`);
        if (text.includes(SECRET_TEXT)) failures.push(`${method} ${path}: leaked a barrier or idea`);
        if (path.includes('/dashboard') && res.status === 200) failures.push(`${method} ${path}: a dashboard for an injected team id`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotRows(h.app)).toEqual(before);
  });

  it('bot: an injected user id (from.aadObjectId) asking "mijn gegevens" sees none of the contacts stored for others', async () => {
    for (const inj of INJECTIONS.filter((i) => i.trim() !== '')) {
      const from = connector.calls.length;
      const res = await fetch(`${h.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', id: 'inj-1', text: 'mijn gegevens', locale: 'nl-NL', channelId: 'msteams', serviceUrl: connector.url,
          from: { id: '29:inj', aadObjectId: inj }, recipient: { id: '28:bot' },
          conversation: { id: 'conv-inj', conversationType: 'personal', tenantId: TAB_TENANT },
        }),
      });
      expect(res.status).toBe(200);
      const sent = JSON.stringify(connector.calls.slice(from).map((c) => c.body));
      expect(connector.calls.length).toBeGreaterThan(from);
      expect(sent).not.toContain(SECRET_TEXT);
      for (const reference of references) expect(sent).not.toContain(reference);
    }
  });

  it('bot: injected card data (campaign, date, team) is refused and stores nothing', async () => {
    const before = await snapshotRows(h.app);
    const post = (value: unknown) =>
      fetch(`${h.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'invoke', name: 'adaptiveCard/action', id: 'inj-2', value, locale: 'nl-NL', channelId: 'msteams', serviceUrl: connector.url,
          from: { id: '29:pz', aadObjectId: TAB_USERS.employee }, recipient: { id: '28:bot' },
          conversation: { id: `conv-${TAB_USERS.employee}`, conversationType: 'personal', tenantId: TAB_TENANT },
        }),
      });
    for (const inj of INJECTIONS) {
      const answers = { outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: 'true', challenge: 'true' };
      for (const data of [
        { ...answers, campaignId: inj, date: '2026-12-02' },
        { ...answers, campaignId: h.campaign.campaignId, date: inj },
      ]) {
        const res = await post({ action: { type: 'Action.Execute', verb: 'checkin.submit', data } });
        expect(res.status).toBe(200);
      }
      expect((await post({ action: { type: 'Action.Execute', verb: 'settings.team', data: { teamId: inj } } })).status).toBe(200);
    }
    const after = await snapshotRows(h.app);
    // A bot turn stores the conversation reference; nothing else may change.
    expect({ ...after, ConversationRefs: [] }).toEqual({ ...before, ConversationRefs: [] });
    expect((await h.repos.participants.get(TAB_USERS.employee))?.teamId).toBe(TAB_TEAMS.big);
  });

  it('repositories: every query with an injected value finds nothing or refuses with a coded error', async () => {
    const r = h.repos;
    const campaignId = h.campaign.campaignId;
    const failures: string[] = [];
    for (const inj of INJECTIONS) {
      const reads: Array<[string, () => Promise<unknown>]> = [
        ['barriers.list teamId', () => r.barriers.list('soest', { teamId: inj })],
        ['barriers.list campaignId', () => r.barriers.list('soest', { campaignId: inj })],
        ['barriers.listByContact', () => r.barriers.listByContact('soest', inj)],
        ['barriers.list org', () => r.barriers.list(inj)],
        ['barriers.get', () => r.barriers.get('soest', inj)],
        ['barriers.getByReference', () => r.barriers.getByReference('soest', inj)],
        ['ideas.list teamId', () => r.ideas.list('soest', { teamId: inj })],
        ['ideas.listByContact', () => r.ideas.listByContact('soest', inj)],
        ['participants.get', () => r.participants.get(inj)],
        ['participants.listTeamMembers', () => r.participants.listTeamMembers(inj)],
        ['dailyAggregates.listTeam', () => r.dailyAggregates.listTeam(campaignId, inj)],
        ['dailyAggregates.listCampaign', () => r.dailyAggregates.listCampaign(inj)],
        ['checkIns.listForCampaign', () => r.checkIns.listForCampaign('aad-pz-01', inj)],
        ['checkIns.listAll', () => r.checkIns.listAll(inj)],
        ['checkIns.get', () => r.checkIns.get('aad-pz-01', campaignId, inj)],
        ['surveys.listAll', () => r.surveys.listAll(inj)],
        ['orgTeams.get', () => r.orgTeams.get('soest', inj)],
        ['orgTeams.list', () => r.orgTeams.list(inj)],
        ['campaigns.get', () => r.campaigns.get('soest', inj)],
        ['campaigns.list', () => r.campaigns.list(inj)],
        ['actions.get', () => r.actions.get('soest', inj)],
        ['actions.timeline', () => r.actions.timeline(inj)],
        ['conversationRefs.listAll', () => r.conversationRefs.listAll({ kind: 'user', userId: inj })],
        ['sendClaims.inFlight', () => r.sendClaims.inFlight('nudge', inj)],
        ['auditLog.list', () => r.auditLog.list('soest', inj)],
      ];
      for (const [name, read] of reads) {
        try {
          const got = await read();
          const empty = got === undefined || (Array.isArray(got) && got.length === 0);
          if (!empty) failures.push(`${name}(${JSON.stringify(inj)}) returned ${JSON.stringify(got).slice(0, 120)}`);
        } catch (err) {
          if (!isAppError(err, 'KEY_INVALID') && !isAppError(err, 'VALIDATION_FAILED')) {
            failures.push(`${name}(${JSON.stringify(inj)}) threw ${err instanceof Error ? err.name : typeof err} ${String((err as { code?: unknown }).code)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Positive control: the same reads with real values do find the rows (so "found nothing" above means something).
    expect(await r.barriers.list('soest', { teamId: TAB_TEAMS.big })).toHaveLength(1);
    expect(await r.barriers.listByContact('soest', 'aad-pz-01')).toHaveLength(1);
    expect((await r.dailyAggregates.listTeam(campaignId, TAB_TEAMS.big)).length).toBeGreaterThan(0);
    expect((await r.participants.listTeamMembers(TAB_TEAMS.big)).length).toBe(6);
  });
});
