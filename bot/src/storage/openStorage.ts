import { resolve } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../platform/logger';
import { isPortOpen } from '../platform/ports';
import { startAzurite, type AzuriteHandle } from './azurite';
import { StorageBreaker } from './breaker';
import { TableClients } from './tables';

/** The default Azurite table port; taken when free, otherwise a free one is picked (unless AZURITE_PORT says). */
export const DEFAULT_AZURITE_PORT = 10002;

export interface OpenStorage {
  readonly clients: TableClients;
  /** Human description for the start banner (never includes keys). */
  readonly description: string;
  readonly embedded: AzuriteHandle | undefined;
  close(): Promise<void>;
}

/**
 * Opens the configured storage and makes sure every table exists:
 * a connection string, an account URL with managed identity (`DefaultAzureCredential`, no keys), or — outside
 * production only — an embedded Azurite child process keeping its data under DATA_DIR.
 */
export async function openStorage(config: Config, logger: Logger): Promise<OpenStorage> {
  const s = config.storage;
  // One breaker for the account. Logged when it opens and when it closes again (states and counts only), not at
  // every probe in between.
  const breaker = new StorageBreaker({
    onChange: (c) => {
      if (c.to === 'closed') logger.warn('storage answers again', { refused: c.refused });
      else if (c.from === 'closed') logger.warn('storage unreachable: calls fail at once until a probe succeeds', {});
    },
  });
  const withBreaker = { breaker };
  let clients: TableClients;
  let embedded: AzuriteHandle | undefined;
  let description: string;
  if (s.kind === 'connectionString') {
    clients = new TableClients({ kind: 'connectionString', connectionString: s.connectionString }, s.tablePrefix, withBreaker);
    description = 'Table Storage (STORAGE_CONNECTION_STRING)';
  } else if (s.kind === 'accountUrl') {
    clients = new TableClients({ kind: 'accountUrl', url: s.url, credential: new DefaultAzureCredential() }, s.tablePrefix, withBreaker);
    description = `Table Storage ${s.url} (managed identity)`;
  } else {
    if (config.isProduction) {
      throw new AppError('FORBIDDEN_IN_PRODUCTION', 'Embedded Azurite is for local use only: set STORAGE_ACCOUNT_URL or STORAGE_CONNECTION_STRING.');
    }
    let port = s.port;
    if (port === undefined && !(await isPortOpen(DEFAULT_AZURITE_PORT))) port = DEFAULT_AZURITE_PORT;
    const location = resolve(s.dataDir, 'azurite');
    embedded = await startAzurite({ location, ...(port === undefined ? {} : { port }) });
    logger.info('embedded Azurite started', { port: embedded.port, pid: embedded.pid });
    clients = new TableClients({ kind: 'connectionString', connectionString: embedded.connectionString }, s.tablePrefix, withBreaker);
    description = `embedded Azurite on 127.0.0.1:${embedded.port} (data in ${location})`;
  }
  try {
    await clients.ensureTables();
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const handle = embedded;
  return {
    clients,
    description,
    embedded,
    close: async () => {
      await handle?.stop();
    },
  };
}
