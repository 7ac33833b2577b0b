import { decodeKeyPart, encodeKeyPart } from '../keys';
import type { Row, StoredRow, TableStore } from '../tableStore';

/** Encoded keys that compare alike by UTF-16 code unit and by byte, so the server's range holds what we sorted. */
const PLAIN_KEY = /^[\x20-\x7e]+$/;

/**
 * One row kind (`rowKey`) of each of `userIds`, in a table partitioned by user, keyed by user id (absent: no row).
 * One range query over the users' partitions (`queryAcross`, pages of 1,000) instead of a point read each: the rows
 * of users between them are read too and dropped, so callers pass ids that lie close together (a sorted run of a
 * job's recipients). A key with a character outside printable ASCII gets a point read of its own, so no row is
 * missed because two systems order such characters differently.
 */
export async function rowsOfUsers<T extends Row>(store: TableStore<T>, userIds: readonly string[], rowKey: string): Promise<Map<string, StoredRow<T>>> {
  const wanted = new Set(userIds.map(encodeKeyPart));
  const ranged = [...wanted].filter((k) => PLAIN_KEY.test(k)).sort();
  const rows = new Map<string, StoredRow<T>>();
  const first = ranged[0];
  const last = ranged.at(-1);
  if (first !== undefined && last !== undefined) {
    for await (const row of store.queryAcross({ first, last }, rowKey)) {
      if (wanted.has(row.partitionKey)) rows.set(decodeKeyPart(row.partitionKey), row);
    }
  }
  const apart = [...wanted].filter((k) => !PLAIN_KEY.test(k));
  const single = await Promise.all(apart.map((k) => store.get(k, rowKey)));
  single.forEach((row, i) => {
    const k = apart[i];
    if (row !== undefined && k !== undefined) rows.set(decodeKeyPart(k), row);
  });
  return rows;
}
