import { createHash } from 'node:crypto';
import type { TableEntity, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { ConflictError } from '../../errors';
import { referenceFromId } from '@soestainable/shared/domain/programme';
import { encodeKeyPart, newSortableId } from '../keys';
import { parseRow } from '../rowJson';
import type { Row, TableStore } from '../tableStore';
import { retryOnConflict, type RetryPolicy } from './optimistic';

/**
 * Reference rows: the short code a reporter gets (`P-7K3F`, `I-2QX9`) → the id of their barrier or idea. They
 * live in the same partition as the reports they point to, under RowKey `~ref|<code>`. `~` sorts after every
 * generated id (base-36 digits and hex), so the reports themselves are the range `RowKey lt '~'` and a
 * reporter's code is a point read.
 */
export const REFERENCE_ROW_PREFIX = '~ref|';
/** Upper bound (exclusive) of the report rows of a partition: `RowKey lt REPORTS_END` leaves the reference rows out. */
export const REPORTS_END = '~';

/** A reference row: reference code → report id. */
export type ReferenceRow = { refersTo: string };

const referenceRowSchema = z.object({ refersTo: z.string().min(1) });

/** A taken reference draws a new id and so a new reference: no wait needed, and 8 draws in a row never all meet. */
const NEW_REFERENCE_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 0, maxDelayMs: 0 };

/** Reads a reference row and returns the id it points to; `undefined` when the reference is unknown. */
export async function resolveReference<R extends Row>(
  store: TableStore<R | ReferenceRow>,
  partitionKey: string,
  reference: string,
): Promise<string | undefined> {
  const row = await store.get(partitionKey, REFERENCE_ROW_PREFIX + encodeKeyPart(reference));
  return row && parseRow(referenceRowSchema, row, `${store.tableName} reference row ${row.rowKey}`).refersTo;
}

/**
 * Inserts a report and its reference row in one transaction (same partition), drawing a new id while the
 * reference is taken: the reference is then unique within the organisation, not only "unique enough".
 */
export async function insertWithReference<R extends Row, T>(
  store: TableStore<R | ReferenceRow>,
  partitionKey: string,
  prefix: 'P' | 'I',
  now: () => Date,
  build: (id: string, reference: string) => { value: T; entity: TableEntity<R> },
): Promise<T> {
  return retryOnConflict(`insert into ${store.tableName} ${partitionKey}`, NEW_REFERENCE_RETRY, async () => {
    const id = newSortableId(now());
    const reference = referenceFromId(prefix, id);
    const { value, entity } = build(id, reference);
    const index: TableEntity<ReferenceRow> = { partitionKey, rowKey: REFERENCE_ROW_PREFIX + encodeKeyPart(reference), refersTo: id };
    await store.batch([
      ['create', entity],
      ['create', index],
    ] satisfies TransactionAction[]);
    return value;
  });
}

/**
 * The ids a report given the id `id` may end up under: `id` itself, then (when its reference is taken by another
 * report) ids derived from it, same time part, hashed random part. Deterministic, so a retry walks the same list.
 */
export function candidateIds(id: string, count = NEW_REFERENCE_RETRY.maxAttempts): string[] {
  const ids = [id];
  for (let n = 1; n < count; n++) ids.push(id.slice(0, 10) + createHash('sha256').update(`${id}|${n}`).digest('hex').slice(0, 8));
  return ids;
}

/**
 * Insert-if-absent of a report under an id chosen beforehand (a check-in's pending part), with its reference row,
 * in one transaction. When a row with that id exists already, an earlier try stored it: `created` false and the
 * stored row's id. When only the reference is taken (by another report), the next of {@link candidateIds} is
 * tried. Returns the id the report is stored under.
 */
export async function insertWithGivenId<R extends Row>(
  store: TableStore<R | ReferenceRow>,
  partitionKey: string,
  prefix: 'P' | 'I',
  id: string,
  build: (id: string, reference: string) => TableEntity<R>,
): Promise<{ id: string; created: boolean }> {
  let last: unknown;
  for (const candidate of candidateIds(id)) {
    const reference = referenceFromId(prefix, candidate);
    const index: TableEntity<ReferenceRow> = { partitionKey, rowKey: REFERENCE_ROW_PREFIX + encodeKeyPart(reference), refersTo: candidate };
    try {
      await store.batch([
        ['create', build(candidate, reference)],
        ['create', index],
      ] satisfies TransactionAction[]);
      return { id: candidate, created: true };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      last = err;
    }
    if (await store.get(partitionKey, encodeKeyPart(candidate))) return { id: candidate, created: false };
  }
  throw new ConflictError('exists', `insert into ${store.tableName} ${partitionKey}: every candidate reference is taken.`, { cause: last });
}
