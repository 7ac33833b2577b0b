import { TAB_API_PATH } from '@soestainable/bot/tabApi/routes';
import { startTabApi, TAB_TEAMS, type TabApiHarness } from '../helpers/tabApi';
import { fillPath, key, NOT_TAB_API, registeredRoutes, tabApiRoutes } from './support/routes';

/**
 * The route table (shared/src/api/routes.ts) and the real server agree, on a server with an Entra app (SSO, no
 * dev sign-in) and on one with the dev sign-in: every route of the table is mounted with its method and path and
 * answers (401 without a token; the dev sign-in its own answer), never the router's 404 or 405; and no /api/ route
 * is mounted outside the table except the bot's own ({@link NOT_TAB_API}). So the suites that enumerate the table
 * (tabApiAuthz, fuzzHttp) see every route the server has.
 */

const PARAMS = { teamId: TAB_TEAMS.big, actionId: 'A-does-not-matter', date: '2026-12-02', campaignId: 'C-does-not-matter', barrierId: 'B-does-not-matter' };

describe.each(['sso', 'devSignIn'] as const)('the route table and the real server (%s)', (mode) => {
  let h: TabApiHarness;

  beforeAll(async () => {
    h = await startTabApi(mode === 'sso' ? {} : { sso: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it("mounts every route of the table, and no /api/ route outside it but the bot's own", () => {
    const mounted = registeredRoutes(h.app.server).filter((r) => r.path.startsWith('/api/')).map(key);
    const expected = [...tabApiRoutes(mode).map(key), ...Object.keys(NOT_TAB_API)];
    expect(mounted.sort()).toEqual(expected.sort());
  });

  it('answers every route of the table without a token: 401 where a token is needed, never 404 or 405', async () => {
    const failures: string[] = [];
    for (const route of tabApiRoutes(mode)) {
      const res = await h.api<{ code?: string }>(route.method, fillPath(route.path, PARAMS), route.method === 'GET' ? {} : { body: {} });
      const ok = route.access === 'devSignIn' ? res.status !== 404 && res.status !== 405 && res.status < 500 : res.status === 401 && res.body.code === 'UNAUTHENTICATED';
      if (!ok) failures.push(`${route.name} (${key(route)}): ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the route table', () => {
  it('names each method and path once, with one log label per route', () => {
    const routes = tabApiRoutes('devSignIn');
    expect(new Set(routes.map(key)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => r.label)).size).toBe(routes.length);
  });

  it("derives the tab API's paths (coded router errors) from the table, and leaves the bot's own routes out", () => {
    for (const route of tabApiRoutes('devSignIn')) expect(TAB_API_PATH.test(fillPath(route.path, PARAMS))).toBe(true);
    // An unknown path under a tab API area still gets the coded 404 body.
    expect(TAB_API_PATH.test('/api/admin/no-such-route')).toBe(true);
    for (const path of ['/api/messages', '/api/jobs/nudges', '/healthz', '/tab/', '/api/mex', '/api/']) expect(TAB_API_PATH.test(path)).toBe(false);
  });
});
