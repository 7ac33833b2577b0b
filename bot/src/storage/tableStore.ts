import {
  odata,
  type TableClient,
  type TableEntity,
  type TransactionAction,
  type UpdateMode,
} from '@azure/data-tables';
import { AppError, ConflictError } from '../errors';

/** A stored row: our properties plus the keys. Values must be strings, numbers (Int32/Double) or booleans. */
export type Row = Record<string, string | number | boolean | Date | undefined>;
export type StoredRow<T extends Row> = T & { partitionKey: string; rowKey: string; etag: string; timestamp?: string };

export interface QueryRange {
  /** RowKey greater than or equal to. */
  readonly from?: string;
  /** RowKey strictly less than. */
  readonly to?: string;
}

/** A PartitionKey range, both ends included (encoded keys). */
export interface KeyRange {
  readonly first: string;
  readonly last: string;
}

/** Largest entity-group transaction Table Storage accepts. */
export const MAX_BATCH = 100;

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'statusCode' in err) {
    const code = (err as { statusCode?: unknown }).statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

/** Error codes of a request that got no HTTP answer because storage could not be reached. */
const CONNECTION_FAILURE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'REQUEST_SEND_ERROR',
]);

/** True when a call failed without reaching storage (refused, reset, timed out, unknown host). */
export function isConnectionFailure(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && CONNECTION_FAILURE_CODES.has(code);
}

/**
 * Maps an SDK error to our coded errors. 409/412 → {@link ConflictError}; a connection failure or 5xx →
 * STORAGE_UNAVAILABLE; everything else → STORAGE_FAILED. 404 is handled by the callers (→ `undefined`).
 * Nothing is swallowed.
 */
export function mapStorageError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const status = statusOf(err);
  if (status === 409) return new ConflictError('exists', `${what}: the row already exists.`, { cause: err });
  if (status === 412) return new ConflictError('changed', `${what}: the row changed since it was read.`, { cause: err });
  if (isConnectionFailure(err) || (status !== undefined && status >= 500) || (err instanceof Error && err.name === 'AbortError')) {
    return new AppError('STORAGE_UNAVAILABLE', `${what}: storage did not answer.`, { cause: err });
  }
  return new AppError('STORAGE_FAILED', `${what}: storage refused the request (status ${status ?? 'none'}).`, { cause: err });
}

/**
 * A thin, typed layer over one `TableClient`: the error mapping, paging and batch chunking every repository
 * needs, written once. Repositories own their keys and the mapping between rows and domain objects.
 */
export class TableStore<T extends Row> {
  constructor(private readonly client: TableClient) {}

  get tableName(): string {
    return this.client.tableName;
  }

  /** Point read; `undefined` when the row does not exist. */
  async get(partitionKey: string, rowKey: string): Promise<StoredRow<T> | undefined> {
    try {
      return (await this.client.getEntity<T>(partitionKey, rowKey)) as StoredRow<T>;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw mapStorageError(err, `read ${this.tableName}`);
    }
  }

  /** Inserts; throws {@link ConflictError} (`exists`) when the row is there already. Returns the new etag. */
  async create(entity: TableEntity<T>): Promise<string> {
    try {
      const res = await this.client.createEntity<T>(entity);
      return res.etag ?? '';
    } catch (err) {
      throw mapStorageError(err, `insert into ${this.tableName}`);
    }
  }

  /** Insert-or-replace (or merge): for rows that only one writer owns. Returns the new etag. */
  async upsert(entity: TableEntity<T>, mode: UpdateMode = 'Replace'): Promise<string> {
    try {
      const res = await this.client.upsertEntity<T>(entity, mode);
      return res.etag ?? '';
    } catch (err) {
      throw mapStorageError(err, `upsert into ${this.tableName}`);
    }
  }

  /**
   * Optimistic update: succeeds only if the row still has `etag`; else {@link ConflictError} (`changed`).
   * A missing row also answers `changed`-like 404: mapped to NOT_FOUND.
   */
  async update(entity: TableEntity<T>, etag: string, mode: UpdateMode = 'Replace'): Promise<string> {
    try {
      const res = await this.client.updateEntity<T>(entity, mode, { etag });
      return res.etag ?? '';
    } catch (err) {
      if (statusOf(err) === 404) throw new AppError('NOT_FOUND', `update ${this.tableName}: the row is gone.`, { cause: err });
      throw mapStorageError(err, `update ${this.tableName}`);
    }
  }

  /** {@link update} of some columns only (Merge): the others stay as stored. For marks on a row another writer owns. */
  async merge(entity: TableEntity<Partial<T>>, etag: string): Promise<string> {
    try {
      const res = await this.client.updateEntity<Partial<T>>(entity, 'Merge', { etag });
      return res.etag ?? '';
    } catch (err) {
      if (statusOf(err) === 404) throw new AppError('NOT_FOUND', `update ${this.tableName}: the row is gone.`, { cause: err });
      throw mapStorageError(err, `update ${this.tableName}`);
    }
  }

