import type { Action, ActionUpdate, Barrier } from '@soestainable/shared/domain/programme';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { DEFAULT_LANGUAGE, type ActionStatus } from '@soestainable/shared/domain/types';
import { AppError } from '../../errors';
import type { FanOutRecipient } from '../../proactive/fanOut';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';
import { buildYouSaidCard, type YouSaidContent } from './card';

/**
 * How far back the job looks for timeline entries (and for actions whose `updatedAt` moved): a change older
 * than this is never announced, so a process that was down for longer does not flood people with old news.
 */
export const YOUSAID_LOOKBACK_DAYS = 7;
const DAY_MS = 86_400_000;

/** Why a barrier of a change produced no message (counted in the summary, logged without content). */
export const YOUSAID_SKIPS = {
  anonymous: 'anonymous',
  barrierMissing: 'barrier_missing',
  barrierUnreadable: 'barrier_unreadable',
  demo: 'demo',
} as const;

/** One timeline entry (a link or a status change) and the reporters it is news for. */
interface Change {
  readonly action: Action;
  readonly update: ActionUpdate;
  readonly kind: 'link' | 'status';
  /** The barriers the entry is about. */
  readonly barrierIds: readonly string[];
  /** The action's status right after the entry. */
  readonly status: ActionStatus;
}

/**
 * "You said, we did" (BRIEF.md: the loop from a reported barrier back to the people who reported it). When a
 * coordinator links a barrier to an action (timeline `link`) or an action's status changes (timeline `status`),
 * each reporter who allowed contact gets one short card in their language: their reference, what they reported,
 * the action's title, its new status and its owner. Whoever recognised one of its barriers ("herken ik") and ticked
 * "laat me weten" gets the same card about what they recognised (one card per person and change). An anonymous
 * barrier nobody asked about produces nothing.
 *
 * Finding the changes costs one query of the org's `Actions` partition plus one timeline partition per action
 * updated in the last {@link YOUSAID_LOOKBACK_DAYS} days (never a table scan), so it can run every minute. One
 * fan-out per timeline entry, period = the entry's update id: the claim (yousaid, updateId, userId) makes
 * repeated and concurrent runs safe. Entries whose claims all exist already are left out before the fan-out
 * (point reads), so a quiet minute records no run.
 */
export function createYouSaidJob(deps: JobDeps): Job {
  return { name: 'yousaid', run: (context) => runYouSaid(deps, context) };
}

/** Counts of a run, by name; `bump` adds one. */
interface Counter {
  readonly counts: Record<string, number>;
  bump(name: string): void;
}

type BarrierRead = Barrier | undefined | 'unreadable';

async function runYouSaid(deps: JobDeps, context: JobContext): Promise<JobSummary> {
  const startedMs = Date.now();
  const since = new Date(context.at.getTime() - YOUSAID_LOOKBACK_DAYS * DAY_MS).toISOString();
  const counts: Record<string, number> = { changes: 0, recipients: 0, alreadyClaimed: 0 };
  const counter: Counter = { counts, bump: (name) => void (counts[name] = (counts[name] ?? 0) + 1) };
  const changes = await recentChanges(deps, since, context.at.toISOString());
  const barrier = barrierReader(deps);

  const runs: SendRun[] = [];
  for (const change of changes) {
    counter.bump('changes');
    const recipients = await changeRecipients(deps, change, barrier, counter);
    if (recipients.length === 0) continue;
    const done = runs.reduce((n, r) => n + r.queued, 0);
    const record = await deps.fanOut(
      { kind: 'yousaid', period: change.update.updateId, recipients },
      {
        dryRun: context.dryRun,
        ...(context.onProgress === undefined
          ? {}
          : { onProgress: (r: SendRun) => context.onProgress?.({ done: done + r.sent + r.failed + r.skipped }) }),
      },
    );
    runs.push(record);
  }
  if (runs.length > 0) {
    deps.logger.info('yousaid: run finished', { dryRun: context.dryRun, runs: runs.length, ...counts });
  }
  return {
    job: 'yousaid',
    at: context.at.toISOString(),
    dryRun: context.dryRun,
    runs,
    counts,
    ...(changes.length === 0 ? { skippedBecause: 'no_changes' } : {}),
    durationMs: Date.now() - startedMs,
  };
}

/** The link and status entries in [since, until] of the org's actions updated since `since` (demo actions left out). */
async function recentChanges({ config, repos }: JobDeps, since: string, until: string): Promise<Change[]> {
  const changes: Change[] = [];
  for (const { action } of await repos.actions.list(config.org.id)) {
    if (action.demo || action.updatedAt < since) continue;
    changes.push(...changesOf(action, await repos.actions.timeline(action.actionId), since, until));
  }
  return changes;
}

/** Reads each barrier once per run; a row that does not parse is `unreadable`, not an error. */
function barrierReader({ config, repos }: JobDeps): (id: string) => Promise<BarrierRead> {
  const barriers = new Map<string, Promise<BarrierRead>>();
  return (id) => {
    let found = barriers.get(id);
    if (found === undefined) {
      found = repos.barriers.get(config.org.id, id).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'STORAGE_DATA_INVALID') return 'unreadable' as const;
        throw err;
      });
      barriers.set(id, found);
    }
    return found;
  };
}

/**
 * The recipients of one change: each reporter who allowed contact (one card for all their barriers of it), and
 * each missing or unreadable barrier claimed as skipped; those whose claim exists already are left out.
 */
