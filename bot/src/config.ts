import { z } from 'zod';
import { DEFAULT_MIN_GROUP_SIZE } from '@soestainable/shared/privacy/groupSize';
import { AppError } from './errors';
import type { Env } from './platform/env';

/**
 * The one place that reads the environment. Everything else gets the frozen `Config` through its constructor.
 * Each variable is documented in `.env.example` and the README's configuration table.
 */

/** A 1/0 switch; unset or empty gives `fallback` (`undefined`: "not said", for defaults that depend on more). */
const flag = <F extends boolean | undefined>(name: string, fallback: F) =>
  z
    .string()
    .optional()
    .transform((v, ctx): boolean | F => {
      if (v === undefined || v.trim() === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(s)) return true;
      if (['0', 'false', 'no', 'off'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be 1/0, true/false, yes/no or on/off (got "${v}")` });
      return z.NEVER;
    });

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const n = Number(v.trim());
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

const text = () =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  NODE_ENV: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? 'development' : v.trim()))
    .pipe(z.enum(['development', 'test', 'production'], { error: 'NODE_ENV must be development, test or production' })),
  PORT: int('PORT', 0, 65535),
  HOST: text(),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? 'info' : v.trim()))
    .pipe(z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'LOG_LEVEL must be debug, info, warn, error or silent' })),
  MicrosoftAppId: text(),
  MicrosoftAppPassword: text(),
  MicrosoftAppType: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? 'SingleTenant' : v.trim()))
    .pipe(z.enum(['SingleTenant', 'UserAssignedMSI'], { error: 'MicrosoftAppType must be SingleTenant or UserAssignedMSI (new multi-tenant bots are no longer allowed)' })),
  MicrosoftAppTenantId: text(),
  BOT_OPENID_METADATA_URL: text().pipe(z.url({ error: 'BOT_OPENID_METADATA_URL must be a URL (an OpenID configuration document)' }).optional()),
  STORAGE_CONNECTION_STRING: text(),
  STORAGE_ACCOUNT_URL: text().pipe(
    z.url({ error: 'STORAGE_ACCOUNT_URL must be a URL such as https://<account>.table.core.windows.net' }).optional(),
  ),
  TABLE_PREFIX: text().pipe(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, { error: 'TABLE_PREFIX must be 1–20 letters and digits, starting with a letter' }).optional()),
  DATA_DIR: text(),
  AZURITE_PORT: int('AZURITE_PORT', 1, 65535),
  PLAYGROUND: flag('PLAYGROUND', true),
  PLAYGROUND_PORT: int('PLAYGROUND_PORT', 1, 65535),
  SEED_DEMO: flag('SEED_DEMO', true),
  ORG_ID: text().pipe(z.string().regex(/^[a-z0-9-]{2,40}$/, { error: 'ORG_ID must be 2–40 lower-case letters, digits or dashes' }).optional()),
  ORG_NAME: text(),
  REPORTS_PER_DAY: int('REPORTS_PER_DAY', 1, 100),
  MIN_GROUP_SIZE: int('MIN_GROUP_SIZE', 2, 100),
  DEV_SIGNIN: flag('DEV_SIGNIN', undefined),
  DEV_CLOCK: text().pipe(
    z
      .string()
      .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), {
        error: 'DEV_CLOCK must be an ISO instant with a time zone, e.g. 2026-12-02T08:00:00+01:00',
      })
      .optional(),
  ),
  // Proactive jobs (issue 4).
  JOBS_KEY: text().pipe(z.string().min(24, { error: 'JOBS_KEY must be at least 24 characters (a random secret for POST /api/jobs/*)' }).optional()),
  SCHEDULER: flag('SCHEDULER', true),
  SEND_RATE: int('SEND_RATE', 1, 1000),
  NUDGE_CUTOFF: text().pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'NUDGE_CUTOFF must be a local time HH:MM, e.g. 12:00' }).optional()),
  RETENTION_DAYS: int('RETENTION_DAYS', 0, 3650),
  AUDIT_RETENTION_DAYS: int('AUDIT_RETENTION_DAYS', 30, 3650),
  WEATHER_URL: text().pipe(z.url({ error: 'WEATHER_URL must be a URL (an Open-Meteo style forecast feed)' }).optional()),
  TEAMS_APP_ID: text().pipe(z.uuid({ error: 'TEAMS_APP_ID must be the Teams app id from the manifest (a GUID)' }).optional()),
  // Inbound rate limits (in memory, per instance).
  MESSAGE_RATE_LIMIT: int('MESSAGE_RATE_LIMIT', 1, 100_000),
  TAB_API_RATE_LIMIT: int('TAB_API_RATE_LIMIT', 1, 100_000),
  // Tab single sign-on (issue 5): the Entra app the tab asks tokens for.
  AAD_APP_CLIENT_ID: text().pipe(z.uuid({ error: 'AAD_APP_CLIENT_ID must be the Entra application (client) id, a GUID' }).optional()),
  AAD_APP_ID_URI: text().pipe(z.string().regex(/^api:\/\/\S+$/, { error: 'AAD_APP_ID_URI must look like api://<tab domain>/<client id>' }).optional()),
  AAD_APP_TENANT_ID: text().pipe(z.uuid({ error: 'AAD_APP_TENANT_ID must be a tenant id (GUID)' }).optional()),
  AAD_ALLOWED_TENANTS: text(),
  AAD_JWKS_URL: text().pipe(z.url({ error: 'AAD_JWKS_URL must be a URL' }).optional()),
});

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly isProduction: boolean;
  readonly port: number;
  readonly host: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId: string;
    /**
     * Where the Bot Framework channel publishes its OpenID configuration (and so the keys that sign the tokens
     * on /api/messages). Undefined = botbuilder's public-cloud default (login.botframework.com). For sovereign
     * clouds and for tests that sign their own tokens.
     */
    readonly openIdMetadataUrl: string | undefined;
  };
  readonly storage:
    | { readonly kind: 'connectionString'; readonly connectionString: string; readonly tablePrefix: string }
    | { readonly kind: 'accountUrl'; readonly url: string; readonly tablePrefix: string }
    | { readonly kind: 'embedded'; readonly dataDir: string; readonly port: number | undefined; readonly tablePrefix: string };
  readonly playground: { readonly enabled: boolean; readonly port: number };
  readonly seedDemo: boolean;
  readonly org: { readonly id: string; readonly name: string };
  readonly minGroupSize: number;
  /** Most barriers and ideas one person may file per local day, over the bot and the tab (REPORTS_PER_DAY). */
  readonly reportsPerDay: number;
  /**
   * Local and test use only: the app's clock starts at this instant (and runs on from there), so a weekend
   * developer or an end-to-end test can try a campaign day. Refused in production.
   */
  readonly devClockStart: Date | undefined;
  /** Proactive jobs: nudges, digests, "you said, we did", retention (docs/proactive.md). */
  readonly jobs: {
    /** Protects POST /api/jobs/*; without it that route answers 401 to everyone. */
    readonly key: string | undefined;
    /** Run the in-process scheduler (every minute, safe in every instance). */
    readonly scheduler: boolean;
    /** Proactive sends per second for this instance (the tenant-wide bucket, divided by the instance count). */
    readonly sendRate: number;
    /** Local time (Europe/Amsterdam) after which a late nudge is no longer sent, `HH:MM`. */
    readonly nudgeCutoff: string;
    /**
     * Raw check-ins and personal survey answers, and barrier and idea texts, are purged this many days after a
     * campaign ends; send claims this many days after they were made; profiles and chat links this many days after
     * the person left.
     */
    readonly retentionDays: number;
    /** Audit log entries are kept at least this many days (default two years), then purged by whole months. */
    readonly auditRetentionDays: number;
    /** Open-Meteo style forecast feed for the weather line on the daily card; off when undefined. */
    readonly weatherUrl: string | undefined;
    /** The Teams app id (manifest `id`), for deep links from cards into the tab; without it cards link nowhere. */
    readonly teamsAppId: string | undefined;
  };
  /**
   * Inbound rate limits, counted in memory per instance (with N instances a caller can get N times as much):
   * beyond them the bot answers with a short text (messages) or 429 (card actions), the tab API with 429.
   */
  readonly limits: {
    /** Activities per minute per conversation on /api/messages. */
    readonly messagesPerMinute: number;
    /** Tab API requests per minute per signed-in user. */
    readonly tabRequestsPerMinute: number;
  };
  /** How the tab's API authenticates (docs/security.md). */
  readonly tabAuth: {
    /** The Entra app the tab asks tokens for; undefined = no SSO configured. */
    readonly clientId: string | undefined;
    /** The app id URI (`api://<domain>/<clientId>`), the token audience's second form. */
    readonly appIdUri: string | undefined;
    /** Tenants whose tokens are accepted (AAD_ALLOWED_TENANTS, else AAD_APP_TENANT_ID, else the bot's tenant). */
    readonly allowedTenants: readonly string[];
    /** Where the signing keys are published. */
    readonly jwksUrl: string;
    /**
     * The local dev sign-in (`/api/dev/*`): only when asked for with DEV_SIGNIN=1 (`npm start` does) and no Entra
     * app is configured; refused in production.
     */
    readonly devSignIn: boolean;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function fail(problems: readonly string[]): never {
  throw new AppError('CONFIG_INVALID', 'Invalid configuration:\n' + problems.map((p) => `  - ${p}`).join('\n'));
}

export interface LoadOptions {
  /**
   * `npm start`, the local stack: the dev sign-in is on unless DEV_SIGNIN=0 (outside production only; a production
   * environment keeps it off rather than failing to start).
   */
  readonly localStack?: boolean;
}

/** Parses an environment into the typed, frozen Config; throws CONFIG_INVALID naming every bad variable. */
export function loadConfig(env: Env, options: LoadOptions = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    fail(parsed.error.issues.map((i) => (i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`)));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const problems: string[] = [];

  if (e.STORAGE_CONNECTION_STRING !== undefined && e.STORAGE_ACCOUNT_URL !== undefined) {
    problems.push('STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_URL are both set: choose one');
  }
  if (isProduction) {
    if (e.MicrosoftAppId === undefined) {
      problems.push('MicrosoftAppId is required when NODE_ENV=production (an empty app id lets anyone call the bot)');
    }
    if (e.STORAGE_CONNECTION_STRING === undefined && e.STORAGE_ACCOUNT_URL === undefined) {
      problems.push('STORAGE_ACCOUNT_URL (managed identity) or STORAGE_CONNECTION_STRING is required when NODE_ENV=production');
    }
  }
  if (isProduction && e.BOT_OPENID_METADATA_URL !== undefined && !e.BOT_OPENID_METADATA_URL.startsWith('https://')) {
    problems.push('BOT_OPENID_METADATA_URL must be an https:// URL when NODE_ENV=production');
  }
  if (isProduction && e.DEV_CLOCK !== undefined) problems.push('DEV_CLOCK is for local use only and must not be set when NODE_ENV=production');
  if (isProduction && e.DEV_SIGNIN === true) {
    problems.push('DEV_SIGNIN is for local use only (it lets anyone sign in to the tab as anyone) and must not be set when NODE_ENV=production');
  }
  if (e.MicrosoftAppId !== undefined) {
    if (e.MicrosoftAppTenantId === undefined) problems.push(`MicrosoftAppTenantId is required with MicrosoftAppType=${e.MicrosoftAppType}`);
    if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppPassword === undefined) {
      problems.push('MicrosoftAppPassword is required with MicrosoftAppType=SingleTenant');
    }
  }
  const allowedTenants = (e.AAD_ALLOWED_TENANTS ?? e.AAD_APP_TENANT_ID ?? e.MicrosoftAppTenantId ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const t of allowedTenants) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) problems.push(`AAD_ALLOWED_TENANTS: "${t}" is not a tenant id (GUID)`);
  }
  if (e.AAD_APP_CLIENT_ID !== undefined && allowedTenants.length === 0) {
    problems.push('AAD_APP_CLIENT_ID is set but no tenant is allowed: set AAD_ALLOWED_TENANTS or AAD_APP_TENANT_ID');
  }
  if (problems.length > 0) fail(problems);

  const tablePrefix = e.TABLE_PREFIX ?? '';
  const storage: Config['storage'] =
    e.STORAGE_CONNECTION_STRING !== undefined
      ? { kind: 'connectionString', connectionString: e.STORAGE_CONNECTION_STRING, tablePrefix }
      : e.STORAGE_ACCOUNT_URL !== undefined
        ? { kind: 'accountUrl', url: e.STORAGE_ACCOUNT_URL, tablePrefix }
        : { kind: 'embedded', dataDir: e.DATA_DIR ?? '.data', port: e.AZURITE_PORT, tablePrefix };

  return deepFreeze({
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT ?? 3978,
    // Locally only this machine can reach the server (and its dev sign-in); App Service needs every interface.
    host: e.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    logLevel: e.LOG_LEVEL,
    bot: {
      appId: e.MicrosoftAppId ?? '',
      appPassword: e.MicrosoftAppPassword ?? '',
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId ?? '',
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    storage,
    playground: { enabled: e.PLAYGROUND && !isProduction, port: e.PLAYGROUND_PORT ?? 56150 },
    seedDemo: e.SEED_DEMO && !isProduction,
    org: { id: e.ORG_ID ?? 'soest', name: e.ORG_NAME ?? 'Gemeente Soest' },
    minGroupSize: e.MIN_GROUP_SIZE ?? DEFAULT_MIN_GROUP_SIZE,
    reportsPerDay: e.REPORTS_PER_DAY ?? 10,
    devClockStart: e.DEV_CLOCK === undefined ? undefined : new Date(e.DEV_CLOCK),
    jobs: {
      key: e.JOBS_KEY,
      scheduler: e.SCHEDULER,
      sendRate: e.SEND_RATE ?? 30,
      nudgeCutoff: e.NUDGE_CUTOFF ?? '12:00',
      retentionDays: e.RETENTION_DAYS ?? 90,
      auditRetentionDays: e.AUDIT_RETENTION_DAYS ?? 730,
      weatherUrl: e.WEATHER_URL,
      teamsAppId: e.TEAMS_APP_ID,
    },
    limits: {
      messagesPerMinute: e.MESSAGE_RATE_LIMIT ?? 30,
      tabRequestsPerMinute: e.TAB_API_RATE_LIMIT ?? 120,
    },
    tabAuth: {
      clientId: e.AAD_APP_CLIENT_ID,
      appIdUri: e.AAD_APP_ID_URI,
      allowedTenants,
      jwksUrl: e.AAD_JWKS_URL ?? 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      devSignIn: (e.DEV_SIGNIN ?? options.localStack === true) && e.AAD_APP_CLIENT_ID === undefined && !isProduction,
    },
  });
}
