import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { REPORTS_VERBS } from '@soestainable/bot/features/reports/verbs';
import { TABLE_NAMES, TableClients } from '@soestainable/bot/storage/tables';
import { localTimeToInstant, todayIn } from '@soestainable/shared/calendar';
import { FakeConnector } from '../helpers/fakeConnector';
import { rawRows, testConnectionString } from '../helpers/storage';
import { startTabApi, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../helpers/tabApi';

/**
 * Anonymity that survives the logs and the store (BRIEF.md privacy rule 9: "a report's exact time next to a log
 * line or a check-in names its author"). One employee files anonymous barriers and ideas every way there is — the
 * check-in card over /api/messages, the `prikkel:` and `idee:` commands, the tab's check-in — with the server
 * logging at debug. Then an operator's join: every log line and every row of every table, against the reports.
 */
describe('anonymous reports cannot be tied to their reporter by an operator', () => {
  const USER = TAB_USERS.employee;
  /** A colleague who files through the tab (the employee checked in on 1 December already). */
  const TAB_USER = 'aad-pz-05';
  const connector = new FakeConnector();
  let h: TabApiHarness;
  let rows: Record<string, Record<string, unknown>[]> = {};

  beforeAll(async () => {
    await connector.start();
    h = await startTabApi({ env: { LOG_LEVEL: 'debug' } });
    const activity = (extra: Record<string, unknown>) => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      locale: 'nl-NL',
      from: { id: '29:anon', aadObjectId: USER },
      recipient: { id: '28:bot' },
      conversation: { id: 'conv-anon', conversationType: 'personal', tenantId: TAB_TENANT },
      channelData: { tenant: { id: TAB_TENANT } },
      ...extra,
    });
    const post = async (body: Record<string, unknown>) =>
      (await fetch(`${h.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status;
    const checkIn = { campaignId: h.campaign.campaignId, date: '2026-12-02', outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: 'true', challenge: 'true' };
    const data = { verb: CHECKIN_VERBS.submit, ...checkIn, theme: 'circulariteit', barrierText: 'Geen fietsenstalling bij de ingang', ideaText: 'Deelfietsen voor het team' };
    expect(await post(activity({ type: 'invoke', name: 'adaptiveCard/action', id: 'a1', value: { action: { type: 'Action.Execute', verb: CHECKIN_VERBS.submit, data } } }))).toBe(200);
    // `prikkel: …` / `idee: …` open the report card with the text; its button files it.
    expect(await post(activity({ type: 'message', id: 'm1', text: 'prikkel: De lampen in de kelder branden altijd' }))).toBe(200);
    const submit = (verb: string, text: string) =>
      post(activity({ type: 'invoke', name: 'adaptiveCard/action', id: `s-${verb}`, value: { action: { type: 'Action.Execute', verb, data: { verb, text, theme: 'mvoi', contact: 'false' } } } }));
    expect(await submit(REPORTS_VERBS.barrierSubmit, 'De lampen in de kelder branden altijd')).toBe(200);
    expect(await submit(REPORTS_VERBS.ideaSubmit, 'Een waterkoeler op elke verdieping')).toBe(200);
    const tab = await h.api('PUT', '/api/me/checkins/2026-12-01', {
      token: await h.tokenFor(TAB_USER),
      body: { outcome: 'partly', travelMode: 'ov', distanceBand: '5-10', wasteFree: false, challenge: true, theme: 'energietransitie', barrierText: 'Geen groene stroom in het depot' },
    });
    expect(tab.status).toBe(201);
    // A check-in row holds its reports in its pending part until its counting, after the answer, clears it.
    await h.app.drain();
    const clients = new TableClients({ kind: 'connectionString', connectionString: testConnectionString() }, h.config.storage.tablePrefix);
    rows = Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (name) => [name, await rawRows(clients.client(name))] as const)));
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await connector.stop();
  });

  const anonymous = async () => [
    ...(await h.repos.barriers.list('soest')).filter((b) => b.contactUserId === undefined).map((b) => ({ id: b.barrierId, reference: b.reference, createdAt: b.createdAt, text: b.text })),
    ...(await h.repos.ideas.list('soest')).filter((i) => i.contactUserId === undefined).map((i) => ({ id: i.ideaId, reference: i.reference, createdAt: i.createdAt, text: i.text })),
  ];

  it('files them (positive control: five anonymous reports of this session)', async () => {
    expect((await anonymous()).length).toBeGreaterThanOrEqual(5);
    expect(h.logs.some((l) => l.includes(USER))).toBe(true);
    expect(h.logs.some((l) => l.includes(TAB_USER))).toBe(true);
  });

  it('keeps no time finer than the day: createdAt and the time part of the id are the start of the local day', async () => {
    for (const r of await anonymous()) {
      const dayStart = localTimeToInstant(todayIn(new Date(r.createdAt)), '00:00').toISOString();
      expect({ id: r.id, createdAt: r.createdAt }).toEqual({ id: r.id, createdAt: dayStart });
      expect(new Date(parseInt(r.id.slice(0, 10), 36)).toISOString()).toBe(dayStart);
    }
  });

  it('no log line that names a user says anything about a report', () => {
    const aboutReports = /barrier|idea|report|reference|prikkel|idee/i;
    const linking = h.logs.filter((line) => {
      if (!line.includes(USER) && !line.includes(TAB_USER)) return false;
      const entry = JSON.parse(line) as Record<string, unknown>;
      return Object.entries(entry).some(([k, v]) => k !== 'time' && (aboutReports.test(k) || aboutReports.test(String(v))));
    });
    expect(linking).toEqual([]);
  });

  it('no row of any table holds both a user id and an anonymous report (its id, reference or text)', async () => {
    const reports = await anonymous();
    const userIds = new Set(Object.values(rows.Participants ?? []).map((r) => String(r['rowKey'] ?? '')).concat(USER, TAB_USER));
    const linking: string[] = [];
    for (const [table, list] of Object.entries(rows)) {
      for (const row of list) {
        const text = JSON.stringify(row);
        const names = [...userIds].some((u) => u !== '' && text.includes(u));
        const report = reports.find((r) => text.includes(r.id) || text.includes(r.reference) || text.includes(r.text));
        if (names && report) linking.push(`${table} ${String(row['partitionKey'])}/${String(row['rowKey'])} ↔ ${report.reference}`);
      }
    }
    expect(linking).toEqual([]);
  });
});
