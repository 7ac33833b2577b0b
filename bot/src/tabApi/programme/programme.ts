import type { Request } from 'restify';
import {
  addNoteBodySchema,
  createActionBodySchema,
  updateActionBodySchema,
  WE_DID_STATUSES,
  type ActionDetailResponse,
  type ActionResponse,
  type NoteResponse,
  type ProgrammeResponse,
  type YouSaidAction,
  type YouSaidBarrier,
  type YouSaidEntry,
  type YouSaidResponse,
} from '@soestainable/shared/api/programme';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { canTransition, type Action, type Barrier } from '@soestainable/shared/domain/programme';
import { ACTION_STATUSES } from '@soestainable/shared/domain/types';
import { isAppError } from '../../errors';
import { linkedStatusFor, syncLinkedBarriers as syncBarriers } from '../../services/owners/linkedBarriers';
import type { StoredAction } from '../../storage/repositories/actions';
import { ApiError, requireRole, type Principal, type TabApiContext } from '../http';
import { audit, defined, ifMatch, invalid, mapLimit, orgOf, param, parseBody } from '../request';
import { actionView, kansenkaart, linkedBarrierView, newestFirst, timelineEntryView } from './views';

/** How many barrier writes one request runs at a time. */
const WRITE_CONCURRENCY = 8;

/**
 * Reads a row by an id a client sent. Ids that cannot even be a key (too long, say) are unknown ids like any
 * other: NOT_FOUND, never a 400 or a query. Values that look like OData (`' or 1 eq 1`) are encoded into the key
 * and so are just ids that do not exist.
 */
export async function byClientId<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (isAppError(err, 'KEY_INVALID')) return undefined;
    throw err;
  }
}

export async function getActionOr404(ctx: TabApiContext, actionId: string): Promise<StoredAction> {
  const stored = await byClientId(() => ctx.repos.actions.get(orgOf(ctx), actionId));
  if (!stored) throw new ApiError('NOT_FOUND', 'There is no such action.', { actionId });
  return stored;
}

/** The barrier status an action's linked barriers should have (services/owners/linkedBarriers.ts). */
export { linkedStatusFor };

/** Brings the linked barriers' status in line with the action (services/owners/linkedBarriers.ts, shared with the owner's card). */
export async function syncLinkedBarriers(ctx: TabApiContext, action: Action): Promise<void> {
  await syncBarriers(ctx.repos, action);
}

/**
 * An owner named as a person in the app (`ownerUserId`) must be a participant of the organisation who takes part:
 * the owner card goes to them (jobs/owners). Anyone else is named by free text only (`owner`). VALIDATION_FAILED with
 * rule `not_a_participant` otherwise.
 */
export async function checkOwnerParticipant(ctx: TabApiContext, ownerUserId: string | null | undefined): Promise<void> {
  if (ownerUserId === undefined || ownerUserId === null) return;
  const snapshot = await byClientId(() => ctx.repos.participants.snapshot(ownerUserId));
  const participant = snapshot?.participant;
  if (!isJoined(participant) || participant.orgId !== orgOf(ctx)) {
    throw invalid('ownerUserId', 'not_a_participant', 'An owner picked from the app must be a participant of the organisation.');
  }
  // Someone whose data is being erased is leaving: a link made now could outlive the erasure's unlinking.
  if (snapshot?.erasure !== 'present') throw invalid('ownerUserId', 'not_a_participant', 'This participant\'s data is being deleted: they cannot own an action.');
}

async function barriersOf(ctx: TabApiContext, ids: readonly string[]): Promise<Barrier[]> {
  if (ids.length === 0) return [];
  const org = orgOf(ctx);
  if (ids.length > 20) {
    const wanted = new Set(ids);
    return (await ctx.repos.barriers.list(org)).filter((b) => wanted.has(b.barrierId));
  }
  const found = await mapLimit(ids, WRITE_CONCURRENCY, (id) => ctx.repos.barriers.get(org, id));
  return found.filter((b): b is Barrier => b !== undefined);
}

function etagHeader(etag: string): Record<string, string> {
  return { ETag: etag };
}

export async function getProgramme(ctx: TabApiContext, principal: Principal): Promise<ProgrammeResponse> {
  const stored = (await ctx.repos.actions.list(orgOf(ctx))).sort(newestFirst);
  return {
    actions: stored.map(actionView),
    kansenkaart: kansenkaart(stored.map((s) => s.action)),
    canEdit: principal.roles.has('coordinator'),
    statuses: ACTION_STATUSES,
  };
}

