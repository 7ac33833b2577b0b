import { composeApp, listen } from './app';
import { onShutdown, runMain } from './cli/run';
import { loadConfig } from './config';
import { processEnv } from './platform/env';
import { createLogger } from './platform/logger';

/**
 * `npm run serve`: the server alone, as Azure App Service runs it. Configuration from the environment; storage
 * from STORAGE_CONNECTION_STRING / STORAGE_ACCOUNT_URL, or embedded Azurite outside production.
 */
runMain(async () => {
  const config = loadConfig(processEnv());
  const logger = createLogger(config.logLevel);
  const app = await composeApp(config, logger, { scheduler: true });
  onShutdown(() => app.close());
  const port = await listen(app.server, config.port, config.host);
  logger.info('server listening', { port, storage: app.storage.description, env: config.env });
});
