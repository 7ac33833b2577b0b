import { createAdapter } from '@soestainable/bot/botAdapter';
import { buildDailyCard } from '@soestainable/bot/features/checkin/cards';
import { createJobs, DEFAULT_CONCURRENCY, minConcurrency, type JobsOptions } from '@soestainable/bot/jobs';
import type { JobProgress } from '@soestainable/bot/jobs/job';
import { NUDGE_PREFETCH_FROM } from '@soestainable/bot/jobs/nudges';
import { noWeather } from '@soestainable/bot/jobs/weather/weather';
import type { Sender } from '@soestainable/bot/proactive/sender';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import type { ConversationRefsRepository } from '@soestainable/bot/storage/repositories/conversationRefs';
import { loadConfig } from '@soestainable/bot/config';
import { testConnectionString } from '../../helpers/storage';
import { at, campaignOf, createJobWorld, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * How `createJobs` wires the one engine of a process: each run's own progress, reference pages for the large
 * runs, and enough workers for SEND_RATE. A sender at the SDK boundary counts what reaches it.
 */
const DECEMBER = campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' });

/** A sender that answers after `holdMs`, counting sends in flight at once. */
function countingSender(holdMs: number): Sender & { maxInFlight: number; sent: number } {
  let inFlight = 0;
  const sender = {
    maxInFlight: 0,
    sent: 0,
    async send() {
      inFlight++;
      sender.maxInFlight = Math.max(sender.maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      inFlight--;
      sender.sent++;
      return { activityId: `a-${sender.sent}` };
    },
  };
  return sender;
}

/** The repositories with a conversation-reference repository that counts point reads and page reads. */
function countingRefs(repos: Repositories): { repos: Repositories; pointReads: () => number; scopeReads: () => number } {
  let pointReads = 0;
  let scopeReads = 0;
  const refs = Object.create(repos.conversationRefs) as ConversationRefsRepository;
  refs.get = async (...args) => {
    pointReads++;
    return repos.conversationRefs.get(...args);
  };
  refs.iterateScope = (...args) => {
    scopeReads++;
    return repos.conversationRefs.iterateScope(...args);
  };
  return { repos: { ...repos, conversationRefs: refs }, pointReads: () => pointReads, scopeReads: () => scopeReads };
}

let world: JobWorld;
const connector = { url: 'http://127.0.0.1:9/unused' };
beforeAll(async () => {
  world = await createJobWorld();
  await onlyCampaign(world.repos, DECEMBER);
  const ids = Array.from({ length: NUDGE_PREFETCH_FROM }, (_, i) => `u-${String(i).padStart(3, '0')}`);
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(ids.slice(i, i + 20).map((userId) => enrol(world.repos, connector, { userId, nudgeTime: i < 40 ? '08:00' : '09:00' })));
  }
  // Two people at 07:00: a run of two.
  await enrol(world.repos, connector, { userId: 'early-1', nudgeTime: '07:00' });
  await enrol(world.repos, connector, { userId: 'early-2', nudgeTime: '07:00' });
}, 120_000);
afterAll(async () => {
  await world.drop();
});

function jobsWith(repos: Repositories, options: JobsOptions, env: Record<string, string> = {}) {
  const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), ORG_ID: 'soest', ...env });
  return createJobs({ config, logger: world.logger, repos, adapter: createAdapter(config, world.logger), now: () => new Date(), nudgeCard: buildDailyCard }, { weather: noWeather, ...options });
}

it('concurrency: at least ceil(SEND_RATE × 0.3) workers, whatever is configured lower; 48 by default', () => {
  expect(minConcurrency(30)).toBe(9);
  expect(minConcurrency(200)).toBe(60);
  expect(DEFAULT_CONCURRENCY).toBeGreaterThanOrEqual(minConcurrency(30));
});

it('a small run (the 07:00 slot) reads references one by one; each of two overlapping runs reports only its own progress', async () => {
  const sender = countingSender(5);
  const counting = countingRefs(world.repos);
  const jobs = jobsWith(counting.repos, { sender });
  const early: JobProgress[] = [];
  const late: JobProgress[] = [];
  // Two runs of one process at once, both of kind `nudge` (two different days): progress must not cross.
  const [a, b] = await Promise.all([
    jobs.run('nudges', { at: at('2026-12-07T07:00+01:00'), dryRun: false, onProgress: (p) => early.push(p) }),
    jobs.run('nudges', { at: at('2026-12-08T08:30+01:00'), dryRun: false, onProgress: (p) => late.push(p) }),
  ]);
  expect(a.runs[0]).toMatchObject({ queued: 2, sent: 2 });
  expect(b.runs[0]).toMatchObject({ queued: 42, sent: 42 }); // the 07:00 pair and the 40 at 08:00
  // One call per finished recipient of its own run, counting up to its own total.
  expect(early).toHaveLength(2);
  expect(early.at(-1)).toEqual({ done: 2, total: 2 });
  expect(late).toHaveLength(42);
  expect(late.at(-1)).toEqual({ done: 42, total: 42 });
  expect(late.every((p, i) => i === 0 || p.done >= (late[i - 1]?.done ?? 0))).toBe(true);
  expect(counting.scopeReads()).toBe(0);
  expect(counting.pointReads()).toBe(44);
});

it(`a run of ${NUDGE_PREFETCH_FROM} or more reads the personal references in pages, not one by one`, async () => {
  const counting = countingRefs(world.repos);
  const summary = await jobsWith(counting.repos, { sender: countingSender(1) }).run('nudges', { at: at('2026-12-09T09:00+01:00'), dryRun: false });
  expect(summary.runs[0]).toMatchObject({ queued: NUDGE_PREFETCH_FROM + 2, sent: NUDGE_PREFETCH_FROM + 2 });
  expect(counting.scopeReads()).toBe(1);
  expect(counting.pointReads()).toBe(0);
});

it('SEND_RATE=100 with concurrency 2 configured still runs 30 workers', async () => {
  // Held answers keep sends in flight, so the workers pile up to the engine's concurrency (the bucket lets
  // 100/s through; 102 recipients).
  const sender = countingSender(400);
  const summary = await jobsWith(world.repos, { sender, engine: { concurrency: 2 } }, { SEND_RATE: '100' }).run('nudges', {
    at: at('2026-12-10T09:00+01:00'),
    dryRun: false,
  });
  expect(summary.runs[0]).toMatchObject({ sent: NUDGE_PREFETCH_FROM + 2 });
  expect(sender.maxInFlight).toBeGreaterThan(2);
  expect(sender.maxInFlight).toBeLessThanOrEqual(minConcurrency(100));
}, 60_000);
