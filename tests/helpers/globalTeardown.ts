import type { AzuriteHandle } from '@soestainable/bot/storage/azurite';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __AZURITE__?: AzuriteHandle }).__AZURITE__?.stop();
}
