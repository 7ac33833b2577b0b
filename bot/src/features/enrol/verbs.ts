/**
 * Card verbs of the enrolment feature. `start` opens the enrolment card: every feature's "join first" button
 * uses it (import it from here, never spell the string).
 */
export const ENROL_VERBS = {
  /** Opens the enrolment card (pre-filled when the user already joined). */
  start: 'enrol.start',
  /** The enrolment card's inputs: team, time, language and the baseline. */
  submit: 'enrol.submit',
  /** Asks "do you really want to stop?" on a card. */
  leave: 'enrol.leave',
  /** Stops taking part (status `left`; the data stays until the user deletes it). */
  leaveConfirm: 'enrol.leaveConfirm',
  /** "No, I'll stay" on the leave card. */
  stay: 'enrol.stay',
} as const;

/**
 * The check-in feature's verb that opens today's challenge card. It belongs to features/checkin; the enrolment
 * confirmation, the welcome-back and the help card offer it as their "check in" button.
 */
export const CHECKIN_OPEN_VERB = 'checkin.open';
