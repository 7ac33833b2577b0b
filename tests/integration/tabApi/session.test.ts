import { loadConfig } from '@soestainable/bot/config';
import { createLogger } from '@soestainable/bot/platform/logger';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import { createAuthenticator } from '@soestainable/bot/tabApi/auth';
import type { ApiErrorBody, DevSessionResponse, DevUsersResponse, SessionInfo, TeamsResponse } from '@soestainable/shared/api';
import { registeredRoutes } from '../../security/support/routes';
import { SMALL_TEAM_MEMBERS, BIG_TEAM_MEMBERS, startTabApi, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/** The local dev sign-in (no Entra app configured), `GET /api/session` and `GET /api/teams`, over real HTTP. */
describe('tab API dev sign-in and session', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi({ sso: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists the demo users with their team and roles, coordinators and managers first', async () => {
    const res = await h.api<DevUsersResponse>('GET', '/api/dev/users');
    expect(res.status).toBe(200);
    const users = res.body.users;
    expect(users.map((u) => u.userId).sort()).toEqual([...BIG_TEAM_MEMBERS, ...SMALL_TEAM_MEMBERS].sort());
    expect(users[0]).toMatchObject({ userId: TAB_USERS.coordinator, roles: ['coordinator'], teamId: 'buitendienst', teamName: 'Buitendienst' });
    expect(users.slice(1, 3).map((u) => u.roles)).toEqual([['manager'], ['manager']]);
    expect(users.find((u) => u.userId === TAB_USERS.employee)).toMatchObject({ roles: [], teamId: 'publiekszaken' });
  });

  it('signs in as the picked user and role; the session says who that is', async () => {
    const res = await h.api<DevSessionResponse>('POST', '/api/dev/session', { body: { userId: TAB_USERS.employee, role: 'coordinator' } });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    const me = await h.api<SessionInfo>('GET', '/api/session', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: TAB_USERS.employee, roles: ['coordinator'], teamId: 'publiekszaken', via: 'dev', enrolled: true });
  });

  it('acts as a plain employee when the employee role is picked, whatever is stored', async () => {
    const token = await h.devToken(TAB_USERS.coordinator, 'employee');
    const me = await h.api<SessionInfo>('GET', '/api/session', { token });
    expect(me.body).toMatchObject({ userId: TAB_USERS.coordinator, roles: [], teamId: 'buitendienst' });
  });

  it('lists every team of the organisation by name', async () => {
    const res = await h.api<TeamsResponse>('GET', '/api/teams', { token: await h.devToken(TAB_USERS.employee) });
    expect(res.status).toBe(200);
    expect(res.body.teams).toEqual([
      { teamId: 'buitendienst', name: 'Buitendienst' },
      { teamId: 'publiekszaken', name: 'Publiekszaken' },
    ]);
  });

  it('refuses /api/teams and /api/session without a token', async () => {
    expect((await h.api('GET', '/api/teams')).status).toBe(401);
    expect((await h.api('GET', '/api/session')).status).toBe(401);
  });

  describe('bad input', () => {
    const signIn = (body: unknown) => h.api<ApiErrorBody>('POST', '/api/dev/session', { body });
    it('an unknown user → 404', async () => {
      const res = await signIn({ userId: 'nobody-here', role: 'employee' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });
    it('an unknown role, a missing user, extra fields, not JSON → 400', async () => {
      for (const body of [{ userId: TAB_USERS.employee, role: 'admin' }, { role: 'employee' }, { userId: TAB_USERS.employee, role: 'employee', extra: 1 }, 'x', null]) {
        const res = await signIn(body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      const raw = await h.api<ApiErrorBody>('POST', '/api/dev/session', { rawBody: '{"userId":' });
      expect(raw.status).toBe(400);
    });
    it('a token of the dev sign-in that was tampered with → 401', async () => {
      const token = await h.devToken(TAB_USERS.employee);
      const [head, , sig] = token.split('.');
      const payload = Buffer.from(JSON.stringify({ sub: TAB_USERS.coordinator, role: 'coordinator', iss: 'soestainable-dev-sign-in', aud: 'soestainable-tab-dev', exp: 9999999999 })).toString('base64url');
      expect((await h.api('GET', '/api/session', { token: `${head}.${payload}.${sig}` })).status).toBe(401);
    });
    it('a dev token from another server process → 401 (the secret is per process)', async () => {
      const other = await startTabApi({ sso: false, seed: false });
      try {
        const employee = await h.repos.participants.get(TAB_USERS.employee);
        if (!employee) throw new Error('the seeded employee is missing');
        await other.repos.participants.save(employee);
        const token = await other.devToken(TAB_USERS.employee);
        expect((await h.api('GET', '/api/session', { token })).status).toBe(401);
      } finally {
        await other.close();
      }
    });
  });

  it('is never on in production, even without an Entra app', () => {
    const config = loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: '6f1c3a52-2b8e-4d4c-9a51-0c8f5d2e7a10', STORAGE_CONNECTION_STRING: 'x' });
    expect(config.tabAuth.devSignIn).toBe(false);
    // The authenticator reads nothing while it is built: no repositories needed to see it has no dev sign-in.
    expect(createAuthenticator({ config, logger: createLogger('silent'), repos: {} as Repositories }).dev).toBeUndefined();
  });
});

/** `npm run serve` outside production, without DEV_SIGNIN: the same server, but no dev sign-in routes at all. */
describe('tab API without DEV_SIGNIN', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    // No Entra app either: before DEV_SIGNIN this was enough to hand anyone who reached the port a coordinator token.
    h = await startTabApi({ sso: false, seed: true, env: { DEV_SIGNIN: '' } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('has no /api/dev/* routes: they answer 404 with the coded body, and no token is handed out', async () => {
    const users = await h.api<ApiErrorBody>('GET', '/api/dev/users');
    expect(users.status).toBe(404);
    expect(users.body.code).toBe('NOT_FOUND');
    const signIn = await h.api<ApiErrorBody & { token?: string }>('POST', '/api/dev/session', { body: { userId: TAB_USERS.coordinator, role: 'coordinator' } });
    expect(signIn.status).toBe(404);
    expect(signIn.body.code).toBe('NOT_FOUND');
    expect(signIn.body.token).toBeUndefined();
    expect(registeredRoutes(h.app.server).filter((r) => r.path.startsWith('/api/dev'))).toEqual([]);
  });

  it('still answers the session routes, with 401 (positive control: the server is up, only the dev sign-in is gone)', async () => {
    expect((await h.api<ApiErrorBody>('GET', '/api/session')).status).toBe(401);
  });
});

