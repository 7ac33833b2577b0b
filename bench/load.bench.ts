/**
 * `npm run bench:load`: the morning peak of a 1,000-person organisation against the real server.
 *
 * 1,000 participants in 48 teams, on day 3 of a running campaign (two days of check-ins and aggregates behind
 * them), each check in once within five minutes of the 09:00 nudge — the real peak's shape (see
 * load/schedule.ts), compressed into 30 s — as the `Action.Execute` invoke Teams posts to /api/messages (over a
 * pool of 100 kept-alive connections, like the Bot Framework Service), each checked for the summary card. At the
 * same time 32 managers and employees refresh their team's dashboard every 2 s and 4 people the organisation
 * overview every 4 s. Every request is sent when it is due (open loop). Then 12 s of cool-down, one read a second.
 *
 * The server is the built one (`bot/dist/src/index.js`) in its own process, on its own in-memory Azurite; its RSS
 * (and V8 heap) is sampled every 250 ms. Printed: per kind of request the count, p50/p95/p99/max (from sending,
 * waiting for a free connection included, to the last byte), errors by kind and the achieved rate against the planned one; the CPU each
 * process used; the server's memory before, at the peak and at the end; then storage checked against what was
 * acknowledged. The key figures come last.
 *
 * Exit code 1 when any request failed, timed out (15 s) or answered wrong, when a check-in did not complete, or
 * when storage does not hold exactly the acknowledged check-ins (with matching aggregates). Timings are printed,
 * never asserted. Usage: `npm run bench:load [-- <participants>] [--cpu-prof <file>]` (default 1000; the option
 * writes a V8 CPU profile of the server, for Chrome's DevTools).
 */
import { cpus, loadavg, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SingleBar } from 'cli-progress';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { seededRandom } from '@soestainable/testing/seeded';
import { startAzurite, type AzuriteHandle } from '@soestainable/bot/storage/azurite';
import { createRepositories } from '@soestainable/bot/storage/repositories';
import { TableClients } from '@soestainable/bot/storage/tables';
import { answersOf, NUDGE_INSTANT, ORG, planOrganisation, seedOrganisation, TODAY, type Organisation, type Person } from './load/org';
import { morningPeak, peakRate, steadyReads } from './load/schedule';
import { startServer, type RunningServer } from './load/server';
import { processCpuMs } from './processCpu';
import { memoryFigures, Series, table, type MemoryFigures } from './load/stats';
import { httpClient, type HttpClient } from './load/http';
import { checkIn, orgOverview, signIn, teamDashboard, unknownAction, type Outcome } from './load/traffic';
import { verifyStorage, type Verification } from './load/verify';

