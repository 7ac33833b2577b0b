/** Card verbs of the lasting-behaviour feature: the end survey (eindmeting) and the pledges (voornemens). */
export const LASTING_VERBS = {
  /** Opens the end survey card (as the `eindmeting` command does). */
  openEnd: 'lasting.end.open',
  /** The end survey card's inputs: the baseline questions again, 1–3 pledges and "what would help". */
  submitEnd: 'lasting.end.submit',
  /** Opens the pledges card (as the `voornemens` command does). */
  openPledges: 'lasting.pledges.open',
  /** The pledges card's inputs: 1–3 pledges and "what would help". */
  submitPledges: 'lasting.pledges.submit',
} as const;
