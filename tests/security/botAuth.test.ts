import { loadConfig } from '@soestainable/bot/config';
import { FakeConnector } from '../helpers/fakeConnector';
import {
  base64url,
  BOT_APP_ID,
  channelToken,
  CHANNEL_ISSUER,
  messageActivity,
  startBotApp,
  startBotKeys,
  type BotApp,
  type BotKeys,
} from './support/botAuth';

/**
 * /api/messages with a bot app id configured (SingleTenant): botbuilder validates the Bot Connector's token
 * against the channel's OpenID keys, here published by a local server (BOT_OPENID_METADATA_URL), so no network
 * is needed. Every refusal must leave the bot untouched: no call to the connector, no row stored.
 * Production without an app id refuses to start: tests/unit/bot/config.test.ts.
 */
describe('bot endpoint with an app id configured', () => {
  let keys: BotKeys;
  let bot: BotApp;
  const connector = new FakeConnector();
  const consoleErrors: unknown[] = [];
  let consoleSpy: jest.SpyInstance;

  beforeAll(async () => {
    // botbuilder prints refused tokens with console.error (a stack, and the PEM of the key it tried): keep them
    // out of the test output, but count them.
    consoleSpy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleErrors.push(args));
    await connector.start();
    keys = await startBotKeys();
    bot = await startBotApp(keys);
  });
  afterAll(async () => {
    await bot.close();
    await keys.close();
    await connector.stop();
    consoleSpy.mockRestore();
  });

  const post = (body: unknown, authorization?: string) =>
    fetch(`${bot.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify(body),
    });

  /** A message the bot would answer (the help card) and store nothing for: a refusal must prevent both. */
  const hello = () => messageActivity(connector.url, 'inchecken');

  async function expectRefused(authorization: string | undefined, status = 401): Promise<void> {
    const callsBefore = connector.calls.length;
    const res = await post(hello(), authorization);
    expect(res.status).toBe(status);
    expect(connector.calls.length).toBe(callsBefore);
    expect(await bot.storedRows()).toBe(0);
  }

  it('refuses a request without an Authorization header with 401, and the bot does nothing', async () => {
    await expectRefused(undefined);
  });

  it('refuses a made-up bearer string with 401', async () => {
    await expectRefused('Bearer not-a-token-at-all');
    await expectRefused('Bearer ' + 'A'.repeat(400));
    await expectRefused('Basic dXNlcjpwYXNz');
  });

  it('refuses an expired token (past the 5 minutes of clock skew botbuilder allows) with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused('Bearer ' + (await channelToken(keys, connector.url, { claims: { iat: now - 7200, nbf: now - 7200, exp: now - 600 } })));
  });

  it('refuses a token for another bot (wrong audience) with 401', async () => {
    await expectRefused('Bearer ' + (await channelToken(keys, connector.url, { claims: { aud: '00000000-1111-2222-3333-444444444444' } })));
  });

  it('refuses a token from another issuer with 401, even when signed by the trusted key', async () => {
    await expectRefused('Bearer ' + (await channelToken(keys, connector.url, { claims: { iss: 'https://evil.example.com' } })));
    await expectRefused('Bearer ' + (await channelToken(keys, connector.url, { claims: { iss: undefined } })));
  });

  it('refuses a token whose key id the channel does not publish with 401', async () => {
    await expectRefused('Bearer ' + (await channelToken(keys, connector.url, { key: keys.unknown, kid: 'some-other-key' })));
  });

  it('refuses a token issued for another service URL with 401', async () => {
    await expectRefused('Bearer ' + (await channelToken(keys, 'https://smba.trafficmanager.net/emea/')));
  });

  it('refuses a well-formed token signed by an unknown key (same key id) and does nothing', async () => {
    // botbuilder 4.23 answers this with 500, not 401 (see the test below); what matters most holds: refused, and
    // the bot never runs.
    const callsBefore = connector.calls.length;
    const res = await post(hello(), 'Bearer ' + (await channelToken(keys, connector.url, { key: keys.unknown })));
    expect(res.status).toBe(401);
    expect(connector.calls.length).toBe(callsBefore);
    expect(await bot.storedRows()).toBe(0);
  });

  it("refuses an unsigned token (alg: none) and does nothing", async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: CHANNEL_ISSUER, aud: BOT_APP_ID, serviceurl: connector.url, nbf: now - 60, exp: now + 3600 };
    const callsBefore = connector.calls.length;
    const res = await post(hello(), `Bearer ${base64url({ alg: 'none', typ: 'JWT', kid: keys.kid })}.${base64url(claims)}.`);
    expect(res.status).toBe(401);
    expect(connector.calls.length).toBe(callsBefore);
    expect(await bot.storedRows()).toBe(0);
  });

  // botbuilder's CloudAdapter alone turns jsonwebtoken's own errors ("invalid signature", "jwt signature is
  // required") into 500; bot/src/botAdapter.ts's RefusingAuthentication makes every refusal a 401.
  it('answers 401 (not 500) to a forged signature and to alg: none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: CHANNEL_ISSUER, aud: BOT_APP_ID, serviceurl: connector.url, nbf: now - 60, exp: now + 3600 };
    expect((await post(hello(), 'Bearer ' + (await channelToken(keys, connector.url, { key: keys.unknown })))).status).toBe(401);
    expect((await post(hello(), `Bearer ${base64url({ alg: 'none', typ: 'JWT', kid: keys.kid })}.${base64url(claims)}.`)).status).toBe(401);
  });

  it('accepts a token signed by the published key with the right claims (positive control: the refusals above are for the reason named)', async () => {
    const callsBefore = connector.calls.length;
    const invoke = messageActivity(connector.url, '', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: 'security.probe', data: {} } },
    });
    const res = await post(invoke, 'Bearer ' + (await channelToken(keys, connector.url)));
    expect(res.status).toBe(200);
    // The bot ran: it answered the unknown verb with its card in the invoke response (no connector call needed,
    // which would need a token from Entra).
    const body = (await res.json()) as { statusCode?: number; type?: string };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(connector.calls.length).toBe(callsBefore);
    expect(keys.fetches()).toBeGreaterThan(0);
  });
});

describe('BOT_OPENID_METADATA_URL', () => {
  const production = {
    NODE_ENV: 'production',
    MicrosoftAppId: BOT_APP_ID,
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: '6f1c3a52-2b8e-4d4c-9a51-0c8f5d2e7a10',
    STORAGE_ACCOUNT_URL: 'https://example.table.core.windows.net',
  };

  it('is off by default (botbuilder then uses the public cloud metadata)', () => {
    expect(loadConfig(production).bot.openIdMetadataUrl).toBeUndefined();
  });

  it('refuses a URL that is not https in production, and anything but a URL', () => {
    expect(() => loadConfig({ ...production, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:1/openid' })).toThrow(/BOT_OPENID_METADATA_URL must be an https/);
    expect(() => loadConfig({ BOT_OPENID_METADATA_URL: 'not a url' })).toThrow(/BOT_OPENID_METADATA_URL must be a URL/);
    expect(loadConfig({ ...production, BOT_OPENID_METADATA_URL: 'https://login.botframework.com/v1/.well-known/openidconfiguration' }).bot.openIdMetadataUrl).toBe(
      'https://login.botframework.com/v1/.well-known/openidconfiguration',
    );
  });
});