const PARTICIPANTS = Number(process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--cpu-prof') ?? 1000);
/** `--cpu-prof <file>`: the server writes a V8 CPU profile there when it stops. */
const CPU_PROFILE = process.argv.includes('--cpu-prof') ? (process.argv[process.argv.indexOf('--cpu-prof') + 1] ?? 'load.cpuprofile') : undefined;
const TEAMS = 48;
const SEED = 20261202;
/** The five minutes after the nudge, compressed into this. */
const LOAD_MS = 30_000;
const TEAM_READERS = 32;
const TEAM_READ_EVERY_MS = 2000;
const ORG_READERS = 4;
const ORG_READ_EVERY_MS = 4000;
const COOL_DOWN_MS = 12_000;
const COOL_DOWN_READ_EVERY_MS = 1000;
/** "End" memory: the mean over the last seconds of the cool-down. */
const END_WINDOW_MS = 5000;
const BASELINE_MS = 3000;
const SAMPLE_EVERY_MS = 250;
const WARM_UP = 40;
/**
 * Kept-alive connections the Bot Framework Service holds to the bot (assumed: a front end's pool); the tab's
 * readers each have their own browser connection.
 */
const BOT_CONNECTIONS = 100;
const DAY_INDEX = 2; // TODAY is the campaign's third day
const TABLE_PREFIX = 'load';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const mb = (v: number) => `${v.toFixed(1)} MB`;

interface Reader {
  readonly person: Person;
  readonly token: string;
  /** The team whose dashboard it refreshes; undefined for an organisation overview reader. */
  readonly teamId: string | undefined;
}

/** The dashboard readers: members and managers spread over the teams, and a few organisation overview readers. */
async function signInReaders(client: HttpClient, base: string, org: Organisation): Promise<{ team: Reader[]; overview: Reader[] }> {
  const teamReaders = await Promise.all(
    Array.from({ length: TEAM_READERS }, async (_, i) => {
      const team = org.teams[Math.floor((i * org.teams.length) / TEAM_READERS)] ?? org.teams[0];
      if (!team) throw new Error('no teams');
      const asManager = i % 4 === 0;
      const person = (asManager ? team.members[0] : team.members[1 + (i % (team.members.length - 1))]) ?? team.members[0];
      if (!person) throw new Error(`team ${team.teamId} has no members`);
      return { person, token: await signIn(client, base, person, asManager ? 'manager' : 'employee'), teamId: team.teamId };
    }),
  );
  const overviewPeople = [...org.coordinators, ...org.people.filter((p) => p.roles.length === 0)].slice(0, ORG_READERS);
  const overview = await Promise.all(
    overviewPeople.map(async (person) => ({ person, token: await signIn(client, base, person, person.roles.includes('coordinator') ? 'coordinator' : 'employee'), teamId: undefined })),
  );
  return { team: teamReaders, overview };
}

interface Clients {
  readonly bot: HttpClient;
  readonly tab: HttpClient;
}

const readOf = (tab: HttpClient, base: string, teams: number) => (r: Reader) =>
  r.teamId === undefined ? orgOverview(tab, base, r.token, teams) : teamDashboard(tab, base, r.token, r.teamId);

interface LoadResult {
  readonly checkIns: Series;
  readonly dashboards: Series;
  readonly overviews: Series;
  readonly acknowledged: Set<string>;
  readonly typed: { barriers: number; ideas: number };
  readonly loadStart: number;
  readonly loadEnd: number;
}

/**
 * The measured run: every request is sent at its scheduled moment whether or not earlier ones have answered
 * (open loop: a slow server gets more concurrent requests, as it would in the morning, instead of fewer).
 */
async function runLoad(clients: Clients, server: RunningServer, serviceUrl: string, org: Organisation, readers: { team: Reader[]; overview: Reader[] }): Promise<LoadResult> {
  const random = seededRandom(SEED + 2);
  const moments = morningPeak(org.people.length, LOAD_MS, random);
  // Who checks in when: the people in a seeded random order.
  const order = org.people.map((p) => ({ p, k: random() })).sort((a, b) => a.k - b.k).map(({ p }) => p);
  const dashboardPlan = readers.team.flatMap((r) => steadyReads(TEAM_READ_EVERY_MS, 0, LOAD_MS, random).map((at) => ({ r, at })));
  const overviewPlan = readers.overview.flatMap((r) => steadyReads(ORG_READ_EVERY_MS, 0, LOAD_MS, random).map((at) => ({ r, at })));
  const checkIns = new Series('check-ins (invoke → card)', moments.length, LOAD_MS);
  const dashboards = new Series(`team dashboards (${TEAM_READERS} readers)`, dashboardPlan.length, LOAD_MS);
  const overviews = new Series(`org overview (${ORG_READERS} readers)`, overviewPlan.length, LOAD_MS);
  const acknowledged = new Set<string>();
  const typed = { barriers: 0, ideas: 0 };
  const read = readOf(clients.tab, server.base, org.teams.length);

  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: 'load [{bar}] {value}/{total} check-ins · {reads} reads · {errors} errors · server RSS {rss} MB', hideCursor: true })
    : undefined;
  const errors = () => checkIns.errors + dashboards.errors + overviews.errors;
  const rss = () => (server.samples[server.samples.length - 1]?.rssMb ?? 0).toFixed(0);
  bar?.start(moments.length, 0, { reads: 0, errors: 0, rss: rss() });
  const tick = () => bar?.update(checkIns.count, { reads: dashboards.count + overviews.count, errors: errors(), rss: rss() });

  const loadStart = performance.now();
  const at = async (offsetMs: number, series: Series, send: () => Promise<Outcome>, onRight?: () => void): Promise<void> => {
    await sleep(loadStart + offsetMs - performance.now());
    const sentAt = performance.now();
    const outcome = await send();
    series.record(loadStart + offsetMs, sentAt, outcome);
    if (outcome.failure === undefined) onRight?.();
    tick();
  };
  const running = [
    ...moments.map((offset, i) => {
      const person = order[i] as Person;
      const answers = answersOf(person, DAY_INDEX, SEED);
      return at(offset, checkIns, () => checkIn(clients.bot, server.base, serviceUrl, person, answers), () => {
        acknowledged.add(person.userId);
        if (answers.barrierText !== undefined) typed.barriers++;
        if (answers.ideaText !== undefined) typed.ideas++;
      });
    }),
    ...dashboardPlan.map(({ r, at: offset }) => at(offset, dashboards, () => read(r))),
    ...overviewPlan.map(({ r, at: offset }) => at(offset, overviews, () => read(r))),
  ];
  await Promise.all(running);
  const loadEnd = performance.now();
  tick();
  bar?.stop();
  return { checkIns, dashboards, overviews, acknowledged, typed, loadStart, loadEnd };
}

