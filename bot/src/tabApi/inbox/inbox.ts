import {
  createFromBarriersBodySchema,
  dismissBodySchema,
  linkBodySchema,
  mergeBodySchema,
  type InboxBarrier,
  type InboxGroup,
  type InboxResponse,
  type TriageResponse,
} from '@soestainable/shared/api/inbox';
import type { Action, Barrier } from '@soestainable/shared/domain/programme';
import { THEMES, type Theme } from '@soestainable/shared/domain/types';
import type { StoredAction } from '../../storage/repositories/actions';
import { ApiError, requireRole, type Principal, type TabApiContext } from '../http';
import { byClientId, checkOwnerParticipant, getActionOr404, linkedStatusFor } from '../programme/programme';
import { audit, defined, mapLimit, orgOf, parseBody } from '../request';
import { actionView } from '../programme/views';

/**
 * The barrier inbox (issue 5, Build 5). Each triage call is one coordinator action. Table Storage cannot make
 * writes to several rows (or to `Actions` and `Barriers`) one transaction, so every call
 *   1. reads and checks everything first (each barrier exists and is `nieuw`, or already in the state this call
 *      puts it in; the action exists): a check that fails writes nothing;
 *   2. writes in an order where the first write is the truth and each later write is idempotent: the action row
 *      (its `barrierIds`) before the barriers, barriers one by one (a read-modify-write that leaves a barrier
 *      already right alone), the audit entry last;
 * so a call that stopped half-way (an outage) is finished by sending it again. See docs/storage.md, Known limits.
 */

const WRITE_CONCURRENCY = 8;

/** The barrier ids listed by actions: a barrier listed but still `nieuw` is a link that stopped half-way. */
function listedIn(actions: readonly StoredAction[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { action } of actions) for (const id of action.barrierIds) map.set(id, action.actionId);
  return map;
}

export async function getInbox(ctx: TabApiContext, principal: Principal): Promise<InboxResponse> {
  requireRole(principal, 'coordinator');
  const org = orgOf(ctx);
  const [barriers, actions, teams, recognitions] = await Promise.all([
    ctx.repos.barriers.list(org),
    ctx.repos.actions.list(org),
    ctx.repos.orgTeams.list(org),
    ctx.repos.recognitions.counts(org),
  ]);
  const teamName = new Map(teams.map((t) => [t.teamId, t.name]));
  const pending = listedIn(actions);
  const statusCounts: Record<string, number> = {};
  for (const b of barriers) statusCounts[b.status] = (statusCounts[b.status] ?? 0) + 1;
  const open = barriers.filter((b) => b.status === 'nieuw');
  const byTheme = Object.fromEntries(THEMES.map((t) => [t, 0])) as Record<Theme, number>;
  const byTeamCount = new Map<string, number>();
  const groups = new Map<string, { theme: Theme; teamId: string; barriers: InboxBarrier[] }>();
  for (const b of open) {
    byTheme[b.theme]++;
    byTeamCount.set(b.teamId, (byTeamCount.get(b.teamId) ?? 0) + 1);
    const key = `${b.theme}|${b.teamId}`;
    const group = groups.get(key) ?? { theme: b.theme, teamId: b.teamId, barriers: [] };
    const pendingActionId = pending.get(b.barrierId);
    group.barriers.push({
      barrierId: b.barrierId,
      reference: b.reference,
      theme: b.theme,
      teamId: b.teamId,
      text: b.text,
      createdAt: b.createdAt,
      recognitions: recognitions.get(b.barrierId) ?? 0,
      ...(pendingActionId === undefined ? {} : { pendingActionId }),
    });
    groups.set(key, group);
  }
  const nameOf = (teamId: string) => teamName.get(teamId) ?? teamId;
  // The most recognised first (issue 16): within a group (a stable sort keeps newest first among equals), and the
  // groups by their recognitions together.
  const recognised = (list: readonly InboxBarrier[]) => list.reduce((n, b) => n + b.recognitions, 0);
  const sortedGroups: InboxGroup[] = [...groups.values()]
    .map((g) => ({ ...g, barriers: [...g.barriers].sort((a, b) => b.recognitions - a.recognitions), teamName: nameOf(g.teamId), count: g.barriers.length }))
    .sort(
      (a, b) =>
        recognised(b.barriers) - recognised(a.barriers) || THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme) || a.teamName.localeCompare(b.teamName, 'nl'),
    );
  const byTeam = [...byTeamCount]
    .map(([teamId, count]) => ({ teamId, teamName: nameOf(teamId), count }))
    .sort((a, b) => b.count - a.count || a.teamName.localeCompare(b.teamName, 'nl'));
  return {
    total: open.length,
    byTheme,
    byTeam,
    groups: sortedGroups,
    actions: actions
      .map((s) => s.action)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .map((a) => ({ actionId: a.actionId, title: a.title, theme: a.theme, dimension: a.dimension, status: a.status, barrierCount: a.barrierIds.length })),
    statusCounts,
  };
}

