/**
 * The fault suite's world: a real Azurite keeping its data on disk, an organisation seeded into a table prefix, the
 * real server as a child process (`node bot/dist/src/index.js`, what `npm run serve` runs) that can be killed with
 * SIGKILL and started again, a client that sends check-ins as Teams does and remembers which were acknowledged,
 * and invariant checks that read Azurite directly. The server must be built first (`npm run test:faults` does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepairJob } from '@soestainable/bot/jobs/repair';
import { createLogger } from '@soestainable/bot/platform/logger';
import { startAzurite, type AzuriteHandle } from '@soestainable/bot/storage/azurite';
import { findFreePort } from '@soestainable/bot/platform/ports';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { TableClients, type TableName } from '@soestainable/bot/storage/tables';
import { checkinTexts } from '@soestainable/bot/features/checkin/texts';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { CHECKIN_OUTCOMES, TRAVEL_MODES, type CheckInOutcome, type TravelMode } from '@soestainable/shared/domain/types';
import { participant, seedOrg } from '../helpers/orgFixture';

export const ROOT = join(__dirname, '..', '..');
export const SERVER_ENTRY = join(ROOT, 'bot', 'dist', 'src', 'index.js');
/** Wednesday 2 December 2026, 09:30 in Soest: day 3 of {@link seedOrg}'s campaign. The server's clock starts here. */
export const CLOCK = '2026-12-02T08:30:00Z';
export const CHECKIN_DATE = '2026-12-02';
export const TEAMS = ['publiekszaken', 'buitendienst'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Storage

export interface FaultStore {
  readonly azurite: AzuriteHandle;
  readonly connectionString: string;
  readonly tablePrefix: string;
  readonly tables: TableClients;
  readonly repos: Repositories;
  readonly campaignId: string;
  /** Stops Azurite and removes its data folder. */
  close(): Promise<void>;
}

/** Azurite with a data folder, fresh tables under a unique prefix, and {@link seedOrg}'s organisation in them. */
export async function startStore(): Promise<FaultStore> {
  const location = mkdtempSync(join(tmpdir(), 'faults-azurite-'));
  const azurite = await startAzurite({ location });
  const tablePrefix = 'f' + randomBytes(4).toString('hex');
  const tables = new TableClients({ kind: 'connectionString', connectionString: azurite.connectionString }, tablePrefix);
  await tables.ensureTables();
  const repos = createRepositories(tables, { referenceCacheTtlMs: 0 });
  const { campaign } = await seedOrg(repos);
  return {
    azurite,
    connectionString: azurite.connectionString,
    tablePrefix,
    tables,
    repos,
    campaignId: campaign.campaignId,
    async close() {
      await azurite.stop();
      rmSync(location, { recursive: true, force: true });
    },
  };
}

/** Runs `work(0)` … `work(count - 1)`, at most `limit` at once. */
export async function pool(count: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

export const userIdOf = (prefix: string, i: number): string => `${prefix}-${String(i).padStart(4, '0')}`;

/**
 * `n` joined participants `<prefix>-0000` …, alternating over the two teams; with `connectorUrl` each also gets a
 * personal conversation `conv-<userId>` there (what the nudge job sends through).
 */
export async function seedParticipants(store: FaultStore, prefix: string, n: number, options: { connectorUrl?: string; nudgeTime?: string } = {}): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => userIdOf(prefix, i));
  await pool(n, 16, async (i) => {
    const userId = ids[i] as string;
    await store.repos.participants.save(participant({ userId, teamId: TEAMS[i % TEAMS.length] ?? 'publiekszaken', nudgeTime: options.nudgeTime ?? '09:00' }));
    if (options.connectorUrl !== undefined) {
      await store.repos.conversationRefs.save({ kind: 'user', userId }, 'personal', {
        channelId: 'msteams',
        serviceUrl: options.connectorUrl,
        conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: 'tenant-soest' },
        bot: { id: '28:bot', name: 'Soestainable' },
        user: { id: `29:${userId}` },
      });
    }
  });
  return ids;
}

// ---------------------------------------------------------------------------------------------------------------
// The server process

export interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * The real server as a child process on a fixed port (picked once, so a restarted server is found at the same
 * address, as behind a load balancer). Its working folder is empty (no `.env` is read).
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<ServerExit> | undefined;
  private stderrTail = '';
  private readonly cwd = mkdtempSync(join(tmpdir(), 'faults-server-'));
  private readonly killOnExit = () => this.child?.kill('SIGKILL');
  port = 0;
  /** How often this server was started. */
  starts = 0;

  constructor(private readonly env: Record<string, string>) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last lines the server wrote to stderr (warnings and errors). */
  get stderr(): string {
    return this.stderrTail;
  }

  /** Starts the server and resolves when `/healthz` answers 200. */
  async start(): Promise<void> {
    if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: build first (node bot/scripts/build.cjs)`);
    if (this.port === 0) this.port = await findFreePort();
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(this.port),
      ORG_ID: 'soest',
      SCHEDULER: '0',
      PLAYGROUND: '0',
      SEED_DEMO: '0',
      DEV_CLOCK: CLOCK,
      ...this.env,
    };
    const child = spawn(process.execPath, [SERVER_ENTRY], { cwd: this.cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    this.starts++;
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000)));
    this.exited = new Promise<ServerExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    process.once('exit', this.killOnExit);
    let gone: ServerExit | undefined;
    void this.exited.then((exit) => (gone = exit));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (gone) throw new Error(`the server exited while starting (code ${gone.code}, signal ${gone.signal}): ${this.stderrTail}`);
      if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within 30 s: ${this.stderrTail}`);
      try {
        const res = await fetch(`${this.base}/healthz`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
  }

  /** SIGKILL: no shutdown code runs, requests in flight are cut. */
  async kill(): Promise<ServerExit> {
    const child = this.child;
    if (!child || !this.exited) throw new Error('not started');
    child.kill('SIGKILL');
    const exit = await this.exited;
    process.removeListener('exit', this.killOnExit);
    this.child = undefined;
    return exit;
  }

  /** SIGKILL and start again on the same port. */
  async restart(): Promise<ServerExit> {
    const exit = await this.kill();
    await this.start();
    return exit;
  }

  /** A graceful stop (SIGTERM), SIGKILL after 5 s; removes the working folder. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child && this.exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(timer);
      process.removeListener('exit', this.killOnExit);
    }
    this.child = undefined;
    rmSync(this.cwd, { recursive: true, force: true });
  }
}

/** The environment of a server on `store`. */
export function serverEnv(store: FaultStore, extra: Record<string, string> = {}): Record<string, string> {
  return { STORAGE_CONNECTION_STRING: store.connectionString, TABLE_PREFIX: store.tablePrefix, ...extra };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// The client: check-ins as Teams sends them

/** One user's answers on the daily card (day 3's challenge is a yes/no question). */
export interface CheckinAnswers {
  readonly outcome: CheckInOutcome;
  readonly travelMode: TravelMode;
  readonly barrierText?: string;
}

export function answersOf(i: number, withBarrier: boolean, who: string): CheckinAnswers {
  return {
    outcome: CHECKIN_OUTCOMES[i % CHECKIN_OUTCOMES.length] ?? 'done',
    travelMode: TRAVEL_MODES[i % TRAVEL_MODES.length] ?? 'fiets',
    // Texts people type never reach the logs; here they carry the user id so the test can match barrier to check-in.
    ...(withBarrier ? { barrierText: `Geen fietsenstalling bij de ingang (${who})` } : {}),
  };
}

function cardData(campaignId: string, a: CheckinAnswers): Record<string, unknown> {
  return {
    verb: CHECKIN_VERBS.submit,
    campaignId,
    date: CHECKIN_DATE,
    outcome: a.outcome,
    travelMode: a.travelMode,
    distanceBand: '5-10',
    wasteFree: 'true',
    challenge: 'true',
    ...(a.barrierText === undefined ? {} : { barrierText: a.barrierText }),
  };
}

function from(userId: string): Record<string, unknown> {
  return {
    channelId: 'msteams',
    locale: 'nl-NL',
    from: { id: `29:${userId}`, aadObjectId: userId },
    recipient: { id: '28:bot' },
    conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: 'tenant-soest' },
  };
}

/** The `Action.Execute` invoke of the daily card's check-in button. */
export function checkinInvoke(userId: string, campaignId: string, a: CheckinAnswers, serviceUrl: string): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `inv-${randomBytes(4).toString('hex')}`,
    serviceUrl,
    ...from(userId),
    value: { action: { type: 'Action.Execute', verb: CHECKIN_VERBS.submit, data: cardData(campaignId, a) } },
  };
}

/** The `Action.Submit` fallback of the same button: a message with the card's data as `value`, replying to the card. */
export function checkinSubmit(userId: string, campaignId: string, a: CheckinAnswers, serviceUrl: string, cardActivityId: string): Record<string, unknown> {
  return {
    type: 'message',
    id: `msg-${randomBytes(4).toString('hex')}`,
    serviceUrl,
    replyToId: cardActivityId,
    ...from(userId),
    value: cardData(campaignId, a),
  };
}

/** A text message (a command) from `userId`. */
export function textMessage(userId: string, text: string, serviceUrl: string): Record<string, unknown> {
  return { type: 'message', id: `msg-${randomBytes(4).toString('hex')}`, serviceUrl, text, ...from(userId) };
}

export interface PostResult {
  readonly status: number | 'network-error';
  readonly body: unknown;
}

/** POSTs an activity to the server's /api/messages; a cut connection (server killed) is a result, not a throw. */
export async function postActivity(base: string, activity: Record<string, unknown>, timeoutMs = 60_000): Promise<PostResult> {
  try {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: res.status, body };
  } catch {
    return { status: 'network-error', body: undefined };
  }
}

const ALREADY_RECORDED = checkinTexts.alreadyRecorded.nl;
const SUMMARY_TITLE = checkinTexts.summaryTitle.nl.replace('{date}', 'woensdag 2 december');