function printReport(r: {
  org: Organisation;
  seedS: number;
  load: LoadResult;
  coolDown: Series;
  warmUp: Series;
  memory: MemoryFigures;
  verification: Verification;
  server: RunningServer;
  connectorCalls: number;
  plannedPeak: number;
  loadBefore: number;
  /** CPU seconds per second of the load phase (1.0 = one core busy), per process. */
  busy: { server: number; azurite: number; bench: number };
}): void {
  const { load, memory, verification: v } = r;
  const sizes = r.org.teams.map((t) => t.members.length);
  console.log(
    `\nmachine: ${type()} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ` +
      `load average ${r.loadBefore.toFixed(2)} before, ${loadavg()[0]?.toFixed(2) ?? '?'} after (other work on the cores stretches timings)`,
  );
  console.log(
    `organisation: ${r.org.people.length} participants in ${r.org.teams.length} teams (${Math.min(...sizes)}–${Math.max(...sizes)} each), ` +
      `campaign day 3 (${TODAY}), ${r.org.historyCheckIns} earlier check-ins, ${r.org.barriers} barriers, ${r.org.ideas} ideas; seeded in ${r.seedS.toFixed(1)} s`,
  );
  console.log(
    `schedule: each participant checks in once in the 5 min after the 09:00 nudge (gamma, shape 2, scale 45 s), compressed ×${(300_000 / LOAD_MS).toFixed(0)} ` +
      `into ${LOAD_MS / 1000} s: planned peak ${r.plannedPeak.toFixed(0)} check-ins/s over 1 s; readers: ${TEAM_READERS} team dashboards every ${TEAM_READ_EVERY_MS / 1000} s, ` +
      `${ORG_READERS} org overviews every ${ORG_READ_EVERY_MS / 1000} s (open loop); server in its own process, Azurite in memory\n`,
  );
  const header = ['requests', 'count', 'planned/s', 'achieved/s', 'p50', 'p95', 'p99', 'max', 'errors', 'send lag p99'];
  const row = (s: Series) => {
    const f = s.summary();
    return [s.name, `${f.count}/${s.planned}`, f.plannedRate.toFixed(1), f.achievedRate.toFixed(1), ms(f.p50), ms(f.p95), ms(f.p99), ms(f.max), String(f.errors), ms(f.lagP99)];
  };
  console.log(table([header, row(load.checkIns), row(load.dashboards), row(load.overviews), row(r.coolDown), row(r.warmUp)]));
  const wallS = (load.loadEnd - load.loadStart) / 1000;
  console.log(`the load phase lasted ${wallS.toFixed(1)} s for a ${LOAD_MS / 1000} s schedule: the last answer came ${Math.max(0, wallS - LOAD_MS / 1000).toFixed(1)} s after the last request was due`);
  console.log(
    `CPU during the load, cores busy: server ${r.busy.server.toFixed(2)}, Azurite ${r.busy.azurite.toFixed(2)}, load generator ${r.busy.bench.toFixed(2)} ` +
      `(of ${cpus().length}; the rest went to other work on the machine); server CPU per request ` +
      `${ms((r.busy.server * wallS * 1000) / (load.checkIns.count + load.dashboards.count + load.overviews.count))} (check-ins and reads together)`,
  );
  const errorKinds = [load.checkIns, load.dashboards, load.overviews, r.coolDown, r.warmUp].flatMap((s) => [...s.failures].map(([kind, n]) => `${s.name}: ${kind} × ${n}`));
  console.log(errorKinds.length === 0 ? 'errors by kind: none' : `errors by kind:\n  ${errorKinds.join('\n  ')}`);

  const pct = (v: number, of: number) => `${v >= 0 ? '+' : ''}${((v / of) * 100).toFixed(1)} %`;
  console.log(
    `\nserver memory (RSS from /proc, every ${SAMPLE_EVERY_MS} ms, ${memory.samples} samples): baseline ${mb(memory.baseline)} · ` +
      `peak ${mb(memory.peak)} at ${memory.peakAtS.toFixed(1)} s · when the load ended ${mb(memory.afterLoad)} · ` +
      `end (mean of the last ${END_WINDOW_MS / 1000} s of ${COOL_DOWN_MS / 1000} s cool-down) ${mb(memory.end)}`,
  );
  if (memory.heap) {
    console.log(`server V8 heap in use: baseline ${mb(memory.heap.baseline)} · peak ${mb(memory.heap.peak)} · end ${mb(memory.heap.end)}`);
  }
  console.log(`growth after the peak (end − peak): ${memory.growthAfterPeak >= 0 ? '+' : ''}${mb(memory.growthAfterPeak)} (${pct(memory.growthAfterPeak, memory.peak)})`);

  console.log(
    `\nstorage: ${v.stored} check-ins of today stored, ${v.acknowledged} acknowledged (lost ${v.lost.length}, unacknowledged ${v.unacknowledged.length}); ` +
      `today's aggregates count ${v.aggregateCheckIns}, every team's row equal to its stored check-ins: ${v.teamsOff.length === 0 ? 'yes' : `no (${v.teamsOff.length} teams)`}; ` +
      `earlier days ${v.historyCounted}/${v.historyExpected}; barriers ${v.barriers.stored}/${v.barriers.expected}, ideas ${v.ideas.stored}/${v.ideas.expected}`,
  );
  const log = r.server.log;
  const logged = [...log.messages].map(([m, n]) => `${m} × ${n}`).join('; ');
  console.log(`server log (level warn and up): ${log.warn} warnings, ${log.error} errors${logged === '' ? '' : ` (${logged})`}; calls to the fake connector: ${r.connectorCalls}`);
  if (log.other.trim() !== '') console.log(`server stderr:\n${log.other.trim()}`);
}

