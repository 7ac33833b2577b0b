import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, isPortOpen } from '@soestainable/bot/platform/ports';

/**
 * The built local stack (`npm start`: embedded Azurite, demo seed, server, Agents Playground) as a child process
 * on free ports, with a temp data dir and working directory (the Playground writes `./devTools/` there).
 */
const root = join(__dirname, '..', '..', '..');
const START = join(root, 'bot/dist/src/cli/start.js');

export interface Stack {
  /** Bot server port (restify). */
  readonly port: number;
  readonly azuritePort: number;
  /** The port the Playground really listens on (it may pick another if ours is busy); 0 with PLAYGROUND=0. */
  readonly playgroundPort: number;
  /** "Chat with the bot" URL from the banner. */
  readonly chatUrl: string;
  /** Everything the stack printed so far (stdout and stderr interleaved). */
  output(): string;
  /** Ctrl-C: resolves with the exit code (null when killed by a signal). Kills it after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<number | null>;
  /**
   * For finally/afterAll: if still running, Ctrl-C and wait; if that fails, SIGKILL it and every descendant
   * (Azurite runs detached in its own process group, so killing start.js alone would orphan it). Then removes the
   * temp folders. Never throws.
   */
  kill(): Promise<void>;
}

/** Builds dist/ when the sources are newer (`build.cjs --if-needed`); a no-op when `npm run test:e2e` just did. */
export function buildIfNeeded(): void {
  const build = spawnSync(process.execPath, [join(root, 'bot/scripts/build.cjs'), '--if-needed'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}

/** Only what the child needs: nothing from the developer's shell leaks into the test. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...extra };
}

/** Pids of every descendant of `pid` (Linux/macOS `ps`); empty when `ps` is unavailable. */
function descendants(pid: number): number[] {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (ps.status !== 0) return [];
  const children = new Map<number, number[]>();
  for (const line of ps.stdout.split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined || Number.isNaN(child) || Number.isNaN(parent)) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (!running(child)) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

export async function startStack(options: { extraEnv?: Record<string, string>; timeoutMs?: number } = {}): Promise<Stack> {
  const { extraEnv = {}, timeoutMs = 90_000 } = options;
  const port = await findFreePort();
  const azuritePort = await findFreePort();
  const wantedPlaygroundPort = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'soest-e2e-data-'));
  const cwd = mkdtempSync(join(tmpdir(), 'soest-e2e-cwd-'));
  const vars = {
    PORT: String(port),
    AZURITE_PORT: String(azuritePort),
    PLAYGROUND: '1',
    PLAYGROUND_PORT: String(wantedPlaygroundPort),
    DATA_DIR: dataDir,
    ...extraEnv,
  };
  const child = spawn(process.execPath, [START], { cwd, env: env(vars), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let cleaned = false;
  // A second SIGINT makes start.js exit at once, orphaning its children: send it once only.
  let interrupted = false;
  const interrupt = () => {
    if (interrupted) return;
    interrupted = true;
    child.kill('SIGINT');
  };
  const kill = async () => {
    if (cleaned) return;
    cleaned = true;
    if (running(child) && !interrupted) {
      interrupt();
      await Promise.race([exitOf(child), new Promise((r) => setTimeout(r, 15_000).unref())]);
    }
    if (running(child) && child.pid !== undefined) {
      // Collected while start.js is alive, so its children are still found under it.
      for (const pid of [...descendants(child.pid), child.pid]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    for (const dir of [dataDir, cwd]) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        clearInterval(poll);
        child.off('close', onExit);
        if (err) reject(err);
        else resolve();
      };
      const onExit = (code: number | null) => done(new Error(`the stack exited (code ${String(code)}) before its banner`));
      const timer = setTimeout(() => done(new Error(`no "Press Ctrl-C to stop." within ${timeoutMs} ms`)), timeoutMs);
      const poll = setInterval(() => {
        if (/Press Ctrl-C to stop/.test(out)) done();
      }, 50);
      child.once('close', onExit);
    });
  } catch (err) {
    await kill();
    throw new Error(`${(err as Error).message}\n--- stack output ---\n${out}`);
  }

  const chat = /Chat with the bot: +(http:\/\/localhost:(\d+))/.exec(out);
  const playgroundWanted = vars.PLAYGROUND !== '0';
  if (playgroundWanted && (!chat?.[1] || !chat[2])) {
    await kill();
    throw new Error(`no Playground URL in the banner (PLAYGROUND off?)\n--- stack output ---\n${out}`);
  }

  return {
    port,
    azuritePort,
    playgroundPort: chat?.[2] === undefined ? 0 : Number(chat[2]),
    chatUrl: chat?.[1] ?? '',
    output: () => out,
    stop: async (stopTimeoutMs = 20_000) => {
      if (!running(child)) return child.exitCode;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), stopTimeoutMs);
      });
      interrupt();
      const result = await Promise.race([exitOf(child), timedOut]);
      clearTimeout(timer);
      if (result === 'timeout') {
        await kill();
        throw new Error(`the stack did not stop within ${stopTimeoutMs} ms of SIGINT\n--- stack output ---\n${out}`);
      }
      return result;
    },
    kill,
  };
}

/** The ports that must be closed after a stop. */
export async function openPorts(stack: Stack): Promise<number[]> {
  const ports = [stack.port, stack.azuritePort, stack.playgroundPort].filter((p) => p > 0);
  const open = await Promise.all(ports.map((p) => isPortOpen(p)));
  return ports.filter((_, i) => open[i]);
}
