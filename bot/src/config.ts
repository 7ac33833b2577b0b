import { z } from 'zod';
import { DEFAULT_MIN_GROUP_SIZE } from '@soestainable/shared/privacy/groupSize';
import { AppError } from './errors';
import type { Env } from './platform/env';

/**
 * Reads and validates the environment, once, into the frozen `Config` that everything else gets through its
 * constructor. One schema says it all: each variable's parser and default (`envSchema`, `DEFAULTS`), the checks
 * across variables (`problemsOf`) and the shape the app sees (`toConfig`); `Config` is that schema's output type.
 * Each variable is documented in `.env.example` and the README's configuration table.
 */

/**
 * What an unset (or empty) variable means, by variable. A variable missing here has no default: unset stays
 * `undefined` ("not configured"). Two defaults depend on more than the variable: `HOST` on NODE_ENV and
 * `DEV_SIGNIN` on the caller (`npm start`, the local stack). `AAD_ALLOWED_TENANTS` falls back to other variables
 * (see `allowedTenantsOf`) and `AZURITE_PORT` is chosen by embedded Azurite (storage/openStorage.ts).
 */
export const DEFAULTS = {
  NODE_ENV: 'development',
  PORT: 3978,
  /** Locally only this machine can reach the server (and its dev sign-in); App Service needs every interface. */
  HOST: { local: '127.0.0.1', production: '0.0.0.0' },
  LOG_LEVEL: 'info',
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '',
  TABLE_PREFIX: '',
  DATA_DIR: '.data',
  PLAYGROUND: true,
  PLAYGROUND_PORT: 56150,
  SEED_DEMO: true,
  ORG_ID: 'soest',
  ORG_NAME: 'Gemeente Soest',
  REPORTS_PER_DAY: 10,
  MIN_GROUP_SIZE: DEFAULT_MIN_GROUP_SIZE,
  DEV_SIGNIN: { localStack: true, otherwise: false },
  SCHEDULER: true,
  SEND_RATE: 30,
  NUDGE_CUTOFF: '12:00',
  RETENTION_DAYS: 90,
  AUDIT_RETENTION_DAYS: 730,
  MESSAGE_RATE_LIMIT: 30,
  TAB_API_RATE_LIMIT: 120,
  AAD_JWKS_URL: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
} as const;

/** `fallback` where a validated variable was unset or empty. */
const orDefault =
  <F>(fallback: F) =>
  <T>(v: T | undefined): T | F =>
    v === undefined ? fallback : v;

/** A trimmed text; unset or empty gives `fallback` (by default `undefined`: "not set"). */
const text = <F extends string | undefined = undefined>(fallback?: F) =>
  z
    .string()
    .optional()
    .transform((v): string | F => (v === undefined || v.trim() === '' ? (fallback as F) : v.trim()));

/** One of `values`; unset or empty gives `fallback`. */
const choice = <const V extends readonly [string, ...string[]]>(values: V, fallback: V[number], error: string) =>
  text(fallback).pipe(z.enum(values, { error }));

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

