import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { checkinTexts } from '@soestainable/bot/features/checkin/texts';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { createLogger } from '@soestainable/bot/platform/logger';
import { startAzurite, type AzuriteHandle } from '@soestainable/bot/storage/azurite';
import { FakeConnector } from '../helpers/fakeConnector';
import { baselineSurvey, participant } from '../helpers/orgFixture';
import { rawRows } from '../helpers/storage';
import { seedTabOrg, TAB_NOW, TAB_TEAMS, TAB_TENANT, TAB_USERS } from '../helpers/tabApi';

/**
 * Issue 7, fault 1: storage stops mid-run and comes back.
 *
 * The real server (composeApp + listen on port 0) on its own Azurite, which keeps its data on disk so that a
 * graceful stop and a restart on the same port keep what was written; a fake Bot Connector as serviceUrl. Three
 * clients run a stream of check-ins (Action.Execute invokes, each for a participant of its own), tab API reads
 * (a team dashboard, with a dev sign-in token) and /healthz. Mid-stream Azurite is stopped; a few seconds later it
 * is started again, and the server, never restarted, must find it by itself.
 *
 * During the outage every answer must be a 503: the invoke's HTTP status with the Universal Actions error body
 * (not a 200 carrying an error card: the status is what monitoring, the Bot Framework service and any client see
 * first, and the body still gives Teams the user's text), the tab API's `UNAVAILABLE`, and /healthz's
 * `unreachable`. Latencies are printed, not asserted (a loaded CI machine would make any bound flaky).
 * Afterwards the clients retry every check-in that got no success answer, and the invariants are checked: every
 * acknowledged check-in is stored, and the counters (`DailyAggregates.checkIns`) add up to the stored rows.
 */

type Kind = 'checkin' | 'read' | 'healthz';
type Phase = 'before' | 'stopping' | 'down' | 'restarting' | 'after';

interface Sample {
  readonly kind: Kind;
  readonly startPhase: Phase;
  readonly endPhase: Phase;
  readonly ms: number;
  readonly status: number;
  /** The answer a client counts as success (a check-in: the summary card came back). */
  readonly ok: boolean;
  /** The answer says storage is unavailable (the shape each kind uses for it). */
  readonly saysUnavailable: boolean;
  readonly userId?: string;
  /** After the restart: this kind's request number since storage came back (1 = the first). */
  readonly afterIndex?: number;
}

const DATE = '2026-12-02';
const USERS = Array.from({ length: 200 }, (_, i) => `aad-fault-${String(i).padStart(3, '0')}`);
const WORKERS = 3;
/** Pause between one client's requests: keeps the stream to ~60 requests/s on the two shared cores. */
const PACE_MS = 50;
/**
 * How long storage stays away before the restart begins (wall time, not asserted): several times the breaker's
 * cool-down, so that probes are made, and fail, during the outage too.
 */
const OUTAGE_MS = 5000;
/**
 * How many requests of each kind may fail after storage is back before one must succeed. The breaker needs at most
 * its cool-down (1 s) plus one call to notice; at this stream's pace that is a few dozen requests.
 */
const RECOVERY_TRIES = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

