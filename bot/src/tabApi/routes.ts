import type restify from 'restify';
import type { Request, Response } from 'restify';
import {
  API_ROUTES,
  apiRouteList,
  type ApiRouteName,
  type ApiRoutes,
  type HttpMethod,
  type ResponseOf,
  type RouteNameWithAccess,
} from '@soestainable/shared/api/routes';
import { sendJson } from '../server/json';
import { handle, toApiError, type ApiErrorBody, type Principal, type TabApiContext } from './http';

/**
 * Puts the routes of the shared route table (shared/src/api/routes.ts) on the server: method, path and log label
 * come from the table, and the handler's answer is checked against the route's response type. A feature writes
 * `registerRoute(server, ctx, 'programme.get', async (_req, p) => ({ body: await getProgramme(ctx, p) }))`.
 */

/** What a handler answers for route `N`: its body is the route's response type. */
export interface RouteAnswer<N extends ApiRouteName> {
  readonly status?: number;
  readonly body: ResponseOf<N>;
  readonly headers?: Record<string, string>;
}

export type RouteHandler<N extends ApiRouteName> = (req: Request, principal: Principal) => Promise<RouteAnswer<N>>;

type Mount = (server: restify.Server, path: string, handler: restify.RequestHandler) => void;
const MOUNT: Readonly<Record<HttpMethod, Mount>> = {
  GET: (server, path, handler) => server.get(path, handler),
  POST: (server, path, handler) => server.post(path, handler),
  PUT: (server, path, handler) => server.put(path, handler),
  PATCH: (server, path, handler) => server.patch(path, handler),
  DELETE: (server, path, handler) => server.del(path, handler),
};

/**
 * Mounts the restify handler `build` makes (given the route's row, for its label) at route `name`'s method and
 * path, and nothing else: for a route whose answer is not JSON (the CSV export). JSON routes use
 * {@link registerRoute} or {@link registerPublicRoute}.
 */
export function mountRoute<N extends ApiRouteName>(server: restify.Server, name: N, build: (route: ApiRoutes[N]) => restify.RequestHandler): void {
  const route = API_ROUTES[name];
  MOUNT[route.method](server, route.path, build(route));
}

/** A bearer-token JSON route: authenticate → handler → JSON, every failure coded (`handle` in ./http.ts). */
export function registerRoute<N extends Exclude<ApiRouteName, RouteNameWithAccess<'devSignIn'>>>(
  server: restify.Server,
  ctx: TabApiContext,
  name: N,
  handler: RouteHandler<N>,
): void {
  mountRoute(server, name, ({ label }) => handle(ctx.auth, ctx.logger, label, handler));
}

/** A route that comes before any token (the dev sign-in): like {@link registerRoute}, without authentication. */
export function registerPublicRoute<N extends RouteNameWithAccess<'devSignIn'>>(
  server: restify.Server,
  ctx: TabApiContext,
  name: N,
  handler: (req: Request) => Promise<RouteAnswer<N>>,
): void {
  mountRoute(server, name, ({ label }) => async (req: Request, res: Response): Promise<void> => {
    try {
      const out = await handler(req);
      sendJson(res, out.status ?? 200, out.body);
    } catch (err) {
      const e = toApiError(err, ctx.logger, label);
      const body: ApiErrorBody = e.details === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, details: e.details };
      sendJson(res, e.status, body);
    }
  });
}

/**
 * The paths of the tab's API: under a first segment of some route in the table (`/api/me…`, `/api/admin…`), also
 * where no route matches, so that the router's 404/405 there get the coded body too. The bot's `/api/messages`
 * and `/api/jobs/*` keep their own answers; the data download `/api/me/export/:token` is excluded where it is
 * used (tabApi/index.ts).
 */
export const TAB_API_PATH = new RegExp(
  `^/api/(${[...new Set(apiRouteList().map((r) => r.path.split('/')[2] ?? ''))].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/|$)`,
);
