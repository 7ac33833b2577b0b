import type { Feature, FeatureDeps } from '../core/feature';
import { languageAction, languageCommand } from './handlers/language';
import { pauseAction, pauseCommand, resumeAction, resumeCommand } from './handlers/pause';
import { teamAction, teamCommand } from './handlers/team';
import { timeAction, timeCommand } from './handlers/time';
import { SETTINGS_VERBS } from './verbs';

/**
 * Settings: pause and resume, nudge time, language and team. Typed with what is needed (`pauze`, `tijd 08:30`,
 * `taal en`) they act at once and confirm on a card; without an argument they show a small card to pick on,
 * whose one click saves and replaces it with the confirmation. Every change is an ETag update of the profile.
 *
 * One handler file per setting (handlers/), the cards in cards.ts, what people type in input.ts; this factory
 * only wires them.
 */
export function createSettingsFeature(deps: FeatureDeps): Feature {
  return {
    commands: {
      pause: (turn) => pauseCommand(deps, turn),
      resume: (turn) => resumeCommand(deps, turn),
      time: (turn, args) => timeCommand(deps, turn, args),
      language: (turn, args) => languageCommand(deps, turn, args),
      team: (turn, args) => teamCommand(deps, turn, args),
    },
    actions: {
      [SETTINGS_VERBS.pause]: (turn, data) => pauseAction(deps, turn, data),
      [SETTINGS_VERBS.resume]: (turn, data) => resumeAction(deps, turn, data),
      [SETTINGS_VERBS.time]: (turn, data) => timeAction(deps, turn, data),
      [SETTINGS_VERBS.language]: (turn, data) => languageAction(deps, turn, data),
      [SETTINGS_VERBS.team]: (turn, data) => teamAction(deps, turn, data),
    },
  };
}