async function main(): Promise<number> {
  const loadBefore = loadavg()[0] ?? 0;
  let azurite: AzuriteHandle | undefined;
  let server: RunningServer | undefined;
  const connector = new LimitedConnector({ conversationLimits: false, keepBodies: false });
  const http: Clients = { bot: httpClient(BOT_CONNECTIONS), tab: httpClient(TEAM_READERS + ORG_READERS) };
  try {
    [azurite] = await Promise.all([startAzurite(), connector.start()]);
    const clients = new TableClients({ kind: 'connectionString', connectionString: azurite.connectionString }, TABLE_PREFIX);
    await clients.ensureTables();
    const repos = createRepositories(clients);

    const seedStarted = performance.now();
    const plan = planOrganisation(PARTICIPANTS, TEAMS, SEED);
    process.stdout.write(`seeding ${plan.people.length} participants in ${plan.teams.length} teams… `);
    const org = await seedOrganisation(repos, clients, plan, connector.url, SEED, (phase) =>
      process.stdout.write(`${((performance.now() - seedStarted) / 1000).toFixed(1)} s ${phase}… `),
    );
    const seedS = (performance.now() - seedStarted) / 1000;
    console.log(`done in ${seedS.toFixed(1)} s`);

    // `process.env` only for PATH: the server gets an environment of its own (load/server.ts).
    server = await startServer(
      { connectionString: azurite.connectionString, tablePrefix: TABLE_PREFIX, orgId: ORG, clockStart: NUDGE_INSTANT, ...(CPU_PROFILE === undefined ? {} : { cpuProfile: resolve(CPU_PROFILE) }) },
      process.env['PATH'],
    );
    server.sample(SAMPLE_EVERY_MS);
    const readers = await signInReaders(http.tab, server.base, org);

    // Warm-up: the invoke path (a card action no feature owns: nothing is stored) and every reader's first read.
    const warmUp = new Series('warm-up (not measured)', WARM_UP + readers.team.length + readers.overview.length, 0);
    const read = readOf(http.tab, server.base, org.teams.length);
    for (let i = 0; i < WARM_UP; i++) {
      const person = org.people[(i * 37) % org.people.length] as Person;
      const t = performance.now();
      warmUp.record(t, t, await unknownAction(http.bot, server.base, connector.url, person, answersOf(person, DAY_INDEX, SEED)));
    }
    for (const r of [...readers.team, ...readers.overview]) {
      const t = performance.now();
      warmUp.record(t, t, await read(r));
    }
    const baselineFrom = performance.now();
    await sleep(BASELINE_MS);

    console.log(`load: ${org.people.length} check-ins in ${LOAD_MS / 1000} s, dashboard reads alongside…`);
    const cpu = () => {
      const [serverCpu, azuriteCpu] = [processCpuMs((server as RunningServer).pid), processCpuMs((azurite as AzuriteHandle).pid)];
      const own = process.cpuUsage();
      return { server: (serverCpu ?? NaN) / 1000, azurite: (azuriteCpu ?? NaN) / 1000, bench: (own.user + own.system) / 1e6 };
    };
    const cpuBefore = cpu();
    const load = await runLoad(http, server, connector.url, org, readers);
    const cpuAfter = cpu();
    const wallS = (load.loadEnd - load.loadStart) / 1000;
    const busy = {
      server: (cpuAfter.server - cpuBefore.server) / wallS,
      azurite: (cpuAfter.azurite - cpuBefore.azurite) / wallS,
      bench: (cpuAfter.bench - cpuBefore.bench) / wallS,
    };
    if (server.exited() !== undefined) throw new Error(`${server.exited() ?? ''} during the load`);

    // Cool-down: light reads, so the process is awake and measured as it would be after the morning rush.
    const coolDown = new Series(`cool-down (1 read/s, ${COOL_DOWN_MS / 1000} s)`, COOL_DOWN_MS / COOL_DOWN_READ_EVERY_MS, COOL_DOWN_MS);
    const coolStart = performance.now();
    for (let k = 0; k < COOL_DOWN_MS / COOL_DOWN_READ_EVERY_MS; k++) {
      const scheduled = coolStart + k * COOL_DOWN_READ_EVERY_MS;
      await sleep(scheduled - performance.now());
      const r = readers.team[k % readers.team.length] as Reader;
      coolDown.record(scheduled, performance.now(), await read(r));
    }
    await sleep(coolStart + COOL_DOWN_MS - performance.now());
    const memory = memoryFigures(server.samples, { baselineFrom, loadStart: load.loadStart, loadEnd: load.loadEnd, endFrom: performance.now() - END_WINDOW_MS });
    const crashed = server.exited();
    await server.stop();

    const verification = await verifyStorage(repos, org, load.acknowledged, load.typed, load.checkIns.errors);
    printReport({
      org,
      seedS,
      load,
      coolDown,
      warmUp,
      memory,
      verification,
      server,
      connectorCalls: [...connector.callsByConversation.values()].reduce((a, b) => a + b, 0),
      plannedPeak: peakRate(morningPeak(org.people.length, LOAD_MS, seededRandom(SEED + 2))),
      loadBefore,
      busy,
    });

    const series = [load.checkIns, load.dashboards, load.overviews, coolDown, warmUp];
    const errors = series.reduce((sum, s) => sum + s.errors, 0);
    // A request with no answer within REQUEST_TIMEOUT_MS is an error in the figures, but it says the machine could
    // not keep up (a timing), not that an answer was wrong: timeouts alone exit 2, everything else exits 1.
    const timeouts = series.reduce((sum, s) => sum + (s.failures.get('timeout') ?? 0), 0);
    const incomplete = load.checkIns.planned - load.checkIns.count;
    const failures = [
      ...(errors > timeouts ? [`${errors - timeouts} requests failed or answered wrong`] : []),
      ...(incomplete > 0 ? [`${incomplete} check-ins did not complete`] : []),
      ...(crashed === undefined ? [] : [crashed]),
      ...verification.problems,
    ];
    const c = load.checkIns.summary();
    const d = load.dashboards.summary();
    console.log(
      `\nerrors ${errors} · check-ins ${verification.stored}/${org.people.length} stored, aggregates ${verification.aggregateCheckIns} · ` +
        `check-in p95 ${ms(c.p95)} (p99 ${ms(c.p99)}) · dashboard p95 ${ms(d.p95)} · ` +
        `RSS peak ${mb(memory.peak)}, growth after peak ${memory.growthAfterPeak >= 0 ? '+' : ''}${mb(memory.growthAfterPeak)} (${((memory.growthAfterPeak / memory.peak) * 100).toFixed(1)} %)`,
    );
    if (failures.length > 0) {
      console.log(`FAILED: ${failures.join('; ')}`);
      return 1;
    }
    if (timeouts > 0) {
      console.log(`TIMEOUTS: ${timeouts} requests got no answer in time: the machine could not keep up with the peak (exit 2). Nothing was lost or answered wrong.`);
      return 2;
    }
    return 0;
  } finally {
    http.bot.close();
    http.tab.close();
    await server?.stop();
    await connector.stop();
    await azurite?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