/** A whole number from `min` to `max`; unset or empty gives `fallback` (by default `undefined`: "not set"). */
const int = <F extends number | undefined = undefined>(name: string, min: number, max: number, fallback?: F) =>
  z
    .string()
    .optional()
    .transform((v, ctx): number | F => {
      if (v === undefined || v.trim() === '') return fallback as F;
      const n = Number(v.trim());
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

/** Each variable on its own: parsed, validated, defaulted. */
const envSchema = z.object({
  NODE_ENV: choice(['development', 'test', 'production'], DEFAULTS.NODE_ENV, 'NODE_ENV must be development, test or production'),
  PORT: int('PORT', 0, 65535, DEFAULTS.PORT),
  HOST: text(),
  LOG_LEVEL: choice(['debug', 'info', 'warn', 'error', 'silent'], DEFAULTS.LOG_LEVEL, 'LOG_LEVEL must be debug, info, warn, error or silent'),
  MicrosoftAppId: text(DEFAULTS.MicrosoftAppId),
  MicrosoftAppPassword: text(DEFAULTS.MicrosoftAppPassword),
  MicrosoftAppType: choice(
    ['SingleTenant', 'UserAssignedMSI'],
    DEFAULTS.MicrosoftAppType,
    'MicrosoftAppType must be SingleTenant or UserAssignedMSI (new multi-tenant bots are no longer allowed)',
  ),
  MicrosoftAppTenantId: text(DEFAULTS.MicrosoftAppTenantId),
  BOT_OPENID_METADATA_URL: text().pipe(z.url({ error: 'BOT_OPENID_METADATA_URL must be a URL (an OpenID configuration document)' }).optional()),
  STORAGE_CONNECTION_STRING: text(),
  STORAGE_ACCOUNT_URL: text().pipe(
    z.url({ error: 'STORAGE_ACCOUNT_URL must be a URL such as https://<account>.table.core.windows.net' }).optional(),
  ),
  TABLE_PREFIX: text()
    .pipe(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, { error: 'TABLE_PREFIX must be 1–20 letters and digits, starting with a letter' }).optional())
    .transform(orDefault(DEFAULTS.TABLE_PREFIX)),
  DATA_DIR: text(DEFAULTS.DATA_DIR),
  AZURITE_PORT: int('AZURITE_PORT', 1, 65535),
  PLAYGROUND: flag('PLAYGROUND', DEFAULTS.PLAYGROUND),
  PLAYGROUND_PORT: int('PLAYGROUND_PORT', 1, 65535, DEFAULTS.PLAYGROUND_PORT),
  SEED_DEMO: flag('SEED_DEMO', DEFAULTS.SEED_DEMO),
  ORG_ID: text()
    .pipe(z.string().regex(/^[a-z0-9-]{2,40}$/, { error: 'ORG_ID must be 2–40 lower-case letters, digits or dashes' }).optional())
    .transform(orDefault(DEFAULTS.ORG_ID)),
  ORG_NAME: text(DEFAULTS.ORG_NAME),
  REPORTS_PER_DAY: int('REPORTS_PER_DAY', 1, 100, DEFAULTS.REPORTS_PER_DAY),
  MIN_GROUP_SIZE: int('MIN_GROUP_SIZE', 2, 100, DEFAULTS.MIN_GROUP_SIZE),
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
  SCHEDULER: flag('SCHEDULER', DEFAULTS.SCHEDULER),
  SEND_RATE: int('SEND_RATE', 1, 1000, DEFAULTS.SEND_RATE),
  NUDGE_CUTOFF: text()
    .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'NUDGE_CUTOFF must be a local time HH:MM, e.g. 12:00' }).optional())
    .transform(orDefault(DEFAULTS.NUDGE_CUTOFF)),
  RETENTION_DAYS: int('RETENTION_DAYS', 0, 3650, DEFAULTS.RETENTION_DAYS),
  AUDIT_RETENTION_DAYS: int('AUDIT_RETENTION_DAYS', 30, 3650, DEFAULTS.AUDIT_RETENTION_DAYS),
  WEATHER_URL: text().pipe(z.url({ error: 'WEATHER_URL must be a URL (an Open-Meteo style forecast feed)' }).optional()),
  TEAMS_APP_ID: text().pipe(z.uuid({ error: 'TEAMS_APP_ID must be the Teams app id from the manifest (a GUID)' }).optional()),
  // Inbound rate limits (in memory, per instance).
  MESSAGE_RATE_LIMIT: int('MESSAGE_RATE_LIMIT', 1, 100_000, DEFAULTS.MESSAGE_RATE_LIMIT),
  TAB_API_RATE_LIMIT: int('TAB_API_RATE_LIMIT', 1, 100_000, DEFAULTS.TAB_API_RATE_LIMIT),
  // Tab single sign-on (issue 5): the Entra app the tab asks tokens for.
  AAD_APP_CLIENT_ID: text().pipe(z.uuid({ error: 'AAD_APP_CLIENT_ID must be the Entra application (client) id, a GUID' }).optional()),
  AAD_APP_ID_URI: text().pipe(z.string().regex(/^api:\/\/\S+$/, { error: 'AAD_APP_ID_URI must look like api://<tab domain>/<client id>' }).optional()),
  AAD_APP_TENANT_ID: text().pipe(z.uuid({ error: 'AAD_APP_TENANT_ID must be a tenant id (GUID)' }).optional()),
  AAD_ALLOWED_TENANTS: text(),
  AAD_JWKS_URL: text()
    .pipe(z.url({ error: 'AAD_JWKS_URL must be a URL' }).optional())
    .transform(orDefault(DEFAULTS.AAD_JWKS_URL)),
});

