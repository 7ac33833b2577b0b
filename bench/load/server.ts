/**
 * The real server under load, in its own process (`node bot/dist/src/index.js`, what `npm run serve` and App
 * Service run), so that its memory is its own and not the load generator's. Started tied to the bench
 * (`spawnTied`: it stops when the bench stops, even when the bench is killed), with an environment built here
 * alone. Its RSS is read from /proc/<pid>/status; its V8 heap comes from a small probe preloaded with
 * `--require` (./memoryProbe), which reports `process.memoryUsage()` over the IPC channel.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnTied, type TiedChild } from '@soestainable/bot/platform/children';
import { findFreePort, waitForPort } from '@soestainable/bot/platform/ports';
import { isHeapReport } from './heapReport';

/** dist/bench/load → the repository; the server is built to bot/dist (its own workspace since issue 14). */
const ROOT = join(__dirname, '..', '..', '..');
const ENTRY = join(ROOT, 'bot', 'dist', 'src', 'index.js');
const PROBE = join(__dirname, 'memoryProbe.js');

export interface ServerOptions {
  readonly connectionString: string;
  readonly tablePrefix: string;
  readonly orgId: string;
  /** The server's clock starts at this instant (DEV_CLOCK), e.g. the morning of a campaign day. */
  readonly clockStart: string;
  /** Write a V8 CPU profile of the server to this file when it stops (a `.cpuprofile` for Chrome's DevTools). */
  readonly cpuProfile?: string;
}

export interface MemorySample {
  /** ms on the bench's performance clock. */
  readonly at: number;
  readonly rssMb: number;
  /** The V8 heap in use at about the same moment (the probe's latest report); undefined before its first. */
  readonly heapMb: number | undefined;
}

export interface ServerLog {
  readonly warn: number;
  readonly error: number;
  /** Count per logged message (the logger's messages are fixed strings; fields hold ids and codes only). */
  readonly messages: ReadonlyMap<string, number>;
  /** Anything on stderr that is not a log line (a crash's stack). */
  readonly other: string;
}

export interface RunningServer {
  readonly base: string;
  readonly pid: number;
  /** Starts sampling memory every `everyMs`. */
  sample(everyMs: number): void;
  readonly samples: readonly MemorySample[];
  readonly log: ServerLog;
  /** Exit of the process if it has ended on its own (a crash during the run). */
  exited(): string | undefined;
  stop(): Promise<void>;
}

const MB = 1024 * 1024;

/** VmRSS of a process, in MB. */
async function rssOf(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : (Number(kb) * 1024) / MB;
  } catch {
    return undefined; // gone (it exited), or no /proc on this system
  }
}

/**
 * The environment of the server: only what it needs, every setting that could change what it does named here
 * (an empty value wins over a developer's `.env` in the working directory and means "not set").
 */
function serverEnv(options: ServerOptions, port: number, path: string | undefined): NodeJS.ProcessEnv {
  return {
    ...(path === undefined ? {} : { PATH: path }),
    NODE_ENV: 'development', // the dev sign-in issues the tab's tokens; never production
    NODE_OPTIONS: `--require "${PROBE}"`,
    ...(options.cpuProfile === undefined ? {} : { LOAD_BENCH_CPU_PROFILE: options.cpuProfile }),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    STORAGE_CONNECTION_STRING: options.connectionString,
    STORAGE_ACCOUNT_URL: '',
    TABLE_PREFIX: options.tablePrefix,
    ORG_ID: options.orgId,
    SCHEDULER: '0',
    SEED_DEMO: '0',
    PLAYGROUND: '0',
    DEV_SIGNIN: '1',
    DEV_CLOCK: options.clockStart,
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    AAD_APP_CLIENT_ID: '',
    AAD_APP_ID_URI: '',
    AAD_APP_TENANT_ID: '',
    AAD_ALLOWED_TENANTS: '',
    JOBS_KEY: '',
    WEATHER_URL: '',
    TEAMS_APP_ID: '',
    MIN_GROUP_SIZE: '',
  };
}

/** Starts the built server on a free port and resolves when /healthz answers 200. */
export async function startServer(options: ServerOptions, path: string | undefined): Promise<RunningServer> {
  const port = await findFreePort();
  const tied: TiedChild = spawnTied(ENTRY, [], { env: serverEnv(options, port, path), graceMs: 5000, stdout: 'ignore', stderr: 'pipe' });
  const child = tied.process;
  const pid = child.pid ?? -1;
  const messages = new Map<string, number>();
  const log = { warn: 0, error: 0, messages, other: '' };
  let pending = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as { level?: unknown; message?: unknown };
        if (entry.level === 'warn') log.warn++;
        else if (entry.level === 'error') log.error++;
        const key = `${String(entry.level)}: ${String(entry.message)}`;
        messages.set(key, (messages.get(key) ?? 0) + 1);
      } catch {
        // restify's DEP0111 notice at start and the shutdown line are expected; keep the rest (a crash's stack).
        const expected = line.includes('DEP0111') || line.includes('--trace-deprecation') || line.startsWith('SIGINT: stopping');
        if (!expected) log.other = (log.other + line + '\n').slice(-4000);
      }
    }
  });
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = `the server exited (code ${code ?? 'none'}, signal ${signal ?? 'none'})`;
  });
  let heapMb: number | undefined;
  child.on('message', (message: unknown) => {
    if (isHeapReport(message)) heapMb = message.heapUsed / MB;
  });

  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForPort(port, { timeoutMs: 30_000, abort: () => (exit === undefined ? undefined : `${exit}: ${log.other.trim()}`) });
    const health = await fetch(`${base}/healthz`);
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
  } catch (err) {
    await tied.stop();
    throw err;
  }

  const samples: MemorySample[] = [];
  let timer: NodeJS.Timeout | undefined;
  return {
    base,
    pid,
    samples,
    log,
    sample(everyMs) {
      if (timer) return;
      const take = async () => {
        const at = performance.now();
        const rss = await rssOf(pid);
        if (rss !== undefined) samples.push({ at, rssMb: rss, heapMb });
      };
      void take();
      timer = setInterval(() => void take(), everyMs);
    },
    exited: () => exit,
    async stop() {
      if (timer) clearInterval(timer);
      await tied.stop();
    },
  };
}
