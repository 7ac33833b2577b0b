/**
 * `npm run bench:checkin`: the full check-in round trip over real HTTP — POST of the `adaptiveCard/action` invoke
 * to /api/messages → validated → stored (check-in + team aggregate) → the refreshed card in the response — at 32
 * concurrent clients, against Azurite, side by side in the same run with a bare botbuilder echo handler on the
 * same server (same adapter, same restify, no storage). Runs `--runs=N` times (3), each on a fresh Azurite and
 * server with the same organisation, so that a burst of other work on this shared machine shows as one odd run
 * instead of moving the result; within a run both paths are warmed up first, then the echo runs before and after
 * the check-ins (their mean is the run's echo). Prints p50/p95 and throughput per run, where the CPU went (this
 * process per request; Azurite's, which shares the machine's cores, per check-in and per storage call), the storage
 * round trips per check-in (before its answer, and after it: the counting that runs once the card is sent), and
 * last the ratio: the median of the runs' ratios. The check-ins counted in the team aggregates are read once the
 * work left after the answers has drained.
 *
 * `npm run profile:checkin` runs it with `--profile` (one run): the V8 profiler samples this process (the server,
 * and the HTTP clients that drive it; Azurite runs in its own process) during the check-in run only, and the ten
 * functions with the most self time are printed last, as TypeScript file:line.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ActivityHandler, type AdaptiveCardInvokeResponse } from 'botbuilder';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { createAdapter } from '@soestainable/bot/botAdapter';
import { createLogger } from '@soestainable/bot/platform/logger';
import { startAzurite } from '@soestainable/bot/storage/azurite';
import { campaignDays } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import { formatHottest, hottest, startProfile, type CpuProfile } from '@soestainable/testing/cpuProfile';
import { processCpuMs } from './processCpu';
import { StorageCallCounter, type CallScope } from '@soestainable/testing/storageCalls';

const args = process.argv.slice(2);
const PROFILE = args.includes('--profile');
const CLIENTS = 32;
const USERS = Number(args.find((a) => !a.startsWith('--')) ?? 1000);
/** How many times the whole measurement runs (`--runs=N`), each on a fresh Azurite and server; the profile takes one. */
const RUNS = PROFILE ? 1 : Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
/**
 * Requests of each path before anything is measured (connections, JIT): the echo's (with fewer, its run after the
 * check-ins came out faster than the one before), and the check-in's: the first participants' check-ins of
 * yesterday, so that the tables hold the same people as without them, and some of the history a campaign's third
 * day has.
 */
const WARM_UP = 500;
const ECHO_WARM_UP = 1000;
const ROOT = join(__dirname, '..', '..'); // dist/bench → the repository
const TEAMS = 20;
const NOW = new Date('2026-12-02T09:30:00Z'); // Wednesday, day 3 of a campaign from Monday 30 Nov
const TODAY = '2026-12-02';
const YESTERDAY = '2026-12-01';

/** The echo: answers every card action with a fixed card, through the same adapter — the floor for a round trip. */
class EchoBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'ok' }] } };
  }
}