async function changeRecipients(deps: JobDeps, change: Change, barrier: (id: string) => Promise<BarrierRead>, counter: Counter): Promise<FanOutRecipient[]> {
  const { logger, repos } = deps;
  const period = change.update.updateId;
  // Only a filter: the claim the engine inserts is what keeps each message (and each logged skip) to one.
  const handled = async (recipientId: string): Promise<boolean> => {
    const done = (await repos.sendClaims.get('yousaid', period, recipientId)) !== undefined;
    if (done) counter.bump('alreadyClaimed');
    return done;
  };
  const recipients: FanOutRecipient[] = [];
  const byReporter = new Map<string, Barrier[]>();
  const byRecogniser = new Map<string, Barrier[]>();
  for (const barrierId of change.barrierIds) {
    const b = await barrier(barrierId);
    if (b === undefined || b === 'unreadable') {
      // Claimed as skipped under the barrier's id: recorded in the run and logged once, not every minute.
      const reason = b === undefined ? YOUSAID_SKIPS.barrierMissing : YOUSAID_SKIPS.barrierUnreadable;
      counter.bump(reason);
      if (await handled(`barrier:${barrierId}`)) continue;
      logger.warn('yousaid: a linked barrier is skipped', { actionId: change.action.actionId, barrierId, reason });
      recipients.push({ recipientId: `barrier:${barrierId}`, skipReason: reason, build: noMessage });
      continue;
    }
    if (b.demo) {
      counter.bump(YOUSAID_SKIPS.demo);
      continue;
    }
    // Whoever recognised it and ticked "laat me weten" hears as a reporter with contact does (issue 16).
    for (const r of await deps.repos.recognitions.listByBarrier(deps.config.org.id, b.barrierId)) {
      if (r.notify && r.userId !== b.contactUserId) byRecogniser.set(r.userId, [...(byRecogniser.get(r.userId) ?? []), b]);
    }
    if (b.contactUserId === undefined) {
      counter.bump(YOUSAID_SKIPS.anonymous);
      continue;
    }
    byReporter.set(b.contactUserId, [...(byReporter.get(b.contactUserId) ?? []), b]);
  }
  // One card per person and change: their own reports and the barriers they recognised.
  for (const userId of new Set([...byReporter.keys(), ...byRecogniser.keys()])) {
    if (await handled(userId)) continue;
    counter.bump(byReporter.has(userId) ? 'recipients' : 'recognisers');
    recipients.push(reporterRecipient(deps, change, userId, byReporter.get(userId) ?? [], byRecogniser.get(userId) ?? []));
  }
  return recipients;
}

/**
 * A person's card about the change: the references and texts of what they reported, the texts of what they
 * recognised, the action, its status and owner.
 */
function reporterRecipient({ repos }: JobDeps, change: Change, userId: string, reported: readonly Barrier[], recognised: readonly Barrier[] = []): FanOutRecipient {
  const content: YouSaidContent = {
    kind: change.kind,
    reports: reported.map((b) => ({ reference: b.reference, text: b.text })),
    ...(recognised.length === 0 ? {} : { recognised: recognised.map((b) => ({ text: b.text })) }),
    actionTitle: change.action.title,
    status: change.status,
    owner: change.action.owner,
  };
  return {
    recipientId: userId,
    build: async () => {
      const lang = (await repos.participants.languageOf(userId)) ?? DEFAULT_LANGUAGE;
      return { type: 'message', attachments: [buildYouSaidCard(content, lang)] };
    },
  };
}

/** The build of a recipient claimed as skipped: never called by the engine. */
function noMessage(): never {
  throw new AppError('VALIDATION_FAILED', 'A skipped recipient has no message.');
}

/**
 * The action's `link` and `status` entries in [since, until], each with the barriers it is news for:
 * - `link`: the barriers the entry names;
 * - `status`: the barriers the action carried at that moment, i.e. all of them except those a later `link`
 *   entry added (barriers given when the action was created have no link entry and count from the start).
 * and the status right after the entry (a link announces the status the action had then).
 */
export function changesOf(action: Action, timeline: readonly ActionUpdate[], since: string, until: string): Change[] {
  const ordered = [...timeline].sort((a, b) => (a.updateId < b.updateId ? -1 : a.updateId > b.updateId ? 1 : 0));
  const linkedBy = (u: ActionUpdate): string[] =>
    u.kind === 'link' && typeof u.text === 'string' ? u.text.split(',').filter((id) => id !== '') : [];
  const firstStatus = ordered.find((u) => u.kind === 'status' && u.fromStatus !== undefined)?.fromStatus ?? action.status;
  const changes: Change[] = [];
  let status: ActionStatus = firstStatus;
  ordered.forEach((u, i) => {
    if (u.kind === 'status' && u.toStatus !== undefined) status = u.toStatus;
    if (u.at < since || u.at > until) return;
    if (u.kind === 'link') {
      const ids = linkedBy(u);
      if (ids.length > 0) changes.push({ action, update: u, kind: 'link', barrierIds: ids, status });
    } else if (u.kind === 'status' && u.toStatus !== undefined) {
      const later = new Set(ordered.slice(i + 1).flatMap(linkedBy));
      const ids = action.barrierIds.filter((id) => !later.has(id));
      if (ids.length > 0) changes.push({ action, update: u, kind: 'status', barrierIds: ids, status: u.toStatus });
    }
  });
  return changes;
}
