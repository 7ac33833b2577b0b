import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { EXPORT_FILE_NAME } from '@soestainable/bot/services/personalData/exportDocument';
import { createLogger } from '@soestainable/bot/platform/logger';
import { FakeConnector } from '../../helpers/fakeConnector';
import { checkIn } from '../../helpers/fixtures';
import { participant, seedOrg } from '../../helpers/orgFixture';
import { testConnectionString } from '../../helpers/storage';

// A real Entra object id: its signed export token is over 100 characters (restify's default limit for a path parameter).
const USER = '8f2a4c1e-3b7d-4e9a-a1c5-0d6e2f9b7a31';
const TENANT = 'tenant-soest';

/**
 * The personal data download end to end: "mijn gegevens" goes in through the real `/api/messages` (restify,
 * CloudAdapter, the dispatcher), the card with the link comes out through a fake Bot Connector, and the link is
 * fetched over real HTTP from the same server, on Azurite.
 */
describe('my data export over real HTTP', () => {
  const connector = new FakeConnector();
  const clock = { now: new Date('2026-12-02T08:00:00Z') };
  const logLines: string[] = [];
  let app: RunningApp;
  let base: string;
  let campaignId: string;
  let activityCounter = 0;

  beforeAll(async () => {
    await connector.start();
    const config = loadConfig({
      PLAYGROUND: '0',
      SEED_DEMO: '0',
      ORG_ID: 'soest',
      TABLE_PREFIX: 'x' + randomBytes(4).toString('hex'),
      STORAGE_CONNECTION_STRING: testConnectionString(),
    });
    const logger = createLogger('debug', (line) => logLines.push(line));
    app = await composeApp(config, logger, { tabDir: mkdtempSync(join(tmpdir(), 'tab-')), now: () => clock.now });
    base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;

    const repos = app.repositories;
    ({
      campaign: { campaignId },
    } = await seedOrg(repos));
    await repos.participants.save(participant({ userId: USER }));
    await repos.checkIns.save(checkIn({ userId: USER, teamId: 'publiekszaken', campaignId, date: '2026-11-30', day: 1 }));
    await repos.checkIns.save(checkIn({ userId: USER, teamId: 'publiekszaken', campaignId, date: '2026-12-01', day: 2 }));
    await repos.conversationRefs.save({ kind: 'user', userId: USER }, 'personal', { conversation: { id: 'conv-export' }, serviceUrl: connector.url });
    await repos.barriers.create({ orgId: 'soest', campaignId, teamId: 'publiekszaken', theme: 'circulariteit', text: 'plastic bekers', contactUserId: USER });
    await repos.barriers.create({ orgId: 'soest', campaignId, teamId: 'publiekszaken', theme: 'circulariteit', text: 'zomaar-een-anonieme-melding' });
    // Someone else's data must never appear in this user's download.
    await repos.participants.save(participant({ userId: 'aad-other', teamId: 'buitendienst' }));
    await repos.checkIns.save(checkIn({ userId: 'aad-other', teamId: 'buitendienst', campaignId, date: '2026-11-30', day: 1 }));
    // The record of a nudge sent to each of them.
    await repos.sendClaims.claim('nudge', '2026-12-01', USER, 'instance-a.0123456789ab');
    await repos.sendClaims.markSent('nudge', '2026-12-01', USER, 'activity-nudge');
    await repos.sendClaims.claim('nudge', '2026-12-01', 'aad-other', 'instance-a.0123456789ab');
  });
  afterAll(async () => {
    await app?.close();
    await connector.stop();
  });

  /** Sends a text as USER through /api/messages and returns the download link on the card the bot replied with. */
  async function askForLink(headers: Record<string, string> = {}): Promise<string> {
    const id = `msg-${++activityCounter}`;
    const before = connector.calls.length;
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        type: 'message',
        id,
        text: 'mijn gegevens',
        locale: 'nl-NL',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `29:${USER}`, aadObjectId: USER },
        recipient: { id: '28:bot' },
        conversation: { id: 'conv-export', conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
      }),
    });
    expect(res.status).toBe(200);
    const replies = connector.calls.slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.path).toBe(`/v3/conversations/conv-export/activities/${id}`);
    const body = replies[0]?.body as { attachments?: Array<{ content?: { actions?: Array<{ type: string; url?: string }> } }> };
    const url = body.attachments?.[0]?.content?.actions?.find((a) => a.type === 'Action.OpenUrl')?.url;
    if (!url) throw new Error(`no download link in ${JSON.stringify(body).slice(0, 300)}`);
    return url;
  }

  it('hands out a link to this server that downloads everything stored about the user, and only that', async () => {
    const url = await askForLink();
    expect(url.startsWith(`${base}/api/me/export/`)).toBe(true);

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${EXPORT_FILE_NAME}"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const doc = (await res.json()) as Record<string, unknown> & {
      participant: Record<string, unknown>;
      checkIns: Array<Record<string, unknown>>;
      conversationReferences: Array<Record<string, unknown>>;
      barriersWithContact: Array<Record<string, unknown>>;
      sendClaims: Array<Record<string, unknown>>;
    };
    expect(doc).toMatchObject({ format: 'soestainable-mijn-gegevens', version: 1, userId: USER, exportedAt: clock.now.toISOString(), surveys: [], ideasWithContact: [] });
    expect(doc.participant).toMatchObject({ userId: USER, teamId: 'publiekszaken', nudgeTime: '09:00', language: 'nl' });
    expect(doc.checkIns.map((c) => c['date'])).toEqual(['2026-11-30', '2026-12-01']);
    expect(doc.checkIns.every((c) => c['userId'] === USER)).toBe(true);
    expect(doc.conversationReferences).toEqual([
      expect.objectContaining({ scope: 'personal', active: true, reference: { conversation: { id: 'conv-export' }, serviceUrl: connector.url } }),
    ]);
    expect(doc.barriersWithContact).toEqual([expect.objectContaining({ text: 'plastic bekers', contactUserId: USER })]);
    expect(doc.sendClaims).toEqual([expect.objectContaining({ kind: 'nudge', period: '2026-12-01', recipientId: USER, state: 'sent', activityId: 'activity-nudge' })]);
    expect(JSON.stringify(doc)).not.toContain('aad-other');
    expect(JSON.stringify(doc)).not.toContain('zomaar-een-anonieme-melding');
  });

  it('builds the link from the proxy headers it came in with', async () => {
    const url = await askForLink({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'soestainable.example.org' });
    expect(url).toMatch(/^https:\/\/soestainable\.example\.org\/api\/me\/export\/[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
  });

  it('answers 401 with a code and a Dutch and English message for a tampered token', async () => {
    const url = await askForLink();
    const token = url.slice(url.lastIndexOf('/') + 1);
    const [, expiry, mac] = token.split('.');
    const otherUser = Buffer.from('aad-other').toString('base64url');
    for (const bad of [`${otherUser}.${expiry}.${mac}`, `${token.split('.')[0]}.${Number(expiry) + 600}.${mac}`, 'not-a-token']) {
      const res = await fetch(`${base}/api/me/export/${bad}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('EXPORT_LINK_INVALID');
      expect(body.message).toContain('ongeldig');
      expect(body.message).toContain('invalid');
      expect(Object.keys(body).sort()).toEqual(['code', 'message']);
    }
  });

  it('answers 401 once the link is older than 10 minutes', async () => {
    const url = await askForLink();
    clock.now = new Date(clock.now.getTime() + 9 * 60 * 1000);
    expect((await fetch(url)).status).toBe(200);
    clock.now = new Date(clock.now.getTime() + 60 * 1000 + 1);
    const res = await fetch(url);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('EXPORT_LINK_EXPIRED');
    expect(body.message).toContain('verlopen');
    expect(body.message).toContain('expired');
  });

  it('never writes a token into the log', async () => {
    const url = await askForLink();
    await fetch(url);
    await fetch(`${url}x`);
    const token = url.slice(url.lastIndexOf('/') + 1);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.includes(token.slice(-20)) || l.includes(token.split('.')[0] ?? '-'))).toEqual([]);
  });
});
