/**
 * `npm run bench:fanout`: the proactive fan-out engine against Teams' limits, on this machine, in one run.
 *
 *   A. 10,000 recipients with stored conversation references, the real engine (claims in Azurite, the real
 *      BotbuilderSender over HTTP) against a fake Bot Connector that enforces a tenant limit L = 200/s and the
 *      per-conversation limits, and answers 2 % of first tries with 429 (half of them with Retry-After: 1).
 *      The engine is configured with SEND_RATE = L, as an operator would.
 *   B. the engine's own ceiling: the same engine and storage, no tenant limit, no injected 429s.
 *   C. a follow-up wave (issue 15): the real `followups` job (createJobs with SEND_RATE = L, the real pulse card)
 *      on a wave day to 10,000 participants with pledges, all at nudge time 09:00, against the same limit L and
 *      the same 2 % injected 429s. On top of the engine, the job reads the slot index, then pledges, profiles
 *      and answers by range queries over the people's partitions, 1,000 people a query. `--followup-only` runs C alone.
 *      `--point-reads` runs C with the job's point reads for everyone (three a person, as before the range reads);
 *      `--followup-only --compare` runs C twice in one run, point reads then range reads, each in fresh tables.
 *
 * Prints the machine, the runs (sends/s, duplicates, missed, uncertain, where the time goes per recipient) and
 * the efficiency ratios (A's, then C's sends/s ÷ L) on the last lines, C's last. Shared, noisy machines: compare
 * within a run. Optional arguments: recipients (default 10000), L (default 200); flags `--baseline`, `--no-prefetch`,
 * `--followup-only`, `--point-reads`, `--compare` (with `--followup-only`), `--engine-only` (A and B, no C).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { BotbuilderSender } from '@soestainable/bot/proactive/botbuilderSender';
import { FanOutEngine, type FanOutDeps, type FanOutOptions, type FanOutRecipient } from '@soestainable/bot/proactive/fanOut';
import type { Sender } from '@soestainable/bot/proactive/sender';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { seededRandom } from '@soestainable/testing/seeded';
import { createLogger } from '@soestainable/bot/platform/logger';
import type { FollowUpReads } from '@soestainable/bot/jobs/followups';
import { followUpWave, type WaveOutcome } from './fanoutFollowUp';
import { describeWall, Timings, watchPauses } from './fanoutTimings';
import { processCpuMs } from './processCpu';
import { startAzurite } from '@soestainable/bot/storage/azurite';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { TableClients } from '@soestainable/bot/storage/tables';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const N = Number(args[0] ?? 10_000);
const L = Number(args[1] ?? 200);
/** Little's law: sends/s ≤ concurrency ÷ time per recipient (claim + send + outcome, ~100–200 ms here), so L = 200 needs more than 16. */
const CONCURRENCY = 48;
/**
 * For a before/after on the same machine: `--baseline` runs the engine as it was before the storage work (one
 * claim insert, one reference read and a read-then-write mark per recipient: 4 round trips); `--no-prefetch`
 * keeps the grouped claims but reads each reference on its own.
 */
const BASELINE = process.argv.includes('--baseline');
const PREFETCH = !BASELINE && !process.argv.includes('--no-prefetch');
const SEED_CONCURRENCY = 32;
const FOLLOW_UP_ONLY = process.argv.includes('--followup-only');
const POINT_READS = process.argv.includes('--point-reads');
const COMPARE = process.argv.includes('--compare');
/** `--engine-only`: A and B without C, for working on the engine. */
const ENGINE_ONLY = process.argv.includes('--engine-only');
/** The followups job with a point read of pledge, profile and answers per person (no range reads at any size). */
const POINT_READ_ONLY: FollowUpReads = { rangeFrom: Number.POSITIVE_INFINITY, rangeSize: 1000 };

const userId = (i: number) => `u-${String(i).padStart(5, '0')}`;

function reference(serviceUrl: string, conversationId: string) {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'bench-tenant' },
    bot: { id: '28:bot', name: 'Soestainable' },
    user: { id: `29:${conversationId}` },
  };
}

/** Runs `op(0..count-1)` with `concurrency` workers. */
async function pool(count: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await op(next++);
    }),
  );
}

