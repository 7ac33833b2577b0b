/**
 * `npm run bench:tab`: the tab API's read paths over real HTTP against Azurite, at two store sizes.
 *
 * The organisation: TEAMS teams of TEAM_SIZE participants, a ten-day campaign on its last day, every participant
 * with a baseline and a check-in on most days (stored and counted in `DailyAggregates` exactly as the bot does).
 * The store then grows with earlier campaigns' check-ins (same people, their `CheckIns` partitions, plus those
 * campaigns' `DailyAggregates` rows) from 10,000 to 100,000 stored check-ins, while the measured team keeps its
 * size. Measured: `GET /api/teams/:teamId/dashboard` at both sizes (p95 of each and their ratio; target p95 ≤ 30 ms,
 * ratio ≤ 1.3) and `GET /api/org/overview` at 100,000 (target p95 ≤ 150 ms).
 *
 * Then the first view (bench/tabFirstView.ts): the built tab (`dist/tab`, served by the same server) opens the
 * measured team's dashboard in Debian's Chromium; measured are the JavaScript loaded before its first stat card
 * is visible (target ≤ 200 kB gzip) and the median time to that first paint (target ≤ 1 s on localhost).
 *
 * Usage: `npm run bench:tab [-- <small> <large>]` (stored check-ins, default 10000 100000);
 * `npm run bench:tab -- --first-view [loads]` measures the first view alone (on the current campaign only, no
 * earlier campaigns: seeding takes seconds, not minutes); `--api` the API part alone.
 */
