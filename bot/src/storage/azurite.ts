import { mkdirSync } from 'node:fs';
import { spawnTied } from '../platform/children';
import { findFreePort, isPortOpen, waitForPort } from '../platform/ports';
import { AppError } from '../errors';

/** The well-known development account every Azurite accepts (public, not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};`;
}

export interface AzuriteOptions {
  /** Port to listen on; a free one is picked when omitted. */
  readonly port?: number;
  /** Folder to keep data in; in memory when omitted. */
  readonly location?: string;
  readonly host?: string;
}

export interface AzuriteHandle {
  readonly port: number;
  readonly host: string;
  readonly pid: number;
  readonly connectionString: string;
  /** Stops this Azurite by its own pid and waits for it to exit. */
  stop(): Promise<void>;
}

function azuriteEntry(): string {
  try {
    return require.resolve('azurite/dist/src/table/main.js');
  } catch (err) {
    throw new AppError(
      'STORAGE_UNAVAILABLE',
      'Embedded storage needs the azurite package (a dev dependency): run `npm install`, or set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL.',
      { cause: err },
    );
  }
}

/**
 * Starts Azurite's table service as a child process (its own entry point, not `npx`, whose wrapper would outlive
 * a kill) and resolves when it accepts connections.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await findFreePort(host));
  if (await isPortOpen(port, host)) {
    throw new AppError('STORAGE_UNAVAILABLE', `Port ${port} is taken: set AZURITE_PORT to a free port, or stop what holds it.`);
  }
  const args = [
    '--tableHost', host,
    '--tablePort', String(port),
    '--skipApiVersionCheck',
    '--loose',
    '--disableTelemetry',
    '--silent',
  ];
  if (options.location !== undefined) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  // Tied to us (it stops when we do, even if we are killed) and in its own process group (stopped once, by us:
  // Azurite saves its database on SIGINT, and a second SIGINT would kill it mid-save).
  const tied = spawnTied(azuriteEntry(), args, { graceMs: 8000, ownGroup: true, stdout: 'ignore' });
  const child = tied.process;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `Azurite exited early (code ${code ?? 'none'}, signal ${signal ?? 'none'}): ${stderr.trim()}`;
  });
  try {
    await waitForPort(port, { host, timeoutMs: 20_000, abort: () => exited });
  } catch (err) {
    child.kill('SIGKILL');
    throw new AppError('STORAGE_UNAVAILABLE', `Embedded Azurite did not start: ${(err as Error).message}`, { cause: err });
  }
  const pid = child.pid ?? -1;
  return {
    port,
    host,
    pid,
    connectionString: azuriteConnectionString(port, host),
    /** Stops this Azurite gracefully (it saves its database) and waits for it to exit. */
    stop: () => tied.stop(),
  };
}