/** Reads every barrier named (unique ids, in order); NOT_FOUND naming the first unknown one. */
async function loadBarriers(ctx: TabApiContext, ids: readonly string[]): Promise<Barrier[]> {
  const org = orgOf(ctx);
  const unique = [...new Set(ids)];
  const found = await mapLimit(unique, WRITE_CONCURRENCY, (id) => byClientId(() => ctx.repos.barriers.get(org, id)));
  const missing = unique.find((_, i) => found[i] === undefined);
  if (missing !== undefined) throw new ApiError('NOT_FOUND', 'There is no such barrier.', { barrierId: missing });
  return found as Barrier[];
}

function notOpen(b: Barrier): ApiError {
  return new ApiError('CONFLICT', 'This barrier was already handled.', { barrierId: b.barrierId, status: b.status });
}

function result(barriers: readonly Barrier[], changed: boolean, action?: StoredAction): TriageResponse {
  return {
    barriers: barriers.map((b) => ({ barrierId: b.barrierId, status: b.status })),
    ...(action === undefined ? {} : { action: actionView(action) }),
    changed,
  };
}

/**
 * Links barriers to an action: the action row lists them (first: it is the truth), then each barrier is marked
 * with the status an action in its state gives (gekoppeld, or opgelost when realised).
 */
async function linkTo(ctx: TabApiContext, principal: Principal, action: Action, barriers: readonly Barrier[]): Promise<{ stored: StoredAction; barriers: Barrier[] }> {
  const org = orgOf(ctx);
  const ids = barriers.map((b) => b.barrierId);
  const stored = await ctx.repos.actions.linkBarriers(org, action.actionId, ids, principal.userId);
  const want = linkedStatusFor(stored.action);
  const updated = await mapLimit(barriers, WRITE_CONCURRENCY, (b) =>
    ctx.repos.barriers.update(org, b.barrierId, (current) => {
      if (current.actionId === action.actionId && (current.status === 'gekoppeld' || current.status === 'opgelost')) return undefined;
      if (current.status !== 'nieuw') throw notOpen(current);
      return { ...current, status: want, actionId: action.actionId };
    }),
  );
  return { stored, barriers: updated };
}

/**
 * Checks barriers for a link to `actionId`: each must be `nieuw` (and not listed by another action), or already
 * linked to that very action (a repeated call). Returns whether anything is left to do.
 */
function checkLinkable(barriers: readonly Barrier[], listed: Map<string, string>, actionId: string | undefined): boolean {
  let todo = false;
  for (const b of barriers) {
    const listedBy = listed.get(b.barrierId);
    const done = actionId !== undefined && b.actionId === actionId && (b.status === 'gekoppeld' || b.status === 'opgelost') && listedBy === actionId;
    if (done) continue;
    if (b.status !== 'nieuw') throw notOpen(b);
    if (listedBy !== undefined && listedBy !== actionId) {
      throw new ApiError('CONFLICT', 'Another action already lists this barrier.', { barrierId: b.barrierId, actionId: listedBy });
    }
    todo = true;
  }
  return todo;
}

export async function link(ctx: TabApiContext, principal: Principal, body: unknown): Promise<{ body: TriageResponse }> {
  requireRole(principal, 'coordinator');
  const input = parseBody(linkBodySchema, body);
  const target = await getActionOr404(ctx, input.actionId);
  const barriers = await loadBarriers(ctx, input.barrierIds);
  const listed = listedIn(await ctx.repos.actions.list(orgOf(ctx)));
  if (!checkLinkable(barriers, listed, target.action.actionId)) return { body: result(barriers, false, target) };
  const done = await linkTo(ctx, principal, target.action, barriers);
  for (const b of done.barriers) await audit(ctx, principal, 'barrier.link', b.barrierId, { actionId: target.action.actionId });
  return { body: result(done.barriers, true, done.stored) };
}

/**
 * A new action from one or several barriers. The action is created listing them, then the barriers are marked.
 * Sent again after a failure between the two, it finds the action that already lists exactly these barriers
 * and finishes linking them to it instead of creating a second one.
 */
