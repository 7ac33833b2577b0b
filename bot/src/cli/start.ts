import { composeApp, listen } from '../app';
import { loadConfig } from '../config';
import { clockOf } from '../platform/clock';
import { processEnv } from '../platform/env';
import { createLogger } from '../platform/logger';
import { seedDemoIfEmpty } from '../seed/demo';
import { startPlayground, type PlaygroundHandle } from './playground';
import { onShutdown, runMain } from './run';

/**
 * `npm start`: the whole app locally — embedded Azurite (unless storage is configured), the demo organisation on
 * an empty store, the server, and the Agents Playground to chat with the bot. Ctrl-C stops every child.
 */
runMain(async () => {
  // The local stack: the tab's dev sign-in is on (DEV_SIGNIN=0 switches it off); `npm run serve` has none.
  const config = loadConfig(processEnv(), { localStack: true });
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const app = await composeApp(config, logger, { scheduler: true });
  let playground: PlaygroundHandle | undefined;
  onShutdown(async () => {
    await playground?.stop();
    await app.close();
  });
  try {
    const seeded = config.seedDemo ? await seedDemoIfEmpty(app.repositories, config, clockOf(config)()) : undefined;
    const port = await listen(app.server, config.port, config.host);
    const base = `http://localhost:${port}`;
    if (config.playground.enabled) {
      playground = await startPlayground(`http://127.0.0.1:${port}/api/messages`, config.playground.port);
    }
    const lines = [
      '',
      '  Soestainable is running',
      '',
      playground ? `  Chat with the bot:  ${playground.url}   (Microsoft 365 Agents Playground)` : '  Chat with the bot:  Agents Playground off (PLAYGROUND=0)',
      `  Bot endpoint:       ${base}/api/messages`,
      `  Tab:                ${base}/tab/`,
      `  Health:             ${base}/healthz`,
      `  Storage:            ${app.storage.description}`,
      ...(seeded ? [`  Demo data:          ${seeded}`] : []),
      '',
      '  Press Ctrl-C to stop.',
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } catch (err) {
    await playground?.stop();
    await app.close();
    throw err;
  }
});
