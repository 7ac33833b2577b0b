/** Card verbs of the settings feature (pause, resume, nudge time, language, team). */
export const SETTINGS_VERBS = {
  pause: 'settings.pause',
  resume: 'settings.resume',
  /** Data: `nudgeTime` (`HH:mm`, from the time card's input). */
  time: 'settings.time',
  /** Data: `language` (`nl` | `en`). */
  language: 'settings.language',
  /** Data: `teamId` (one of the organisation's teams). */
  team: 'settings.team',
} as const;
