import type { CreateActionBody } from '@soestainable/shared/api/programme';
import { ApiClient, PREFETCH_FRESH_MS } from '../../../tab/src/api/client';
import { ApiClientError } from '../../../tab/src/api/errors';
import { DevTokenSource, TeamsTokenSource, type TokenSource } from '../../../tab/src/api/tokens';
import { hrefFor, parseHash, teamFromSubPageId } from '../../../tab/src/app/router';
import { apiError, fakeServer, memoryStorage } from './harness';

function clientWith(answers: Parameters<typeof fakeServer>[0], tokens: TokenSource = new DevTokenSource(memoryStorage({ 'soestainable.devToken': 'tok' }))) {
  const server = fakeServer(answers);
  let refused = 0;
  const client = new ApiClient({ fetch: server.fetch, tokens, onUnauthenticated: () => (refused += 1) });
  return { client, calls: server.calls, refused: () => refused };
}

async function failure(promise: Promise<unknown>): Promise<ApiClientError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiClientError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('ApiClient', () => {
  test('GET sends the bearer token and returns the JSON with its ETag', async () => {
    const { client, calls } = clientWith({ 'GET /api/programme': { body: { a: 1 }, headers: { ETag: 'W/"1"' } } });
    expect(await client.getWithEtag('programme.get')).toEqual({ data: { a: 1 }, etag: 'W/"1"' });
    expect(calls[0]?.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok' });
  });

  test('a prefetched GET is handed to the next call for that path once; later calls ask again', async () => {
    let n = 0;
    const { client, calls } = clientWith({ 'GET /api/teams/t%201/dashboard': () => ({ body: { n: (n += 1) }, headers: { ETag: `W/"${n}"` } }) });
    const team = { params: { teamId: 't 1' } };
    client.prefetch('dashboard.get', team);
    expect(await client.getWithEtag('dashboard.get', team)).toEqual({ data: { n: 1 }, etag: 'W/"1"' });
    expect(calls).toHaveLength(1);
    expect(await client.getWithEtag('dashboard.get', team)).toEqual({ data: { n: 2 }, etag: 'W/"2"' });
    expect(calls).toHaveLength(2);
    // Another path is not served from it.
    client.prefetch('dashboard.get', team);
    await failure(client.getWithEtag('dashboard.get', { params: { teamId: 't 2' } }));
  });

  test('a prefetched failure reaches the call that takes it, with its code', async () => {
    const { client, calls } = clientWith({ 'GET /api/programme': apiError(403, 'FORBIDDEN') });
    client.prefetch('programme.get');
    expect((await failure(client.getWithEtag('programme.get'))).code).toBe('FORBIDDEN');
    expect(calls).toHaveLength(1);
  });

  test('a prefetched answer older than its freshness is not used', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    try {
      const { client, calls } = clientWith({ 'GET /api/programme': { body: { a: 1 } } });
      client.prefetch('programme.get');
      now.mockReturnValue(1_000_000 + PREFETCH_FRESH_MS + 1);
      await client.getWithEtag('programme.get');
      expect(calls).toHaveLength(2);
    } finally {
      now.mockRestore();
    }
  });

  test('a change sends JSON and If-Match', async () => {
    const { client, calls } = clientWith({ 'PATCH /api/actions/a-1': { body: { ok: true } } });
    await client.send('actions.update', { params: { actionId: 'a-1' }, body: { status: 'gepland' }, etag: 'W/"7"' });
    expect(calls[0]?.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok', 'Content-Type': 'application/json', 'If-Match': 'W/"7"' });
    expect(calls[0]?.body).toEqual({ status: 'gepland' });
  });

  test('a coded error answer becomes an ApiClientError with the server’s code and details', async () => {
    const { client } = clientWith({ 'POST /api/actions': { status: 400, body: { code: 'VALIDATION_FAILED', message: 'bad', details: { fields: ['title'] } } } });
    // A body the server refuses (not one the types allow: the refusal is the server's to give).
    const err = await failure(client.send('actions.create', { body: {} as CreateActionBody }));
    expect([err.code, err.status, err.details]).toEqual(['VALIDATION_FAILED', 400, { fields: ['title'] }]);
  });

  test('an answer that is not the API’s (a proxy page, not JSON) is BAD_RESPONSE', async () => {
    const { client } = clientWith({ 'GET /api/programme': { status: 502, body: '<html>Bad gateway</html>' }, 'GET /api/yousaid': { body: 'not json' } });
    expect((await failure(client.get('programme.get'))).code).toBe('BAD_RESPONSE');
    expect((await failure(client.get('yousaid.get'))).code).toBe('BAD_RESPONSE');
  });

  test('no answer at all is NETWORK', async () => {
    const client = new ApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), tokens: new DevTokenSource(memoryStorage()), onUnauthenticated: () => undefined });
    expect((await failure(client.get('programme.get'))).code).toBe('NETWORK');
  });

  test('401 forgets the dev token and reports it once', async () => {
    const storage = memoryStorage({ 'soestainable.devToken': 'old' });
    const { client, refused } = clientWith({ 'GET /api/programme': apiError(401, 'UNAUTHENTICATED') }, new DevTokenSource(storage));
    expect((await failure(client.get('programme.get'))).code).toBe('UNAUTHENTICATED');
    expect(storage.items.size).toBe(0);
    expect(refused()).toBe(1);
  });

  test('Teams refusing a token is UNAUTHENTICATED without calling the server', async () => {
    const { client, calls } = clientWith({}, new TeamsTokenSource(() => Promise.reject(new Error('consent required'))));
    expect((await failure(client.get('programme.get'))).code).toBe('UNAUTHENTICATED');
    expect(calls).toHaveLength(0);
  });
});

describe('hash routes', () => {
  test('pages, their segments, and what is not a page', () => {
    expect(parseHash('')).toEqual({ page: 'home' });
    expect(parseHash('#/')).toEqual({ page: 'home' });
    expect(parseHash('#/team/t%20zon')).toEqual({ page: 'team', rest: ['t zon'] });
    expect(parseHash('#/programme/action/a-1')).toEqual({ page: 'programme', rest: ['action', 'a-1'] });
    expect(parseHash('#/team')).toEqual({ page: 'notFound', path: '/team' });
    expect(parseHash('#/elsewhere')).toEqual({ page: 'notFound', path: '/elsewhere' });
    expect(hrefFor('team', 't zon')).toBe('#/team/t%20zon');
  });

  test('deep links from the digest card name a team', () => {
    expect(teamFromSubPageId('team:t-zon')).toBe('t-zon');
    expect(teamFromSubPageId('team:')).toBeUndefined();
    expect(teamFromSubPageId('action:a-1')).toBeUndefined();
    expect(teamFromSubPageId(undefined)).toBeUndefined();
  });
});
