import type restify from 'restify';
import type { Request } from 'restify';
import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import type { RouteRegistrar } from '../server/createServer';
import type { Repositories } from '../storage/repositories';
import { registerAdminRoutes } from './admin';
import { KeyedRateLimit } from '../platform/keyedRateLimit';
import { createAuthenticator } from './auth';
import { limitPerUser } from './auth/perUserLimit';
import { DashboardService, registerDashboardRoutes } from './dashboard';
import type { ApiErrorBody, ApiErrorCode, TabApiContext } from './http';
import { registerInboxRoutes } from './inbox';
import { registerLastingRoutes } from './lasting';
import { registerMeRoutes } from './me';
import { registerOrgRoutes } from './org';
import { registerProgrammeRoutes } from './programme';
import { TAB_API_PATH } from './routes';
import { registerSessionRoutes } from './session';
import { registerBarrierRoutes } from './barriers';
import { registerWerkatelierRoutes } from './werkatelier';

/** The bot's data download (its own answers), under the tab API's `/api/me`: see TAB_API_PATH in ./routes.ts. */
const EXPORT_DOWNLOAD_PATH = /^\/api\/me\/export\/[^/]+$/;

/** restify's own refusals (malformed JSON, a body over the limit, an unknown path or method) as status → code. */
function codeForStatus(status: number): ApiErrorCode {
  if (status === 413) return 'TOO_LARGE';
  if (status === 404 || status === 405) return 'NOT_FOUND';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status >= 500) return 'INTERNAL';
  return 'VALIDATION_FAILED';
}

/**
 * Errors restify answers itself, before a tab API handler runs (the body parser's "Invalid JSON" or "Request body
 * size exceeds", the router's 404/405), get the same coded body as every other API answer, so the tab can show
 * its text for them. The status stays restify's.
 */
function codedRestifyErrors(server: restify.Server): void {
  server.on('restifyError', (...args: unknown[]) => {
    const [req, , err, callback] = args as [Request, unknown, { statusCode?: number; toJSON?: () => unknown }, () => void];
    const path = req.getPath();
    if (TAB_API_PATH.test(path) && !EXPORT_DOWNLOAD_PATH.test(path) && typeof err === 'object' && err !== null) {
      const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
      const code = codeForStatus(status);
      const message = code === 'TOO_LARGE' ? 'The request body is too large.' : code === 'NOT_FOUND' ? 'There is no such API route.' : 'The request body could not be read (not valid JSON, or a content type the API does not take).';
      const body: ApiErrorBody = { code, message };
      err.toJSON = () => body;
    }
    callback();
  });
}

export interface TabApiDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly repos: Repositories;
  readonly now: () => Date;
}

/**
 * The tab's JSON API under /api/: builds the authenticator (Teams SSO, or the local dev sign-in) and lets every
 * feature add its routes.
 */
export function createTabApi(deps: TabApiDeps): readonly RouteRegistrar[] {
  const auth = limitPerUser(
    createAuthenticator({ config: deps.config, logger: deps.logger, repos: deps.repos }),
    new KeyedRateLimit(deps.config.limits.tabRequestsPerMinute),
    deps.logger,
  );
  const ctx: TabApiContext = { auth, config: deps.config, logger: deps.logger, repos: deps.repos, now: deps.now };
  // One service for both views, so that they share its caches (baseline counts, the organisation's figures).
  const dashboards = new DashboardService(ctx);
  return [
    codedRestifyErrors,
    (server) => registerSessionRoutes(server, ctx, auth.dev),
    (server) => registerDashboardRoutes(server, ctx, dashboards),
    (server) => registerOrgRoutes(server, ctx, dashboards),
    (server) => registerMeRoutes(server, ctx),
    (server) => registerProgrammeRoutes(server, ctx),
    (server) => registerInboxRoutes(server, ctx),
    (server) => registerAdminRoutes(server, ctx),
    (server) => registerLastingRoutes(server, ctx),
    (server) => registerBarrierRoutes(server, ctx),
    (server) => registerWerkatelierRoutes(server, ctx),
  ];
}