interface Outcome {
  readonly run: SendRun;
  readonly wallMs: number;
  readonly perSecond: number;
  readonly duplicates: number;
  readonly missed: number;
  readonly timings: string;
  readonly connector: LimitedConnector;
  /** Times the tenant brake engaged (it should not, for random 429s). */
  readonly brakes: number;
  /** CPU ms per recipient: this process (engine, SDK and fake connector) and Azurite. */
  readonly cpu: { engine: number; azurite: number | undefined };
  /** Wall time before the first accepted send (run record, reference pages, first claims) and after the last. */
  readonly edgesMs: { first: number; last: number };
  /** {@link describeWall}: where the wall time went against the ideal. */
  readonly wall: string;
}

async function fanOut(
  azuritePid: number,
  repos: Repositories,
  sender: Sender,
  connector: LimitedConnector,
  period: string,
  options: Partial<FanOutOptions>,
  prefetch = PREFETCH,
): Promise<Outcome> {
  const timings = new Timings();
  let brakes = 0;
  const logger = createLogger('warn', (line) => {
    if (line.includes('slowing the tenant rate')) brakes++;
    else process.stderr.write(line + '\n');
  });
  const deps: FanOutDeps = {
    logger,
    sendClaims: timings.wrap('claims', repos.sendClaims, ['claim', 'claimMany', 'finishMany', 'markSent', 'markFailed', 'inFlight']),
    sendRuns: repos.sendRuns,
    conversationRefs: timings.wrap('refs', repos.conversationRefs, ['get']),
    sender: timings.wrap('connector', sender, ['send']),
  };
  const progressStarted = performance.now();
  let finished = 0;
  const onProgress = (): void => {
    if (++finished % 2000 === 0) process.stderr.write(`  ${period}: ${finished} done, ${((finished / (performance.now() - progressStarted)) * 1000).toFixed(0)}/s\n`);
  };
  const engine = new FanOutEngine(deps, { instanceId: `bench-${period}`, concurrency: CONCURRENCY, onProgress, groupCommit: !BASELINE, ...options });
  function* recipients(): Generator<FanOutRecipient> {
    for (let i = 0; i < N; i++) {
      const id = userId(i);
      yield { recipientId: id, build: () => ({ type: 'message', text: `Goedemorgen ${id}: de uitdaging van vandaag.` }) };
    }
  }
  const firstTries: number[] = [];
  const fault = connector.fault;
  connector.fault = (call) => {
    if (call.seq === 1) firstTries.push(Date.now());
    return fault?.(call);
  };
  const pauses = watchPauses();
  const started = performance.now();
  const startedAt = Date.now();
  const deliveredBefore = connector.deliveries.length;
  const cpuBefore = process.cpuUsage();
  const azuriteBefore = processCpuMs(azuritePid);
  const run = await engine.run({ kind: 'nudge', period, recipients: recipients(), ...(prefetch ? { prefetchReferences: ['personal'] as const } : {}) });
  const wallMs = performance.now() - started;
  const endedAt = Date.now();
  const paused = pauses.stop();
  connector.fault = fault;
  const ours = connector.deliveries.slice(deliveredBefore);
  const edgesMs = { first: (ours[0]?.at ?? endedAt) - startedAt, last: endedAt - (ours[ours.length - 1]?.at ?? startedAt) };
  const cpuUsed = process.cpuUsage(cpuBefore);
  const azuriteAfter = processCpuMs(azuritePid);
  const cpu = {
    engine: (cpuUsed.user + cpuUsed.system) / 1000 / N,
    azurite: azuriteBefore === undefined || azuriteAfter === undefined ? undefined : (azuriteAfter - azuriteBefore) / N,
  };

  const claims = await repos.sendClaims.listRun('nudge', period);
  const uncertainIds = new Set(claims.filter((c) => c.state === 'claimed').map((c) => c.recipientId));
  let missed = 0;
  for (let i = 0; i < N; i++) {
    const id = userId(i);
    if (connector.deliveredTo(`conv-${id}`) === 0 && !uncertainIds.has(id)) missed++;
  }
  return {
    run,
    wallMs,
    perSecond: (connector.deliveries.length / wallMs) * 1000,
    duplicates: connector.duplicates().length,
    missed,
    timings: timings.describe(N),
    connector,
    cpu,
    brakes,
    edgesMs,
    wall: `${describeWall({ startedAt, endedAt, accepted: ours, firstTries, limit: options.tenantRate ?? L })}; ${paused}`,
  };
}

