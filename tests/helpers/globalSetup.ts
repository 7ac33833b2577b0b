// Jest loads its global setup with Node's own module resolution, not with moduleNameMapper, and Node resolves
// `@soestainable/bot/…` to the build (bot/dist), which `jest` alone on a fresh clone does not have yet. So this
// one file reaches the source by its path; every test and bench imports the bot by name.
// eslint-disable-next-line no-restricted-imports -- see above: Node resolution, before any build
import { startAzurite, type AzuriteHandle } from '../../bot/src/storage/azurite';

/**
 * Starts one real Azurite (table service, in memory) on a free port for the whole run. Workers are spawned after
 * this, so they inherit the connection string; each suite makes its own tables under a unique prefix.
 */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  (globalThis as { __AZURITE__?: AzuriteHandle }).__AZURITE__ = azurite;
  process.env['TEST_STORAGE_CONNECTION_STRING'] = azurite.connectionString;
  process.env['TEST_AZURITE_PID'] = String(azurite.pid);
}
