import { SingleBar } from 'cli-progress';
import { createAdapter } from '../botAdapter';
import { loadConfig } from '../config';
import { buildDailyCard } from '../features/checkin/cards';
import { buildEndCard } from '../features/lasting/cards';
import { buildPulseCard } from '../features/followUp/cards';
import { createJobs } from '../jobs';
import { formatJobSummary, parseJobArgs } from '../jobs/cli';
import { clockOf } from '../platform/clock';
import { processEnv } from '../platform/env';
import { createLogger } from '../platform/logger';
import { openStorage } from '../storage/openStorage';
import { createRepositories } from '../storage/repositories';
import { argsOrExit, runMain } from './run';

/**
 * `npm run job -- nudges|digests|yousaid|retention|repair [--at <ISO instant>] [--dry-run]`: runs one job now, with the
 * configured storage (embedded Azurite when none, as `npm run serve`), a progress bar on stderr and a summary
 * table at the end. A bad command line exits 2 before anything is opened.
 */
const args = argsOrExit(() => parseJobArgs(process.argv.slice(2)));

runMain(async () => {
  const config = loadConfig(processEnv());
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const storage = await openStorage(config, logger);
  try {
    const repos = createRepositories(storage.clients);
    const now = clockOf(config);
    const jobs = createJobs({ config, logger, repos, adapter: createAdapter(config, logger), now, nudgeCard: buildDailyCard, endCard: buildEndCard, pulseCard: buildPulseCard });
    const bar = new SingleBar({ stream: process.stderr, format: `${args.job} [{bar}] {value}/{total} recipients`, hideCursor: true });
    let barStarted = false;
    const summary = await jobs.run(args.job, {
      at: args.at ?? now(),
      dryRun: args.dryRun,
      onProgress: ({ done, total }) => {
        if (!barStarted) {
          bar.start(total ?? done, 0);
          barStarted = true;
        }
        if (total !== undefined && total >= done) bar.setTotal(total);
        else bar.setTotal(done);
        bar.update(done);
      },
    });
    if (barStarted) bar.stop();
    process.stdout.write(`Storage: ${storage.description}\n` + formatJobSummary(summary));
  } finally {
    await storage.close();
  }
});