export async function createFromBarriers(ctx: TabApiContext, principal: Principal, body: unknown): Promise<{ status: number; body: TriageResponse; headers: Record<string, string> }> {
  requireRole(principal, 'coordinator');
  const input = parseBody(createFromBarriersBodySchema, body);
  await checkOwnerParticipant(ctx, input.action.ownerUserId);
  const org = orgOf(ctx);
  const barriers = await loadBarriers(ctx, input.barrierIds);
  const ids = barriers.map((b) => b.barrierId);
  const actions = await ctx.repos.actions.list(org);
  const listed = listedIn(actions);
  const owners = new Set(ids.map((id) => listed.get(id)));
  const earlier = owners.size === 1 ? [...owners][0] : undefined;
  const previous = earlier === undefined ? undefined : actions.find((a) => a.action.actionId === earlier);
  if (previous && previous.action.barrierIds.length === ids.length) {
    // The same call, sent again: finish it on the action it created.
    const todo = checkLinkable(barriers, listed, previous.action.actionId);
    await ctx.repos.actions.recordLinked(org, previous.action.actionId, ids, principal.userId);
    if (!todo) return { status: 200, body: result(barriers, false, previous), headers: { ETag: previous.etag } };
    const done = await linkTo(ctx, principal, previous.action, barriers);
    for (const b of done.barriers) await audit(ctx, principal, 'barrier.link', b.barrierId, { actionId: previous.action.actionId });
    return { status: 200, body: result(done.barriers, true, done.stored), headers: { ETag: done.stored.etag } };
  }
  checkLinkable(barriers, listed, undefined);
  const created = await ctx.repos.actions.create({ orgId: org, ...defined(input.action), barrierIds: ids }, principal.userId);
  await audit(ctx, principal, 'action.create', created.action.actionId, { barriers: ids.length });
  await ctx.repos.actions.recordLinked(org, created.action.actionId, ids, principal.userId);
  const done = await linkTo(ctx, principal, created.action, barriers);
  for (const b of done.barriers) await audit(ctx, principal, 'barrier.link', b.barrierId, { actionId: created.action.actionId });
  return { status: 201, body: result(done.barriers, true, done.stored), headers: { ETag: done.stored.etag } };
}

/**
 * Sets barriers to a closing state (merged, dismissed) that leaves them out of every action. Each must be `nieuw`
 * and listed by no action, or already `isDone` (a repeated call). Checks all before writing any; each write is a
 * read-modify-write that leaves a barrier already done alone. Returns the barriers and whether anything changed.
 */
async function closeBarriers(
  ctx: TabApiContext,
  ids: readonly string[],
  isDone: (b: Barrier) => boolean,
  close: (b: Barrier) => Barrier,
): Promise<{ barriers: Barrier[]; changed: boolean }> {
  const org = orgOf(ctx);
  const barriers = await loadBarriers(ctx, ids);
  const listed = listedIn(await ctx.repos.actions.list(org));
  let todo = false;
  for (const b of barriers) {
    if (isDone(b)) continue;
    if (b.status !== 'nieuw') throw notOpen(b);
    const listedBy = listed.get(b.barrierId);
    if (listedBy !== undefined) throw new ApiError('CONFLICT', 'An action already lists this barrier.', { barrierId: b.barrierId, actionId: listedBy });
    todo = true;
  }
  if (!todo) return { barriers, changed: false };
  const updated = await mapLimit(barriers, WRITE_CONCURRENCY, (b) =>
    ctx.repos.barriers.update(org, b.barrierId, (current) => {
      if (isDone(current)) return undefined;
      if (current.status !== 'nieuw') throw notOpen(current);
      return close(current);
    }),
  );
  return { barriers: updated, changed: true };
}

export async function merge(ctx: TabApiContext, principal: Principal, body: unknown): Promise<{ body: TriageResponse }> {
  requireRole(principal, 'coordinator');
  const input = parseBody(mergeBodySchema, body);
  const [into] = await loadBarriers(ctx, [input.intoBarrierId]);
  if (!into) throw new ApiError('NOT_FOUND', 'There is no such barrier.', { barrierId: input.intoBarrierId });
  if (into.status === 'samengevoegd' || into.status === 'afgewezen') {
    throw new ApiError('CONFLICT', 'Barriers can only be merged into one that stays open or linked.', { barrierId: into.barrierId, status: into.status });
  }
  const done = await closeBarriers(
    ctx,
    input.barrierIds,
    (b) => b.status === 'samengevoegd' && b.duplicateOf === into.barrierId,
    (b) => ({ ...b, status: 'samengevoegd', duplicateOf: into.barrierId }),
  );
  // Their recognitions add up on the one that stays, one per person. Also on a repeated call: a move that stopped
  // half-way is finished (RecognitionsRepository.move is idempotent).
  for (const b of done.barriers) await ctx.repos.recognitions.move(orgOf(ctx), b.barrierId, into.barrierId);
  if (done.changed) for (const b of done.barriers) await audit(ctx, principal, 'barrier.merge', b.barrierId, { into: into.barrierId });
  return { body: result(done.barriers, done.changed) };
}

export async function dismiss(ctx: TabApiContext, principal: Principal, body: unknown): Promise<{ body: TriageResponse }> {
  requireRole(principal, 'coordinator');
  const input = parseBody(dismissBodySchema, body);
  const done = await closeBarriers(
    ctx,
    input.barrierIds,
    (b) => b.status === 'afgewezen',
    (b) => ({ ...b, status: 'afgewezen', dismissReason: input.reason }),
  );
  if (done.changed) for (const b of done.barriers) await audit(ctx, principal, 'barrier.dismiss', b.barrierId);
  return { body: result(done.barriers, done.changed) };
}
