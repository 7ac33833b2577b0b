import { Agent, request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { createLogger } from '@soestainable/bot/platform/logger';
import { startAzurite, type AzuriteHandle } from '@soestainable/bot/storage/azurite';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { helpTexts } from '@soestainable/bot/features/help/texts';
import { FakeConnector } from '../../helpers/fakeConnector';
import { testConnectionString } from '../../helpers/storage';

/** What the server logged, as parsed JSON lines: tests read the structured log instead of silencing it. */
const logLines: Array<Record<string, unknown>> = [];
const logger = createLogger('warn', (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));

function makeTabDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tab-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Soestainable</title><main id="root"></main>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("tab");');
  return dir;
}

/** A Content-Security-Policy header as directive → sources. */
function directives(header: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

/** Where Microsoft hosts Teams, Outlook and Microsoft 365 tabs (learn.microsoft.com, "Prerequisites" for tabs). */
const TAB_HOSTS = [
  'teams.microsoft.com',
  '*.teams.microsoft.com',
  '*.teams.cloud.microsoft',
  '*.cloud.microsoft',
  '*.microsoft365.com',
  '*.office.com',
  '*.office365.com',
  'outlook.office.com',
  'outlook.office365.com',
];

async function start(env: Record<string, string>, tabDir = makeTabDir()): Promise<{ app: RunningApp; base: string }> {
  const config = loadConfig({ PLAYGROUND: '0', SEED_DEMO: '0', TABLE_PREFIX: 's' + randomBytes(4).toString('hex'), ...env });
  const app = await composeApp(config, logger, { tabDir });
  const port = await listen(app.server, 0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${port}` };
}

describe('server over real HTTP (Azurite)', () => {
  let app: RunningApp;
  let base: string;
  const connector = new FakeConnector();

  beforeAll(async () => {
    await connector.start();
    ({ app, base } = await start({ STORAGE_CONNECTION_STRING: testConnectionString() }));
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  it('answers /healthz with 200 when storage answers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', storage: 'ok' });
  });

  it("keeps an idle kept-alive connection open past Node's 5 s default, so a client reusing it meets no reset", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = httpRequest(`${base}/healthz`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await get()).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 6_000));
      expect(await get()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 20_000);

  it('serves the tab under /tab/ and redirects / there', async () => {
    const res = await fetch(`${base}/tab/index.html`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Soestainable');
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/tab/');
  });

  it('sends the tab (its page and its files) with a Content-Security-Policy that only Teams, Outlook and Microsoft 365 may frame', async () => {
    for (const path of ['/tab/', '/tab/index.html', '/tab/assets/index-abc123.js']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toEqual(expect.arrayContaining(TAB_HOSTS));
      // Only those hosts (https), never a wildcard or a scheme on its own.
      for (const source of csp.get('frame-ancestors') ?? []) expect(source).toMatch(/^(https:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      // Fluent UI inserts its styles at runtime; teams-js fetches its list of valid host domains.
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('connect-src')).toEqual(["'self'", 'https://res.cdn.office.net']);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it("has no inline script in the tab's page, as written and as built (script-src 'self' would not run it)", () => {
    const pages = [join(__dirname, '../../../tab/index.html'), join(__dirname, '../../../dist/tab/index.html')].filter((p) => existsSync(p));
    for (const page of pages) {
      const scripts = [...readFileSync(page, 'utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc=/);
        expect(body?.trim()).toBe('');
      }
    }
  });

  const activity = (locale: string, id: string, extra: Record<string, unknown> = {}) => ({
    type: 'message',
    id,
    text: 'hallo',
    locale,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:user-1', aadObjectId: 'aad-http-1' },
    recipient: { id: '28:bot' },
    conversation: { id: 'conv-1', conversationType: 'personal', tenantId: 'tenant-1' },
    ...extra,
  });
  const post = (body: unknown) =>
    fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const cardTextsSent = (from: number) =>
    connector.calls.slice(from).flatMap((c) => JSON.stringify((c.body as { attachments?: unknown[] } | undefined)?.attachments ?? []));

  it('answers an unknown text with the help card through the connector, in the user language', async () => {
    const before = connector.calls.length;
    expect((await post(activity('nl-NL', 'a1'))).status).toBe(200);
    expect((await post(activity('en-US', 'a2'))).status).toBe(200);
    const sent = cardTextsSent(before);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toContain(helpTexts.unknown.nl);
    expect(sent[1]).toContain(helpTexts.unknown.en);
    expect(connector.calls[before]?.path).toBe('/v3/conversations/conv-1/activities/a1');
  });

  it('tells a sender without tenant who it cannot identify, and stores nothing', async () => {
    const before = connector.calls.length;
    const noTenant = activity('nl-NL', 'a3', { conversation: { id: 'conv-2', conversationType: 'personal' }, from: { id: '29:x' } });
    expect((await post(noTenant)).status).toBe(200);
    const texts = connector.sentTexts().slice(-1);
    expect(connector.calls.length).toBe(before + 1);
    expect(texts[0]).toBe(coreTexts.noIdentity.nl);
  });

  it('survives a connector that answers 500: the turn fails visibly, the next one works', async () => {
    // A new message answered 5xx is not re-sent (it may have arrived, platform/connectorClient.ts): one failure
    // sinks the reply, one more the apology.
    connector.failNext(500, 2);
    const before = logLines.length;
    const failed = await post(activity('nl-NL', 'a4'));
    // The reply and the apology both hit the broken connector: the turn error is logged with a correlation id and
    // the error's class and code, never the text the user typed; the HTTP request itself is still answered.
    expect(failed.status).toBe(200);
    const logged = logLines.slice(before);
    expect(logged.map((l) => l['message'])).toEqual(expect.arrayContaining(['bot turn failed', 'could not tell the user about the failed turn']));
    expect(logged.find((l) => l['message'] === 'bot turn failed')).toMatchObject({ level: 'error', correlationId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(JSON.stringify(logged)).not.toContain('hallo');
    const ok = await post(activity('nl-NL', 'a5'));
    expect(ok.status).toBe(200);
    expect(cardTextsSent(connector.calls.length - 1)[0]).toContain(helpTexts.unknown.nl);
  });

  it('never re-sends a reply whose POST got 500 (it may have arrived): one attempt, then the error text once', async () => {
    const before = connector.calls.length;
    connector.failNext(500, 1);
    expect((await post(activity('nl-NL', 'a6'))).status).toBe(200);
    const posts = connector.attempts('POST', '/v3/conversations/conv-1/activities/a6').slice(-2);
    const replies = connector.calls.slice(before).filter((c) => JSON.stringify(c.body).includes(helpTexts.unknown.nl));
    // The help card was posted once (and got 500); the SDK's retries would post it again.
    expect(replies.map((c) => c.answer)).toEqual([500]);
    expect(posts.map((c) => c.answer)).toEqual([500, 200]);
    expect((posts[1]?.body as { text?: string } | undefined)?.text).toContain(coreTexts.failed.nl.split('(')[0]?.trim());
  });

  it('does retry a card update (PUT) that got 500: replacing a card twice changes nothing', async () => {
    const before = connector.calls.length;
    connector.failNext(500, 1);
    // An Action.Submit click (the fallback): the answer replaces the card the button was on.
    expect((await post(activity('nl-NL', 'a7', { text: undefined, value: { verb: 'no.such.verb' }, replyToId: 'card-7' }))).status).toBe(200);
    const puts = connector.attempts('PUT', '/v3/conversations/conv-1/activities/card-7');
    expect(puts.map((c) => c.answer)).toEqual([500, 200]);
    expect(connector.calls.slice(before).filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('answers 400 with a code for a body that is not an activity', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers 400 (not 500) to an object that has no activity type, and sends nothing', async () => {
    const before = connector.calls.length;
    for (const body of [{}, { type: '' }, { type: 7, text: 'hallo' }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(connector.calls.length).toBe(before);
  });

  it('refuses a body over the size limit', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
  });
});

describe('server when storage goes away', () => {
  let azurite: AzuriteHandle;
  let app: RunningApp;
  let base: string;
  const connector = new FakeConnector();

  beforeAll(async () => {
    await connector.start();
    azurite = await startAzurite();
    ({ app, base } = await start({ STORAGE_CONNECTION_STRING: azurite.connectionString }));
  });
  afterAll(async () => {
    await app.close();
    await azurite.stop();
    await connector.stop();
  });

  const activity = (type: 'message' | 'invoke', locale: string, extra: Record<string, unknown> = {}) => ({
    type,
    id: `outage-${type}-${locale}`,
    locale,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:user-o', aadObjectId: 'aad-outage-1' },
    recipient: { id: '28:bot' },
    conversation: { id: 'conv-o', conversationType: 'personal', tenantId: 'tenant-1' },
    ...extra,
  });
  const post = (body: unknown) =>
    fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('reports 503 on /healthz quickly once storage stops, and keeps reporting it', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await azurite.stop();
    const startedAt = Date.now();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', storage: 'unreachable' });
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    // Now the storage breaker is open: the answer comes without waiting for the SDK's retries, and says the same.
    expect(app.storage.clients.breaker.state).toBe('open');
    const again = await fetch(`${base}/healthz`);
    expect(again.status).toBe(503);
    expect(await again.json()).toEqual({ status: 'unavailable', storage: 'unreachable' });
  });

  it('answers a message 503 during the outage and tells the user, in their language, that nothing was saved', async () => {
    const before = connector.calls.length;
    const res = await post(activity('message', 'nl-NL', { text: 'voortgang' }));
    expect(res.status).toBe(503);
    expect(connector.sentTexts().slice(-1)).toEqual([coreTexts.storageUnavailable.nl]);
    expect(connector.calls.length).toBe(before + 1);
  });

  it('answers a card action 503 with an error body in the user language during the outage', async () => {
    const res = await post(
      activity('invoke', 'en-US', { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'checkin.submit', data: {} } } }),
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      statusCode: 503,
      type: 'application/vnd.microsoft.error',
      value: { code: 'STORAGE_UNAVAILABLE', message: coreTexts.storageUnavailable.en },
    });
    expect(connector.sentTexts().slice(-1)).toEqual([coreTexts.storageUnavailable.en]);
  });
});

describe('server without a built tab', () => {
  it('says how to build it instead of a bare 404', async () => {
    const { app, base } = await start({ STORAGE_CONNECTION_STRING: testConnectionString() }, mkdtempSync(join(tmpdir(), 'empty-')));
    try {
      const res = await fetch(`${base}/tab/`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'TAB_NOT_BUILT' });
    } finally {
      await app.close();
    }
  });
});
