import { DeferredWork } from '../platform/deferredWork';
import { TeamsBot } from '../teamsBot';
import { createCheckInFeature } from './checkin/checkin';
import type { FeatureDeps } from './core/feature';
import type { RouteRegistrar } from '../server/createServer';
import { createEnrolFeature } from './enrol/enrol';
import { createFollowUpFeature } from './followUp/followUp';
import { createHelpFeature } from './help/help';
import { createLastingFeature } from './lasting/lasting';
import { createMyDataFeature } from './myData/myData';
import { createProgressFeature } from './progress/progress';
import { createRecogniseFeature } from './recognise/recognise';
import { createReportsFeature } from './reports/reports';
import { createSettingsFeature } from './settings/settings';
import { createWelcome } from './welcome/welcome';
import { createOwnersFeature } from './owners/owners';
import { createTeamCardFeature } from './teamCard/teamCard';

/**
 * Builds every feature and the dispatcher that routes to them. Adding a feature: a folder under features/,
 * a factory here; the dispatcher never changes. `deferred` is the work the features left running after their
 * answers (the one given in `deps`, or one made here): drain it before stopping, or before reading what it writes.
 */
export function createBot(given: FeatureDeps): { bot: TeamsBot; routes: RouteRegistrar[]; deferred: DeferredWork } {
  const deferred = given.deferred ?? new DeferredWork(given.logger);
  const deps: FeatureDeps = { ...given, deferred };
  const welcome = createWelcome(deps);
  const myData = createMyDataFeature(deps);
  const bot = new TeamsBot({
    features: [
      welcome.feature,
      createHelpFeature(deps),
      createEnrolFeature(deps),
      createSettingsFeature(deps),
      createCheckInFeature(deps),
      createProgressFeature(deps),
      createReportsFeature(deps),
      createLastingFeature(deps),
      createFollowUpFeature(deps),
      myData.feature,
      createOwnersFeature(deps),
      createTeamCardFeature(deps),
      createRecogniseFeature(deps),
    ],
    onInstall: (turn) => welcome.onInstall(turn),
    onUninstall: (turn) => welcome.onUninstall(turn),
    repos: deps.repos,
    logger: deps.logger,
    now: deps.now,
    ...(deps.sender ? { afterAnswer: { deferred, sender: deps.sender } } : {}),
  });
  return { bot, routes: myData.routes, deferred };
}
