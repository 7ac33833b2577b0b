import { z } from 'zod';
import { DISMISS_REASON_MAX } from '../domain/programme';
import type { ActionStatus, Dimension, Localized, Theme } from '../domain/types';
import { actionFieldsSchema, boundedText, idField, type ActionView } from './programme';

/**
 * The barrier inbox API (issue 5, Build 5), coordinators only. Every triage call is one coordinator action,
 * recorded in the audit log (actor, action, ids; never a barrier's text).
 *
 *   GET  /api/inbox                → InboxResponse
 *   POST /api/inbox/link           LinkBody → TriageResponse          (link to an existing action)
 *   POST /api/inbox/create-action  CreateFromBarriersBody → 201 TriageResponse (a new action from one or several)
 *   POST /api/inbox/merge          MergeBody → TriageResponse         (duplicates into one barrier)
 *   POST /api/inbox/dismiss        DismissBody → TriageResponse       (with a reason)
 *
 * Only barriers with status `nieuw` can be triaged: another status is CONFLICT (409) with
 * `details.barrierId` and `details.status`; an unknown id NOT_FOUND with `details.barrierId`. Every barrier is
 * checked before anything is written. Repeating a call that already succeeded (a retry after a lost answer)
 * answers the same result and changes nothing.
 */

/** How many barriers one triage call may handle. */
export const TRIAGE_BARRIERS_MAX = 50;

export interface InboxBarrier {
  readonly barrierId: string;
  readonly reference: string;
  readonly theme: Theme;
  readonly teamId: string;
  readonly text: string;
  readonly createdAt: string;
  /** How many people recognise it ("herken ik"); who they are is never part of any answer. */
  readonly recognitions: number;
  /**
   * Set when an action already lists this barrier but the barrier itself was not yet marked (a link that stopped
   * half-way): linking it to that action again finishes the job.
   */
  readonly pendingActionId?: string;
}

/** Barriers of one theme from one team. */
export interface InboxGroup {
  readonly theme: Theme;
  readonly teamId: string;
  readonly teamName: string;
  readonly count: number;
  /** The most recognised first, then the newest. */
  readonly barriers: readonly InboxBarrier[];
}

/** An action to link to, as the link picker needs it. */
export interface InboxActionOption {
  readonly actionId: string;
  readonly title: Localized;
  readonly theme: Theme;
  readonly dimension: Dimension;
  readonly status: ActionStatus;
  readonly barrierCount: number;
}

export interface InboxResponse {
  /** Barriers with status `nieuw`. */
  readonly total: number;
  readonly byTheme: Readonly<Record<Theme, number>>;
  /** Sorted by count, then team name. */
  readonly byTeam: readonly { readonly teamId: string; readonly teamName: string; readonly count: number }[];
  /** Groups with the most recognitions first; then by theme (THEMES order), then team name. */
  readonly groups: readonly InboxGroup[];
  readonly actions: readonly InboxActionOption[];
  /** How many barriers have each status (the inbox shows only `nieuw`). */
  readonly statusCounts: Readonly<Record<string, number>>;
}

const barrierIds = z.array(idField).min(1).max(TRIAGE_BARRIERS_MAX);

export const linkBodySchema = z.object({ barrierIds, actionId: idField }).strict();
export type LinkBody = z.input<typeof linkBodySchema>;

export const createFromBarriersBodySchema = z.object({ barrierIds, action: actionFieldsSchema.strict() }).strict();
export type CreateFromBarriersBody = z.input<typeof createFromBarriersBodySchema>;

/**
 * The barriers in `barrierIds` become duplicates (`samengevoegd`) of `intoBarrierId`, which stays; their
 * recognitions move to it, one per person.
 */
export const mergeBodySchema = z
  .object({ barrierIds, intoBarrierId: idField })
  .strict()
  .refine((b) => !b.barrierIds.includes(b.intoBarrierId), { error: 'self_merge', path: ['intoBarrierId'] });
export type MergeBody = z.input<typeof mergeBodySchema>;

export const dismissBodySchema = z.object({ barrierIds, reason: boundedText(DISMISS_REASON_MAX) }).strict();
export type DismissBody = z.input<typeof dismissBodySchema>;

export interface TriageResponse {
  /** The barriers handled, with their status now. */
  readonly barriers: readonly { readonly barrierId: string; readonly status: string }[];
  /** The action linked to or created (link, create-action). */
  readonly action?: ActionView;
  /** False when the call found everything already done (a repeated call). */
  readonly changed: boolean;
}
