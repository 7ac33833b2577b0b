import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { createLogger } from '@soestainable/bot/platform/logger';
import { TABLE_NAMES } from '@soestainable/bot/storage/tables';
import { rawRows, testConnectionString } from '../../helpers/storage';

/** The key type jose 6 signs with (a WebCrypto key; jose 5's `KeyLike` is gone). */
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * A local stand-in for the Bot Framework's OpenID metadata (login.botframework.com): the configuration document
 * and the key set it points to, publishing one RSA key. The app is pointed at it with BOT_OPENID_METADATA_URL, so
 * tests can sign channel tokens without a network.
 */
export interface BotKeys {
  readonly metadataUrl: string;
  readonly kid: string;
  readonly trusted: SigningKey;
  /** A key the metadata does not publish. */
  readonly unknown: SigningKey;
  /** How often the key set was fetched. */
  readonly fetches: () => number;
  close(): Promise<void>;
}

export const BOT_APP_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
export const BOT_TENANT = '6f1c3a52-2b8e-4d4c-9a51-0c8f5d2e7a10';
/** Test secrets: the log test checks none of them reaches a log line. */
export const BOT_APP_PASSWORD = 'bot-secret-' + randomBytes(12).toString('hex');
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export async function startBotKeys(): Promise<BotKeys> {
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const unknown = await generateKeyPair('RS256');
  const kid = 'bf-test-key-' + randomBytes(4).toString('hex');
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid, use: 'sig', endorsements: ['msteams'] };
  let fetches = 0;
  let base = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      fetches++;
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    kid,
    trusted: trusted.privateKey,
    unknown: unknown.privateKey,
    fetches: () => fetches,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export interface ChannelTokenOptions {
  readonly key?: SigningKey;
  readonly kid?: string;
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** A token shaped like the Bot Connector's (issuer api.botframework.com, audience the bot's app id). */
export async function channelToken(keys: BotKeys, serviceUrl: string, options: ChannelTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: CHANNEL_ISSUER,
    aud: BOT_APP_ID,
    serviceurl: serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...options.claims,
  };
  const defined = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
  return new SignJWT(defined).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? keys.kid }).sign(options.key ?? keys.trusted);
}

export function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export interface BotApp {
  readonly app: RunningApp;
  readonly base: string;
  readonly logs: string[];
  /** Every row in every table of this app (its own table prefix). */
  storedRows(): Promise<number>;
  close(): Promise<void>;
}

/** The real app with a bot app id configured (SingleTenant), its own tables, listening on port 0. */
export async function startBotApp(keys: BotKeys, env: Readonly<Record<string, string>> = {}): Promise<BotApp> {
  const logs: string[] = [];
  const config = loadConfig({
    PLAYGROUND: '0',
    SEED_DEMO: '0',
    STORAGE_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: 'sec' + randomBytes(4).toString('hex'),
    MicrosoftAppId: BOT_APP_ID,
    MicrosoftAppPassword: BOT_APP_PASSWORD,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: BOT_TENANT,
    BOT_OPENID_METADATA_URL: keys.metadataUrl,
    ...env,
  });
  const app = await composeApp(config, createLogger('debug', (line) => logs.push(line)), { tabDir: mkdtempSync(join(tmpdir(), 'tab-')) });
  const base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
  return {
    app,
    base,
    logs,
    async storedRows() {
      let count = 0;
      for (const name of TABLE_NAMES) count += (await rawRows(app.storage.clients.client(name))).length;
      return count;
    },
    async close() {
      const clients = app.storage.clients;
      await app.close();
      await clients.dropTables();
    },
  };
}

/** A Teams 1:1 message activity. */
export function messageActivity(serviceUrl: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'act-' + randomUUID(),
    text,
    locale: 'nl-NL',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:sec-user', aadObjectId: 'aad-sec-user' },
    recipient: { id: '28:' + BOT_APP_ID },
    conversation: { id: 'conv-sec-1', conversationType: 'personal', tenantId: BOT_TENANT },
    ...extra,
  };
}
