/** The card verbs of the my-data feature. */
export const MY_DATA_VERBS = {
  /** The "delete my data" button on the summary card: shows the confirmation card. */
  deleteAsk: 'myData.delete.ask',
  deleteConfirm: 'myData.delete.confirm',
  deleteCancel: 'myData.delete.cancel',
} as const;

/** The download route (restify path syntax); the token is the last segment. */
export const EXPORT_ROUTE = '/api/me/export/:token';
export const EXPORT_PATH_PREFIX = '/api/me/export/';