describe('fault: storage stops mid-run and comes back', () => {
  let location: string;
  let azurite: AzuriteHandle | undefined;
  let app: RunningApp;
  let base: string;
  let campaignId: string;
  let token: string;
  const connector = new FakeConnector();
  const summaryTitle = checkinTexts.summaryTitle.nl.replace('{date}', 'woensdag 2 december');

  beforeAll(async () => {
    location = mkdtempSync(join(tmpdir(), 'azurite-outage-'));
    azurite = await startAzurite({ location });
    await connector.start();
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: 'f' + randomBytes(4).toString('hex'),
      ORG_ID: 'soest',
      PLAYGROUND: '0',
      SEED_DEMO: '0',
      DEV_SIGNIN: '1',
      // One reader polls the dashboard throughout: the per-user limit would answer it 429, not the outage's 503.
      TAB_API_RATE_LIMIT: '100000',
    });
    app = await composeApp(config, createLogger('silent'), { now: () => TAB_NOW, tabDir: mkdtempSync(join(tmpdir(), 'tab-')) });
    base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
    ({ campaign: { campaignId } } = await seedTabOrg(app.repositories));
    for (const userId of USERS) {
      await app.repositories.participants.save(participant({ userId, tenantId: TAB_TENANT, teamId: TAB_TEAMS.big }));
      await app.repositories.surveys.save(baselineSurvey(userId, { campaignId }));
    }
    const session = await fetch(`${base}/api/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: TAB_USERS.employee, role: 'employee' }),
    });
    token = ((await session.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await app?.close();
    await azurite?.stop();
    await connector.stop();
    rmSync(location, { recursive: true, force: true });
  });

  const checkIn = async (userId: string): Promise<{ status: number; ok: boolean; saysUnavailable: boolean }> => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `inv-${userId}-${randomBytes(3).toString('hex')}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        locale: 'nl-NL',
        from: { id: `29:${userId}`, aadObjectId: userId },
        recipient: { id: '28:bot' },
        conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: TAB_TENANT },
        value: {
          action: {
            type: 'Action.Execute',
            verb: CHECKIN_VERBS.submit,
            data: { verb: CHECKIN_VERBS.submit, campaignId, date: DATE, outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: 'true', challenge: 'true' },
          },
        },
      }),
    });
    const text = await res.text();
    const body = (text === '' ? {} : JSON.parse(text)) as { statusCode?: number; type?: string; value?: { code?: string; message?: string } };
    return {
      status: res.status,
      ok: res.status === 200 && body.statusCode === 200 && text.includes(summaryTitle),
      saysUnavailable:
        res.status === 503 &&
        body.statusCode === 503 &&
        body.type === 'application/vnd.microsoft.error' &&
        body.value?.code === 'STORAGE_UNAVAILABLE' &&
        body.value.message === coreTexts.storageUnavailable.nl,
    };
  };
  const read = async (): Promise<{ status: number; ok: boolean; saysUnavailable: boolean }> => {
    const res = await fetch(`${base}/api/teams/${TAB_TEAMS.big}/dashboard`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { code?: string };
    return { status: res.status, ok: res.status === 200, saysUnavailable: res.status === 503 && body.code === 'UNAVAILABLE' };
  };
  const healthz = async (): Promise<{ status: number; ok: boolean; saysUnavailable: boolean }> => {
    const res = await fetch(`${base}/healthz`);
    const body = (await res.json()) as { status?: string; storage?: string };
    return {
      status: res.status,
      ok: res.status === 200 && body.status === 'ok',
      saysUnavailable: res.status === 503 && body.status === 'unavailable' && body.storage === 'unreachable',
    };
  };

  it('answers 503 quickly while storage is down, resumes by itself, and loses nothing acknowledged', async () => {
    const samples: Sample[] = [];
    let phase: Phase = 'before';
    let running = true;
    const queue = [...USERS];
    const afterCount: Record<Kind, number> = { checkin: 0, read: 0, healthz: 0 };
    const acked = new Set<string>();
    const attempted = new Set<string>();

    const once = async (kind: Kind): Promise<void> => {
      const userId = kind === 'checkin' ? queue.shift() : undefined;
      if (kind === 'checkin' && userId === undefined) return;
      const startPhase = phase;
      const afterIndex = startPhase === 'after' ? ++afterCount[kind] : undefined;
      const t0 = performance.now();
      const answer = userId !== undefined ? await checkIn(userId) : kind === 'read' ? await read() : await healthz();
      const ms = performance.now() - t0;
      if (userId !== undefined) {
        attempted.add(userId);
        if (answer.ok) acked.add(userId);
      }
      samples.push({ kind, startPhase, endPhase: phase, ms, ...answer, ...(userId === undefined ? {} : { userId }), ...(afterIndex === undefined ? {} : { afterIndex }) });
    };
    const kinds: Kind[] = ['checkin', 'checkin', 'read', 'healthz'];
    const worker = async (w: number): Promise<void> => {
      for (let i = w; running; i++) {
        await once(kinds[i % kinds.length] ?? 'healthz');
        await sleep(PACE_MS);
      }
    };
    const waitFor = async (what: string, done: () => boolean, limitMs = 60_000): Promise<void> => {
      const until = performance.now() + limitMs;
      while (!done()) {
        if (performance.now() > until) throw new Error(`gave up waiting for ${what}`);
        await sleep(20);
      }
    };
    const outageAndRecovery = async (): Promise<void> => {
      // Before: the stream runs against healthy storage.
      await waitFor('10 acknowledged check-ins', () => acked.size >= 10);

      // Stop storage mid-stream (gracefully: Azurite saves its database), keep the stream going for a while.
      const port = azurite?.port ?? NaN;
      phase = 'stopping';
      await azurite?.stop();
      azurite = undefined;
      phase = 'down';
      const downSince = performance.now();
      await waitFor('the outage', () => performance.now() - downSince >= OUTAGE_MS);

      // Bring storage back on the same port and data; the server is not touched.
      phase = 'restarting';
      azurite = await startAzurite({ location, port });
      phase = 'after';
      const succeededAfter = (kind: Kind) => samples.some((s) => s.kind === kind && s.startPhase === 'after' && s.ok);
      const triesSpent = (kind: Kind) => afterCount[kind];
      await waitFor('a success of each kind after the restart', () =>
        (['checkin', 'read', 'healthz'] as const).every(
          (k) => succeededAfter(k) || triesSpent(k) >= RECOVERY_TRIES || (k === 'checkin' && queue.length === 0),
        ),
      );
    };
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
    try {
      await outageAndRecovery();
    } finally {
      running = false;
      await Promise.all(workers);
    }

    // Clients retry every check-in that got no success answer (a 503, or a failure card while storage went away).
    const unanswered = [...attempted].filter((u) => !acked.has(u));
    const retries: number[] = [];
    for (const userId of unanswered) {
      let tries = 0;
      for (; tries < 5 && !acked.has(userId); tries++) {
        if ((await checkIn(userId)).ok) acked.add(userId);
      }
      retries.push(tries);
    }

    // The explicit wait for what the answers left: the countings still running, then the repair job (run every 10
    // minutes by the scheduler) for those the outage cut off after their answer.
    await app.drain();
    await app.jobs.run('repair', { at: new Date(), dryRun: false });

    // The invariants, read straight from the tables.
    const checkInRows = (await rawRows(app.storage.clients.client('CheckIns'))).filter((r) => String(r['rowKey']).startsWith(`${campaignId}|`));
    const aggregateRows = (await rawRows(app.storage.clients.client('DailyAggregates'))).filter((r) => r['partitionKey'] === campaignId);
    const counted = aggregateRows.reduce((sum, r) => sum + Number(r['checkIns'] ?? 0), 0);
    const storedToday = new Set(checkInRows.filter((r) => String(r['rowKey']).endsWith(`|${DATE}`)).map((r) => String(r['partitionKey'])));

    // The figures, for CI's log.
    // The outage proper: sent after Azurite had stopped, answered before its restart began. (Requests answered
    // while it was starting again are shown apart: a probe then may legitimately reach the new Azurite.)
    const stage = (s: Sample): string => {
      if (s.startPhase === 'before' && s.endPhase === 'before') return 'before';
      if (s.startPhase === 'down' && s.endPhase === 'down') return 'down';
      if (s.startPhase === 'after') return 'after';
      return s.startPhase === 'before' || s.startPhase === 'stopping' ? 'around the stop' : 'during restart';
    };
    const inStage = (name: string) => samples.filter((s) => stage(s) === name);
    const down = inStage('down');
    const row = (label: string, list: readonly Sample[]) => ({
      label,
      requests: list.length,
      status: [...new Set(list.map((s) => s.status))].sort().join('/'),
      p50ms: Math.round(percentile(list.map((s) => s.ms), 50)),
      p95ms: Math.round(percentile(list.map((s) => s.ms), 95)),
      maxMs: Math.round(Math.max(...list.map((s) => s.ms))),
    });
    const table = [
      row('before: all', inStage('before')),
      row('around the stop', inStage('around the stop')),
      ...(['checkin', 'read', 'healthz'] as const).map((k) => row(`down: ${k}`, down.filter((s) => s.kind === k))),
      row('down: all', down),
      row('during restart', inStage('during restart')),
      row('after: all', inStage('after')),
    ];
    const firstSuccess = (kind: Kind) => samples.filter((s) => s.kind === kind && s.ok && s.afterIndex !== undefined).map((s) => s.afterIndex ?? 0);
    console.log(
      [
        'storage outage (Azurite stopped mid-stream for ~' + OUTAGE_MS / 1000 + ' s, restarted on the same port; server not restarted)',
        ...table.map((r) => `  ${r.label.padEnd(18)} n=${String(r.requests).padStart(4)}  status ${r.status.padEnd(11)} p50 ${String(r.p50ms).padStart(5)} ms  p95 ${String(r.p95ms).padStart(5)} ms  max ${String(r.maxMs).padStart(5)} ms`),
        `  recovery: first success after restart at request #${Math.min(...firstSuccess('checkin'))} (check-in), #${Math.min(...firstSuccess('read'))} (read), #${Math.min(...firstSuccess('healthz'))} (healthz)`,
        `  check-ins: ${attempted.size} attempted, ${unanswered.length} retried by clients (tries: max ${Math.max(0, ...retries)}), ${acked.size} acknowledged, ${storedToday.size} stored today`,
        `  invariant: CheckIns rows in campaign ${checkInRows.length}, sum of DailyAggregates.checkIns ${counted}`,
      ].join('\n'),
    );

    // Before the stop: storage answered.
    expect(inStage('before').filter((s) => !s.ok).map((s) => `${s.kind} ${s.status}`)).toEqual([]);
    // During the outage: each kind was tried, and every single answer was the 503 that says storage is unavailable.
    for (const kind of ['checkin', 'read', 'healthz'] as const) expect(down.filter((s) => s.kind === kind).length).toBeGreaterThan(5);
    expect(down.filter((s) => !s.saysUnavailable).map((s) => `${s.kind} ${s.status}`)).toEqual([]);
    // The users asking during the outage were told, in their language, that nothing was saved.
    expect(connector.sentTexts()).toContain(coreTexts.storageUnavailable.nl);
    // After the restart, without touching the server: each kind succeeded again within a bounded number of tries.
    for (const kind of ['checkin', 'read', 'healthz'] as const) {
      expect(firstSuccess(kind).length).toBeGreaterThan(0);
      expect(Math.min(...firstSuccess(kind))).toBeLessThanOrEqual(RECOVERY_TRIES);
    }
    // Every check-in is acknowledged after the clients' retries, and every acknowledged one is stored, once.
    expect(unanswered.length).toBeGreaterThan(0);
    expect([...attempted].filter((u) => !acked.has(u))).toEqual([]);
    expect([...acked].filter((u) => !storedToday.has(u))).toEqual([]);
    expect(storedToday.size).toBe(acked.size);
    // Nothing half-written: the team-day counters add up to the check-in rows.
    expect(counted).toBe(checkInRows.length);
  });
});
