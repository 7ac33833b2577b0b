import type { ApiRouteName, RouteAccess } from '@soestainable/shared/api/routes';
import { startTabApi, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../helpers/tabApi';
import { fillPath, key, NOT_TAB_API, registeredRoutes, tabApiRoutes } from './support/routes';
import { snapshotRows } from './support/rows';

/**
 * Authorisation of the tab's API, route by route, enumerated from the shared route table (each route's `access`
 * says who may call it), so a new route is checked as soon as it is in the table; a registered /api/ route that
 * is neither in the table nor in NOT_TAB_API fails the first test. The token matrix itself (none, expired, not yet
 * valid, forged, issuer, audience, tenant, scope, alg none → 401) is tests/integration/tabApi/auth.test.ts; here
 * every route meets a missing and a forged token, every coordinator route a non-coordinator, every team route
 * another team.
 */

/**
 * The tab API's routes this server mounts. The dev sign-in's `GET /api/dev/users` and `POST /api/dev/session`
 * (access `devSignIn`) exist only with DEV_SIGNIN=1 and no Entra app (tests/integration/tabApi/session.test.ts), so
 * this server, with SSO, has neither (below).
 */
const TAB_ROUTES = tabApiRoutes('sso');
const withAccess = (access: RouteAccess): string[] => TAB_ROUTES.filter((r) => r.access === access).map(key);
/** Coordinators only. */
const COORDINATOR_ONLY = withAccess('coordinator');
/** Routes for one team's members, its managers and coordinators. */
const TEAM_SCOPED = withAccess('team');
/** Any signed-in person of an allowed tenant; "me" routes answer about the caller only (no user id in the path). */
const SIGNED_IN = withAccess('signedIn');
/** Not the tab's bearer token: each has its own guard and its own test. */
const OWN_GUARD = NOT_TAB_API;


const PARAMS = { teamId: TAB_TEAMS.big, actionId: 'A-does-not-matter', date: '2026-12-02', campaignId: 'C-does-not-matter', barrierId: 'B-does-not-matter' };

/** A body that would pass validation where we know its shape: a refusal must come from the role, not the body. */
const BODIES: Partial<Record<ApiRouteName, unknown>> = {
  'actions.create': { title: { nl: 'Fietsenstalling', en: 'Bike shed' }, theme: 'mobiliteit', embedding: 'gedrag' },
  'admin.coordinators.put': { userIds: [TAB_USERS.employee] },
  'admin.teams.put': { teams: [] },
  'inbox.dismiss': { barrierIds: ['b1'], reason: 'dubbel' },
  'me.settings.put': { paused: true },
};

describe('tab API authorisation, route by route', () => {
  let h: TabApiHarness;
  const routes = TAB_ROUTES;

  beforeAll(async () => {
    h = await startTabApi();
  });
  afterAll(async () => {
    await h.close();
  });

  const call = (route: (typeof TAB_ROUTES)[number], token: string | undefined, params: Record<string, string> = PARAMS, body: unknown = BODIES[route.name] ?? {}) =>
    h.api<{ code?: string }>(route.method, fillPath(route.path, params), {
      ...(token === undefined ? {} : { token }),
      ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body }),
      headers: { 'If-Match': '"stale"' },
    });

  // A new route is added to the route table (or, if it is not the tab's, to NOT_TAB_API); the name is cited by docs/security.md.
  it('classifies every registered /api/ route exactly once (a new route must be added here)', () => {
    const listed = [...COORDINATOR_ONLY, ...TEAM_SCOPED, ...SIGNED_IN, ...Object.keys(OWN_GUARD)];
    expect(new Set(listed).size).toBe(listed.length);
    const registered = registeredRoutes(h.app.server).filter((r) => r.path.startsWith('/api/'));
    expect(registered.map(key).sort()).toEqual([...listed].sort());
  });

  it('answers 401 on every bearer-token route without a token, with a malformed one and with a forged one', async () => {
    const forged = await h.tokenFor(TAB_USERS.coordinator, { signWith: 'forged' });
    const failures: string[] = [];
    for (const route of routes) {
      for (const [label, token] of [['none', undefined], ['garbage', 'x.y.z'], ['forged', forged]] as const) {
        const res = await call(route, token);
        if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED') failures.push(`${key(route)} ${label}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 FORBIDDEN on every coordinator route to an employee, a manager and someone without a team, and changes nothing', async () => {
    const before = await snapshotRows(h.app);
    const failures: string[] = [];
    for (const who of [TAB_USERS.employee, TAB_USERS.manager, TAB_USERS.outsider]) {
      const token = await h.tokenFor(who);
      for (const route of routes.filter((r) => r.access === 'coordinator')) {
        const res = await call(route, token);
        if (res.status !== 403 || res.body.code !== 'FORBIDDEN') failures.push(`${key(route)} as ${who}: ${res.status} ${res.body.code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotRows(h.app)).toEqual(before);
  });

  it('lets the coordinator through the role check on every coordinator route (positive control)', async () => {
    const token = await h.tokenFor(TAB_USERS.coordinator);
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.access === 'coordinator' && r.method === 'GET')) {
      const res = await call(route, token);
      if (res.status !== 200) failures.push(`${key(route)}: ${res.status}`);
    }
    for (const route of routes.filter((r) => r.access === 'coordinator' && r.method !== 'GET')) {
      // An empty body: the coordinator's call must not change the organisation the other tests rely on.
      const res = await call(route, token, PARAMS, {});
      // A write with a made-up body or id is refused for that reason (400/404/412/428), never as forbidden.
      if (res.status === 403 || res.status === 401 || res.status >= 500) failures.push(`${key(route)}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets an enrolled employee through on every signed-in GET route (positive control for access `signedIn`)', async () => {
    const token = await h.tokenFor(TAB_USERS.employee);
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.access === 'signedIn' && r.method === 'GET')) {
      const res = await call(route, token);
      // A made-up action id answers 404; what matters is that no role or token check refuses the employee.
      if (res.status === 401 || res.status === 403 || res.status >= 500) failures.push(`${key(route)}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers 403 on every team route to a member, a manager of another team, and someone without a team", async () => {
    const failures: string[] = [];
    const cases: Array<[string, string]> = [
      [TAB_USERS.smallTeamMember, TAB_TEAMS.big],
      [TAB_USERS.otherManager, TAB_TEAMS.big],
      [TAB_USERS.employee, TAB_TEAMS.small],
      [TAB_USERS.manager, TAB_TEAMS.small],
      [TAB_USERS.outsider, TAB_TEAMS.big],
    ];
    for (const [who, teamId] of cases) {
      const token = await h.tokenFor(who);
      for (const route of routes.filter((r) => r.access === 'team')) {
        const res = await call(route, token, { ...PARAMS, teamId });
        if (res.status !== 403 || res.body.code !== 'FORBIDDEN') failures.push(`${key(route)} ${teamId} as ${who}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    // Positive control: the team's own member and the coordinator get the dashboard.
    for (const who of [TAB_USERS.employee, TAB_USERS.coordinator]) {
      const token = await h.tokenFor(who);
      for (const route of routes.filter((r) => r.access === 'team')) expect((await call(route, token)).status).toBe(200);
    }
  });

  it('registers no route with two parameters in one path segment (find-my-way GHSA-rrr8-f88r-h8q6 needs one)', () => {
    // restify 11 pinned find-my-way 7.x, whose ReDoS needs a multiparametric segment such as /:a-:b. restify 12
    // brings a fixed router; the check stays as defence in depth (docs/security.md).
    const all = registeredRoutes(h.app.server);
    expect(all.length).toBeGreaterThan(30);
    const multi = all.filter((r) => r.path.split('/').some((segment) => (segment.match(/:/g) ?? []).length > 1 || (segment.includes(':') && !/^:[A-Za-z]+$/.test(segment))));
    expect(multi).toEqual([]);
  });

  it('has no usable dev sign-in when an Entra app is configured', async () => {
    expect((await h.api('GET', '/api/dev/users')).status).toBe(404);
    expect((await h.api('POST', '/api/dev/session', { body: { userId: TAB_USERS.coordinator, role: 'coordinator' } })).status).toBe(404);
  });
});
