import type { RunningApp } from '@soestainable/bot/app';
import { apiRouteList, type NamedApiRoute } from '@soestainable/shared/api/routes';

export interface RegisteredRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | string;
  readonly path: string;
}

/**
 * Every route the running server registered (restify's router registry), so a suite can enumerate them instead
 * of keeping a list by hand that a new route could slip past. Our local restify types do not declare the
 * router, hence the narrow cast.
 */
export function registeredRoutes(server: RunningApp['server']): RegisteredRoute[] {
  const router = (server as unknown as { router: { getRoutes(): Record<string, { method: string; path: string | RegExp }> } }).router;
  return Object.values(router.getRoutes())
    .map((r) => ({ method: r.method.toUpperCase(), path: String(r.path) }))
    .sort(byPathAndMethod);
}

function byPathAndMethod(a: RegisteredRoute, b: RegisteredRoute): number {
  return (a.path + a.method).localeCompare(b.path + b.method);
}

/**
 * The tab API's routes, from the shared route table (shared/src/api/routes.ts), in the order of
 * {@link registeredRoutes}: the suites iterate over these, so a route added to the table is covered without
 * touching them. `'sso'` (a server with an Entra app) leaves out the dev sign-in, which such a server does not
 * mount; `'devSignIn'` is every route.
 */
export function tabApiRoutes(server: 'sso' | 'devSignIn' = 'sso'): NamedApiRoute[] {
  return apiRouteList()
    .filter((r) => server === 'devSignIn' || r.access !== 'devSignIn')
    .sort(byPathAndMethod);
}

/**
 * The routes under /api/ that are not the tab's, and so not in the route table: each has its own guard, its own
 * answers and its own tests. A registered /api/ route must be in the table or here (tests/security/routeTable.test.ts).
 */
export const NOT_TAB_API: Readonly<Record<string, string>> = {
  'POST /api/messages': 'Bot Framework token (tests/security/botAuth.test.ts)',
  'POST /api/jobs/:name': 'JOBS_KEY (tests/integration/jobs/http.test.ts)',
  'GET /api/me/export/:token': 'signed, expiring download token (tests/integration/server/myDataExport.test.ts)',
};

/** `/api/teams/:teamId/dashboard` with its parameters filled in. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter :${name} in ${path}`);
    // A lone surrogate cannot be percent-encoded: send U+FFFD instead, as a browser would.
    return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  });
}

export const key = (r: RegisteredRoute): string => `${r.method} ${r.path}`;
