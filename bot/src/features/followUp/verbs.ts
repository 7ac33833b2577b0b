/** Card verbs of the follow-up pulses (terugblik). */
export const FOLLOW_UP_VERBS = {
  /** The pulse card's inputs: per pledge "Doe je dit nog?" (ja/soms/nee) and "Wat houdt je tegen?", and contact. */
  submit: 'followup.submit',
} as const;