import { cpus, loadavg, totalmem, type } from 'node:os';
import { performance } from 'node:perf_hooks';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { createLogger } from '@soestainable/bot/platform/logger';
import { startAzurite } from '@soestainable/bot/storage/azurite';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import { addWorkingDays, campaignDays } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { CheckIn, TravelMode } from '@soestainable/shared/domain/types';
import { estimateCheckInImpact, FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import { measureFirstView, median, type FirstView } from './tabFirstView';

const FLAGS = process.argv.slice(2).filter((a) => a.startsWith('--'));
const NUMBERS = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const FIRST_VIEW_ONLY = FLAGS.includes('--first-view');
const API_ONLY = FLAGS.includes('--api');
const SMALL = Number((FIRST_VIEW_ONLY ? undefined : NUMBERS[0]) ?? 10_000);
const LARGE = Number((FIRST_VIEW_ONLY ? undefined : NUMBERS[1]) ?? 100_000);
/** Measured page loads of the first view (after one warm-up). */
const LOADS = Number((FIRST_VIEW_ONLY ? NUMBERS[0] : undefined) ?? 9);
const SCRIPT_BUDGET_KB = 200;
const PAINT_BUDGET_MS = 1000;
const TEAMS = 40;
const TEAM_SIZE = 12;
const REQUESTS = 400;
const WARM_UP = 30;
/** Parallel writes while seeding (one chunk at a time). */
const SEED_CHUNK = 64;
const ORG = 'soest';
const START = '2026-11-30';
const DAYS = campaignDays(START, CATALOGUE.length);
const NOW = new Date(`${DAYS[DAYS.length - 1] ?? START}T15:00:00Z`); // the campaign's last day, afternoon
const MODES: readonly TravelMode[] = ['fiets', 'auto', 'ov', 'ebike', 'lopen', 'thuis'];
const MEASURED_TEAM = 'team-07';

const userOf = (team: number, n: number) => `bench-${String(team).padStart(2, '0')}-${String(n).padStart(2, '0')}`;

function campaign(campaignId: string, startDate: string, status: Campaign['status']): Campaign {
  const days = campaignDays(startDate, CATALOGUE.length);
  return {
    orgId: ORG,
    campaignId,
    name: { nl: `Bench ${campaignId}`, en: `Bench ${campaignId}` },
    startDate,
    endDate: days[days.length - 1] ?? startDate,
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status,
    demo: true,
  };
}

function checkInOf(userId: string, teamId: string, campaignId: string, date: string, day: number, i: number): CheckIn {
  const answers = { outcome: 'done' as const, travelMode: MODES[i % MODES.length] ?? 'fiets', distanceBand: '5-10' as const, wasteFree: i % 3 !== 0, cupsAvoided: i % 4 };
  return {
    userId,
    teamId,
    campaignId,
    date,
    day,
    challengeId: CATALOGUE[day - 1]?.id ?? 'x',
    ...answers,
    challengeAnswer: undefined,
    impact: estimateCheckInImpact(answers, { commuteMode: 'auto', distanceBand: '5-10' }),
    factorVersion: FACTOR_TABLE_VERSION,
    createdAt: `${date}T08:00:00.000Z`,
    updatedAt: `${date}T08:00:00.000Z`,
  };
}

async function inChunks<T>(items: readonly T[], fn: (item: T) => Promise<unknown>, progress?: (done: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i += SEED_CHUNK) {
    await Promise.all(items.slice(i, i + SEED_CHUNK).map(fn));
    progress?.(Math.min(items.length, i + SEED_CHUNK));
  }
}

/** The organisation and the current campaign, with its check-ins counted in the aggregates. Returns how many check-ins it stored. */
async function seedOrganisation(repos: Repositories): Promise<number> {
  const current = campaign('bench-current', START, 'active');
  await repos.campaigns.save(current);
  await repos.challenges.saveAll(ORG, CATALOGUE);
  const people: Array<{ userId: string; teamId: string }> = [];
  for (let t = 0; t < TEAMS; t++) {
    const teamId = `team-${String(t).padStart(2, '0')}`;
    await repos.orgTeams.save({ orgId: ORG, teamId, name: `Team ${t}`, managerIds: [userOf(t, 1)], demo: true });
    for (let n = 1; n <= TEAM_SIZE; n++) people.push({ userId: userOf(t, n), teamId });
  }
  await inChunks(people, async ({ userId, teamId }) => {
    await repos.participants.save({ userId, tenantId: 'bench', orgId: ORG, teamId, language: 'nl', nudgeTime: '09:00', status: 'active', roles: userId === userOf(0, 2) ? ['coordinator'] : [], joinedAt: '2026-11-27T08:00:00.000Z', demo: true });
    await repos.surveys.save({ userId, campaignId: current.campaignId, kind: 'baseline', commuteMode: 'auto', distanceBand: '5-10', disposablePackaging: 'often', screensOffAtNight: false, lightsOffWhenLeaving: true, createdAt: '2026-11-27T08:00:00.000Z' });
  });
  // Most people check in on most days (about 85 %), as the bot stores them: check-in, then its aggregate.
  const checkIns = people.flatMap(({ userId, teamId }, p) =>
    DAYS.flatMap((date, d) => ((p * 7 + d * 3) % 20 < 17 ? [checkInOf(userId, teamId, current.campaignId, date, d + 1, p + d)] : [])),
  );
  await inChunks(checkIns, async (c) => {
    await repos.checkIns.save(c, null);
    await repos.dailyAggregates.apply(c);
  });
  const teamIds = [...new Set(people.map((p) => p.teamId))];
  await inChunks(teamIds.flatMap((teamId) => DAYS.map((date) => ({ teamId, date }))), ({ teamId, date }) =>
    repos.dailyAggregates.recordParticipants(current.campaignId, teamId, date, TEAM_SIZE),
  );
  return checkIns.length;
}

/**
 * Earlier campaigns' check-ins until the store holds `target`: stored per person (their `CheckIns` partition) and
 * counted in those campaigns' aggregates (one combined write per team-day, not one per check-in, to keep seeding
 * within minutes; the rows are the same).
 */
async function growTo(repos: Repositories, stored: number, target: number): Promise<number> {
  const perCampaign = TEAMS * TEAM_SIZE * DAYS.length;
  let k = Math.floor(stored / perCampaign) + 1;
  let count = stored;
  while (count < target) {
    const start = addWorkingDays(START, -k * 40);
    const past = campaign(`bench-past-${String(k).padStart(3, '0')}`, start, 'ended');
    await repos.campaigns.save(past);
    const days = campaignDays(start, CATALOGUE.length);
    const batch: CheckIn[] = [];
    for (let t = 0; t < TEAMS && count + batch.length < target; t++) {
      for (let n = 1; n <= TEAM_SIZE && count + batch.length < target; n++) {
        for (const [d, date] of days.entries()) {
          if (count + batch.length >= target) break;
          batch.push(checkInOf(userOf(t, n), `team-${String(t).padStart(2, '0')}`, past.campaignId, date, d + 1, t + n + d));
        }
      }
    }
    await inChunks(batch, (c) => repos.checkIns.save(c, null));
    process.stdout.write(`\r  stored check-ins: ${count + batch.length}/${target}   `);
    const teamDays = [...new Set(batch.map((c) => `${c.teamId}|${c.date}`))];
    await inChunks(teamDays, async (td) => {
      const [teamId = '', date = ''] = td.split('|');
      await repos.dailyAggregates.recordParticipants(past.campaignId, teamId, date, TEAM_SIZE);
    });
    count += batch.length;
    k++;
  }
  process.stdout.write('\n');
  return count;
}

interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

async function measure(n: number, call: () => Promise<Response>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await (await call()).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await call();
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`unexpected HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { p50: q(0.5), p95: q(0.95), max: times[times.length - 1] ?? 0 };
}

const fmt = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms  p95 ${t.p95.toFixed(1)} ms  max ${t.max.toFixed(1)} ms`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

interface ApiFigures {
  readonly small: Timing;
  readonly large: Timing;
  readonly org: Timing;
}

/** The API part: the dashboard at both store sizes, the organisation overview at the large one. */
async function measureApi(repos: Repositories, get: (path: string) => () => Promise<Response>, seeded: number): Promise<ApiFigures> {
  const dashboard = get(`/api/teams/${MEASURED_TEAM}/dashboard`);
  const overview = get('/api/org/overview');
  const session = get('/api/session');

  const seedStarted = performance.now();
  let stored = await growTo(repos, seeded, SMALL);
  const floor = await measure(REQUESTS, session);
  console.log(`floor, GET /api/session (token check + one point read): ${fmt(floor)}`);
  const small = await measure(REQUESTS, dashboard);
  console.log(`team dashboard at ${stored} stored check-ins:  ${fmt(small)}`);

  stored = await growTo(repos, stored, LARGE);
  console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
  const large = await measure(REQUESTS, dashboard);
  console.log(`team dashboard at ${stored} stored check-ins: ${fmt(large)}`);
  const org = await measure(Math.floor(REQUESTS / 2), overview);
  console.log(`organisation overview at ${stored} stored check-ins (${TEAMS} teams): ${fmt(org)}`);
  return { small, large, org };
}

function printFirstView(view: FirstView): void {
  console.log(`first view: ${MEASURED_TEAM}'s dashboard, scripts requested before its first stat card was visible:`);
  for (const s of view.scripts) console.log(`  ${new URL(s.url).pathname}  ${kB(s.bytes)}, ${kB(s.gzipBytes)} gzip`);
  console.log(`  total ${kB(view.bytes)}, ${kB(view.gzipBytes)} gzip`);
  console.log(
    `first dashboard paint over ${view.paintMs.length} cold loads (fresh context, empty cache): ` +
      `median ${median(view.paintMs).toFixed(0)} ms, min ${Math.min(...view.paintMs).toFixed(0)} ms, max ${Math.max(...view.paintMs).toFixed(0)} ms`,
  );
  console.log(`  medians from navigation start: those scripts all arrived at ${median(view.scriptsDoneMs).toFixed(0)} ms, the dashboard API answered at ${median(view.apiDoneMs).toFixed(0)} ms`);
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  let app: RunningApp | undefined;
  try {
    // No Entra app configured: the dev sign-in issues the token (HS256; an SSO token's RS256 check costs ~0.1 ms more).
    // One user sends hundreds of requests a minute here: the per-user limit is out of the way.
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      ORG_ID: ORG,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
      DEV_SIGNIN: '1',
      TAB_API_RATE_LIMIT: '100000',
    });
    // The built tab (dist/tab, the server's default) for the first view; none is needed for the API alone.
    app = await composeApp(config, createLogger('silent'), { now: () => NOW, ...(API_ONLY ? { tabDir: '/nonexistent' } : {}) });
    const base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
    const repos = app.repositories;

    process.stdout.write(`seeding ${TEAMS} teams of ${TEAM_SIZE} and the current campaign… `);
    const seeded = await seedOrganisation(repos);
    console.log(`${seeded} check-ins`);
    const signIn = await fetch(`${base}/api/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: userOf(7, 3), role: 'employee' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const get = (path: string) => () => fetch(base + path, { headers: { authorization: `Bearer ${token}` } });

    const api = FIRST_VIEW_ONLY ? undefined : await measureApi(repos, get, seeded);
    const view = API_ONLY ? undefined : await measureFirstView({ base, token, teamId: MEASURED_TEAM, loads: LOADS });
    if (view !== undefined) printFirstView(view);

    console.log(
      `machine: ${type()} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
        `${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}${view === undefined ? '' : `, ${view.browser} headless`}; ` +
        `load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end (timings stretch when other work shares the cores); ` +
        `Azurite in memory; one server process; ${REQUESTS} sequential requests after ${WARM_UP} warm-up`,
    );
    if (api !== undefined) {
      const { small, large, org } = api;
      console.log(
        `API targets: dashboard p95 ≤ 30 ms (${small.p95 <= 30 && large.p95 <= 30 ? 'met' : 'NOT met'}), ` +
          `overview p95 ≤ 150 ms (${org.p95 <= 150 ? 'met' : 'NOT met'}), ratio ≤ 1.3`,
      );
    }
    if (view !== undefined) {
      const paint = median(view.paintMs);
      console.log(
        `first view targets: scripts ≤ ${SCRIPT_BUDGET_KB} kB gzip (${view.gzipBytes <= SCRIPT_BUDGET_KB * 1000 ? 'met' : 'NOT met'}), ` +
          `first paint median ≤ ${PAINT_BUDGET_MS} ms (${paint <= PAINT_BUDGET_MS ? 'met' : 'NOT met'})`,
      );
      console.log(
        `ratio first view / budget: scripts ${kB(view.gzipBytes)} / ${SCRIPT_BUDGET_KB} kB gzip = ${(view.gzipBytes / (SCRIPT_BUDGET_KB * 1000)).toFixed(2)}, ` +
          `paint ${paint.toFixed(0)} / ${PAINT_BUDGET_MS} ms = ${(paint / PAINT_BUDGET_MS).toFixed(2)}`,
      );
    }
    if (api !== undefined) console.log(`ratio dashboard p95 ${LARGE}/${SMALL}: ${(api.large.p95 / api.small.p95).toFixed(2)}`);
  } finally {
    await app?.close();
    await azurite.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