export async function getActionDetail(ctx: TabApiContext, principal: Principal, actionId: string): Promise<ActionDetailResponse> {
  const stored = await getActionOr404(ctx, actionId);
  const coordinator = principal.roles.has('coordinator');
  const [barriers, timeline] = await Promise.all([barriersOf(ctx, stored.action.barrierIds), ctx.repos.actions.timeline(actionId)]);
  return {
    action: actionView(stored),
    barriers: barriers.map((b) => linkedBarrierView(b, coordinator)),
    timeline: timeline.map(timelineEntryView),
    canEdit: coordinator,
  };
}

export async function createAction(ctx: TabApiContext, principal: Principal, body: unknown) {
  requireRole(principal, 'coordinator');
  const fields = parseBody(createActionBodySchema, body);
  await checkOwnerParticipant(ctx, fields.ownerUserId);
  const stored = await ctx.repos.actions.create({ orgId: orgOf(ctx), ...defined(fields) }, principal.userId);
  await audit(ctx, principal, 'action.create', stored.action.actionId);
  const out: ActionResponse = { action: actionView(stored) };
  return { status: 201, body: out, headers: etagHeader(stored.etag) };
}

export async function updateAction(ctx: TabApiContext, principal: Principal, req: Request) {
  requireRole(principal, 'coordinator');
  const actionId = param(req, 'actionId');
  const changes = parseBody(updateActionBodySchema, req.body);
  const etag = ifMatch(req);
  await checkOwnerParticipant(ctx, changes.ownerUserId);
  const current = await getActionOr404(ctx, actionId);
  if (current.etag !== etag) {
    throw new ApiError('STALE', 'Someone else changed this action in the meantime; reload and try again.', { etag: current.etag });
  }
  const from = current.action.status;
  if (changes.status !== undefined && changes.status !== from && !canTransition(from, changes.status)) {
    throw invalid('status', 'status_transition', `An action cannot go from ${from} to ${changes.status}.`, { from, to: changes.status });
  }
  const updated = await ctx.repos.actions.update(orgOf(ctx), actionId, etag, defined(changes), principal.userId);
  const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
  await syncLinkedBarriers(ctx, updated.action);
  await audit(ctx, principal, 'action.update', actionId, {
    fields: fields.join(','),
    ...(updated.action.status === from ? {} : { fromStatus: from, toStatus: updated.action.status }),
  });
  const out: ActionResponse = { action: actionView(updated) };
  return { body: out, headers: etagHeader(updated.etag) };
}

export async function addNote(ctx: TabApiContext, principal: Principal, req: Request) {
  requireRole(principal, 'coordinator');
  const actionId = param(req, 'actionId');
  const { text } = parseBody(addNoteBodySchema, req.body);
  await getActionOr404(ctx, actionId);
  const entry = await ctx.repos.actions.addNote(orgOf(ctx), actionId, text, principal.userId);
  await audit(ctx, principal, 'action.note', actionId);
  const out: NoteResponse = { entry: timelineEntryView(entry) };
  return { status: 201, body: out };
}

function youSaidAction(a: Action): YouSaidAction {
  const { actionId, title, description, theme, dimension, status, owner, dueDate, updatedAt } = a;
  return { actionId, title, description, theme, dimension, status, owner, ...(dueDate === undefined ? {} : { dueDate }), updatedAt };
}

function youSaidBarrier(b: Barrier): YouSaidBarrier {
  return { reference: b.reference, theme: b.theme, text: b.text, status: b.status, createdAt: b.createdAt };
}

/**
 * "You said, we did": the barriers people reported that are being or have been removed. An action counts once
 * its status is one of {@link WE_DID_STATUSES} (in uitvoering, gerealiseerd); its linked barriers are listed
 * under it, anonymous (no team, no contact). Barriers marked `opgelost` whose action is not listed come after.
 */
export async function getYouSaid(ctx: TabApiContext): Promise<YouSaidResponse> {
  const org = orgOf(ctx);
  const [stored, barriers] = await Promise.all([ctx.repos.actions.list(org), ctx.repos.barriers.list(org)]);
  const byId = new Map(barriers.map((b) => [b.barrierId, b]));
  const listed = new Set<string>();
  const entries: YouSaidEntry[] = [];
  const done = stored
    .map((s) => s.action)
    .filter((a) => WE_DID_STATUSES.includes(a.status))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  for (const a of done) {
    const linked = a.barrierIds
      .map((id) => byId.get(id))
      .filter((b): b is Barrier => b !== undefined && b.status !== 'afgewezen' && b.status !== 'samengevoegd');
    if (linked.length === 0) continue;
    for (const b of linked) listed.add(b.barrierId);
    entries.push({
      action: youSaidAction(a),
      barriers: linked.map(youSaidBarrier),
    });
  }
  const solvedElsewhere = barriers.filter((b) => b.status === 'opgelost' && !listed.has(b.barrierId)).map(youSaidBarrier);
  return { entries, solvedElsewhere, weDidStatuses: WE_DID_STATUSES };
}
