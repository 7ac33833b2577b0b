import type { ActionStatus, BarrierStatus, Dimension, IsoDate, Localized, Theme } from './types';
import { ACTION_STATUSES } from './types';

/**
 * The action programme: barriers (prikkels) and ideas reported by employees, the actions they become or join,
 * and each action's timeline. Pure types and rules: no SDK, no Node, no DOM.
 */

/** Longest barrier or idea text we accept (characters). */
export const REPORT_TEXT_MAX = 500;
/** Longest reason given when a coordinator dismisses a barrier. */
export const DISMISS_REASON_MAX = 500;

/**
 * A barrier (prikkel) an employee reported. Anonymous by default: `contactUserId` exists only when the reporter
 * opted in to follow-up (BRIEF.md privacy rule 6), and is removed again when they ask for deletion.
 */
export interface Barrier {
  readonly orgId: string;
  readonly barrierId: string;
  readonly campaignId: string;
  readonly teamId: string;
  readonly theme: Theme;
  /** At most {@link REPORT_TEXT_MAX} characters. */
  readonly text: string;
  readonly createdAt: string;
  readonly status: BarrierStatus;
  /** Set when the barrier is linked to an action (status `gekoppeld`, later `opgelost`). */
  readonly actionId?: string;
  /** Set when the barrier was merged into another one (status `samengevoegd`). */
  readonly duplicateOf?: string;
  /** Set when the coordinator dismissed it (status `afgewezen`). */
  readonly dismissReason?: string;
  /** Short code the reporter gets (`P-7K3F`), derived from the id, unique within the organisation. */
  readonly reference: string;
  /** Only when the reporter opted in to follow-up. */
  readonly contactUserId?: string;
  readonly demo: boolean;
}

