import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { createLogger } from '@soestainable/bot/platform/logger';
import { FakeConnector } from '../../helpers/fakeConnector';
import { participant, seedOrg } from '../../helpers/orgFixture';
import { testConnectionString } from '../../helpers/storage';
import { startTabApi, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * The inbound rate limits through the real server, set low here (MESSAGE_RATE_LIMIT, TAB_API_RATE_LIMIT; the
 * defaults are 30 and 120 a minute): beyond them nothing is processed or stored, the bot says so once in the user's
 * language, card actions and the tab API get 429 with Retry-After.
 */
describe('rate limit on /api/messages, per conversation', () => {
  const LIMIT = 3;
  let app: RunningApp;
  let base: string;
  const connector = new FakeConnector();
  const logs: string[] = [];
  const NOW = new Date('2026-12-02T08:30:00Z');

  beforeAll(async () => {
    await connector.start();
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_PREFIX: 'rl' + randomBytes(4).toString('hex'),
      ORG_ID: 'soest',
      MESSAGE_RATE_LIMIT: String(LIMIT),
    });
    app = await composeApp(config, createLogger('warn', (line) => logs.push(line)), { now: () => NOW, tabDir: mkdtempSync(join(tmpdir(), 'tab-')) });
    base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
    await seedOrg(app.repositories);
    for (const userId of ['aad-rl-1', 'aad-rl-2', 'aad-rl-3']) await app.repositories.participants.save(participant({ userId }));
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  const activity = (userId: string, conversation: string, extra: Record<string, unknown>) => ({
    type: 'message',
    id: 'act-' + randomBytes(4).toString('hex'),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:' + userId, aadObjectId: userId },
    recipient: { id: '28:bot' },
    conversation: { id: conversation, conversationType: 'personal', tenantId: 'tenant-soest' },
    ...extra,
  });
  const post = (body: unknown) => fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const textsSince = (from: number) => connector.calls.slice(from).map((c) => (c.body as { text?: string } | undefined)?.text);

  it('processes the first messages of a minute, then says once, in the user language, that it stops; nothing beyond is stored', async () => {
    const before = connector.calls.length;
    // Each "tijd" message changes the stored nudge time: the last one applied shows where processing stopped.
    for (const time of ['08:01', '08:02', '08:03', '08:04', '08:05']) {
      expect((await post(activity('aad-rl-1', 'conv-rl-1', { text: `tijd ${time}`, locale: 'en-US' }))).status).toBe(200);
    }
    expect((await app.repositories.participants.get('aad-rl-1'))?.nudgeTime).toBe('08:03');
    const sent = textsSince(before);
    // Three answers (cards), then the slow-down text once: the fifth message gets nothing.
    expect(sent).toHaveLength(LIMIT + 1);
    expect(sent[LIMIT]).toBe(coreTexts.slowDown.en);
    expect(logs.filter((l) => l.includes('rate_limited'))).toHaveLength(1);
  });

  it('says it in both languages, Dutch first, when the message does not say which', async () => {
    for (let i = 0; i < LIMIT; i++) await post(activity('aad-rl-2', 'conv-rl-2', { text: 'hulp' }));
    const before = connector.calls.length;
    await post(activity('aad-rl-2', 'conv-rl-2', { text: 'hulp' }));
    expect(textsSince(before)).toEqual([`${coreTexts.slowDown.nl}\n\n${coreTexts.slowDown.en}`]);
  });

  it('answers a card action beyond the limit with 429, Retry-After and the error body, and stores nothing', async () => {
    for (let i = 0; i < LIMIT; i++) await post(activity('aad-rl-3', 'conv-rl-3', { text: 'hulp', locale: 'nl-NL' }));
    const before = connector.calls.length;
    const res = await post(
      activity('aad-rl-3', 'conv-rl-3', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'nl-NL',
        value: { action: { type: 'Action.Execute', verb: 'settings.time', data: { verb: 'settings.time', nudgeTime: '10:30' } } },
      }),
    );
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toEqual({ statusCode: 429, type: 'application/vnd.microsoft.error', value: { code: 'RATE_LIMITED', message: coreTexts.slowDown.nl } });
    expect((await app.repositories.participants.get('aad-rl-3'))?.nudgeTime).toBe('09:00');
    expect(connector.calls.length).toBe(before);
  });

  it('counts each conversation on its own (positive control: another conversation is still answered)', async () => {
    const before = connector.calls.length;
    expect((await post(activity('aad-rl-1', 'conv-rl-other', { text: 'tijd 10:00', locale: 'nl-NL' }))).status).toBe(200);
    expect((await app.repositories.participants.get('aad-rl-1'))?.nudgeTime).toBe('10:00');
    expect(connector.calls.length).toBe(before + 1);
    // The card action refused above stores its time when its conversation is within the limit.
    const res = await post(
      activity('aad-rl-3', 'conv-rl-3b', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'nl-NL',
        value: { action: { type: 'Action.Execute', verb: 'settings.time', data: { verb: 'settings.time', nudgeTime: '10:30' } } },
      }),
    );
    expect(res.status).toBe(200);
    expect((await app.repositories.participants.get('aad-rl-3'))?.nudgeTime).toBe('10:30');
  });
});

describe('rate limit on the tab API, per signed-in user', () => {
  const LIMIT = 4;
  let h: TabApiHarness;

  beforeAll(async () => {
    h = await startTabApi({ env: { TAB_API_RATE_LIMIT: String(LIMIT) } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers requests beyond the limit with 429 RATE_LIMITED and Retry-After, before the handler runs', async () => {
    const token = await h.tokenFor(TAB_USERS.employee);
    for (let i = 0; i < LIMIT; i++) expect((await h.api('GET', '/api/session', { token })).status).toBe(200);
    const settingsBefore = await h.repos.participants.get(TAB_USERS.employee);
    const refused = await h.api<{ code: string; details?: { retryAfterSeconds?: number } }>('PUT', '/api/me/settings', { token, body: { paused: true } });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.body.details?.retryAfterSeconds).toBe(retryAfter);
    expect(await h.repos.participants.get(TAB_USERS.employee)).toEqual(settingsBefore);
  });

  it('counts each user on its own, and does not count refused tokens (positive control)', async () => {
    const other = await h.tokenFor(TAB_USERS.manager);
    for (let i = 0; i < 2 * LIMIT; i++) expect((await h.api('GET', '/api/session')).status).toBe(401);
    expect((await h.api('GET', '/api/session', { token: other })).status).toBe(200);
  });
});
