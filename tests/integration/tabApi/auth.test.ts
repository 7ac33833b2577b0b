import { DevTokens } from '@soestainable/bot/tabApi/auth';
import type { ApiErrorBody, SessionInfo } from '@soestainable/shared/api';
import { OTHER_TENANT, startTabApi, TAB_APP_ID_URI, TAB_CLIENT_ID, TAB_TENANT, TAB_USERS, type TabApiHarness } from '../../helpers/tabApi';

/**
 * Teams SSO over real HTTP: tokens signed by a local key whose JWKS a local HTTP server publishes, checked by the
 * real server. Every bad token of the issue's list answers 401 with the coded body, and nothing of a token
 * reaches the logs.
 */
describe('tab API authentication (SSO)', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    h = await startTabApi();
  });
  afterAll(async () => {
    await h.close();
  });

  const session = (token: string | undefined, headers: Record<string, string> = {}) =>
    h.api<SessionInfo & ApiErrorBody>('GET', '/api/session', { ...(token === undefined ? {} : { token }), headers });
  /** The reason code of the newest refusal in the logs. */
  const lastReason = (): unknown => {
    const line = [...h.logs].reverse().find((l) => l.includes('token refused'));
    return line === undefined ? undefined : (JSON.parse(line) as { reason?: unknown }).reason;
  };
  const expect401 = async (token: string | undefined, headers: Record<string, string> = {}, reason?: string) => {
    const res = await session(token, headers);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(typeof res.body.message).toBe('string');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    if (reason !== undefined) expect(lastReason()).toBe(reason);
  };
  const refused = (token: string, reason: string) => expect401(token, {}, reason);

  it('accepts a v2 token: who you are comes from the token, roles and team from storage', async () => {
    const res = await session(await h.tokenFor(TAB_USERS.manager));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: TAB_USERS.manager,
      name: `Test ${TAB_USERS.manager}`,
      roles: ['manager'],
      teamId: 'publiekszaken',
      teamName: 'Publiekszaken',
      lang: 'nl',
      enrolled: true,
      via: 'sso',
    });
  });

  it('accepts a v1 token (issuer sts.windows.net, audience the app id URI)', async () => {
    const res = await session(await h.tokenFor(TAB_USERS.coordinator, { version: 'v1' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: TAB_USERS.coordinator, roles: ['coordinator'], teamId: 'buitendienst' });
  });

  it('accepts the audience in both forms with either issuer form', async () => {
    expect((await session(await h.tokenFor(TAB_USERS.employee, { aud: TAB_APP_ID_URI }))).status).toBe(200);
    expect((await session(await h.tokenFor(TAB_USERS.employee, { version: 'v1', aud: TAB_CLIENT_ID }))).status).toBe(200);
  });

  it('treats an unknown user as a signed-in employee without a team', async () => {
    const res = await session(await h.tokenFor(TAB_USERS.outsider));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: TAB_USERS.outsider, roles: [], teamId: null, enrolled: false, lang: 'nl' });
  });

  it('accepts a token a few seconds past its expiry (clock tolerance) but not minutes past it', async () => {
    const s = Math.floor(Date.now() / 1000);
    expect((await session(await h.tokenFor(TAB_USERS.employee, { iat: s - 3700, nbf: s - 3700, exp: s - 10 }))).status).toBe(200);
    await expect401(await h.tokenFor(TAB_USERS.employee, { iat: s - 7200, nbf: s - 7200, exp: s - 600 }));
  });

  describe('refuses with 401', () => {
    const s = () => Math.floor(Date.now() / 1000);
    it('no Authorization header', async () => expect401(undefined, {}, 'missing'));
    it('a header that is not a bearer token', async () => expect401(undefined, { authorization: 'Basic dXNlcjpwYXNz' }, 'malformed'));
    it('an empty bearer token', async () => expect401(undefined, { authorization: 'Bearer ' }, 'malformed'));
    it('garbage instead of a JWT', async () => refused('not-a-jwt', 'malformed'));
    it('an oversized header', async () => refused('a'.repeat(9000), 'malformed'));
    it('an expired token', async () => refused(await h.tokenFor(TAB_USERS.employee, { iat: s() - 7200, nbf: s() - 7200, exp: s() - 3600 }), 'expired'));
    it('a token not yet valid', async () => refused(await h.tokenFor(TAB_USERS.employee, { nbf: s() + 600, iat: s(), exp: s() + 4000 }), 'not_yet_valid'));
    it('a token without exp', async () => refused(await h.tokenFor(TAB_USERS.employee, { exp: undefined }), 'malformed'));
    it('a forged token (another key, same kid)', async () => refused(await h.tokenFor(TAB_USERS.employee, { signWith: 'forged' }), 'bad_signature'));
    it('a token for another audience', async () => refused(await h.tokenFor(TAB_USERS.employee, { aud: '11111111-2222-4333-8444-555555555555' }), 'bad_audience'));
    it('a token for the Graph audience', async () => refused(await h.tokenFor(TAB_USERS.employee, { aud: 'https://graph.microsoft.com' }), 'bad_audience'));
    it('a token from another issuer', async () => refused(await h.tokenFor(TAB_USERS.employee, { iss: 'https://evil.example.com/v2.0' }), 'bad_issuer'));
    it('a token from another tenant', async () =>
      refused(await h.tokenFor(TAB_USERS.employee, { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), 'bad_issuer'));
    it('a token whose issuer is an allowed tenant but whose tid is another', async () =>
      refused(await h.tokenFor(TAB_USERS.employee, { tid: OTHER_TENANT }), 'tenant_not_allowed'));
    it('a token whose tid is allowed but whose issuer names another tenant', async () =>
      refused(await h.tokenFor(TAB_USERS.employee, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), 'bad_issuer'));
    it('a token without the access_as_user scope', async () => refused(await h.tokenFor(TAB_USERS.employee, { scp: 'User.Read' }), 'missing_scope'));
    it('a token without any scope (an app-only token)', async () => refused(await h.tokenFor(TAB_USERS.employee, { scp: undefined }), 'missing_scope'));
    it('a token without oid', async () => refused(await h.tokenFor(TAB_USERS.employee, { oid: undefined }), 'malformed'));
    it('an unsigned token (alg none)', async () => refused(await h.tokenFor(TAB_USERS.employee, { alg: 'none' }), 'bad_algorithm'));
    it('an HS256 token signed with the client id', async () => refused(await h.tokenFor(TAB_USERS.employee, { alg: 'HS256' }), 'bad_algorithm'));
    it('a token of a dev sign-in', async () => {
      const { token } = await new DevTokens().issue(TAB_USERS.coordinator, 'coordinator');
      await refused(token, 'bad_algorithm');
    });
    it('a token with its payload changed after signing', async () => {
      const [head, , sig] = (await h.tokenFor(TAB_USERS.employee)).split('.');
      const payload = Buffer.from(JSON.stringify({ oid: TAB_USERS.coordinator, tid: TAB_TENANT, aud: TAB_CLIENT_ID, scp: 'access_as_user' })).toString('base64url');
      await refused(`${head}.${payload}.${sig}`, 'bad_signature');
    });
  });

  it('has no dev sign-in when an Entra app is configured: its routes answer 404', async () => {
    const users = await h.api<ApiErrorBody>('GET', '/api/dev/users');
    expect(users.status).toBe(404);
    expect(users.body.code).toBe('NOT_FOUND');
    const signIn = await h.api<ApiErrorBody>('POST', '/api/dev/session', { body: { userId: TAB_USERS.coordinator, role: 'coordinator' } });
    expect(signIn.status).toBe(404);
    expect(signIn.body.code).toBe('NOT_FOUND');
  });

  it('writes no token and no claim value to the logs', async () => {
    const token = await h.tokenFor(TAB_USERS.employee, { name: 'Secret Person Name', signWith: 'forged' });
    await expect401(token);
    const logs = h.logs.join('\n');
    expect(logs).toContain('token refused');
    expect(logs).not.toContain(token.split('.')[1]);
    expect(logs).not.toContain(token.split('.')[2]);
    expect(logs).not.toContain('Secret Person Name');
    expect(logs).not.toContain('eyJ');
  });
});

describe('tab API authentication when the signing keys cannot be fetched', () => {
  let h: TabApiHarness;
  beforeAll(async () => {
    // Nothing listens on port 9: the key set cannot be fetched.
    h = await startTabApi({ env: { AAD_JWKS_URL: 'http://127.0.0.1:9/discovery/v2.0/keys' }, seed: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 503 UNAVAILABLE (try again), not 401 (sign in again)', async () => {
    const res = await h.api<ApiErrorBody>('GET', '/api/session', { token: await h.tokenFor(TAB_USERS.employee) });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('UNAVAILABLE');
  });
});
