import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { createLogger } from '@soestainable/bot/platform/logger';
import { testConnectionString } from '../../helpers/storage';

/**
 * A local stack's shifted clock (DEV_CLOCK) moved through `POST /api/dev/clock`, against the real server: only with
 * the jobs key and an ISO instant, and only where there is a dev clock at all. What the app takes for "now" (here:
 * the time a job runs at when none is given) follows it.
 */
const KEY = 'dev-clock-jobs-key-0123456789abcdef';

async function start(env: Record<string, string>): Promise<{ app: RunningApp; base: string }> {
  const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: 'k' + randomBytes(4).toString('hex'), ORG_ID: 'soest', JOBS_KEY: KEY, ...env });
  const app = await composeApp(config, createLogger('silent'), { tabDir: mkdtempSync(join(tmpdir(), 'tab-')) });
  return { app, base: `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}` };
}

/** A POST with the jobs key, another key, or (`null`) none. */
const post = (base: string, path: string, body: unknown, key: string | null = KEY) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) }, body: JSON.stringify(body) });

/** The instant a job runs at when none is given: the app's now. */
async function appNow(base: string): Promise<number> {
  const res = await post(base, '/api/jobs/nudges', { dryRun: true });
  expect(res.status).toBe(200);
  return Date.parse(((await res.json()) as { at: string }).at);
}

describe('POST /api/dev/clock', () => {
  let stack: { app: RunningApp; base: string };
  beforeAll(async () => {
    stack = await start({ DEV_CLOCK: '2026-12-02T08:00:00+01:00' });
  });
  afterAll(async () => {
    await stack.app.close();
  });

  it('moves the clock, which runs on from there', async () => {
    expect(Math.abs((await appNow(stack.base)) - Date.parse('2026-12-02T08:00:00+01:00'))).toBeLessThan(60_000);
    const res = await post(stack.base, '/api/dev/clock', { at: '2027-01-19T09:00+01:00' });
    expect(res.status).toBe(200);
    const moved = Date.parse(((await res.json()) as { now: string }).now);
    expect(Math.abs(moved - Date.parse('2027-01-19T09:00+01:00'))).toBeLessThan(5_000);
    const later = await appNow(stack.base);
    expect(later).toBeGreaterThanOrEqual(moved);
    expect(later - moved).toBeLessThan(60_000);
  });

  it('refuses a call without the jobs key (401) and a body that is no ISO instant (400), and leaves the clock', async () => {
    const before = await appNow(stack.base);
    expect((await post(stack.base, '/api/dev/clock', { at: '2027-03-01T09:00+01:00' }, null)).status).toBe(401);
    expect((await post(stack.base, '/api/dev/clock', { at: '2027-03-01T09:00+01:00' }, 'wrong-key')).status).toBe(401);
    for (const body of [{}, { at: 'maandag' }, { at: '2027-03-01T09:00' }, { at: '2027-02-30T09:00+01:00' }, { at: '2027-03-01T09:00+01:00', by: 'me' }, 'now']) {
      const res = await post(stack.base, '/api/dev/clock', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(((await res.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    }
    const after = await appNow(stack.base);
    expect(after - before).toBeLessThan(60_000);
    expect(after).toBeGreaterThanOrEqual(before);
  });
});

describe('without a dev clock (as in production)', () => {
  it('has no such route', async () => {
    const { app, base } = await start({});
    try {
      const res = await post(base, '/api/dev/clock', { at: '2027-01-19T09:00+01:00' });
      expect(res.status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
