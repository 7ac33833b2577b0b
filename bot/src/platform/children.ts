import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

/**
 * Starts a Node program as a child that is **tied to us**: it runs behind a tiny wrapper that listens on an IPC
 * channel, and when the channel closes — because we asked it to stop, or because we died, even by SIGKILL — the
 * wrapper gives the program its graceful SIGINT path and exits after `graceMs`. No orphan keeps a port.
 *
 * With `ownGroup` the child gets its own process group, so a terminal's Ctrl-C reaches only us and the child is
 * stopped once, by us (Azurite would be killed mid-save by a second SIGINT).
 */
export interface TiedChild {
  readonly process: ChildProcess;
  /** Closes the channel (the child stops gracefully) and waits; SIGKILL if it has not exited after `killAfterMs`. */
  stop(killAfterMs?: number): Promise<void>;
}

const WRAPPER = `
const [entry, graceMs, ...rest] = process.argv.slice(1);
process.argv = [process.argv[0], entry, ...rest];
process.on('disconnect', () => {
  setTimeout(() => process.exit(0), Number(graceMs)).unref();
  process.emit('SIGINT', 'SIGINT');
});
require(entry);
`;

export function spawnTied(
  entry: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; graceMs: number; ownGroup?: boolean; stdout?: 'pipe' | 'ignore'; stderr?: 'pipe' | 'ignore' },
): TiedChild {
  const stdio: StdioOptions = ['ignore', options.stdout ?? 'pipe', options.stderr ?? 'pipe', 'ipc'];
  const child = spawn(process.execPath, ['-e', WRAPPER, entry, String(options.graceMs), ...args], {
    stdio,
    detached: options.ownGroup ?? false,
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  // The channel must not keep *us* alive.
  child.channel?.unref();
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    process: child,
    stop(killAfterMs = options.graceMs + 2000) {
      if (exited()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        if (child.connected) child.disconnect();
        else child.kill('SIGINT');
      });
    },
  };
}
