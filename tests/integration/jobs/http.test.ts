import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { createLogger } from '@soestainable/bot/platform/logger';
import { FakeConnector } from '../../helpers/fakeConnector';
import { checkIn } from '../../helpers/fixtures';
import { endedCampaign, participant } from '../../helpers/orgFixture';
import { testConnectionString } from '../../helpers/storage';
import { campaignOf, deliveries, enrol, onlyCampaign } from './harness';

/** POST /api/jobs/:name through the real server (composeApp + listen on port 0), Azurite and a fake connector. */
const KEY = 'k-' + randomBytes(18).toString('hex');
const connector = new FakeConnector();

/** Starts the app; `now` is its clock (the server's clock that a caller's `at` is held against), real time without it. */
async function startApp(env: Record<string, string>, now?: () => Date): Promise<{ app: RunningApp; base: string }> {
  const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: 'j' + randomBytes(4).toString('hex'), ORG_ID: 'soest', ...env });
  const app = await composeApp(config, createLogger('silent'), { tabDir: mkdtempSync(join(tmpdir(), 'tab-')), ...(now === undefined ? {} : { now }) });
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
  /** The server's clock: Monday 09:00, when the timer fires (a caller's `at` may not lie more than 60 s after it). */
  const NOW = new Date(MONDAY);
  const inSeconds = (seconds: number): string => new Date(NOW.getTime() + seconds * 1000).toISOString();
  beforeAll(async () => {
    ({ app, base } = await startApp({ JOBS_KEY: KEY }, () => NOW));
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

  it.each(['nudges', 'followups', 'digests', 'yousaid', 'retention', 'repair', 'headcount', 'owners', 'teamcards'])(
    'refuses %s with an at more than 60 s after the server clock (400 AT_IN_FUTURE), also as a dry run, and no work done',
    async (job) => {
      for (const body of [{ at: inSeconds(61) }, { at: '2036-01-01T00:00Z' }, { at: '2036-01-01T00:00Z', dryRun: true }]) {
        const res = await post(base, `/api/jobs/${job}`, { headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify(body) });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({
          code: 'AT_IN_FUTURE',
          message: expect.stringContaining('60 s') as unknown,
          details: { now: NOW.toISOString(), leewaySeconds: 60 },
        });
      }
      await noWorkDone();
    },
  );

  it('takes an at up to 60 s after the server clock (a timer whose clock runs a little ahead)', async () => {
    const dry = await post(base, '/api/jobs/nudges', { headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ at: inSeconds(60), dryRun: true }) });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ job: 'nudges', dryRun: true, at: inSeconds(60), counts: { wouldSend: 1 } });
    const real = await post(base, '/api/jobs/yousaid', { headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ at: inSeconds(30) }) });
    expect(real.status).toBe(200);
    expect(await real.json()).toMatchObject({ job: 'yousaid', dryRun: false, at: inSeconds(30) });
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

describe('retention over HTTP: only now, or another instant as a dry run', () => {
  let app: RunningApp;
  let base: string;
  /** The server's clock: 1 Feb 2027, 03:00 in Soest. With 14 retention days a campaign that ended on 15 Jan is due. */
  const NOW = new Date('2027-02-01T02:00:00Z');
  const YESTERDAY = '2027-01-31T03:00+01:00';
  const retention = (body: Record<string, unknown>) =>
    post(base, '/api/jobs/retention', { headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify(body) });
  const checkIns = () => app.repositories.checkIns.countForCampaign('r-1', 'c-jan');

  beforeAll(async () => {
    ({ app, base } = await startApp({ JOBS_KEY: KEY, RETENTION_DAYS: '14' }, () => NOW));
    const { repositories: repos } = app;
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: [], demo: false });
    await repos.campaigns.save(endedCampaign('c-jan', '2027-01-04', '2027-01-15'));
    await repos.participants.save(participant({ userId: 'r-1', teamId: 'publiekszaken' }));
    for (const date of ['2027-01-04', '2027-01-05']) await repos.checkIns.save(checkIn({ userId: 'r-1', teamId: 'publiekszaken', campaignId: 'c-jan', date }), null);
  });
  afterAll(() => app.close());

  it.each([
    ['a future at', { at: '2036-01-01T00:00Z' }, 'AT_IN_FUTURE'],
    ['a future at as a dry run', { at: '2036-01-01T00:00Z', dryRun: true }, 'AT_IN_FUTURE'],
    ['a past at', { at: YESTERDAY }, 'AT_NEEDS_DRY_RUN'],
    ['a past at, dryRun false', { at: '2026-01-01T00:00Z', dryRun: false }, 'AT_NEEDS_DRY_RUN'],
  ])('refuses %s (400 with its code) and removes nothing', async (_name, body, code) => {
    const res = await retention(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code, details: { now: NOW.toISOString() } });
    expect(await checkIns()).toBe(2);
  });

  it('takes a past at as a dry run: counts what it would remove, removes nothing', async () => {
    const res = await retention({ at: YESTERDAY, dryRun: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ job: 'retention', dryRun: true, at: '2027-01-31T02:00:00.000Z', counts: { CheckIns: 2 } });
    expect(await checkIns()).toBe(2);
  });

  it('runs for real at now: without an at, or with one within 60 s of the server clock', async () => {
    const within = await retention({ at: new Date(NOW.getTime() - 45_000).toISOString() });
    expect(within.status).toBe(200);
    expect(await within.json()).toMatchObject({ job: 'retention', dryRun: false, counts: { CheckIns: 2 } });
    expect(await checkIns()).toBe(0);
    const plain = await retention({});
    expect(plain.status).toBe(200);
    expect(await plain.json()).toMatchObject({ job: 'retention', dryRun: false, at: NOW.toISOString(), counts: { CheckIns: 0 } });
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