/** The variables, each valid on its own. */
type Settings = z.output<typeof envSchema>;

/** Tenants whose tokens the tab accepts: AAD_ALLOWED_TENANTS, else AAD_APP_TENANT_ID, else the bot's tenant. */
function allowedTenantsOf(e: Settings): string[] {
  return (e.AAD_ALLOWED_TENANTS ?? e.AAD_APP_TENANT_ID ?? e.MicrosoftAppTenantId)
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** What is wrong across variables: combinations that contradict each other, and the production guards. */
function problemsOf(e: Settings, allowedTenants: readonly string[]): string[] {
  const isProduction = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (e.STORAGE_CONNECTION_STRING !== undefined && e.STORAGE_ACCOUNT_URL !== undefined) {
    problems.push('STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_URL are both set: choose one');
  }
  if (isProduction) {
    if (e.MicrosoftAppId === '') {
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
  if (e.MicrosoftAppId !== '') {
    if (e.MicrosoftAppTenantId === '') problems.push(`MicrosoftAppTenantId is required with MicrosoftAppType=${e.MicrosoftAppType}`);
    if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppPassword === '') {
      problems.push('MicrosoftAppPassword is required with MicrosoftAppType=SingleTenant');
    }
  }
  for (const t of allowedTenants) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) problems.push(`AAD_ALLOWED_TENANTS: "${t}" is not a tenant id (GUID)`);
  }
  if (e.AAD_APP_CLIENT_ID !== undefined && allowedTenants.length === 0) {
    problems.push('AAD_APP_CLIENT_ID is set but no tenant is allowed: set AAD_ALLOWED_TENANTS or AAD_APP_TENANT_ID');
  }
  return problems;
}

/** Where the tables live: a connection string, an account URL (managed identity), or embedded Azurite. */
function storageOf(e: Settings) {
  const tablePrefix = e.TABLE_PREFIX;
  if (e.STORAGE_CONNECTION_STRING !== undefined) {
    return { kind: 'connectionString' as const, connectionString: e.STORAGE_CONNECTION_STRING, tablePrefix };
  }
  if (e.STORAGE_ACCOUNT_URL !== undefined) return { kind: 'accountUrl' as const, url: e.STORAGE_ACCOUNT_URL, tablePrefix };
  return { kind: 'embedded' as const, dataDir: e.DATA_DIR, port: e.AZURITE_PORT, tablePrefix };
}

/** Readonly all the way down (a Date stays a Date): what `deepFreeze` makes of a value. */
type DeepReadonly<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

export interface LoadOptions {
  /**
   * `npm start`, the local stack: the dev sign-in is on unless DEV_SIGNIN=0 (outside production only; a production
   * environment keeps it off rather than failing to start).
   */
  readonly localStack?: boolean;
}

