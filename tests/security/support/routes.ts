import type { RunningApp } from '@soestainable/bot/app';

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
    .sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method));
}

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
