import type { RunningApp } from '@soestainable/bot/app';
import { TABLE_NAMES, type TableName } from '@soestainable/bot/storage/tables';
import { rawRows } from '../../helpers/storage';

/** Every stored row of the app's tables, by table: to prove that a refused request stored nothing. */
export async function snapshotRows(app: RunningApp): Promise<Record<TableName, string[]>> {
  const out = {} as Record<TableName, string[]>;
  for (const name of TABLE_NAMES) {
    const rows = await rawRows(app.storage.clients.client(name));
    out[name] = rows
      .map((r) => JSON.stringify({ ...r, timestamp: undefined, etag: undefined }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
      .sort();
  }
  return out;
}