/** The shape the app sees. Every default is already applied (DEFAULTS); this only arranges and combines. */
function toConfig(e: Settings, allowedTenants: readonly string[], options: LoadOptions) {
  const isProduction = e.NODE_ENV === 'production';
  const devSignInByDefault = options.localStack === true ? DEFAULTS.DEV_SIGNIN.localStack : DEFAULTS.DEV_SIGNIN.otherwise;
  return deepFreeze({
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST ?? (isProduction ? DEFAULTS.HOST.production : DEFAULTS.HOST.local),
    logLevel: e.LOG_LEVEL,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      /**
       * Where the Bot Framework channel publishes its OpenID configuration (and so the keys that sign the tokens
       * on /api/messages). Undefined = botbuilder's public-cloud default (login.botframework.com). For sovereign
       * clouds and for tests that sign their own tokens.
       */
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    storage: storageOf(e),
    playground: { enabled: e.PLAYGROUND && !isProduction, port: e.PLAYGROUND_PORT },
    seedDemo: e.SEED_DEMO && !isProduction,
    org: { id: e.ORG_ID, name: e.ORG_NAME },
    minGroupSize: e.MIN_GROUP_SIZE,
    /** Most barriers and ideas one person may file per local day, over the bot and the tab (REPORTS_PER_DAY). */
    reportsPerDay: e.REPORTS_PER_DAY,
    /**
     * Local and test use only: the app's clock starts at this instant (and runs on from there), so a weekend
     * developer or an end-to-end test can try a campaign day. Refused in production.
     */
    devClockStart: e.DEV_CLOCK === undefined ? undefined : new Date(e.DEV_CLOCK),
    /** Proactive jobs: nudges, digests, "you said, we did", retention (docs/proactive.md). */
    jobs: {
      /** Protects POST /api/jobs/*; without it that route answers 401 to everyone. */
      key: e.JOBS_KEY,
      /** Run the in-process scheduler (every minute, safe in every instance). */
      scheduler: e.SCHEDULER,
      /** Proactive sends per second for this instance (the tenant-wide bucket, divided by the instance count). */
      sendRate: e.SEND_RATE,
      /** Local time (Europe/Amsterdam) after which a late nudge is no longer sent, `HH:MM`. */
      nudgeCutoff: e.NUDGE_CUTOFF,
      /**
       * Raw check-ins and personal survey answers, and barrier and idea texts, are purged this many days after a
       * campaign ends; send claims this many days after they were made; profiles and chat links this many days after
       * the person left.
       */
      retentionDays: e.RETENTION_DAYS,
      /** Audit log entries are kept at least this many days (default two years), then purged by whole months. */
      auditRetentionDays: e.AUDIT_RETENTION_DAYS,
      /** Open-Meteo style forecast feed for the weather line on the daily card; off when undefined. */
      weatherUrl: e.WEATHER_URL,
      /** The Teams app id (manifest `id`), for deep links from cards into the tab; without it cards link nowhere. */
      teamsAppId: e.TEAMS_APP_ID,
    },
    /**
     * Inbound rate limits, counted in memory per instance (with N instances a caller can get N times as much):
     * beyond them the bot answers with a short text (messages) or 429 (card actions), the tab API with 429.
     */
    limits: {
      /** Activities per minute per conversation on /api/messages. */
      messagesPerMinute: e.MESSAGE_RATE_LIMIT,
      /** Tab API requests per minute per signed-in user. */
      tabRequestsPerMinute: e.TAB_API_RATE_LIMIT,
    },
    /** How the tab's API authenticates (docs/security.md). */
    tabAuth: {
      /** The Entra app the tab asks tokens for; undefined = no SSO configured. */
      clientId: e.AAD_APP_CLIENT_ID,
      /** The app id URI (`api://<domain>/<clientId>`), the token audience's second form. */
      appIdUri: e.AAD_APP_ID_URI,
      /** Tenants whose tokens are accepted (AAD_ALLOWED_TENANTS, else AAD_APP_TENANT_ID, else the bot's tenant). */
      allowedTenants,
      /** Where the signing keys are published. */
      jwksUrl: e.AAD_JWKS_URL,
      /**
       * The local dev sign-in (`/api/dev/*`): only when asked for with DEV_SIGNIN=1 (`npm start` does) and no Entra
       * app is configured; refused in production.
       */
      devSignIn: (e.DEV_SIGNIN ?? devSignInByDefault) && e.AAD_APP_CLIENT_ID === undefined && !isProduction,
    },
  });
}

/** The whole schema: each variable, then the checks across them, then the mapping into the app's shape. */
function configSchema(options: LoadOptions) {
  return envSchema.transform((e, ctx) => {
    const allowedTenants = allowedTenantsOf(e);
    const problems = problemsOf(e, allowedTenants);
    if (problems.length > 0) {
      for (const message of problems) ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return toConfig(e, allowedTenants, options);
  });
}

/** The typed, deeply frozen configuration: the output of the schema. */
export type Config = z.output<ReturnType<typeof configSchema>>;

/** Parses an environment into the typed, frozen Config; throws CONFIG_INVALID naming every bad variable. */
export function loadConfig(env: Env, options: LoadOptions = {}): Config {
  const parsed = configSchema(options).safeParse(env);
  if (parsed.success) return parsed.data;
  // A variable's own issue is named by its path (unless its message names it already); a check across variables
  // has no path and names the variables itself.
  const problems = parsed.error.issues.map((i) => {
    const variable = i.path[0];
    return variable === undefined || i.message.includes(String(variable)) ? i.message : `${String(variable)}: ${i.message}`;
  });
  throw new AppError('CONFIG_INVALID', 'Invalid configuration:\n' + problems.map((p) => `  - ${p}`).join('\n'));
}
