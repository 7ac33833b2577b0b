import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig, type Config } from '@soestainable/bot/config';
import { createLogger } from '@soestainable/bot/platform/logger';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { CheckIn, IsoDate, Role, TravelMode } from '@soestainable/shared/domain/types';
import { estimateCheckInImpact, FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import { baselineSurvey, participant, seedOrg } from './orgFixture';
import { testConnectionString } from './storage';

/** The key type jose 6 signs with (a WebCrypto key; jose 5's `KeyLike` is gone). */
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * The tab API through the real server, for API tests: `composeApp` on port 0 with its own tables on Azurite, an
 * empty temp dir as the built tab, a seeded organisation, and tokens.
 *
 * - SSO (default): the app is configured with an Entra app (`AAD_APP_CLIENT_ID`, `AAD_APP_ID_URI`,
 *   `AAD_ALLOWED_TENANTS`) whose signing keys a local HTTP server publishes (`AAD_JWKS_URL`). `tokenFor` signs
 *   tokens with that key (or, on request, a forged one), shaped like Entra's v2 (default) or v1 access tokens.
 * - Dev sign-in (`{ sso: false }`): no Entra app configured, so the dev sign-in routes exist; `devToken` signs
 *   in through `POST /api/dev/session` like the tab does.
 *
 * The organisation (see {@link TAB_USERS}, {@link TAB_TEAMS}): the campaign of `seedOrg` (Mon 30 Nov 2026, ten
 * days; the app's clock is Wed 2 Dec, day 3); team `publiekszaken` with 6 active participants (above the minimum
 * group size of 5) and check-ins with their aggregates on days 1 and 2; team `buitendienst` with 4 (below it).
 */

/** The app's clock in these tests: Wednesday 2 December 2026, 09:30 in Soest (day 3 of the campaign). */
export const TAB_NOW = new Date('2026-12-02T08:30:00Z');
/**
 * Friday 4 December: 30 November, 1 and 2 December are final (no check-in can be given or corrected for them any
 * more), so the disclosure rule lets their figures out where the recorded group is large enough.
 */
export const TAB_FIGURES_NOW = new Date('2026-12-04T08:30:00Z');
export const TAB_TENANT = '6f1c3a52-2b8e-4d4c-9a51-0c8f5d2e7a10';
export const OTHER_TENANT = '0b7e9c44-5d21-4f3a-8e6b-9a2c1d3e4f50';
export const TAB_CLIENT_ID = '3d9a7c1e-8b42-4f6e-a1d0-5c2b9e8f7a63';
export const TAB_APP_ID_URI = `api://localhost:53000/${TAB_CLIENT_ID}`;

export const TAB_TEAMS = { big: 'publiekszaken', small: 'buitendienst' } as const;

/** Who is who in the seeded organisation. */
export const TAB_USERS = {
  /** An employee of the big team (no roles). */
  employee: 'aad-pz-02',
  /** Manager of the big team (role manager, listed in its managerIds). */
  manager: 'aad-manager-1',
  /** Manager of the small team. */
  otherManager: 'aad-manager-2',
  /** The programme coordinator (member of the small team). */
  coordinator: 'aad-coordinator',
  /** An employee of the small team. */
  smallTeamMember: 'aad-bd-01',
  /** Signed in, but never joined: an employee without a team. */
  outsider: 'aad-outsider',
} as const;

/** Members of the big team: the manager and five employees. */
export const BIG_TEAM_MEMBERS = ['aad-manager-1', 'aad-pz-01', 'aad-pz-02', 'aad-pz-03', 'aad-pz-04', 'aad-pz-05'] as const;
/** Members of the small team. */
export const SMALL_TEAM_MEMBERS = ['aad-manager-2', 'aad-coordinator', 'aad-bd-01', 'aad-bd-02'] as const;

/** Check-ins seeded for the big team on day 1 (30 Nov) and day 2 (1 Dec): who, and how they travelled. */
export const SEEDED_CHECKINS: ReadonlyArray<{ userId: string; date: IsoDate; day: number; travelMode: TravelMode; wasteFree: boolean }> = [
  { userId: 'aad-pz-01', date: '2026-11-30', day: 1, travelMode: 'fiets', wasteFree: true },
  { userId: 'aad-pz-02', date: '2026-11-30', day: 1, travelMode: 'auto', wasteFree: false },
  { userId: 'aad-pz-03', date: '2026-11-30', day: 1, travelMode: 'ov', wasteFree: true },
  { userId: 'aad-pz-01', date: '2026-12-01', day: 2, travelMode: 'fiets', wasteFree: true },
  { userId: 'aad-pz-02', date: '2026-12-01', day: 2, travelMode: 'fiets', wasteFree: true },
];

/** Extra claims of a test token: any claim (a value of `undefined` removes it), plus how to sign it. */
export type TokenOptions = {
  /** Stored on the participant (created if absent) before the token is made: roles come from storage, not the token. */
  readonly roles?: readonly Role[];
  /** `forged`: signed by a key the JWKS does not publish (same `kid`). */
  readonly signWith?: 'trusted' | 'forged';
  /** `none`: an unsigned token; `HS256`: signed with the client id as a shared secret. */
  readonly alg?: 'RS256' | 'none' | 'HS256';
  /** Entra v1 tokens: issuer `https://sts.windows.net/{tid}/`, audience the app id URI. */
  readonly version?: 'v1' | 'v2';
} & Readonly<Record<string, unknown>>;

export interface ApiCall {
  readonly token?: string;
  readonly body?: unknown;
  /** A raw body (sent as is, with the JSON content type unless `headers` says otherwise). */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface TabApiHarness {
  readonly app: RunningApp;
  readonly repos: Repositories;
  readonly config: Config;
  readonly base: string;
  readonly campaign: Campaign;
  /** The campaign's challenge days. */
  readonly days: readonly IsoDate[];
  /** Every log line the app wrote (JSON), to check that no token or personal text reaches the logs. */
  readonly logs: readonly string[];
  /** An SSO access token for `userId` (SSO mode only). */
  tokenFor(userId: string, options?: TokenOptions): Promise<string>;
  /** A dev sign-in token through `POST /api/dev/session` (dev mode only). */
  devToken(userId: string, role?: 'employee' | 'manager' | 'coordinator'): Promise<string>;
  /** One request to the API; the answer's body parsed as JSON (text when it is not JSON). */
  api<T = unknown>(method: string, path: string, call?: ApiCall): Promise<ApiAnswer<T>>;
  close(): Promise<void>;
}

export interface TabApiOptions {
  /** false: no Entra app configured, the dev sign-in is on (DEV_SIGNIN=1; `env` may unset it). Default true. */
  readonly sso?: boolean;
  readonly now?: Date;
  /** The app's clock, for a test that moves it (a conversation over weeks); overrides `now`. */
  readonly clock?: () => Date;
  readonly minGroupSize?: number;
  /** More environment variables for the app's config. */
  readonly env?: Readonly<Record<string, string>>;
  /** Skip seeding the organisation (a test that seeds its own). */
  readonly seed?: boolean;
}

/** A local JWKS endpoint publishing one RSA public key, as Entra's `discovery/v2.0/keys` does. */
async function startJwks(publicJwk: Record<string, unknown>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url !== '/discovery/v2.0/keys') {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/discovery/v2.0/keys`, server };
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Seeds the test organisation (see the file comment). */
export async function seedTabOrg(repos: Repositories): Promise<{ campaign: Campaign; days: IsoDate[] }> {
  const { campaign, days } = await seedOrg(repos);
  const member = (userId: string, teamId: string, roles: Role[] = []): Participant =>
    participant({ userId, teamId, roles, tenantId: TAB_TENANT });
  const people: Participant[] = [
    ...BIG_TEAM_MEMBERS.map((id) => member(id, TAB_TEAMS.big, id === TAB_USERS.manager ? ['manager'] : [])),
    ...SMALL_TEAM_MEMBERS.map((id) =>
      member(id, TAB_TEAMS.small, id === TAB_USERS.otherManager ? ['manager'] : id === TAB_USERS.coordinator ? ['coordinator'] : []),
    ),
  ];
  for (const p of people) {
    await repos.participants.save(p);
    await repos.surveys.save(baselineSurvey(p.userId, { campaignId: campaign.campaignId }));
  }
  for (const c of SEEDED_CHECKINS) {
    const challenge = CATALOGUE[c.day - 1];
    if (!challenge) throw new Error(`no challenge for day ${c.day}`);
    const answers = { outcome: 'done' as const, travelMode: c.travelMode, distanceBand: '5-10' as const, wasteFree: c.wasteFree, cupsAvoided: 0 };
    const checkIn: CheckIn = {
      userId: c.userId,
      teamId: TAB_TEAMS.big,
      campaignId: campaign.campaignId,
      date: c.date,
      day: c.day,
      challengeId: challenge.id,
      ...answers,
      challengeAnswer: challenge.question.kind === 'yesno' ? true : undefined,
      impact: estimateCheckInImpact(answers, baselineSurvey(c.userId)),
      factorVersion: FACTOR_TABLE_VERSION,
      createdAt: `${c.date}T09:00:00.000Z`,
      updatedAt: `${c.date}T09:00:00.000Z`,
    };
    await repos.checkIns.save(checkIn, null);
    await repos.dailyAggregates.apply(checkIn);
  }
  for (const date of days.slice(0, 2)) {
    await repos.dailyAggregates.recordParticipants(campaign.campaignId, TAB_TEAMS.big, date, BIG_TEAM_MEMBERS.length);
    await repos.dailyAggregates.recordParticipants(campaign.campaignId, TAB_TEAMS.small, date, SMALL_TEAM_MEMBERS.length);
  }
  return { campaign, days };
}

/** Starts the app with the tab API (see the file comment). Call `close()` in `afterAll`. */
export async function startTabApi(options: TabApiOptions = {}): Promise<TabApiHarness> {
  const sso = options.sso ?? true;
  const now = options.now ?? TAB_NOW;
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const forged = await generateKeyPair('RS256');
  const kid = 'test-key-1';
  const jwks = sso ? await startJwks({ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }) : undefined;

  const logs: string[] = [];
  const env: Record<string, string> = {
    STORAGE_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: 'tab' + randomBytes(4).toString('hex'),
    ORG_ID: 'soest',
    MIN_GROUP_SIZE: String(options.minGroupSize ?? 5),
    // Suites here call far faster than a person (fuzzing: hundreds a minute, one user, one conversation): the
    // inbound limits are out of their way; tests/integration/server/rateLimits.test.ts sets them low instead.
    MESSAGE_RATE_LIMIT: '100000',
    TAB_API_RATE_LIMIT: '100000',
    ...(jwks
      ? { AAD_APP_CLIENT_ID: TAB_CLIENT_ID, AAD_APP_ID_URI: TAB_APP_ID_URI, AAD_ALLOWED_TENANTS: TAB_TENANT, AAD_JWKS_URL: jwks.url }
      : { DEV_SIGNIN: '1' }),
    ...options.env,
  };
  const config = loadConfig(env);
  let app: RunningApp;
  try {
    app = await composeApp(config, createLogger('debug', (line) => logs.push(line)), {
      now: options.clock ?? (() => now),
      tabDir: mkdtempSync(join(tmpdir(), 'tab-')),
    });
  } catch (err) {
    jwks?.server.close();
    throw err;
  }
  const base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
  const seeded = options.seed === false ? undefined : await seedTabOrg(app.repositories);
  const repos = app.repositories;

  async function tokenFor(userId: string, opts: TokenOptions = {}): Promise<string> {
    if (!sso) throw new Error('tokenFor needs the SSO harness (startTabApi() without sso: false)');
    const { roles, signWith, alg, version, ...claimOverrides } = opts;
    if (roles !== undefined) {
      const stored = await repos.participants.update(userId, (p) => ({ ...p, roles: [...roles] }));
      if (!stored) await repos.participants.save(participant({ userId, tenantId: TAB_TENANT, teamId: TAB_TEAMS.big, roles: [...roles] }));
    }
    const v1 = version === 'v1';
    const seconds = Math.floor(Date.now() / 1000);
    const base: Record<string, unknown> = {
      aud: v1 ? TAB_APP_ID_URI : TAB_CLIENT_ID,
      iss: v1 ? `https://sts.windows.net/${TAB_TENANT}/` : `https://login.microsoftonline.com/${TAB_TENANT}/v2.0`,
      iat: seconds - 10,
      nbf: seconds - 10,
      exp: seconds + 3600,
      tid: TAB_TENANT,
      oid: userId,
      sub: `sub-${userId}`,
      name: `Test ${userId}`,
      scp: 'access_as_user',
      ver: v1 ? '1.0' : '2.0',
      azp: randomUUID(),
    };
    // An override replaces a claim; `undefined` leaves it out.
    const claims = Object.fromEntries(Object.entries({ ...base, ...claimOverrides }).filter(([, value]) => value !== undefined));
    if (alg === 'none') return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    if (alg === 'HS256') {
      return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid }).sign(new TextEncoder().encode(TAB_CLIENT_ID));
    }
    const key: SigningKey = signWith === 'forged' ? forged.privateKey : privateKey;
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key);
  }

  async function api<T = unknown>(method: string, path: string, call: ApiCall = {}): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    let body: string | undefined;
    if (call.rawBody !== undefined || call.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = call.rawBody ?? JSON.stringify(call.body);
    }
    if (call.token !== undefined) headers['authorization'] = `Bearer ${call.token}`;
    const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async function devToken(userId: string, role: 'employee' | 'manager' | 'coordinator' = 'employee'): Promise<string> {
    const res = await api<{ token?: string }>('POST', '/api/dev/session', { body: { userId, role } });
    if (res.status !== 200 || typeof res.body.token !== 'string') throw new Error(`dev sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  }

  let closed = false;
  return {
    app,
    repos,
    config,
    base,
    get campaign(): Campaign {
      if (!seeded) throw new Error('startTabApi({ seed: false }) seeds no campaign');
      return seeded.campaign;
    },
    get days(): readonly IsoDate[] {
      if (!seeded) throw new Error('startTabApi({ seed: false }) seeds no campaign');
      return seeded.days;
    },
    logs,
    tokenFor,
    devToken,
    api,
    async close() {
      if (closed) return;
      closed = true;
      if (jwks) {
        const stopped = new Promise<void>((resolve) => jwks.server.close(() => resolve()));
        jwks.server.closeAllConnections();
        await stopped;
      }
      const clients = app.storage.clients;
      await app.close();
      await clients.dropTables();
    },
  };
}
