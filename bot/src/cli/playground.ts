import { AppError } from '../errors';
import { spawnTied } from '../platform/children';
import { childEnv } from '../platform/env';

export interface PlaygroundHandle {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground (a Teams-like client from npm that works offline) pointed at the
 * bot, without opening a browser. It picks another port if ours is busy, so we read it from its output.
 */
export async function startPlayground(botEndpoint: string, port: number): Promise<PlaygroundHandle> {
  let entry: string;
  try {
    entry = require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch (err) {
    throw new AppError('CONFIG_INVALID', 'The Agents Playground is a dev dependency: run `npm install`, or set PLAYGROUND=0.', { cause: err });
  }
  // Tied to us: it goes when we go, even if we are killed.
  const tied = spawnTied(entry, ['-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    env: childEnv({ TEAMSAPPTESTER_BROWSER: 'none', TEAMSAPPTESTER_PORT: String(port) }),
    graceMs: 500,
  });
  const child = tied.process;
  let output = '';
  const actualPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AppError('CONFIG_INVALID', `The Agents Playground did not start within 30 s: ${output.slice(-500)}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      const match = /Listening on (\d+)/i.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new AppError('CONFIG_INVALID', `The Agents Playground exited (code ${code ?? 'none'}): ${output.slice(-500)}`));
    });
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  // Keep draining its output so a full pipe never blocks it.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    port: actualPort,
    url: `http://localhost:${actualPort}`,
    stop: () => tied.stop(),
  };
}
