import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { TableClients, type TableName } from '@soestainable/bot/storage/tables';
import { TableStore, type Row } from '@soestainable/bot/storage/tableStore';

/** The Azurite started by the global setup. */
export function testConnectionString(): string {
  const cs = process.env['TEST_STORAGE_CONNECTION_STRING'];
  if (!cs) throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run the tests through jest (its global setup starts Azurite).');
  return cs;
}

/**
 * Fresh tables under a unique prefix for one suite, on the shared Azurite. Call `drop()` in `afterAll`.
 */
export async function createTestTables(): Promise<TableClients & { drop(): Promise<void> }> {
  const prefix = 't' + randomBytes(5).toString('hex');
  const clients = new TableClients({ kind: 'connectionString', connectionString: testConnectionString() }, prefix);
  await clients.ensureTables();
  return Object.assign(clients, { drop: () => clients.dropTables() });
}

/** A suite's own tables, usable in its tests and in `beforeAll` hooks declared after {@link useTestTables}. */
export interface SuiteTables {
  /** The raw SDK client: for planting rows a repository would never write. */
  client(name: TableName): TableClient;
  /** A `TableStore` on the table, to hand to a repository (its row type comes from the repository). */
  store<T extends Row>(name: TableName): TableStore<T>;
}

/**
 * Call at the top of a `describe`: creates the suite's tables before its tests (a `beforeAll`) and drops them
 * after (an `afterAll`).
 */
export function useTestTables(): SuiteTables {
  let tables: Awaited<ReturnType<typeof createTestTables>> | undefined;
  beforeAll(async () => {
    tables = await createTestTables();
  });
  afterAll(async () => {
    await tables?.drop();
  });
  const ready = () => {
    if (!tables) throw new Error('The suite tables exist only after its beforeAll: use them inside tests and hooks.');
    return tables;
  };
  return {
    client: (name) => ready().client(name),
    store: <T extends Row>(name: TableName) => new TableStore<T>(ready().client(name)),
  };
}

/** Every row of a table as stored, reference rows and all. */
export async function rawRows(client: TableClient): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of client.listEntities()) rows.push(row);
  return rows;
}

/** Matches an error by its code: `await expect(p).rejects.toEqual(expectCode('NOT_FOUND'))`. */
export function expectCode(code: string) {
  return expect.objectContaining({ code }) as unknown;
}
