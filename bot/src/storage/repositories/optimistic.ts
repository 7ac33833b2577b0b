import type { TableEntity } from '@azure/data-tables';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { AppError, ConflictError } from '../../errors';
import type { Row, StoredRow, TableStore } from '../tableStore';

/**
 * Optimistic concurrency, written once: every repository that retries a write after meeting another writer
 * (412 on an ETag update, 409 on an insert-if-absent) goes through {@link retryOnConflict}.
 */

/** A domain object as read, with the ETag of its row: pass the etag back to write it only if nobody changed it. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** How hard a read-modify-write tries before it gives up with STORAGE_CONFLICT. */
export interface RetryPolicy {
  /** Attempts in all, the first included (≥ 1). */
  readonly maxAttempts: number;
  /** Backoff before retry n is a random delay in [0, min(maxDelayMs, baseDelayMs · 2^(n-2))) ("full jitter"). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** For tests: replaces the timer and the random source. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Rows a handful of writers may meet on (a profile, a conversation reference, a check-in). */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 200 };

/**
 * Rows people edit now and then (barriers, ideas, actions, send claims): 5 attempts, backoff up to 20, 40, 80,
 * 160 ms. These bounds are the ones those repositories had before the two retry loops were merged.
 */
export const EDIT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 20, maxDelayMs: 160 };

/**
 * Runs `attempt` (a read-modify-write that uses ETags or insert-if-absent) until it does not meet a
 * {@link ConflictError}, with jittered exponential backoff in between. When the attempts run out it throws a plain
 * `AppError('STORAGE_CONFLICT')` (not a ConflictError, so that callers do not retry it again) naming the row.
 * Every other error passes straight through.
 */
export async function retryOnConflict<R>(what: string, policy: RetryPolicy, attempt: () => Promise<R>): Promise<R> {
  const sleep = policy.sleep ?? ((ms: number) => sleepMs(ms).then(() => undefined));
  const random = policy.random ?? Math.random;
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  let last: ConflictError | undefined;
  for (let n = 1; n <= maxAttempts; n++) {
    if (n > 1) {
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 2));
      await sleep(Math.floor(random() * cap));
    }
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      last = err;
    }
  }
  throw new AppError('STORAGE_CONFLICT', `${what}: still conflicting after ${maxAttempts} attempts; try again later.`, {
    cause: last,
  });
}

/** Carries an error thrown by `change` past {@link retryOnConflict}: only the write's own conflict is retried. */
class ChangeFailed extends Error {
  constructor(readonly error: unknown) {
    super('change failed');
  }
}

/** The outcome of {@link readModifyWrite}: the value now stored, its etag, and whether this call wrote it. */
export interface Written<D> extends Versioned<D> {
  readonly changed: boolean;
}

/**
 * ETag read-modify-write of one existing row, retried through {@link retryOnConflict}: reads the row, applies
 * `change`, writes with the etag it read; when someone else wrote in between it reads again. `change` returning
 * `undefined` means "nothing to do" (no write). A missing row is NOT_FOUND. `change` may run more than once, so
 * keep it pure; whatever it throws (a ConflictError included) ends the call unchanged, without a retry.
 */
export async function readModifyWrite<R extends Row, D>(args: {
  store: TableStore<R>;
  partitionKey: string;
  rowKey: string;
  parse: (row: StoredRow<R>) => D;
  change: (current: D) => D | undefined;
  toEntity: (value: D) => TableEntity<R>;
  retry?: RetryPolicy;
}): Promise<Written<D>> {
  const { store, partitionKey, rowKey, parse, change, toEntity, retry = EDIT_RETRY } = args;
  try {
    return await retryOnConflict(`update ${store.tableName} ${partitionKey}/${rowKey}`, retry, async () => {
      const row = await store.get(partitionKey, rowKey);
      if (!row) throw new AppError('NOT_FOUND', `${store.tableName}: row ${rowKey} does not exist.`);
      const current = parse(row);
      let next: D | undefined;
      try {
        next = change(current);
      } catch (err) {
        throw new ChangeFailed(err);
      }
      if (next === undefined) return { value: current, etag: row.etag, changed: false };
      const etag = await store.update(toEntity(next), row.etag);
      return { value: next, etag, changed: true };
    });
  } catch (err) {
    throw err instanceof ChangeFailed ? err.error : err;
  }
}

/**
 * {@link readModifyWrite} of each row of `rowKeys` in one partition, for an erasure's unlinking of a person (an
 * action's owner, a team card's switcher, a team's manager): a row deleted meanwhile is skipped (nothing left to
 * change), `change` returning `undefined` writes nothing. Returns how many rows this call changed.
 */
export async function changeEachExisting<R extends Row, D>(args: {
  store: TableStore<R>;
  partitionKey: string;
  rowKeys: readonly string[];
  parse: (row: StoredRow<R>) => D;
  change: (current: D) => D | undefined;
  toEntity: (value: D) => TableEntity<R>;
}): Promise<number> {
  const { rowKeys, ...rest } = args;
  let changed = 0;
  for (const rowKey of rowKeys) {
    try {
      if ((await readModifyWrite({ ...rest, rowKey })).changed) changed++;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
    }
  }
  return changed;
}
