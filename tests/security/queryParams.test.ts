import { startTabApi, TAB_TEAMS, TAB_USERS, type TabApiHarness } from '../helpers/tabApi';
import { fillPath, key, registeredRoutes, type RegisteredRoute } from './support/routes';
import { snapshotRows } from './support/rows';

/**
 * Query strings the API does not take: restify's query parser (qs) turns `?a[$ne]=x` into an object and `?a=1&a=2`
 * into an array, which a handler expecting text could choke on (a 500) or, worse, pass on. Every /api/ route,
 * enumerated from the running server, answers them with 400 and the coded body before anything runs.
 */
const HOSTILE_QUERIES = [
  'campaignId[$ne]=x',
  'campaignId=a&campaignId=b',
  'campaignId[]=a',
  'campaignId[a][b]=c',
  'lang=nl&filter[status]=open',
];

const PARAMS = { teamId: TAB_TEAMS.big, actionId: 'A-does-not-matter', date: '2026-12-02', campaignId: 'C-does-not-matter', name: 'nudges', token: 'not-a-token', barrierId: 'B-does-not-matter' };

describe('query parameters on the API', () => {
  let h: TabApiHarness;
  let routes: RegisteredRoute[];
  let coordinator = '';

  beforeAll(async () => {
    h = await startTabApi({ env: { JOBS_KEY: 'query-jobs-key-' + 'q'.repeat(20) } });
    routes = registeredRoutes(h.app.server).filter((r) => r.path.startsWith('/api/'));
    coordinator = await h.tokenFor(TAB_USERS.coordinator, { roles: ['coordinator'] });
  });
  afterAll(async () => {
    await h.close();
  });

  const call = (route: RegisteredRoute, query: string) =>
    h.api<{ code?: string; details?: { issues?: Array<{ path: string; rule: string }> } }>(route.method, `${fillPath(route.path, PARAMS)}?${query}`, {
      token: coordinator,
      ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
    });

  it('answers an object or a repeated query parameter with 400 VALIDATION_FAILED on every /api/ route, never a 5xx, changing nothing', async () => {
    expect(routes.length).toBeGreaterThan(30);
    const before = await snapshotRows(h.app);
    const failures: string[] = [];
    for (const route of routes) {
      for (const query of HOSTILE_QUERIES) {
        const res = await call(route, query);
        if (res.status !== 400 || res.body.code !== 'VALIDATION_FAILED') failures.push(`${key(route)}?${query}: ${res.status} ${res.body.code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotRows(h.app)).toEqual(before);
  });

  it('names the parameter and the rule, never the value', async () => {
    const res = await h.api<{ code: string; message: string; details?: unknown }>('GET', '/api/report?campaignId[$ne]=secret-value', { token: coordinator });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ issues: [{ path: 'query.campaignId', rule: 'not_text' }] });
    expect(JSON.stringify(res.body)).not.toContain('secret-value');
  });

  it('still takes a plain query parameter (positive control: the refusals above are for the shape)', async () => {
    const res = await h.api('GET', `/api/report?campaignId=${encodeURIComponent(h.campaign.campaignId)}`, { token: coordinator });
    expect(res.status).toBe(200);
    expect((await h.api('GET', '/api/admin/dayplan?campaignId=', { token: coordinator })).status).toBe(200);
  });
});
