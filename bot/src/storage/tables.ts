import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/core-auth';
import { mapStorageError } from './tableStore';

/** Every table the app uses; docs/storage.md describes each one's keys and the queries they serve. */
export const TABLE_NAMES = [
  'OrgTeams',
  'Participants',
  'TeamMembers',
  'NudgeSlots',
  'ConversationRefs',
  'Campaigns',
  'Challenges',
  'CheckIns',
  'Surveys',
  'DailyAggregates',
  'Barriers',
  'Ideas',
  'Actions',
  'ActionUpdates',
  'SendClaims',
  'SendRuns',
  'AuditLog',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type StorageTarget =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'accountUrl'; readonly url: string; readonly credential: TokenCredential };

function isInsecure(target: StorageTarget): boolean {
  if (target.kind === 'accountUrl') return target.url.startsWith('http:');
  return /TableEndpoint=http:/i.test(target.connectionString) || /UseDevelopmentStorage=true/i.test(target.connectionString);
}

/**
 * Makes the table clients for one storage account. `prefix` lets tests give each suite its own tables
 * (letters and digits only: table names are alphanumeric).
 */
export class TableClients {
  private readonly options: TableServiceClientOptions;
  private readonly cache = new Map<TableName, TableClient>();

  constructor(
    private readonly target: StorageTarget,
    private readonly prefix = '',
  ) {
    if (!/^[A-Za-z0-9]*$/.test(prefix)) throw new Error('Table prefix must be letters and digits only.');
    // Azurite speaks http; the SDK refuses http unless told. Real accounts are https and keep the default.
    this.options = isInsecure(target) ? { allowInsecureConnection: true } : {};
  }

  tableNameOf(name: TableName): string {
    return this.prefix + name;
  }

  client(name: TableName): TableClient {
    let client = this.cache.get(name);
    if (!client) {
      const table = this.tableNameOf(name);
      client =
        this.target.kind === 'connectionString'
          ? TableClient.fromConnectionString(this.target.connectionString, table, this.options)
          : new TableClient(this.target.url, table, this.target.credential, this.options);
      this.cache.set(name, client);
    }
    return client;
  }

  service(): TableServiceClient {
    return this.target.kind === 'connectionString'
      ? TableServiceClient.fromConnectionString(this.target.connectionString, this.options)
      : new TableServiceClient(this.target.url, this.target.credential, this.options);
  }

  /** Creates every table that is missing (idempotent: the SDK treats "already exists" as success). */
  async ensureTables(): Promise<void> {
    try {
      await Promise.all(TABLE_NAMES.map((name) => this.client(name).createTable()));
    } catch (err) {
      throw mapStorageError(err, 'create tables');
    }
  }

  /** Deletes this prefix's tables: for tests. */
  async dropTables(): Promise<void> {
    await Promise.all(TABLE_NAMES.map((name) => this.client(name).deleteTable()));
  }

  /**
   * Asks storage for one row of one table with a deadline; resolves when storage answers, rejects with a
   * STORAGE_UNAVAILABLE error when it does not. Used by /healthz.
   */
  async ping(timeoutMs: number): Promise<void> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const pages = this.client('OrgTeams')
        .listEntities({ abortSignal: signal, queryOptions: { select: ['PartitionKey'] } })
        .byPage({ maxPageSize: 1 });
      await pages.next();
    } catch (err) {
      throw mapStorageError(err, 'health check');
    }
  }
}
