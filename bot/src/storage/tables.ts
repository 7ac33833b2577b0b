import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/core-auth';
import { StorageBreaker } from './breaker';
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
  'ReportQuota',
  'Actions',
  'ActionUpdates',
  'SendClaims',
  'SendRuns',
  'AuditLog',
  'ErasureConfirmations',
  'Pledges',
  'FollowUpAnswers',
  'TeamCards',
  'Recognitions',
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
 * How the SDK retries one call (its default is 3 retries from ~1 s, exponential up to 64 s: seconds per call
 * while storage is down). Azure Storage's own transient failures — a 503 "server busy" from a hot partition, a
 * 500 "operation timed out", a reset connection during a failover — mostly clear within a second, so three
 * retries with jittered delays of 100–200, 200–400 and 400–800 ms (0.7–1.4 s in all) ride them out. A longer
 * wait does not help a request with a person waiting (Teams gives a bot about 15 s for the whole turn, which
 * makes several storage calls): when storage is really gone the call fails within ~1.5 s and the breaker
 * ({@link StorageBreaker}) makes every later call fail at once until storage answers again.
 */
export const STORAGE_RETRY_OPTIONS = { maxRetries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000 } as const;

export interface TableClientsOptions {
  /** The account's circuit breaker; one is made when omitted. Tests pass their own to watch it. */
  readonly breaker?: StorageBreaker;
}

/**
 * Makes the table clients for one storage account. `prefix` lets tests give each suite its own tables
 * (letters and digits only: table names are alphanumeric). Every client shares one {@link StorageBreaker}:
 * an outage is the account's, not one table's.
 */
export class TableClients {
  readonly breaker: StorageBreaker;
  private readonly options: TableServiceClientOptions;
  private readonly cache = new Map<TableName, TableClient>();

  constructor(
    private readonly target: StorageTarget,
    private readonly prefix = '',
    options: TableClientsOptions = {},
  ) {
    if (!/^[A-Za-z0-9]*$/.test(prefix)) throw new Error('Table prefix must be letters and digits only.');
    this.breaker = options.breaker ?? new StorageBreaker();
    this.options = {
      retryOptions: { ...STORAGE_RETRY_OPTIONS },
      // perCall: outside the SDK's retry policy, so the breaker judges a call after its retries.
      additionalPolicies: [{ policy: this.breaker.policy, position: 'perCall' }],
      // Azurite speaks http; the SDK refuses http unless told. Real accounts are https and keep the default.
      ...(isInsecure(target) ? { allowInsecureConnection: true } : {}),
    };
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
