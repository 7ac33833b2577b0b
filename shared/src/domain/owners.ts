/**
 * Action owners who are participants (issue 16, item 2) and the team's own channel card (item 3): pure rules, no SDK.
 */

/** Longest short update an owner may give with a status (characters as people count them). */
export const OWNER_UPDATE_MAX = 500;
/** An owner whose action has had no update for this many days gets one reminder (and one per further stretch). */
export const OWNER_REMINDER_DAYS = 14;
const DAY_MS = 86_400_000;

/** The claim period of the card that tells an owner they own an action: once per action and owner. */
export function ownerAnnouncePeriod(actionId: string, ownerUserId: string): string {
  return `announce|${actionId}|${ownerUserId}`;
}

/**
 * The reminder due at `now` for an action last updated at `lastUpdate` (ISO instants), or `undefined` when the action
 * was updated within {@link OWNER_REMINDER_DAYS} days. The period names the last update and which 14-day stretch
 * without one it is (1, 2, …): its claim makes the reminder exactly once per 14 days without an update, and an update
 * starts the count again.
 */
export function ownerReminderPeriod(actionId: string, lastUpdate: string, now: Date): string | undefined {
  const quiet = now.getTime() - Date.parse(lastUpdate);
  if (!Number.isFinite(quiet)) return undefined;
  const stretch = Math.floor(quiet / (OWNER_REMINDER_DAYS * DAY_MS));
  return stretch < 1 ? undefined : `remind|${actionId}|${lastUpdate}|${stretch}`;
}

/**
 * The `changedBy` of a team card whose switcher's data was erased: who switched it is no longer known. Not an Entra
 * or Teams id (those are GUIDs or `29:…`), so it never matches a person; nothing reads it as anyone's id.
 */
export const CHANGED_BY_UNKNOWN = 'unknown';

/**
 * A team channel that carries the weekly team card: one per Teams team (`teamsTeamId`, from `channelData.team.id`),
 * for one organisation team.
 */
export interface TeamCardChannel {
  readonly orgId: string;
  /** The Teams team the channel belongs to. */
  readonly teamsTeamId: string;
  /** The organisation team whose figures the card shows. */
  readonly orgTeamId: string;
  /** Switched on (`teamkaart aan`) or off (`teamkaart uit`). */
  readonly enabled: boolean;
  /** Who switched it last (a manager or coordinator of the team), or {@link CHANGED_BY_UNKNOWN} once they were erased. */
  readonly changedBy: string;
  readonly changedAt: string;
  /** Set when Teams answered 403/404 (the app was removed): no card is sent until someone switches it on again. */
  readonly inactiveSince?: string;
}

/** The words after `teamkaart` / `team card`: on or off, and optionally the team's name. */
export function parseTeamCardArgs(args: string): { readonly on: boolean; readonly team: string } | undefined {
  const m = /^\s*(aan|uit|on|off)\b\s*(.*)$/i.exec(args);
  if (!m) return undefined;
  const word = (m[1] ?? '').toLowerCase();
  return { on: word === 'aan' || word === 'on', team: (m[2] ?? '').trim() };
}
