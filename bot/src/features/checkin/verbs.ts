/** The card verbs of the daily challenge card and its check-in (Action.Execute `verb`, Action.Submit `data.verb`). */
export const CHECKIN_VERBS = {
  /** Shows today's challenge card (from a nudge, the welcome or the help card). */
  open: 'checkin.open',
  /** The check-in on the daily card: stores it and replaces the card by its summary. */
  submit: 'checkin.submit',
  /** "Wijzig" on the summary: the card again, pre-filled, for today or yesterday. */
  change: 'checkin.change',
} as const;

export type CheckInVerb = (typeof CHECKIN_VERBS)[keyof typeof CHECKIN_VERBS];
