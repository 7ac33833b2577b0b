import { OWNER_UPDATE_MAX } from '@soestainable/shared/domain/owners';
import { canTransition, type Action, type Barrier } from '@soestainable/shared/domain/programme';
import { ACTION_STATUSES, type ActionStatus } from '@soestainable/shared/domain/types';
import { cleanText } from '@soestainable/shared/text/clean';
import { AppError, ConflictError, isAppError } from '../../errors';
import type { Repositories } from '../../storage/repositories';
import type { StoredAction } from '../../storage/repositories/actions';
import { syncLinkedBarriers } from './linkedBarriers';

/** Why an owner's update stored nothing (also the code logged, never the text). */
export const OWNER_REFUSALS = ['gone', 'not_owner', 'unknown_status', 'too_long', 'empty', 'old_card', 'transition'] as const;
export type OwnerRefusal = (typeof OWNER_REFUSALS)[number];

export type OwnerUpdateOutcome =
  | { readonly kind: 'saved'; readonly stored: StoredAction; readonly statusChanged: boolean; readonly noted: boolean }
  | { readonly kind: 'refused'; readonly reason: OwnerRefusal; readonly stored?: StoredAction; readonly to?: ActionStatus };

/** What the owner card sends back: every field as it came (unchecked). */
export interface OwnerUpdateInput {
  readonly actionId: unknown;
  readonly version: unknown;
  readonly status: unknown;
  readonly update: unknown;
}

type OwnerRepos = Pick<Repositories, 'actions' | 'barriers' | 'auditLog'>;

async function readAction(repos: OwnerRepos, orgId: string, actionId: unknown): Promise<StoredAction | undefined> {
  if (typeof actionId !== 'string' || actionId === '' || actionId.length > 128) return undefined;
  try {
    return await repos.actions.get(orgId, actionId);
  } catch (err) {
    if (isAppError(err, 'KEY_INVALID')) return undefined;
    throw err;
  }
}

/** The update's checked fields, or why it is refused (before anything is written). */
function check(stored: StoredAction, userId: string, input: OwnerUpdateInput): { status?: ActionStatus; text: string } | { reason: OwnerRefusal; to?: ActionStatus } {
  if (stored.action.ownerUserId !== userId) return { reason: 'not_owner' };
  // The card's "stays" choice (`keep`), an empty choice and none at all mean: no new status.
  const rawStatus = input.status === undefined || input.status === null || input.status === 'keep' ? '' : input.status;
  if (typeof rawStatus !== 'string' || (rawStatus !== '' && !(ACTION_STATUSES as readonly string[]).includes(rawStatus))) return { reason: 'unknown_status' };
  if (input.update !== undefined && input.update !== null && typeof input.update !== 'string') return { reason: 'too_long' };
  const text = cleanText(typeof input.update === 'string' ? input.update : '').trim();
  if ([...text].length > OWNER_UPDATE_MAX) return { reason: 'too_long' };
  const status = rawStatus === '' || rawStatus === stored.action.status ? undefined : (rawStatus as ActionStatus);
  if (status === undefined && text === '') return { reason: 'empty' };
  if (input.version !== stored.etag) return { reason: 'old_card' };
  if (status !== undefined && !canTransition(stored.action.status, status)) return { reason: 'transition', to: status };
  return status === undefined ? { text } : { status, text };
}

/**
 * An action owner's update from their card (issue 16, item 2): a new status and/or a short note. Refused, with
 * nothing stored, for an action that is gone, one the person does not own (any more), an unknown status, a text over
 * {@link OWNER_UPDATE_MAX} characters, an empty update, a status move the programme does not allow, or a card older
 * than the action (its version is not the action's ETag: someone changed it since). Otherwise the action is written
 * against that version (a status change goes on the timeline, where the "you said, we did" job finds it), the note
 * is added to the timeline, the linked barriers follow the status, and the audit log records who did it.
 */
export async function applyOwnerUpdate(repos: OwnerRepos, orgId: string, userId: string, input: OwnerUpdateInput, at: Date): Promise<OwnerUpdateOutcome> {
  const stored = await readAction(repos, orgId, input.actionId);
  if (!stored) return { kind: 'refused', reason: 'gone' };
  const checked = check(stored, userId, input);
  if ('reason' in checked) return { kind: 'refused', reason: checked.reason, stored, ...(checked.to === undefined ? {} : { to: checked.to }) };
  let updated: StoredAction;
  try {
    // Also without a new status: the write moves `updatedAt` (the reminder clock) and the card's version.
    updated = await repos.actions.update(orgId, stored.action.actionId, stored.etag, checked.status === undefined ? {} : { status: checked.status }, userId);
  } catch (err) {
    if (err instanceof ConflictError || isAppError(err, 'NOT_FOUND')) {
      const now = await readAction(repos, orgId, input.actionId);
      return now ? { kind: 'refused', reason: 'old_card', stored: now } : { kind: 'refused', reason: 'gone' };
    }
    throw err;
  }
  if (checked.text !== '') await repos.actions.addNote(orgId, stored.action.actionId, checked.text, userId);
  await syncLinkedBarriers(repos, updated.action);
  await repos.auditLog.append({
    orgId,
    at: at.toISOString(),
    actor: userId,
    action: 'action.owner_update',
    target: stored.action.actionId,
    details: { fields: [checked.status === undefined ? '' : 'status', checked.text === '' ? '' : 'note'].filter((f) => f !== '').join(',') },
  });
  return { kind: 'saved', stored: updated, statusChanged: checked.status !== undefined, noted: checked.text !== '' };
}

/** The open barriers linked to the action (not merged, dismissed or gone), for the owner card. */
export async function openLinkedBarriers(repos: Pick<Repositories, 'barriers'>, action: Action): Promise<Barrier[]> {
  const found = await Promise.all(
    action.barrierIds.slice(0, 20).map((id) =>
      repos.barriers.get(action.orgId, id).catch((err: unknown) => {
        if (err instanceof AppError && (err.code === 'STORAGE_DATA_INVALID' || err.code === 'KEY_INVALID')) return undefined;
        throw err;
      }),
    ),
  );
  return found.filter((b): b is Barrier => b !== undefined && b.status !== 'samengevoegd' && b.status !== 'afgewezen');
}

/** A linked barrier as the owner card shows it: anonymous, with how many recognise it (never who). */
export type OwnerCardBarrier = Pick<Barrier, 'theme' | 'text'> & { readonly recognitions: number };

/**
 * The action's open linked barriers for the owner card, each with its "herken ik" count (one range query for the
 * organisation's counts), most recognised first; the newest first among equal counts.
 */
export async function ownerCardBarriers(repos: Pick<Repositories, 'barriers' | 'recognitions'>, action: Action): Promise<OwnerCardBarrier[]> {
  const [barriers, counts] = await Promise.all([openLinkedBarriers(repos, action), repos.recognitions.counts(action.orgId)]);
  return barriers
    .map((b) => ({ createdAt: b.createdAt, theme: b.theme, text: b.text, recognitions: counts.get(b.barrierId) ?? 0 }))
    .sort((a, b) => b.recognitions - a.recognitions || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .map(({ theme, text, recognitions }) => ({ theme, text, recognitions }));
}
