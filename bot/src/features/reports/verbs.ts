/** The card verbs of the reports feature (barriers and ideas). */
export const REPORTS_VERBS = {
  barrierSubmit: 'reports.barrier.submit',
  ideaSubmit: 'reports.idea.submit',
} as const;