  /** Deletes; `false` when the row was not there. With an etag, a changed row gives {@link ConflictError}. */
  async delete(partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
    try {
      await this.client.deleteEntity(partitionKey, rowKey, etag === undefined ? {} : { etag });
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw mapStorageError(err, `delete from ${this.tableName}`);
    }
  }

  /** Every row of one partition (optionally a RowKey range), following continuation tokens page by page. */
  async *queryPartition(partitionKey: string, range: QueryRange = {}): AsyncGenerator<StoredRow<T>> {
    let filter = odata`PartitionKey eq ${partitionKey}`;
    if (range.from !== undefined) filter += ' and ' + odata`RowKey ge ${range.from}`;
    if (range.to !== undefined) filter += ' and ' + odata`RowKey lt ${range.to}`;
    yield* this.query(filter);
  }

  /** Rows matching an OData filter. Build the filter with the `odata` template only, never by concatenating input. */
  async *query(filter: string): AsyncGenerator<StoredRow<T>> {
    try {
      const pages = this.client.listEntities<T>({ queryOptions: { filter } }).byPage({ maxPageSize: 1000 });
      for await (const page of pages) {
        for (const row of page) yield row as StoredRow<T>;
      }
    } catch (err) {
      throw mapStorageError(err, `query ${this.tableName}`);
    }
  }

  /**
   * Rows with one RowKey across a PartitionKey range, both ends included (`PartitionKey ge first and PartitionKey le
   * last and RowKey eq rowKey`), page by page: the rows of one kind of many partitions in one query, for a job that
   * would otherwise read them one point read each. Keys compare by UTF-16 code unit, as Table Storage sorts them.
   */
  async *queryAcross(partitions: KeyRange, rowKey: string): AsyncGenerator<StoredRow<T>> {
    yield* this.query(odata`PartitionKey ge ${partitions.first} and PartitionKey le ${partitions.last} and RowKey eq ${rowKey}`);
  }

  /** Collects {@link queryPartition} into an array: for partitions known to be bounded. */
  async listPartition(partitionKey: string, range: QueryRange = {}): Promise<StoredRow<T>[]> {
    const rows: StoredRow<T>[] = [];
    for await (const row of this.queryPartition(partitionKey, range)) rows.push(row);
    return rows;
  }

  /**
   * Runs actions on one partition in transactions of at most 100 (a fresh action list per chunk). Each chunk is
   * atomic; chunks are not atomic with each other, so callers make re-runs idempotent (upserts, deletes).
   */
  async batch(actions: readonly TransactionAction[]): Promise<void> {
    for (let i = 0; i < actions.length; i += MAX_BATCH) {
      const chunk = actions.slice(i, i + MAX_BATCH);
      try {
        await this.client.submitTransaction([...chunk]);
      } catch (err) {
        throw mapStorageError(err, `batch on ${this.tableName}`);
      }
    }
  }

  /** Deletes every row of a partition (or range); returns how many were removed. */
  async deletePartition(partitionKey: string, range: QueryRange = {}): Promise<number> {
    return this.deleteRows(await this.listPartition(partitionKey, range));
  }

  /**
   * Deletes the given rows (any partitions): one transaction per partition and chunk of 100. Returns how many this
   * call removed. Safe beside another deleter of the same rows (an erasure and a retention run, two instances): a
   * transaction that meets a row already gone fails whole (404), and that chunk is then deleted row by row, so each
   * row is counted once, by whichever call removed it.
   */
  async deleteRows(rows: ReadonlyArray<{ readonly partitionKey: string; readonly rowKey: string }>): Promise<number> {
    const byPartition = new Map<string, string[]>();
    for (const r of rows) byPartition.set(r.partitionKey, [...(byPartition.get(r.partitionKey) ?? []), r.rowKey]);
    let removed = 0;
    for (const [partitionKey, rowKeys] of byPartition) {
      for (let i = 0; i < rowKeys.length; i += MAX_BATCH) removed += await this.deleteChunk(partitionKey, rowKeys.slice(i, i + MAX_BATCH));
    }
    return removed;
  }

  private async deleteChunk(partitionKey: string, rowKeys: readonly string[]): Promise<number> {
    try {
      await this.client.submitTransaction(rowKeys.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]));
      return rowKeys.length;
    } catch (err) {
      if (statusOf(err) !== 404) throw mapStorageError(err, `batch on ${this.tableName}`);
    }
    let removed = 0;
    for (const rowKey of rowKeys) if (await this.delete(partitionKey, rowKey)) removed++;
    return removed;
  }
}