/** True when an invoke's answer is the refreshed card: HTTP 200, invoke status 200, the check-in summary. */
export function isAcknowledged(result: PostResult): boolean {
  if (result.status !== 200 || typeof result.body !== 'object' || result.body === null) return false;
  const body = result.body as { statusCode?: unknown; value?: unknown };
  return body.statusCode === 200 && JSON.stringify(body.value ?? null).includes(SUMMARY_TITLE);
}

/** Whether a card (an attachment's content, or an invoke's value) is the check-in summary. */
export function isSummaryCard(card: unknown): boolean {
  return JSON.stringify(card ?? null).includes(SUMMARY_TITLE);
}

/**
 * A check-in client: sends each user's `Action.Execute` check-in, retries what was not acknowledged (as a person
 * clicks again), and remembers which were acknowledged and how often each was sent.
 */
export class CheckinClient {
  readonly acknowledged = new Set<string>();
  readonly sends = new Map<string, number>();
  readonly failures = new Map<string, string>();
  /** Acknowledged with "I already had this check-in": a send that was stored although its answer never came back. */
  readonly foundStored = new Set<string>();

  constructor(
    private readonly campaignId: string,
    private readonly serviceUrl: string,
  ) {}

  /** Sends one check-in once; true when it was acknowledged. */
  async send(base: string, userId: string, answers: CheckinAnswers): Promise<boolean> {
    this.sends.set(userId, (this.sends.get(userId) ?? 0) + 1);
    const result = await postActivity(base, checkinInvoke(userId, this.campaignId, answers, this.serviceUrl));
    if (isAcknowledged(result)) {
      this.acknowledged.add(userId);
      if (JSON.stringify(result.body).includes(ALREADY_RECORDED)) this.foundStored.add(userId);
      this.failures.delete(userId);
      return true;
    }
    this.failures.set(userId, result.status === 200 ? 'not the summary card' : String(result.status));
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Invariants, read from Azurite directly

export interface StoredState {
  /** CheckIns rows per user id (the partition), for the campaign's check-in date. */
  readonly checkIns: Map<string, number>;
  /** Sum of `checkIns` over the campaign's DailyAggregates rows of the date, per team. */
  readonly aggregateByTeam: Map<string, number>;
  readonly aggregateTotal: number;
  /** Barrier texts (reference rows left out), with how often each is stored. */
  readonly barriers: Map<string, number>;
}

async function rows(tables: TableClients, name: TableName, filter?: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const iter = tables.client(name).listEntities<Record<string, unknown>>(filter === undefined ? {} : { queryOptions: { filter } });
  for await (const row of iter) out.push(row);
  return out;
}

/**
 * The explicit wait before the invariants are read: a check-in is answered once its row (with its pending part)
 * is stored, and counted after the answer, which a kill can cut off. The repair job finishes every pending part,
 * run here on the same store as the servers' scheduler runs it every 10 minutes (beside a counting still running
 * in a server: both are idempotent).
 */
export async function finishPending(store: FaultStore): Promise<number> {
  const summary = await createRepairJob({ repos: store.repos, logger: createLogger('silent') }).run({ at: new Date(), dryRun: false });
  if (summary.counts['failed'] !== 0) throw new Error(`the repair job could not finish ${summary.counts['failed']} check-ins`);
  return summary.counts['completed'] ?? 0;
}

export async function readStored(store: FaultStore): Promise<StoredState> {
  const checkIns = new Map<string, number>();
  for (const row of await rows(store.tables, 'CheckIns')) {
    if (!String(row['rowKey']).endsWith(CHECKIN_DATE)) continue;
    const user = String(row['partitionKey']);
    checkIns.set(user, (checkIns.get(user) ?? 0) + 1);
  }
  const aggregateByTeam = new Map<string, number>();
  let aggregateTotal = 0;
  for (const row of await rows(store.tables, 'DailyAggregates')) {
    if (row['partitionKey'] !== store.campaignId || !String(row['rowKey']).endsWith(CHECKIN_DATE)) continue;
    const team = String(row['rowKey']).split('|')[0] ?? '';
    const n = Number(row['checkIns'] ?? 0);
    aggregateByTeam.set(team, (aggregateByTeam.get(team) ?? 0) + n);
    aggregateTotal += n;
  }
  const barriers = new Map<string, number>();
  for (const row of await rows(store.tables, 'Barriers')) {
    if (String(row['rowKey']).startsWith('~')) continue;
    const text = String(row['text']);
    barriers.set(text, (barriers.get(text) ?? 0) + 1);
  }
  return { checkIns, aggregateByTeam, aggregateTotal, barriers };
}

/** Prints a small table (CI logs show it): one row per label. */
export function printTable(title: string, rowsToPrint: ReadonlyArray<readonly [string, string | number]>): void {
  const width = Math.max(...rowsToPrint.map(([label]) => label.length));
  console.log([`\n${title}`, ...rowsToPrint.map(([label, value]) => `  ${label.padEnd(width)}  ${String(value).padStart(8)}`)].join('\n'));
}
