import { existsSync } from 'node:fs';
import { join } from 'node:path';
import restify from 'restify';
import type { ActivityHandler, CloudAdapter, TurnContext } from 'botbuilder';
import { turnMetStorageOutage } from '../botAdapter';
import { turnRefusal, type BotGate } from '../botGate';
import { isAppError } from '../errors';
import { errorFields, type Logger } from '../platform/logger';

/** What /healthz asks: resolves when storage answers, rejects when it does not. */
export interface HealthProbe {
  ping(timeoutMs: number): Promise<void>;
}

/** Adds routes a feature owns (e.g. the personal data download) to the server. */
export type RouteRegistrar = (server: restify.Server) => void;

export interface ServerDeps {
  readonly logger: Logger;
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  /** Checks every authenticated activity before the bot runs (tenant, rate); a refused one never reaches the bot. */
  readonly gate: BotGate;
  readonly health: HealthProbe;
  /** The built tab (Vite's output). */
  readonly tabDir: string;
  readonly routes?: readonly RouteRegistrar[];
}

/** How long an idle kept-alive connection stays open (longer than the usual 60 s idle timeout of load balancers). */
export const KEEP_ALIVE_MS = 120_000;
/** Largest request body we read (Bot Framework activities and card submits are a few KB). */
export const MAX_BODY_BYTES = 256 * 1024;
const HEALTH_TIMEOUT_MS = 2000;
/** Body types restify would parse as a form: refused with 415 (see createServer). */
const FORM_BODY = /^\s*(multipart\/|application\/x-www-form-urlencoded)/i;

/** A JSON object with a non-empty `type`: botbuilder throws on anything less, which would be a 500 naming its internals. */
function isActivityShaped(body: unknown): body is Record<string, unknown> & { type: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const type = (body as { type?: unknown }).type;
  return typeof type === 'string' && type !== '';
}

/** Most refused query parameter names an answer lists (each cut to 100 characters). */
const MAX_NAMED_PARAMETERS = 20;

/**
 * Every /api/ route takes each query parameter once, as text. restify's parser (qs) makes `?a[b]=c` an object and
 * `?a=1&a=2` a list, which a handler expecting text could fail on (a 500) or pass on to a query: both are refused
 * here, for every route at once, with 400 and the coded body naming the parameters (never their values).
 */
const textOnlyQuery: restify.RequestHandler = (req, res, next) => {
  const query = req.getPath().startsWith('/api/') ? Object.entries(req.query ?? {}) : [];
  const refused = query.filter(([, value]) => typeof value !== 'string').slice(0, MAX_NAMED_PARAMETERS).map(([name]) => name.slice(0, 100));
  if (refused.length === 0) {
    next();
    return;
  }
  res.send(400, {
    code: 'VALIDATION_FAILED',
    message: `Each query parameter is taken once, as text; not: ${refused.join(', ')}.`,
    details: { issues: refused.map((name) => ({ path: `query.${name}`, rule: 'not_text' })) },
  });
  next(false);
};

/**
 * The hosts that may frame the tab: Teams, Outlook and Microsoft 365, on their old domains and on
 * `*.cloud.microsoft`, where they are moving (learn.microsoft.com, Teams "Tab requirements": frame-ancestors).
 */
export const TAB_FRAME_ANCESTORS = [
  'teams.microsoft.com',
  '*.teams.microsoft.com',
  '*.teams.cloud.microsoft',
  '*.cloud.microsoft',
  '*.microsoft365.com',
  '*.office.com',
  '*.office365.com',
  'outlook.office.com',
  'outlook.office365.com',
] as const;

/**
 * What the built tab needs and nothing more: its own scripts (Vite emits no inline script), inline styles (Fluent
 * UI's Griffel inserts `<style>` elements at runtime, and index.html has one), its own API, and the list of valid
 * host domains teams-js fetches from res.cdn.office.net (it falls back to a built-in list when that is refused).
 */
