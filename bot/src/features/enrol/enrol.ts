import type { Feature, FeatureDeps } from '../core/feature';
import { confirmLeave, leaveCommand, leaveQuestion, stay } from './handlers/leave';
import { enrolCardFor, joinCommand } from './handlers/open';
import { submitEnrolment } from './handlers/submit';
import { ENROL_VERBS } from './verbs';

/**
 * Enrolment: the `join` command and the "Doe mee" button open the enrolment card (team, nudge time, language and
 * the baseline); its submit validates everything before anything is stored, then saves the participant, the
 * baseline survey and the conversation reference, and replaces the card with what was recorded. `leave` stops
 * taking part after a confirmation on the card; the data stays until the user deletes it.
 *
 * The handlers live in handlers/ (open, submit, leave), the cards in cards.ts; this factory only wires them.
 */
export function createEnrolFeature(deps: FeatureDeps): Feature {
  return {
    commands: {
      join: (turn) => joinCommand(deps, turn),
      leave: (turn) => leaveCommand(turn),
    },
    actions: {
      // Opening a card stores nothing: whatever else the button sent is ignored.
      [ENROL_VERBS.start]: async (turn) => ({ card: await enrolCardFor(deps, turn) }),
      [ENROL_VERBS.submit]: (turn, data) => submitEnrolment(deps, turn, data),
      [ENROL_VERBS.leave]: async (turn) => ({ card: leaveQuestion(turn) }),
      [ENROL_VERBS.leaveConfirm]: (turn, data) => confirmLeave(deps, turn, data),
      [ENROL_VERBS.stay]: (turn, data) => stay(turn, data),
    },
  };
}
