/**
 * The fan-out engine across process deaths and across processes: real job processes (`dist/bench/fanoutWorker.js`,
 * compiled by `tsc -b`, which `npm test` runs before jest) on the shared Azurite, sending through the real
 * BotbuilderSender over HTTP to a fake Bot Connector in this process, whose record survives every kill.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { seededRandom } from '@soestainable/testing/seeded';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { createTestTables, testConnectionString } from '../../helpers/storage';

const ROOT = join(__dirname, '..', '..', '..');
const WORKER = join(ROOT, 'dist', 'bench', 'fanoutWorker.js');
const N = 2_000;
const CONCURRENCY = 16;
const PAUSED_EVERY = 50; // r-0, r-50, …: claimed as skipped (paused)
const NO_REFERENCE = (i: number) => i % 100 === 13; // never installed: skipped (no_conversation)

/**
 * The worker runs compiled code: bring `dist/` up to date first (a no-op after `npm test`'s `tsc -b`). When the
 * build fails, the typecheck step of `npm test` fails too; the error is shown here as well.
 */
function buildWorker(): void {
  const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', 'bot', 'bench'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) console.warn(`tsc -b bot bench failed; the worker may be stale:\n${build.stdout.slice(0, 2000)}`);
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npx tsc -b.`);
}

interface Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; run: SendRun | undefined; stderr: string }>;
}

function startWorker(spec: Record<string, unknown>): Worker {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(spec)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let run: SendRun | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const message = JSON.parse(line) as { event: string; run?: SendRun };
    if (message.event === 'ready') markReady();
    if (message.event === 'done') run = message.run;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; run: SendRun | undefined; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, run, stderr })),
  );
  // A worker that dies before "ready" must not leave the test waiting for it.
  void exited.then(() => markReady());
  return { child, ready, exited };
}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
};

describe('fan-out job processes (SIGKILL and restart; two at once)', () => {
  const connector = new LimitedConnector({ keepBodies: false });
  let tables: Awaited<ReturnType<typeof createTestTables>> | undefined;
  let repos: Repositories;
  let tablePrefix: string;
  let ids: string[];

  beforeAll(async () => {
    buildWorker();
    await connector.start();
    const created = await createTestTables();
    tables = created;
    tablePrefix = created.tableNameOf('SendClaims').slice(0, -'SendClaims'.length);
    repos = createRepositories(created);
    ids = await seed('u');
  }, 120_000);
  afterAll(async () => {
    await connector.stop();
    await tables?.drop();
  });

  /** `<prefix>-0` … `<prefix>-(N-1)`, each with a personal conversation `conv-<id>` but those without a reference. */
  async function seed(prefix: string): Promise<string[]> {
    const ids = Array.from({ length: N }, (_, i) => `${prefix}-${i}`);
    const installed = ids.filter((_, i) => !NO_REFERENCE(i));
    let next = 0;
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        while (next < installed.length) {
          const id = installed[next++] as string;
          await repos.conversationRefs.save({ kind: 'user', userId: id }, 'personal', {
            channelId: 'msteams',
            serviceUrl: connector.url,
            conversation: { id: `conv-${id}`, conversationType: 'personal', tenantId: 'tenant-1' },
            bot: { id: '28:bot', name: 'Soestainable' },
            user: { id: `29:${id}` },
          });
        }
      }),
    );
    return ids;
  }

  const spec = (idPrefix: string, period: string, instanceId: string, waitForGo = false) => ({
    connectionString: testConnectionString(),
    tablePrefix,
    period,
    idPrefix,
    recipients: N,
    pausedEvery: PAUSED_EVERY,
    instanceId,
    concurrency: CONCURRENCY,
    tenantRate: 1_000,
    waitForGo,
  });
  /** What the connector accepted since `from`, per conversation (both tests reach the same conversations). */
  const deliveredSince = (from: number): Map<string, string[]> => {
    const byConversation = new Map<string, string[]>();
    for (const d of connector.deliveries.slice(from)) byConversation.set(d.conversationId, [...(byConversation.get(d.conversationId) ?? []), d.activityId]);
    return byConversation;
  };
  const duplicatesIn = (delivered: Map<string, string[]>) => [...delivered].filter(([, activities]) => activities.length > 1).map(([c]) => c);
  const expectedSkip = (i: number) => (i % PAUSED_EVERY === 0 ? 'paused' : NO_REFERENCE(i) ? 'no_conversation' : undefined);

  it('killed with SIGKILL at random moments and restarted: nobody gets two messages, everyone ends sent, skipped or uncertain', async () => {
    const period = 'p-kill';
    const start = connector.deliveries.length;
    const random = seededRandom(4);
    const KILLS = 4;
    const uncertainAfterKill: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const worker = startWorker(spec('u', period, `worker-${k}`));
      await worker.ready;
      // A random moment: after 0–250 more deliveries (0: still claiming its first recipients), plus 0–15 ms.
      const from = connector.deliveries.length;
      const after = Math.floor(random() * 250);
      let exitedEarly = false;
      void worker.exited.then(() => (exitedEarly = true));
      await until(() => exitedEarly || connector.deliveries.length >= from + after);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 15)));
      worker.child.kill('SIGKILL');
      const exit = await worker.exited;
      expect({ signal: exit.signal, stderr: exit.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
      uncertainAfterKill.push((await repos.sendClaims.inFlight('nudge', period)).length);
    }
    // Each kill leaves at most the claims its workers held: at most the concurrency level more.
    uncertainAfterKill.forEach((n, k) => expect(n - (uncertainAfterKill[k - 1] ?? 0)).toBeLessThanOrEqual(CONCURRENCY));

    const last = startWorker(spec('u', period, 'worker-final'));
    const exit = await last.exited;
    expect({ code: exit.code, stderr: exit.stderr }).toEqual({ code: 0, stderr: '' });
    const run = exit.run as SendRun;

    // The connector's record: nobody received two messages.
    const deliveredNow = deliveredSince(start);
    expect(duplicatesIn(deliveredNow)).toEqual([]);
    const claims = new Map((await repos.sendClaims.listRun('nudge', period)).map((c) => [c.recipientId, c]));
    expect(claims.size).toBe(N);
    const uncertain: string[] = [];
    ids.forEach((id, i) => {
      const claim = claims.get(id);
      const delivered = deliveredNow.get(`conv-${id}`)?.[0];
      const skip = expectedSkip(i);
      if (claim?.state === 'claimed') {
        // Killed between claim and outcome: maybe delivered (at most once, see duplicates), maybe not; never resent.
        uncertain.push(id);
        if (skip !== undefined) expect({ id, delivered }).toEqual({ id, delivered: undefined });
      } else if (skip !== undefined) {
        expect({ id, state: claim?.state, reason: claim?.skipReason, delivered }).toEqual({ id, state: 'skipped', reason: skip, delivered: undefined });
      } else {
        // Sent exactly once, and the claim holds the very activity id the connector gave.
        expect({ id, state: claim?.state, activityId: claim?.activityId }).toEqual({ id, state: 'sent', activityId: delivered });
      }
    });
    expect(uncertain.length).toBe(uncertainAfterKill[KILLS - 1]);
    expect(uncertain.length).toBeLessThanOrEqual(KILLS * CONCURRENCY);
    // The kills did land mid-send (else this test would prove nothing about crashes).
    expect(uncertain.length).toBeGreaterThan(0);
    // The final run reports the crashed runs' claims as uncertain and finishes the rest.
    expect(run.uncertain).toBe(uncertain.length);
    expect(run.failed).toBe(0);
    expect(run.queued).toBe(N);
  }, 120_000);

  it('two processes on the same run at once: zero duplicates, every recipient sent once, the work split between them', async () => {
    const period = 'p-two';
    const before = connector.deliveries.length;
    const workers = [startWorker(spec('u', period, 'worker-a', true)), startWorker(spec('u', period, 'worker-b', true))];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin?.write('go\n');
    const exits = await Promise.all(workers.map((w) => w.exited));
    for (const exit of exits) expect({ code: exit.code, stderr: exit.stderr }).toEqual({ code: 0, stderr: '' });
    const [a, b] = exits.map((e) => e.run as SendRun) as [SendRun, SendRun];

    const delivered = deliveredSince(before);
    expect(duplicatesIn(delivered)).toEqual([]);
    const sendable = ids.filter((_, i) => expectedSkip(i) === undefined);
    for (const id of sendable) expect({ id, messages: delivered.get(`conv-${id}`)?.length }).toEqual({ id, messages: 1 });
    expect(connector.deliveries.length - before).toBe(sendable.length);
    expect(a.sent + b.sent).toBe(sendable.length);
    expect(a.uncertain + b.uncertain).toBe(0);
    // Both did a real share of the work (each claims whatever the other has not yet).
    expect(Math.min(a.sent, b.sent)).toBeGreaterThan(sendable.length * 0.1);
    // Each recipient was handled by exactly one of them; the other counted it as already claimed.
    expect(a.queued).toBe(N);
    expect(b.queued).toBe(N);
    const taken = (r: SendRun) => r.skippedByReason['already_claimed'] ?? 0;
    expect(a.sent + a.skipped - taken(a) + (b.sent + b.skipped - taken(b))).toBe(N);
    expect(taken(a) + taken(b)).toBe(N);
    const states = await repos.sendClaims.listRun('nudge', period);
    expect(states.filter((c) => c.state === 'sent')).toHaveLength(sendable.length);
    expect(states.filter((c) => c.state === 'skipped')).toHaveLength(N - sendable.length);
  }, 120_000);
});
