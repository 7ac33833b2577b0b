import { FakeConnector } from '../helpers/fakeConnector';
import { testConnectionString } from '../helpers/storage';
import { startTabApi, TAB_TEAMS, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../helpers/tabApi';
import { BOT_APP_ID, BOT_APP_PASSWORD, BOT_TENANT, channelToken, startBotKeys, type BotKeys } from './support/botAuth';

/**
 * No secrets and no typed texts in the logs. The real server runs at log level debug with a capturing sink
 * (createLogger('debug', sink)), with the bot's app id and password configured, a jobs key and a storage
 * connection string with an account key, through a realistic session: joining and checking in with a barrier
 * text on cards, filing a barrier and an idea, text commands, tab calls with bearer tokens (good and bad), jobs
 * calls (good and bad key). Then no log line — ours, or what libraries print on the console — may contain any
 * token (or its signature), the app password, JOBS_KEY, the storage key, or any text a user typed.
 */
describe('logs hold no secrets and no typed texts', () => {
  const JOBS_KEY = 'jobs-key-' + 'Zq7'.repeat(10);
  const WRONG_JOBS_KEY = 'wrong-jobs-key-' + 'Xy9'.repeat(10);
  const tag = Date.now().toString(36);
  /** Texts people type, each unique so that a fragment in a log line is unmistakable. */
  const TYPED = {
    checkInBarrier: `Kapotte fietsenstalling bij ingang B ${tag}-cb`,
    checkInIdea: `Deelfietsen voor het team ${tag}-ci`,
    cardBarrier: `Printer print altijd dubbelzijdig uit ${tag}-rb`,
    cardIdea: `Koffiebekers van porselein ${tag}-ri`,
    commandBarrier: `De lampen in de kelder branden ${tag}-pb`,
    unknownCommand: `Hoe laat is de lunch vandaag ${tag}-uc`,
    tabBarrier: `Geen groene stroom in het depot ${tag}-tb`,
    actionTitle: `Nieuwe stalling ${tag}-at`,
    note: `Offerte aangevraagd bij leverancier ${tag}-no`,
    dismissReason: `Valt buiten de gemeente ${tag}-dr`,
    badJson: `{"barrierText": "onaf ${tag}-bj`,
  };

  let keys: BotKeys;
  let h: TabApiHarness;
  const connector = new FakeConnector();
  const consoleLines: string[] = [];
  const spies: jest.SpyInstance[] = [];
  const tokensUsed: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ''}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))));
    }
    await connector.start();
    keys = await startBotKeys();
    h = await startTabApi({
      env: {
        MicrosoftAppId: BOT_APP_ID,
        MicrosoftAppPassword: BOT_APP_PASSWORD,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: BOT_TENANT,
        BOT_OPENID_METADATA_URL: keys.metadataUrl,
        JOBS_KEY,
        LOG_LEVEL: 'debug',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await keys.close();
    await connector.stop();
    for (const spy of spies) spy.mockRestore();
  });

  const USER = 'aad-log-user-1';

  async function bot(activity: Record<string, unknown>, authorization?: string): Promise<number> {
    const token = authorization ?? 'Bearer ' + (await channelToken(keys, connector.url));
    tokensUsed.push(token.replace(/^Bearer /, ''));
    const res = await fetch(`${h.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({
        id: 'log-' + Math.random().toString(36).slice(2),
        channelId: 'msteams',
        serviceUrl: connector.url,
        locale: 'nl-NL',
        from: { id: '29:log', aadObjectId: USER },
        recipient: { id: '28:' + BOT_APP_ID },
        conversation: { id: 'conv-log', conversationType: 'personal', tenantId: TAB_TENANT },
        ...activity,
      }),
    });
    await res.text();
    return res.status;
  }
  const execute = (verb: string, data: Record<string, unknown>) => bot({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });

  it('runs a realistic session through the bot, the tab API and the jobs route', async () => {
    // Bot (the Bot Framework token is checked; replies through the connector would need Entra, which the
    // invoke answers do not: those turns fail and are logged, which is part of what is checked).
    expect(await execute('enrol.submit', { teamId: TAB_TEAMS.big, nudgeTime: '08:30', language: 'nl', commuteMode: 'auto', distanceBand: '5-10', packaging: 'often', screensOff: 'false', lightsOff: 'true' })).toBe(200);
    expect(await h.repos.participants.get(USER)).toBeDefined();
    expect(
      await execute('checkin.submit', {
        campaignId: h.campaign.campaignId, date: '2026-12-02', outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: 'true', challenge: 'true',
        theme: 'circulariteit', barrierText: TYPED.checkInBarrier, ideaText: TYPED.checkInIdea,
      }),
    ).toBe(200);
    expect(await h.repos.checkIns.get(USER, h.campaign.campaignId, '2026-12-02')).toBeDefined();
    expect(await execute('reports.barrier.submit', { text: TYPED.cardBarrier, theme: 'energietransitie', contact: 'true' })).toBe(200);
    expect(await execute('reports.idea.submit', { text: TYPED.cardIdea, theme: 'mvoi', contact: 'false' })).toBe(200);
    expect(await bot({ type: 'message', text: `prikkel: ${TYPED.commandBarrier}` })).toBe(200);
    expect(await bot({ type: 'message', text: TYPED.unknownCommand })).toBe(200);
    expect(await bot({ type: 'message', text: 'mijn gegevens' })).toBe(200);
    expect(await bot({ type: 'message', text: 'hallo' }, 'Bearer made-up-bearer-token-' + tag)).toBe(401);
    const now = Math.floor(Date.now() / 1000);
    expect(await bot({ type: 'message', text: 'hallo' }, 'Bearer ' + (await channelToken(keys, connector.url, { claims: { exp: now - 900, nbf: now - 2000, iat: now - 2000 } })))).toBe(401);

    // Tab API with bearer tokens, good and bad.
    const employee = await h.tokenFor(USER);
    const coordinator = await h.tokenFor(TAB_USERS.coordinator);
    const forged = await h.tokenFor(USER, { signWith: 'forged' });
    const expired = await h.tokenFor(USER, { exp: now - 3600, nbf: now - 7200, iat: now - 7200 });
    tokensUsed.push(employee, coordinator, forged, expired);
    expect((await h.api('GET', '/api/me', { token: employee })).status).toBe(200);
    expect(
      (await h.api('PUT', '/api/me/checkins/2026-12-01', {
        token: employee,
        body: { outcome: 'partly', travelMode: 'ov', distanceBand: '5-10', wasteFree: false, challenge: true, theme: 'energietransitie', barrierText: TYPED.tabBarrier },
      })).status,
    ).toBe(201);
    expect((await h.api('PUT', '/api/me/settings', { token: employee, body: { nudgeTime: '09:15' } })).status).toBe(200);
    expect((await h.api('GET', `/api/teams/${TAB_TEAMS.big}/dashboard`, { token: employee })).status).toBe(200);
    expect((await h.api('PUT', '/api/me/settings', { token: employee, rawBody: TYPED.badJson })).status).toBe(400);
    expect((await h.api('GET', '/api/me', { token: forged })).status).toBe(401);
    expect((await h.api('GET', '/api/me', { token: expired })).status).toBe(401);
    expect((await h.api('GET', '/api/me', { token: employee + 'x' })).status).toBe(401);
    const action = await h.api<{ action?: { actionId: string } }>('POST', '/api/actions', {
      token: coordinator,
      body: { title: { nl: TYPED.actionTitle, en: TYPED.actionTitle }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Facilitair' },
    });
    expect(action.status).toBe(201);
    const actionId = action.body.action?.actionId ?? '';
    expect((await h.api('POST', `/api/actions/${actionId}/notes`, { token: coordinator, body: { text: TYPED.note } })).status).toBe(201);
    const barriers = await h.repos.barriers.list('soest');
    const toDismiss = barriers.find((b) => b.text === TYPED.cardBarrier);
    expect(toDismiss).toBeDefined();
    expect((await h.api('POST', '/api/inbox/dismiss', { token: coordinator, body: { barrierIds: [toDismiss?.barrierId], reason: TYPED.dismissReason } })).status).toBe(200);
    expect((await h.api('GET', '/api/me/export', { token: employee })).status).toBe(200);

    // Jobs, with the key and with a wrong one.
    const job = (key: string) => fetch(`${h.base}/api/jobs/nudges`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"dryRun":true}' });
    expect((await job(JOBS_KEY)).status).toBe(200);
    expect((await job(WRONG_JOBS_KEY)).status).toBe(401);
  }, 60_000);

  it('wrote log lines at all (positive control: the session was logged at debug and ids do appear)', () => {
    const all = [...h.logs, ...consoleLines].join('\n');
    expect(h.logs.length).toBeGreaterThan(10);
    // Ids are allowed, and the matcher finds what is there.
    expect(all).toContain(USER);
    process.stdout.write(`logs.test: ${h.logs.length} log lines and ${consoleLines.length} console lines checked\n`);
  });

  it('has no token, signature, app password, jobs key or storage key in any log line', () => {
    const all = [...h.logs, ...consoleLines].join('\n');
    const accountKey = /AccountKey=([^;]+)/.exec(testConnectionString())?.[1] ?? '';
    expect(accountKey.length).toBeGreaterThan(20);
    const secrets: Record<string, string> = { BOT_APP_PASSWORD, JOBS_KEY, WRONG_JOBS_KEY, accountKey, accountKeyStart: accountKey.slice(0, 24) };
    tokensUsed.forEach((t, i) => {
      secrets[`token ${i}`] = t;
      const [head, payload, signature] = t.split('.');
      if (payload !== undefined && payload.length > 16) secrets[`token ${i} payload`] = payload;
      if (signature !== undefined && signature.length > 16) secrets[`token ${i} signature`] = signature;
      if (head !== undefined && signature === undefined) secrets[`token ${i} raw`] = head;
    });
    const leaked = Object.entries(secrets).filter(([, value]) => value !== '' && all.includes(value)).map(([name]) => name);
    expect(leaked).toEqual([]);
  });

  it('never names the reporter of an anonymous barrier or idea: no log line holds both the user id and its id', async () => {
    const anonymous = [
      ...(await h.repos.barriers.list('soest')).filter((b) => b.contactUserId === undefined).map((b) => b.barrierId),
      ...(await h.repos.ideas.list('soest')).filter((i) => i.contactUserId === undefined).map((i) => i.ideaId),
    ];
    // The session filed anonymous reports of this user from the check-in card, the card and the tab.
    expect(anonymous.length).toBeGreaterThanOrEqual(3);
    const linking = h.logs.filter((line) => line.includes(USER) && anonymous.some((id) => line.includes(id)));
    expect(linking).toEqual([]);
  });

  it('has no text a user typed in any log line', () => {
    const all = [...h.logs, ...consoleLines].join('\n');
    // Each typed text, and its distinctive tag on its own (a truncated text would still carry it).
    const leaked = Object.entries(TYPED).filter(([, text]) => all.includes(text) || all.includes(text.slice(-8)) || all.includes(text.slice(0, 20))).map(([name]) => name);
    expect(leaked).toEqual([]);
  });
});

