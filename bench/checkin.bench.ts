/**
 * `npm run bench:checkin`: the full check-in round trip over real HTTP — POST of the `adaptiveCard/action` invoke
 * to /api/messages → validated → stored (check-in + team aggregate) → the refreshed card in the response — at 32
 * concurrent clients, against Azurite, side by side in the same run with a bare botbuilder echo handler on the
 * same server (same adapter, same restify, no storage). Prints p50/p95 and throughput of both, the storage round
 * trips per check-in (before its answer, and after it: the counting that runs once the card is sent), the ratio last.
 * The check-ins counted in the team aggregates are read once the work left after the answers has drained.
 *
 * `npm run profile:checkin` runs it with `--profile`: the V8 profiler samples this process (the server, and the
 * HTTP clients that drive it; Azurite runs in its own process) during the check-in run only, and the ten functions
 * with the most self time are printed last, as TypeScript file:line.
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
import { formatHottest, hottest, startProfile } from '@soestainable/testing/cpuProfile';
import { StorageCallCounter, type CallScope } from '@soestainable/testing/storageCalls';

const args = process.argv.slice(2);
const PROFILE = args.includes('--profile');
const CLIENTS = 32;
const USERS = Number(args.find((a) => !a.startsWith('--')) ?? 1000);
const ROOT = join(__dirname, '..', '..'); // dist/bench → the repository
const TEAMS = 20;
const NOW = new Date('2026-12-02T09:30:00Z'); // Wednesday, day 3 of a campaign from Monday 30 Nov

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

/** The organisation: 20 teams of 50, an active campaign, every participant with a baseline. Returns the campaign's id. */
async function seedOrganisation(repos: RunningApp['repositories']): Promise<string> {
  const start = '2026-11-30';
  const days = campaignDays(start, CATALOGUE.length);
  const campaignId = 'bench-campaign';
  await repos.campaigns.save({
    orgId: 'soest', campaignId, name: { nl: 'Bench', en: 'Bench' }, startDate: start, endDate: days[days.length - 1] ?? start,
    dayPlan: CATALOGUE.map((c) => c.id), closingDays: [], status: 'active', demo: true,
  });
  for (let t = 0; t < TEAMS; t++) await repos.orgTeams.save({ orgId: 'soest', teamId: `team-${t}`, name: `Team ${t}`, managerIds: [], demo: true });
  process.stdout.write(`seeding ${USERS} participants… `);
  let seeded = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (seeded < USERS) {
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

async function main(): Promise<void> {
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
    const campaignId = await seedOrganisation(app.repositories);

    const post = (path: string, body: unknown) =>
      fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answers = (i: number) => ({
      verb: 'checkin.submit', campaignId, date: '2026-12-02', outcome: 'done', travelMode: i % 3 === 0 ? 'auto' : 'fiets',
      distanceBand: '10-20', wasteFree: 'true', challenge: 'true',
    });
    const expectCard = async (res: Response) => {
      const body = (await res.json()) as { statusCode?: number; value?: { type?: string } };
      if (res.status !== 200 || body.statusCode !== 200 || body.value?.type !== 'AdaptiveCard') throw new Error(`unexpected ${res.status}`);
    };

    // Warm-up of both paths (connections, JIT), on users the measured runs do not use.
    await run(64, (i) => post('/bench/echo', invoke(`warm-${i}`, { verb: 'x' })), expectCard);

    const echoResult = await run(USERS, (i) => post('/bench/echo', invoke(`echo-${i}`, { verb: 'x' })), expectCard);
    const stopProfile = PROFILE ? await startProfile() : undefined;
    const callsBefore = storageCalls.total;
    const checkinResult = await run(USERS, (i) => post('/api/messages', invoke(`bench-user-${i}`, answers(i))), expectCard);
    const profile = await stopProfile?.();
    // The counting after the answers: waited for (not timed), so that every storage call of the run is counted.
    await app.drain();
    const callsAfterAnswers = storageCalls.total - callsBefore - answered.calls;

    const aggregates = await app.repositories.dailyAggregates.listCampaign(campaignId);
    const counted = aggregates.reduce((sum, a) => sum + a.checkIns, 0);
    const fmt = (s: { p50: number; p95: number; perSecond: number; failures: number }) =>
      `p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  ${s.perSecond.toFixed(0)}/s  failures ${s.failures}`;
    console.log(`${USERS} requests each, ${CLIENTS} concurrent clients, Azurite in memory, one server process`);
    console.log(`echo handler (same adapter, no storage): ${fmt(echoResult)}`);
    console.log(`check-in round trip (stored + card):     ${fmt(checkinResult)}`);
    console.log(`check-ins counted in the team aggregates: ${counted} of ${USERS}`);
    console.log(
      `storage round trips per check-in: ${(answered.calls / USERS).toFixed(2)} before the answer, ` +
        `${(callsAfterAnswers / USERS).toFixed(2)} after it (counting, clearing the pending part)`,
    );
    if (profile !== undefined) {
      console.log(`\nself time during the check-in run (this process: server and clients; Azurite apart):`);
      console.log(formatHottest(hottest(profile, ROOT)));
      console.log('(the profiler slows the run: read the ratio from `npm run bench:checkin`, not from this one)\n');
    }
    console.log(`ratio check-in/echo throughput: ${(checkinResult.perSecond / echoResult.perSecond).toFixed(2)}`);
  } finally {
    await app.close();
    await azurite.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
