import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { createLogger } from '@soestainable/bot/platform/logger';
import { FakeConnector } from '../../helpers/fakeConnector';
import { testConnectionString } from '../../helpers/storage';
import { campaignOf, deliveries, enrol, onlyCampaign } from './harness';

/** POST /api/jobs/:name through the real server (composeApp + listen on port 0), Azurite and a fake connector. */
const KEY = 'k-' + randomBytes(18).toString('hex');
const connector = new FakeConnector();

async function startApp(env: Record<string, string>): Promise<{ app: RunningApp; base: string }> {
  const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: 'j' + randomBytes(4).toString('hex'), ORG_ID: 'soest', ...env });
  const app = await composeApp(config, createLogger('silent'), { tabDir: mkdtempSync(join(tmpdir(), 'tab-')) });
  return { app, base: `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}` };
}

const post = (base: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...init.headers }, ...(init.body === undefined ? {} : { body: init.body }) });

beforeAll(() => connector.start());
afterAll(() => connector.stop());
beforeEach(() => {
  connector.calls.length = 0;
});

describe('with JOBS_KEY configured', () => {
  let app: RunningApp;
  let base: string;
  const MONDAY = '2026-12-07T09:00+01:00';
  beforeAll(async () => {
    ({ app, base } = await startApp({ JOBS_KEY: KEY }));
    await onlyCampaign(app.repositories, campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' }));
    await enrol(app.repositories, connector, { userId: 'h-1', nudgeTime: '09:00' });
  });
  afterAll(() => app.close());
  const noWorkDone = async () => {
    expect(connector.calls).toEqual([]);
    expect(await app.repositories.sendClaims.listRun('nudge', '2026-12-07')).toEqual([]);
  };

  it.each([
    ['no key', {}],
    ['a wrong bearer key', { authorization: `Bearer ${KEY}x` }],
    ['a wrong x-jobs-key', { 'x-jobs-key': KEY.slice(0, -1) }],
    ['the key in another scheme', { authorization: `Basic ${KEY}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('%s → 401, and no work done', async (_name, headers) => {
    const res = await post(base, '/api/jobs/nudges', { headers, body: JSON.stringify({ at: MONDAY }) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    await noWorkDone();
  });

  it('an unknown job → 404 naming the known ones (after the key check)', async () => {
    const res = await post(base, '/api/jobs/reboot', { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'NOT_FOUND', message: 'No such job.', details: { jobs: ['nudges', 'followups', 'digests', 'yousaid', 'retention', 'repair', 'headcount', 'owners', 'teamcards'] } });
    expect((await post(base, '/api/jobs/reboot')).status).toBe(401);
  });

  it.each([
    ['an at without offset', JSON.stringify({ at: '2026-12-07T09:00' })],
    ['an at that is no date', JSON.stringify({ at: 'monday' })],
    ['an impossible date', JSON.stringify({ at: '2026-02-30T09:00+01:00' })],
    ['dryRun as a string', JSON.stringify({ dryRun: 'yes' })],
    ['an unknown field', JSON.stringify({ at: MONDAY, force: true })],
    ['an array', JSON.stringify([MONDAY])],
  ])('%s → 400, and no work done', async (_name, body) => {
    const res = await post(base, '/api/jobs/nudges', { headers: { authorization: `Bearer ${KEY}` }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    await noWorkDone();
  });

  it('a dry run (x-jobs-key) answers what would happen, sending and claiming nothing', async () => {
    const res = await post(base, '/api/jobs/nudges', { headers: { 'x-jobs-key': KEY }, body: JSON.stringify({ at: MONDAY, dryRun: true }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ job: 'nudges', dryRun: true, at: '2026-12-07T08:00:00.000Z', counts: { wouldSend: 1 } });
    await noWorkDone();
  });

  it('the right key runs the job at the given instant and answers its summary', async () => {
    const res = await post(base, '/api/jobs/nudges', { headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ at: MONDAY }) });
    expect(res.status).toBe(200);
    const summary = (await res.json()) as { runs: { sent: number; kind: string }[]; dryRun: boolean };
    expect(summary).toMatchObject({ job: 'nudges', dryRun: false, runs: [{ kind: 'nudge', sent: 1, queued: 1 }] });
    expect(deliveries(connector).map((d) => d.conversationId)).toEqual(['conv-h-1']);
    // Triggered again (a timer that fires twice): nothing more.
    const again = await post(base, '/api/jobs/nudges', { headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ at: MONDAY }) });
    expect(again.status).toBe(200);
    expect(deliveries(connector)).toHaveLength(1);
  });

  it('no body: the job runs now (a Saturday in the app clock is not needed: it answers a summary either way)', async () => {
    const res = await post(base, '/api/jobs/yousaid', { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ job: 'yousaid', dryRun: false });
  });

  it('POST /api/jobs/followups runs the follow-up pulses at the given instant (no wave that day: says why)', async () => {
    const res = await post(base, '/api/jobs/followups', { headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ at: MONDAY, dryRun: true }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ job: 'followups', dryRun: true, runs: [], skippedBecause: 'no_wave_today' });
  });
});

describe('without JOBS_KEY', () => {
  it('every call is 401, even with a key that would be valid elsewhere', async () => {
    const { app, base } = await startApp({});
    try {
      for (const headers of [{}, { authorization: `Bearer ${KEY}` }, { 'x-jobs-key': KEY }]) {
        const res = await post(base, '/api/jobs/nudges', { headers, body: JSON.stringify({ at: '2026-12-07T09:00+01:00' }) });
        expect(res.status).toBe(401);
      }
    } finally {
      await app.close();
    }
  });
});