export const TAB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

const TAB_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': TAB_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * Builds the HTTP server: the bot endpoint, the health check and the tab's static files. It does not listen:
 * the entry point (or a test, on port 0) does.
 */
export function createServer(deps: ServerDeps): restify.Server {
  const { logger, adapter, bot, gate, health, tabDir } = deps;
  // find-my-way (restify's router) refuses path parameters over 100 characters by default: the signed data-export
  // token is ~105 for a real Entra object id, so allow 512.
  const server = restify.createServer({ name: 'soestainable', handleUncaughtExceptions: false, maxParamLength: 512 });
  // Kept-alive connections outlive the clients' idle pools (App Service's front end, the Bot Framework Service):
  // with Node's 5 s default, a client that reuses a connection just as the server closes it gets ECONNRESET, and
  // the load suite saw exactly that for 3 of 1,000 check-ins on a busy machine.
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 5_000;
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(textOnlyQuery);
  // Every route takes JSON. restify's multipart parser ignores maxBodySize and leaves uploads in the temp folder
  // (formidable 1.x), and a form body would reach handlers as an object: both kinds are refused before reading.
  server.use((req, res, next) => {
    if (FORM_BODY.test(req.headers['content-type'] ?? '')) {
      res.send(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as JSON (application/json).' });
      next(false);
      return;
    }
    next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    try {
      await health.ping(HEALTH_TIMEOUT_MS);
      res.send(200, { status: 'ok', storage: 'ok' });
    } catch (err) {
      logger.warn('health check: storage did not answer', errorFields(err));
      res.send(503, { status: 'unavailable', storage: isAppError(err, 'STORAGE_UNAVAILABLE') ? 'unreachable' : 'error' });
    }
  });

  server.post('/api/messages', async (req, res) => {
    const body = req.body;
    if (!isActivityShaped(body)) {
      res.send(400, { code: 'VALIDATION_FAILED', message: 'Expected a Bot Framework activity (a JSON object with a type).' });
      return;
    }
    const request = { body, headers: req.headers, method: req.method ?? 'POST' };
    // botbuilder writes the status itself (200 for a message whose turn failed): a turn the gate refused gets the
    // gate's status, and a turn that could not reach storage 503, so that the caller sees the outage (see
    // botAdapter's onTurnError).
    let turnState: TurnContext['turnState'] | undefined;
    const statusFor = (code: number): number => {
      if (turnState === undefined) return code;
      const refusal = turnRefusal(turnState);
      if (refusal?.retryAfterSeconds !== undefined) res.header('Retry-After', String(refusal.retryAfterSeconds));
      return refusal?.status ?? (turnMetStorageOutage(turnState) ? 503 : code);
    };
    const response = {
      socket: res.socket,
      status: (code: number) => res.status(statusFor(code)),
      header: (name: string, value: string | number) => res.header(name, value),
      send: (payload?: unknown) => res.send(payload),
      end: () => res.end(),
    };
    await adapter.process(request, response, async (context) => {
      turnState = context.turnState;
      if (await gate.admit(context)) await bot.run(context);
    });
  });

  for (const register of deps.routes ?? []) register(server);

  const tabBuilt = existsSync(join(tabDir, 'index.html'));
  server.get('/', (_req, res, next) => res.redirect(302, '/tab/', next));
  server.get('/tab', (_req, res, next) => res.redirect(301, '/tab/', next));
  const tabHeaders: restify.RequestHandler = (_req, res, next) => {
    for (const [name, value] of Object.entries(TAB_HEADERS)) res.header(name, value);
    next();
  };
  if (tabBuilt) {
    server.get('/tab/*', tabHeaders, restify.plugins.serveStaticFiles(tabDir));
  } else {
    server.get('/tab/*', tabHeaders, async (_req, res) => {
      res.send(503, { code: 'TAB_NOT_BUILT', message: 'The tab is not built: run `npm run build`.' });
    });
  }
  return server;
}
