import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate';
import { cleanText } from '../text/clean';
import {
  ACTION_DESCRIPTION_MAX,
  ACTION_NOTE_MAX,
  ACTION_OWNER_MAX,
  ACTION_TITLE_MAX,
  type Action,
  type ActionUpdate,
} from '../domain/programme';
import {
  ACTION_STATUSES,
  DIMENSIONS,
  THEMES,
  type ActionStatus,
  type BarrierStatus,
  type Dimension,
  type Theme,
} from '../domain/types';

/**
 * The action programme API (issue 5, Build 4): the actions of the three themes, the kansenkaart (theme ×
 * dimension), each action's timeline and linked barriers, and "you said, we did".
 *
 *   GET   /api/programme                 → ProgrammeResponse            (everyone signed in)
 *   GET   /api/actions/:actionId         → ActionDetailResponse, header ETag (everyone signed in)
 *   POST  /api/actions                   CreateActionBody → 201 ActionResponse, header ETag (coordinators)
 *   PATCH /api/actions/:actionId         UpdateActionBody, header If-Match → ActionResponse, header ETag (coordinators)
 *   POST  /api/actions/:actionId/notes   AddNoteBody → 201 NoteResponse (coordinators)
 *   GET   /api/yousaid                   → YouSaidResponse              (everyone signed in)
 *
 * Errors are the coded body of every API answer (`{code, message, details?}`): a forbidden status move is
 * VALIDATION_FAILED with `details.rule = 'status_transition'`, a stale If-Match is STALE (412), a missing
 * If-Match VALIDATION_FAILED with `details.rule = 'if_match_required'`, an unknown id NOT_FOUND.
 */

/** Characters as people count them (code points), the way the storage limits count. */
export function textLength(s: string): number {
  return [...s].length;
}

/** A text without control and bidi characters ({@link cleanText}), trimmed, of 1..max characters (code points). */
export function boundedText(max: number) {
  return z
    .string()
    .transform((s) => cleanText(s).trim())
    .refine((s) => s.length > 0, { error: 'required' })
    .refine((s) => textLength(s) <= max, { error: `too_long:${max}` });
}

/** A cleaned, trimmed text of 0..max characters. */
export function optionalText(max: number) {
  return z
    .string()
    .transform((s) => cleanText(s).trim())
    .refine((s) => textLength(s) <= max, { error: `too_long:${max}` });
}

/** A localized text: Dutch (the source) required, English may follow later (empty allowed). */
export function localizedText(max: number, nlRequired = true) {
  return z.object({ nl: nlRequired ? boundedText(max) : optionalText(max), en: optionalText(max).default('') });
}

export const isoDateField = z.string().refine(isIsoDate, { error: 'invalid_date' });
/** Ids the client hands back: generated ids are short; anything else is simply an unknown id (NOT_FOUND). */
export const idField = z.string().min(1).max(128);

/** The statuses whose actions count as "we did" in "you said, we did": work has started or is done. */
export const WE_DID_STATUSES: readonly ActionStatus[] = ['in_uitvoering', 'gerealiseerd'];

/**
 * An action as the tab shows it: the stored action without its organisation and barrier list, plus how many
 * barriers it carries, its `etag` (the version to send back in `If-Match` when editing) and the statuses it may
 * move to now (canTransition), in programme order.
 */
export type ActionView = Omit<Action, 'orgId' | 'barrierIds'> & {
  readonly barrierCount: number;
  readonly etag: string;
  readonly nextStatuses: readonly ActionStatus[];
};

/** One cell of the kansenkaart. */
export interface KansenkaartCell {
  readonly theme: Theme;
  readonly dimension: Dimension;
  readonly count: number;
  readonly actionIds: readonly string[];
  /** Count per status (every status present, 0 when none). */
  readonly byStatus: Readonly<Record<ActionStatus, number>>;
  /** Barriers linked to the cell's actions. */
  readonly barrierCount: number;
}

export interface Kansenkaart {
  readonly themes: readonly Theme[];
  readonly dimensions: readonly Dimension[];
  /** Every theme × dimension, themes outer, dimensions inner (15 cells), empty ones included. */
  readonly cells: readonly KansenkaartCell[];
}

export interface ProgrammeResponse {
  /** Newest first. */
  readonly actions: readonly ActionView[];
  readonly kansenkaart: Kansenkaart;
  /** Whether the caller may edit (is a coordinator). */
  readonly canEdit: boolean;
  readonly statuses: readonly ActionStatus[];
}