function invoke(userId: string, data: Record<string, unknown>) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `a-${userId}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/', // never called: an invoke's answer is the HTTP response
    locale: 'nl-NL',
    from: { id: `29:${userId}`, aadObjectId: userId },
    recipient: { id: '28:bot' },
    conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
    value: { action: { type: 'Action.Execute', verb: data['verb'], data } },
  };
}

async function run(count: number, post: (i: number) => Promise<Response>, check: (res: Response, i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        const res = await post(i);
        try {
          await check(res, i);
        } catch {
          failures++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  const sorted = latencies.sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: q(0.5), p95: q(0.95), perSecond: (count / wall) * 1000, failures };
}

/**
 * The organisation: 20 teams, an active campaign, `participants` participants (`bench-user-<i>`), every one with a
 * baseline. Returns the campaign's id.
 */
async function seedOrganisation(repos: RunningApp['repositories'], participants: number): Promise<string> {
  const start = '2026-11-30';
  const days = campaignDays(start, CATALOGUE.length);
  const campaignId = 'bench-campaign';
  await repos.campaigns.save({
    orgId: 'soest', campaignId, name: { nl: 'Bench', en: 'Bench' }, startDate: start, endDate: days[days.length - 1] ?? start,
    dayPlan: CATALOGUE.map((c) => c.id), closingDays: [], status: 'active', demo: true,
  });
  for (let t = 0; t < TEAMS; t++) await repos.orgTeams.save({ orgId: 'soest', teamId: `team-${t}`, name: `Team ${t}`, managerIds: [], demo: true });
  process.stdout.write(`seeding ${participants} participants… `);
  let seeded = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (seeded < participants) {
        const i = seeded++;
        const userId = `bench-user-${i}`;
        await repos.participants.save({
          userId, tenantId: 'bench-tenant', orgId: 'soest', teamId: `team-${i % TEAMS}`, language: 'nl', nudgeTime: '09:00',
          status: 'active', roles: [], joinedAt: '2026-11-27T08:00:00.000Z', demo: true,
        });
        await repos.surveys.save({
          userId, campaignId, kind: 'baseline', commuteMode: 'auto', distanceBand: '10-20', disposablePackaging: 'often',
          screensOffAtNight: false, lightsOffWhenLeaving: true, createdAt: '2026-11-27T08:00:00.000Z',
        });
      }
    }),
  );
  process.stdout.write('done\n');
  return campaignId;
}

/**
 * Storage round trips: all of them, and those each request to /api/messages made before its answer (counted in its
 * own scope, entered after the body is read: the socket's events would leave it).
 */
function countStorageCalls(app: RunningApp): { storageCalls: StorageCallCounter; answered: CallScope } {
  const storageCalls = new StorageCallCounter().attach(app.storage.clients);
  const answered: CallScope = { calls: 0 };
  app.server.use((req, res, next) => {
    if (req.url !== '/api/messages') return next();
    const scope: CallScope = { calls: 0 };
    res.once('finish', () => (answered.calls += scope.calls));
    storageCalls.within(scope, () => next());
  });
  return { storageCalls, answered };
}

/** One run's figures. */
interface RunResult {
  /** The echo before and after the check-ins. */
  readonly echo: readonly [Measured, Measured];
  readonly checkIn: Measured;
  /** Azurite's CPU during the check-in run, ms; undefined where /proc cannot be read. */
  readonly azuriteMs: number | undefined;
  readonly callsBeforeAnswer: number;
  readonly callsAfterAnswer: number;
  readonly counted: number;
  readonly profile: CpuProfile | undefined;
}

type Measured = Awaited<ReturnType<typeof run>> & { readonly cpuMs: number };

/** {@link run}, with the CPU this process used meanwhile. */
async function measured(...a: Parameters<typeof run>): Promise<Measured> {
  const before = process.cpuUsage();
  const result = await run(...a);
  const used = process.cpuUsage(before);
  return { ...result, cpuMs: (used.user + used.system) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The echo of a run: the mean throughput and CPU of its two echo runs (before and after the check-ins). */
function echoOf(r: RunResult): { perSecond: number; cpuMs: number } {
  const [a, b] = r.echo;
  return { perSecond: (a.perSecond + b.perSecond) / 2, cpuMs: (a.cpuMs + b.cpuMs) / 2 };
}

async function measureOnce(): Promise<RunResult> {
  const azurite = await startAzurite();
  const config = loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, ORG_ID: 'soest', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const echoAdapter = createAdapter(config, logger);
  const echo = new EchoBot();
  const app = await composeApp(config, logger, { now: () => NOW, tabDir: '/nonexistent' });
  const { storageCalls, answered } = countStorageCalls(app);
  app.server.post('/bench/echo', async (req, res) => {
    await echoAdapter.process({ body: req.body as Record<string, unknown>, headers: req.headers, method: 'POST' }, res, (ctx) => echo.run(ctx));
  });
  const port = await listen(app.server, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  try {
    const campaignId = await seedOrganisation(app.repositories, USERS);

    const post = (path: string, body: unknown) =>
      fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answers = (i: number, date: string) => ({
      verb: 'checkin.submit', campaignId, date, outcome: 'done', travelMode: i % 3 === 0 ? 'auto' : 'fiets',
      distanceBand: '10-20', wasteFree: 'true', challenge: 'true',
    });
    const expectCard = async (res: Response) => {
      const body = (await res.json()) as { statusCode?: number; value?: { type?: string } };
      if (res.status !== 200 || body.statusCode !== 200 || body.value?.type !== 'AdaptiveCard') throw new Error(`unexpected ${res.status}`);
    };
    const echoRun = (name: string, count: number) => measured(count, (i) => post('/bench/echo', invoke(`${name}-${i}`, { verb: 'x' })), expectCard);
    /** Check-ins of participants 0 … `count - 1` for `date` (today or yesterday). */
    const checkInRun = (count: number, date: string) =>
      measured(count, (i) => post('/api/messages', invoke(`bench-user-${i}`, answers(i, date))), expectCard);

    // Warm-up of both paths (connections, JIT), on requests and participants the measured runs do not use.
    await echoRun('warm', ECHO_WARM_UP);
    await checkInRun(WARM_UP, YESTERDAY);
    await app.drain();

    const echoBefore = await echoRun('echo-before', USERS);
    const stopProfile = PROFILE ? await startProfile() : undefined;
    const callsBefore = storageCalls.total;
    const answeredBefore = answered.calls;
    const azuriteBefore = processCpuMs(azurite.pid);
    const checkIn = await checkInRun(USERS, TODAY);
    const azuriteAfter = processCpuMs(azurite.pid);
    const profile = await stopProfile?.();
    // The counting after the answers: waited for (not timed), so that every storage call of the run is counted.
    await app.drain();
    const callsBeforeAnswer = answered.calls - answeredBefore;
    const callsAfterAnswer = storageCalls.total - callsBefore - callsBeforeAnswer;
    const echoAfter = await echoRun('echo-after', USERS);

    const aggregates = await app.repositories.dailyAggregates.listCampaign(campaignId);
    const counted = aggregates.filter((a) => a.date === TODAY).reduce((sum, a) => sum + a.checkIns, 0);
    return {
      echo: [echoBefore, echoAfter],
      checkIn,
      azuriteMs: azuriteBefore !== undefined && azuriteAfter !== undefined ? azuriteAfter - azuriteBefore : undefined,
      callsBeforeAnswer,
      callsAfterAnswer,
      counted,
      profile,
    };
  } finally {
    await app.close();
    await azurite.stop();
  }
}

async function main(): Promise<void> {
  const runs: RunResult[] = [];
  for (let r = 0; r < RUNS; r++) {
    process.stdout.write(`run ${r + 1} of ${RUNS}: `);
    runs.push(await measureOnce());
  }
  const fmt = (s: Pick<Measured, 'p50' | 'p95' | 'perSecond' | 'failures'>) =>
    `p50 ${s.p50.toFixed(1).padStart(5)} ms  p95 ${s.p95.toFixed(1).padStart(5)} ms  ${s.perSecond.toFixed(0).padStart(5)}/s  failures ${s.failures}`;
  const ratioOf = (r: RunResult) => r.checkIn.perSecond / echoOf(r).perSecond;
  console.log(`${USERS} requests of each path per run, ${CLIENTS} concurrent clients, Azurite in memory, one server process`);
  runs.forEach((r, i) => {
    console.log(`run ${i + 1}  echo handler (same adapter, no storage), before: ${fmt(r.echo[0])}`);
    console.log(`       echo handler, after:                               ${fmt(r.echo[1])}`);
    console.log(`       check-in round trip (stored + card):               ${fmt(r.checkIn)}   ratio ${ratioOf(r).toFixed(2)}`);
    console.log(`       check-ins counted in the team aggregates: ${r.counted} of ${USERS}`);
  });
  const before = median(runs.map((r) => r.callsBeforeAnswer / USERS));
  const after = median(runs.map((r) => r.callsAfterAnswer / USERS));
  console.log(`storage round trips per check-in: ${before.toFixed(2)} before the answer, ${after.toFixed(2)} after it (counting, clearing the pending part)`);
  const azuriteMs = runs.map((r) => r.azuriteMs).filter((ms): ms is number => ms !== undefined);
  const azuriteLine =
    azuriteMs.length === runs.length
      ? `; Azurite (beside it, on the same cores) ${(median(azuriteMs) / USERS).toFixed(2)} ms per check-in, ` +
        `${(median(azuriteMs) / USERS / (before + after)).toFixed(2)} ms per storage call`
      : '';
  console.log(
    `CPU per request (median of the runs): this process (server and clients) echo ${median(runs.map((r) => echoOf(r).cpuMs / USERS)).toFixed(2)} ms, ` +
      `check-in ${median(runs.map((r) => r.checkIn.cpuMs / USERS)).toFixed(2)} ms${azuriteLine}`,
  );
  const profile = runs[0]?.profile;
  if (profile !== undefined) {
    console.log(`\nself time during the check-in run (this process: server and clients; Azurite apart):`);
    console.log(formatHottest(hottest(profile, ROOT)));
    console.log('(the profiler slows the run: read the ratio from `npm run bench:checkin`, not from this one)\n');
  }
  const ratios = runs.map(ratioOf);
  console.log(`ratio check-in/echo throughput: ${median(ratios).toFixed(2)} (median of ${RUNS} runs: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
