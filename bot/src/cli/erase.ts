import { loadConfig } from '../config';
import { processEnv } from '../platform/env';
import { createLogger } from '../platform/logger';
import { eraseForOperator, formatErasure, parseEraseArgs } from '../services/personalData/operatorErasure';
import { openStorage } from '../storage/openStorage';
import { createRepositories } from '../storage/repositories';
import { argsOrExit, runMain } from './run';

/** `npm run erase -- <user id> --dry-run | --confirm` (services/personalData/operatorErasure.ts). A bad command line exits 2. */
const args = argsOrExit(() => parseEraseArgs(process.argv.slice(2)));

runMain(async () => {
  const config = loadConfig(processEnv());
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const storage = await openStorage(config, logger);
  try {
    const counts = await eraseForOperator(createRepositories(storage.clients), config.org.id, args);
    // As the bot's and the tab's erasure log it: the counts, no id and no text.
    if (!args.dryRun) logger.info('personal data erased', { via: 'cli', ...counts });
    process.stdout.write(`Storage: ${storage.description}\n` + formatErasure(args.userId, counts, args.dryRun));
  } finally {
    await storage.close();
  }
});