/** A linked barrier as shown with an action. Anonymous: never who reported it. */
export interface LinkedBarrierView {
  readonly barrierId: string;
  /** The reporter's short code (`P-7K3F`), so an anonymous reporter can find it back. */
  readonly reference: string;
  readonly theme: Theme;
  readonly text: string;
  readonly status: BarrierStatus;
  readonly createdAt: string;
  /** Only for coordinators: the organisation team it came from. */
  readonly teamId?: string;
}

/**
 * One timeline entry (author = the coordinator's user id; `text` a note, one text or nl/en, or the code `created`).
 * A `link` entry carries the linked barriers as `barrierIds` instead of a text.
 */
export type TimelineEntryView = Omit<ActionUpdate, 'actionId'> & {
  readonly barrierIds?: readonly string[];
};

export interface ActionDetailResponse {
  readonly action: ActionView;
  readonly barriers: readonly LinkedBarrierView[];
  /** Oldest first. */
  readonly timeline: readonly TimelineEntryView[];
  readonly canEdit: boolean;
}

export interface ActionResponse {
  readonly action: ActionView;
}

export interface NoteResponse {
  readonly entry: TimelineEntryView;
}

/** The fields of a new action (also used by the inbox's create-action). */
export const actionFieldsSchema = z.object({
  title: localizedText(ACTION_TITLE_MAX),
  description: localizedText(ACTION_DESCRIPTION_MAX, false).default({ nl: '', en: '' }),
  theme: z.enum(THEMES),
  dimension: z.enum(DIMENSIONS),
  status: z.enum(ACTION_STATUSES).optional(),
  owner: boundedText(ACTION_OWNER_MAX),
  ownerUserId: idField.optional(),
  dueDate: isoDateField.optional(),
});
export type ActionFields = z.input<typeof actionFieldsSchema>;

/** `POST /api/actions`. */
export const createActionBodySchema = actionFieldsSchema.strict();
export type CreateActionBody = z.input<typeof createActionBodySchema>;

/** `PATCH /api/actions/:actionId` (with `If-Match`): the fields to change; `null` clears an optional one. */
export const updateActionBodySchema = z
  .object({
    title: localizedText(ACTION_TITLE_MAX).optional(),
    description: localizedText(ACTION_DESCRIPTION_MAX, false).optional(),
    theme: z.enum(THEMES).optional(),
    dimension: z.enum(DIMENSIONS).optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    owner: boundedText(ACTION_OWNER_MAX).optional(),
    ownerUserId: idField.nullable().optional(),
    dueDate: isoDateField.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: 'empty' });
export type UpdateActionBody = z.input<typeof updateActionBodySchema>;

/** `POST /api/actions/:actionId/notes`: one text, or nl/en. */
export const addNoteBodySchema = z
  .object({ text: z.union([boundedText(ACTION_NOTE_MAX), localizedText(ACTION_NOTE_MAX)]) })
  .strict();
export type AddNoteBody = z.input<typeof addNoteBodySchema>;

/** One barrier in "you said, we did": what was said (anonymous) and what was done. */
export interface YouSaidBarrier {
  readonly reference: string;
  readonly theme: Theme;
  readonly text: string;
  readonly status: BarrierStatus;
  readonly createdAt: string;
}

/** What "you said, we did" shows of an action. */
export type YouSaidAction = Pick<Action, 'actionId' | 'title' | 'description' | 'theme' | 'dimension' | 'status' | 'owner' | 'dueDate' | 'updatedAt'>;

/** One action that removes (or is removing) barriers, with the barriers it answers. */
export interface YouSaidEntry {
  readonly action: YouSaidAction;
  readonly barriers: readonly YouSaidBarrier[];
}

/**
 * `GET /api/yousaid`: actions with status in {@link WE_DID_STATUSES} that have linked barriers, most recently
 * changed first; plus barriers marked `opgelost` whose action is not (or no longer) listed there.
 */
export interface YouSaidResponse {
  readonly entries: readonly YouSaidEntry[];
  /** Barriers marked solved (`opgelost`) that no listed action carries. */
  readonly solvedElsewhere: readonly YouSaidBarrier[];
  readonly weDidStatuses: readonly ActionStatus[];
}