export const IDEA_STATUSES = ['nieuw', 'bekeken', 'overgenomen'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** An idea an employee sent in. Same privacy rule as a barrier. */
export interface Idea {
  readonly orgId: string;
  readonly ideaId: string;
  readonly campaignId: string;
  readonly teamId: string;
  readonly theme: Theme;
  /** At most {@link REPORT_TEXT_MAX} characters. */
  readonly text: string;
  readonly createdAt: string;
  readonly status: IdeaStatus;
  /** Short code the sender gets (`I-2QX9`), derived from the id, unique within the organisation. */
  readonly reference: string;
  /** Only when the sender opted in to follow-up. */
  readonly contactUserId?: string;
  readonly demo: boolean;
}

export const ACTION_TITLE_MAX = 200;
export const ACTION_DESCRIPTION_MAX = 4000;
export const ACTION_OWNER_MAX = 200;
/** How many barriers one action can carry (the list is stored as one JSON property). */
export const ACTION_BARRIERS_MAX = 500;
export const ACTION_NOTE_MAX = 2000;

/** An action in the action programme: theme × dimension places it on the kansenkaart. Every action has an owner. */
export interface Action {
  readonly orgId: string;
  readonly actionId: string;
  readonly title: Localized;
  readonly description: Localized;
  readonly theme: Theme;
  readonly dimension: Dimension;
  readonly status: ActionStatus;
  /** A name or role ("eigenaarschap"): who removes the barrier. */
  readonly owner: string;
  /** The owner's user id, when the owner is a person in the app. */
  readonly ownerUserId?: string;
  readonly dueDate?: IsoDate;
  readonly barrierIds: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly demo: boolean;
}

export const ACTION_UPDATE_KINDS = ['status', 'note', 'link'] as const;
export type ActionUpdateKind = (typeof ACTION_UPDATE_KINDS)[number];

/** The text of the note written when an action is created: a code the tab translates, not a sentence. */
export const ACTION_CREATED_NOTE = 'created';

/** One entry in an action's timeline. */
export interface ActionUpdate {
  readonly actionId: string;
  readonly updateId: string;
  readonly at: string;
  /** User id of whoever made the change. */
  readonly author: string;
  readonly kind: ActionUpdateKind;
  readonly fromStatus?: ActionStatus;
  readonly toStatus?: ActionStatus;
  /** A note (localised, or one text), a code such as {@link ACTION_CREATED_NOTE}, or linked barrier ids. */
  readonly text?: Localized | string;
}

/** The forward path of an action; `geparkeerd` (parked) stands beside it. */
const FORWARD: readonly ActionStatus[] = ['idee', 'gepland', 'in_uitvoering', 'gerealiseerd'];

/**
 * Whether an action may move from `from` to `to`: forward along idee → gepland → in_uitvoering → gerealiseerd
 * (skipping steps is fine), back one step only, anything → geparkeerd, and geparkeerd → anything else.
 * Staying in the same status is not a transition.
 */
export function canTransition(from: ActionStatus, to: ActionStatus): boolean {
  if (from === to) return false;
  if (to === 'geparkeerd' || from === 'geparkeerd') return true;
  const a = FORWARD.indexOf(from);
  const b = FORWARD.indexOf(to);
  return b > a || b === a - 1;
}

/** Every status an action in `from` may move to, in programme order (for the tab's picker). */
export function nextStatuses(from: ActionStatus): ActionStatus[] {
  return ACTION_STATUSES.filter((to) => canTransition(from, to));
}

/**
 * What is wrong with a barrier's status fields, if anything: a linked barrier names its action, a merged one
 * the barrier it duplicates (not itself), a dismissed one the reason. Empty when consistent.
 */
export function barrierProblems(
  b: Pick<Barrier, 'barrierId' | 'status' | 'actionId' | 'duplicateOf' | 'dismissReason'>,
): string[] {
  const problems: string[] = [];
  if (b.status === 'gekoppeld' && b.actionId === undefined) problems.push('a linked barrier needs actionId');
  if (b.status === 'samengevoegd' && b.duplicateOf === undefined) problems.push('a merged barrier needs duplicateOf');
  if (b.duplicateOf !== undefined && b.duplicateOf === b.barrierId) problems.push('a barrier cannot duplicate itself');
  if (b.status === 'afgewezen' && (b.dismissReason === undefined || b.dismissReason.trim() === '')) {
    problems.push('a dismissed barrier needs dismissReason');
  }
  if (b.dismissReason !== undefined && b.dismissReason.length > DISMISS_REASON_MAX) {
    problems.push(`dismissReason is longer than ${DISMISS_REASON_MAX} characters`);
  }
  return problems;
}

/** Crockford base32: no I, L, O, U, so a code read aloud or typed is hard to get wrong. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of a reference after its prefix: 4 × 5 bits = about a million codes per prefix. */
export const REFERENCE_LENGTH = 4;

/**
 * The short reference code of a report, derived from its id's random tail (the last 8 hex digits of a sortable
 * id): `referenceFromId('P', '0mbx3k2a1f9c0d4e7b')` → `P-…`. Not unique by itself: the repository makes it
 * unique within an organisation (a collision draws a new id).
 */
export function referenceFromId(prefix: 'P' | 'I', id: string): string {
  const tail = id.slice(-8);
  if (!/^[0-9a-f]{8}$/.test(tail)) throw new RangeError(`Not a sortable id: '${id}'`);
  let n = parseInt(tail, 16);
  let code = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    code = CROCKFORD.charAt(n % 32) + code;
    n = Math.floor(n / 32);
  }
  return `${prefix}-${code}`;
}

/**
 * A reference as a person typed it, in canonical form: trimmed, upper case, `-` restored, and the letters
 * Crockford base32 leaves out read as the digits they look like (O → 0, I/L → 1). `undefined` when it cannot
 * be a reference with this prefix.
 */
export function normalizeReference(prefix: 'P' | 'I', input: string): string | undefined {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '');
  const body = compact.length === REFERENCE_LENGTH + 1 && compact.startsWith(prefix) ? compact.slice(1) : compact;
  const mapped = body.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (mapped.length !== REFERENCE_LENGTH || [...mapped].some((ch) => !CROCKFORD.includes(ch))) return undefined;
  return `${prefix}-${mapped}`;
}
