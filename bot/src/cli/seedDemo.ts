import { loadConfig } from '../config';
import { AppError } from '../errors';
import { clockOf } from '../platform/clock';
import { processEnv } from '../platform/env';
import { createLogger } from '../platform/logger';
import { openStorage } from '../storage/openStorage';
import { createRepositories } from '../storage/repositories';
import { describeSummary, seedDemo } from '../seed/demo';
import { runMain } from './run';

/**
 * `npm run seed:demo`: writes the demo organisation into whatever storage is configured
 * (STORAGE_CONNECTION_STRING included). Refuses production, and does nothing when demo data is already there.
 */
runMain(async () => {
  const config = loadConfig(processEnv());
  if (config.isProduction) {
    throw new AppError('FORBIDDEN_IN_PRODUCTION', 'Demo data is never written in production (NODE_ENV=production).');
  }
  const storage = await openStorage(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    const repos = createRepositories(storage.clients);
    const teams = await repos.orgTeams.list(config.org.id);
    if (teams.some((t) => t.demo)) {
      process.stdout.write(`Demo data is already in ${storage.description}: nothing written.\n`);
      return;
    }
    const started = Date.now();
    const summary = await seedDemo(repos, config, clockOf(config)());
    process.stdout.write(`Seeded the demo organisation into ${storage.description} in ${((Date.now() - started) / 1000).toFixed(1)} s:\n  ${describeSummary(summary)}\n`);
  } finally {
    await storage.close();
  }
});
