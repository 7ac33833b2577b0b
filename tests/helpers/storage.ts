import { randomBytes } from 'node:crypto';
import { TableClients } from '../../bot/src/storage/tables';

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