async function main(): Promise<void> {
  if (FOLLOW_UP_ONLY) return followUpOnly();
  const cpu = cpus();
  console.log(`${N} recipients, L = ${L}/s, concurrency ${CONCURRENCY}; storage: ${BASELINE ? 'baseline (4 round trips a recipient)' : PREFETCH ? 'grouped claims + reference pages' : 'grouped claims, one reference read a recipient'}`);
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ` +
      `load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  const azurite = await startAzurite();
  const limited = await new LimitedConnector({ tenantLimitPerSecond: L, keepBodies: false }).start();
  const open = await new LimitedConnector({ keepBodies: false }).start();
  try {
    const clients = new TableClients({ kind: 'connectionString', connectionString: azurite.connectionString }, 'fanoutbench');
    await clients.ensureTables();
    const repos = createRepositories(clients);
    // The local case: an empty app id, so the adapter signs nothing; every send is a real HTTP POST.
    const sender = new BotbuilderSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '');

    // Both connectors' conversations, as the bot would have stored them at install.
    let t = performance.now();
    await pool(N, SEED_CONCURRENCY, (i) => repos.conversationRefs.save({ kind: 'user', userId: userId(i) }, 'personal', reference(limited.url, `conv-${userId(i)}`)));
    console.log(`seeded ${N} conversation references in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // A. Against the limit, with 2 % injected 429s on first tries, half with Retry-After.
    const random = seededRandom(2026);
    let injected = 0;
    limited.fault = ({ seq }) => {
      if (seq !== 1 || random() >= 0.02) return undefined;
      injected++;
      return injected % 2 === 0 ? { status: 429, retryAfterSeconds: 1 } : { status: 429 };
    };
    t = performance.now();
    const a = await fanOut(azurite.pid, repos, sender, limited, 'limited', { tenantRate: L });
    console.log(
      `A  limit L=${L}/s + ${injected} injected 429s (${((injected / N) * 100).toFixed(1)} %): ${a.connector.deliveries.length} sent in ` +
        `${(a.wallMs / 1000).toFixed(1)} s = ${a.perSecond.toFixed(1)}/s; duplicates ${a.duplicates}, missed ${a.missed}, uncertain ${a.run.uncertain}; ` +
        `run: retried ${a.run.retried}, throttled ${a.run.throttled}, failed ${a.run.failed}; brake engaged ${a.brakes}×; connector 429s: tenant ${limited.tenantLimit429}, conversation ${limited.conversationLimit429}`,
    );
    console.log(`   per recipient: ${a.timings}; ${describeCpu(a)}`);
    console.log(`   ${a.wall}`);

    // B. The engine's ceiling: re-point the references at the open connector (same rows, same storage).
    await pool(N, SEED_CONCURRENCY, (i) => repos.conversationRefs.save({ kind: 'user', userId: userId(i) }, 'personal', reference(open.url, `conv-${userId(i)}`)));
    const b = await fanOut(azurite.pid, repos, sender, open, 'ceiling', { tenantRate: 100_000, tenantBurst: 100 });
    console.log(
      `B  no limit, no 429s: ${b.connector.deliveries.length} sent in ${(b.wallMs / 1000).toFixed(1)} s = ${b.perSecond.toFixed(1)}/s ` +
        `(${(b.perSecond / L).toFixed(1)} × L); duplicates ${b.duplicates}, missed ${b.missed}, uncertain ${b.run.uncertain}`,
    );
    console.log(`   per recipient: ${b.timings}; ${describeCpu(b)}`);
    const cpuPerRecipient = b.cpu.engine + (b.cpu.azurite ?? 0);
    console.log(`   CPU-bound ceiling on ${cpu.length} idle cores: about ${((cpu.length * 1000) / cpuPerRecipient).toFixed(0)}/s (load during the run: ${loadavg()[0]?.toFixed(2)})`);
    if (b.perSecond < L * 1.5) console.log(`   warning: the ceiling is within 1.5 × L: on this machine the engine, not the limit, may be the bottleneck`);
    if (ENGINE_ONLY) {
      console.log(`efficiency (A sends/s ÷ L): ${(a.perSecond / L).toFixed(3)}`);
      return;
    }
    const c = await followUpWave({ connectionString: azurite.connectionString, azuritePid: azurite.pid, recipients: N, limit: L, concurrency: CONCURRENCY, ...(POINT_READS ? { reads: POINT_READ_ONLY } : {}) });
    printWave(c, POINT_READS ? 'point reads' : 'range reads');
    console.log(`duplicates ${a.duplicates + b.duplicates + c.duplicates}, missed ${a.missed + b.missed + c.missed}, uncertain ${a.run.uncertain + b.run.uncertain + c.run.uncertain}`);
    console.log(`efficiency (A sends/s ÷ L): ${(a.perSecond / L).toFixed(3)}`);
    console.log(`efficiency follow-up wave (C sends/s ÷ L): ${(c.perSecond / L).toFixed(3)}`);
  } finally {
    await limited.stop();
    await open.stop();
    await azurite.stop();
  }
}

function printWave(c: WaveOutcome, reads: string): void {
  console.log(
    `C  follow-up wave (${reads}), load at its end ${loadavg().map((l) => l.toFixed(2)).join(' ')}, limit L=${L}/s + ${c.injected} injected 429s: seeded ${N} participants with pledges in ${(c.seedMs / 1000).toFixed(1)} s; ` +
      `${c.sent} sent in ${(c.wallMs / 1000).toFixed(1)} s = ${c.perSecond.toFixed(1)}/s; duplicates ${c.duplicates}, missed ${c.missed}, uncertain ${c.run.uncertain}; ` +
      `run: retried ${c.run.retried}, throttled ${c.run.throttled}, failed ${c.run.failed}, skipped ${c.run.skipped}; connector 429s: tenant ${c.tenant429}, conversation ${c.conversation429}`,
  );
  console.log(`   per recipient: ${c.timings}; CPU ${c.cpu.engine.toFixed(2)} ms in this process + ${c.cpu.azurite === undefined ? '?' : c.cpu.azurite.toFixed(2)} ms in Azurite; first send ${c.edgesMs.first.toFixed(0)} ms after the start, run done ${c.edgesMs.last.toFixed(0)} ms after the last`);
  console.log(`   ${c.wall}`);
}

/** `--followup-only`: case C alone, for working on the followups job. */
async function followUpOnly(): Promise<void> {
  const cpu = cpus();
  console.log(`${N} recipients, L = ${L}/s, concurrency ${CONCURRENCY}; case C only`);
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const azurite = await startAzurite();
  try {
    const spec = { connectionString: azurite.connectionString, azuritePid: azurite.pid, recipients: N, limit: L, concurrency: CONCURRENCY };
    const before = COMPARE ? await followUpWave({ ...spec, reads: POINT_READ_ONLY, tablePrefix: 'fanoutpoint' }) : undefined;
    if (before) printWave(before, 'point reads');
    const c = await followUpWave({ ...spec, ...(POINT_READS && !COMPARE ? { reads: POINT_READ_ONLY } : {}) });
    printWave(c, POINT_READS && !COMPARE ? 'point reads' : 'range reads');
    console.log(`load after the run: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (before) console.log(`efficiency follow-up wave, point reads (C sends/s ÷ L): ${(before.perSecond / L).toFixed(3)}`);
    console.log(`efficiency follow-up wave (C sends/s ÷ L): ${(c.perSecond / L).toFixed(3)}`);
  } finally {
    await azurite.stop();
  }
}

function describeCpu(o: Outcome): string {
  return (
    `CPU ${o.cpu.engine.toFixed(2)} ms in this process + ${o.cpu.azurite === undefined ? '?' : o.cpu.azurite.toFixed(2)} ms in Azurite; ` +
    `first send ${o.edgesMs.first.toFixed(0)} ms after the start, run done ${o.edgesMs.last.toFixed(0)} ms after the last`
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
