import {
  API_ROUTES,
  apiPath,
  apiRouteList,
  type GetRouteName,
  type ParamsOf,
  type RequestOf,
  type ResponseOf,
  type SendRouteName,
} from '@soestainable/shared/api/routes';
import type { MeResponse } from '@soestainable/shared/api/me';

/**
 * The tab API's route table: its paths are restify patterns with one `:param` per segment, and `apiPath` builds
 * what the tab calls. The type-level half (a response type per route, typed path parameters) is checked by
 * `tsc -b`, which compiles this file: each `@ts-expect-error` below must stay an error.
 */

describe('the tab API route table', () => {
  it('has paths under /api/ with at most one parameter per segment, named by letters only', () => {
    for (const route of apiRouteList()) {
      expect(route.path).toMatch(/^\/api\//);
      for (const segment of route.path.split('/')) if (segment.includes(':')) expect(segment).toMatch(/^:[A-Za-z]+$/);
    }
  });

  it('lists every route with its name', () => {
    expect(apiRouteList().map((r) => r.name)).toEqual(Object.keys(API_ROUTES));
    expect(apiRouteList().find((r) => r.name === 'actions.note')).toMatchObject({ method: 'POST', path: '/api/actions/:actionId/notes', access: 'coordinator' });
  });

  it('builds paths: parameters percent-encoded, query parameters with a value only', () => {
    expect(apiPath('me.get')).toBe('/api/me');
    expect(apiPath('actions.note', { params: { actionId: 'a 1/2?' } })).toBe('/api/actions/a%201%2F2%3F/notes');
    expect(apiPath('dashboard.get', { params: { teamId: 'publiekszaken' } })).toBe('/api/teams/publiekszaken/dashboard');
    expect(apiPath('report.get', { query: { campaignId: 'voorjaar 2027' } })).toBe('/api/report?campaignId=voorjaar%202027');
    expect(apiPath('report.get', { query: {} })).toBe('/api/report');
  });

  it('types each route by its table row (compile-time checks)', () => {
    const me: ResponseOf<'me.get'> = { enrolled: false } as MeResponse;
    const params: ParamsOf<'me.checkin.put'> = { date: '2026-12-02' };
    const body: RequestOf<'me.delete'> = { confirm: true };
    const read: GetRouteName = 'admin.exportCsv';
    const change: SendRouteName = 'actions.update';
    // @ts-expect-error DELETE /api/me is not a read
    const notRead: GetRouteName = 'me.delete';
    // @ts-expect-error the path has no :teamId
    const wrongParam: ParamsOf<'actions.get'> = { teamId: 'x' };
    // @ts-expect-error deleting needs confirm: true
    const unconfirmed: RequestOf<'me.delete'> = { confirm: false };
    // @ts-expect-error the path parameter is required
    expect(() => apiPath('actions.get')).toThrow(/no value for :actionId/);
    // @ts-expect-error GET /api/me reads no query
    apiPath('me.get', { query: { campaignId: 'x' } });
    expect([me.enrolled, params.date, body.confirm, read, change, notRead, wrongParam, unconfirmed]).toHaveLength(8);
  });
});
