import { loadConfig } from '@soestainable/bot/config';
import { clockOf } from '@soestainable/bot/platform/clock';
import { AppError } from '@soestainable/bot/errors';

function errorOf(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('gives local defaults on an empty environment: embedded Azurite, port 3978, Playground on', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(3978);
    expect(config.storage).toEqual({ kind: 'embedded', dataDir: '.data', port: undefined, tablePrefix: '' });
    expect(config.playground).toEqual({ enabled: true, port: 56150 });
    expect(config.minGroupSize).toBe(5);
    expect(config.reportsPerDay).toBe(10);
    expect(config.bot.appId).toBe('');
  });

  it('is frozen, deeply', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.storage)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PLAYGROUND: 'maybe' }, 'PLAYGROUND'],
    [{ MIN_GROUP_SIZE: '1' }, 'MIN_GROUP_SIZE'],
    [{ REPORTS_PER_DAY: '0' }, 'REPORTS_PER_DAY'],
    [{ REPORTS_PER_DAY: '101' }, 'REPORTS_PER_DAY'],
    [{ STORAGE_ACCOUNT_URL: 'not a url' }, 'STORAGE_ACCOUNT_URL'],
    [{ TABLE_PREFIX: 'has-dash' }, 'TABLE_PREFIX'],
    [{ MicrosoftAppType: 'MultiTenant' }, 'MicrosoftAppType'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEV_CLOCK: '2026-12-02' }, 'DEV_CLOCK'],
    [{ DEV_CLOCK: '2026-13-02T08:00:00Z' }, 'DEV_CLOCK'],
  ])('rejects %j naming %s', (env, variable) => {
    const err = errorOf(env);
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain(variable);
  });

  it('reads the daily limit of barriers and ideas per person from REPORTS_PER_DAY', () => {
    expect(loadConfig({ REPORTS_PER_DAY: '3' }).reportsPerDay).toBe(3);
  });

  it('names every bad variable at once', () => {
    const err = errorOf({ PORT: 'x', AZURITE_PORT: '0' });
    expect(err.message).toContain('PORT');
    expect(err.message).toContain('AZURITE_PORT');
  });

  it('refuses production without an app id and without storage', () => {
    const err = errorOf({ NODE_ENV: 'production' });
    expect(err.message).toContain('MicrosoftAppId');
    expect(err.message).toContain('STORAGE_ACCOUNT_URL');
  });

  it('refuses a SingleTenant bot without password or tenant', () => {
    const err = errorOf({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' });
    expect(err.message).toContain('MicrosoftAppTenantId');
    expect(err.message).toContain('MicrosoftAppPassword');
  });

  it('accepts production with a managed-identity bot and an account URL, and turns demo features off', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
      STORAGE_ACCOUNT_URL: 'https://soest.table.core.windows.net',
      PLAYGROUND: '1',
      SEED_DEMO: '1',
    });
    expect(config.isProduction).toBe(true);
    expect(config.storage.kind).toBe('accountUrl');
    expect(config.playground.enabled).toBe(false);
    expect(config.seedDemo).toBe(false);
  });

  it('keeps the audit log two years unless AUDIT_RETENTION_DAYS says otherwise, from 30 to 3650 days', () => {
    expect(loadConfig({}).jobs.auditRetentionDays).toBe(730);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '365' }).jobs.auditRetentionDays).toBe(365);
    for (const bad of ['29', '3651', 'twee jaar']) expect(errorOf({ AUDIT_RETENTION_DAYS: bad }).message).toContain('AUDIT_RETENTION_DAYS');
  });

  it('refuses both storage settings at once', () => {
    const err = errorOf({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net' });
    expect(err.message).toContain('choose one');
  });

  it('runs the dev clock on from DEV_CLOCK, and refuses it in production', () => {
    const config = loadConfig({ DEV_CLOCK: '2026-12-02T08:00:00+01:00' });
    let real = 1_000_000;
    const now = clockOf(config, () => real);
    expect(now().toISOString()).toBe('2026-12-02T07:00:00.000Z');
    real += 90_000;
    expect(now().toISOString()).toBe('2026-12-02T07:01:30.000Z');
    expect(clockOf(loadConfig({}), () => 42)().getTime()).toBe(42);
    expect(errorOf({
      NODE_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't',
      STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net', DEV_CLOCK: '2026-12-02T08:00:00Z',
    }).message).toContain('DEV_CLOCK');
  });

  it('reads the inbound rate limits (30 a minute per conversation, 120 per user by default) and refuses 0', () => {
    expect(loadConfig({}).limits).toEqual({ messagesPerMinute: 30, tabRequestsPerMinute: 120 });
    expect(loadConfig({ MESSAGE_RATE_LIMIT: '5', TAB_API_RATE_LIMIT: '7' }).limits).toEqual({ messagesPerMinute: 5, tabRequestsPerMinute: 7 });
    expect(errorOf({ MESSAGE_RATE_LIMIT: '0' }).message).toContain('MESSAGE_RATE_LIMIT');
    expect(errorOf({ TAB_API_RATE_LIMIT: 'lots' }).message).toContain('TAB_API_RATE_LIMIT');
  });

  describe('listening address and the dev sign-in, only on purpose', () => {
    const production = {
      NODE_ENV: 'production', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002', STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net',
    };

    it('listens on 127.0.0.1 outside production unless HOST says otherwise; on 0.0.0.0 in production (App Service)', () => {
      expect(loadConfig({}).host).toBe('127.0.0.1');
      expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
      expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
      expect(loadConfig(production).host).toBe('0.0.0.0');
      expect(loadConfig({ ...production, HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    });

    it('has no dev sign-in without DEV_SIGNIN=1 (npm run serve), and one with it', () => {
      expect(loadConfig({}).tabAuth.devSignIn).toBe(false);
      expect(loadConfig({ DEV_SIGNIN: '0' }).tabAuth.devSignIn).toBe(false);
      expect(loadConfig({ DEV_SIGNIN: '1' }).tabAuth.devSignIn).toBe(true);
      // With an Entra app the tab signs in by SSO: the dev sign-in stays off.
      expect(loadConfig({ DEV_SIGNIN: '1', AAD_APP_CLIENT_ID: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', AAD_APP_TENANT_ID: '6f1c3a52-2b8e-4d4c-9a51-0c8f5d2e7a10' }).tabAuth.devSignIn).toBe(false);
      expect(errorOf({ DEV_SIGNIN: 'sure' }).message).toContain('DEV_SIGNIN');
    });

    it('refuses DEV_SIGNIN=1 in production with CONFIG_INVALID naming it', () => {
      const err = errorOf({ ...production, DEV_SIGNIN: '1' });
      expect(err.code).toBe('CONFIG_INVALID');
      expect(err.message).toMatch(/DEV_SIGNIN .*production/);
      expect(loadConfig({ ...production, DEV_SIGNIN: '0' }).tabAuth.devSignIn).toBe(false);
    });

    it('turns the dev sign-in on for npm start (the local stack) unless DEV_SIGNIN=0, and never in production', () => {
      expect(loadConfig({}, { localStack: true }).tabAuth.devSignIn).toBe(true);
      expect(loadConfig({ DEV_SIGNIN: '0' }, { localStack: true }).tabAuth.devSignIn).toBe(false);
      expect(loadConfig(production, { localStack: true }).tabAuth.devSignIn).toBe(false);
    });
  });
});
