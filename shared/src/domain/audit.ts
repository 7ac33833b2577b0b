import { DateTime } from 'luxon';

/**
 * The audit trail of coordinator actions (BRIEF.md privacy rule 8). Pure types and helpers.
 */

/** A detail value: small scalars only, so that nobody stores a barrier's text or a person's data here. */
export type AuditDetailValue = string | number | boolean;
export type AuditDetails = Readonly<Record<string, AuditDetailValue>>;

/** `area.verb`, lower case: `action.create`, `barrier.link`, `barrier.dismiss`, `campaign.start`. */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
export const AUDIT_DETAILS_MAX_KEYS = 20;
export const AUDIT_DETAIL_STRING_MAX = 200;
/** `YYYY-MM`. */
export const AUDIT_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface AuditEntry {
  readonly orgId: string;
  /** ISO timestamp. */
  readonly at: string;
  /** User id of the coordinator (or `system` for jobs). */
  readonly actor: string;
  /** What was done, see {@link AUDIT_ACTION_PATTERN}. */
  readonly action: string;
  /** What it was done to: an id such as an action or barrier id. */
  readonly target: string;
  readonly details?: AuditDetails;
}

/**
 * The month (`YYYY-MM`) an audit entry belongs to, in the organisation's time zone (Europe/Amsterdam), so that
 * "the trail of December" means December as Soest lived it. Throws a RangeError for a malformed timestamp.
 */
export function auditMonthOf(at: string, zone = 'Europe/Amsterdam'): string {
  const t = DateTime.fromISO(at, { zone: 'utc' });
  if (!t.isValid) throw new RangeError(`Not an ISO timestamp: '${at}'`);
  return t.setZone(zone).toFormat('yyyy-MM');
}
