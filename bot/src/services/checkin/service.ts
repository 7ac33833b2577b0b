import { randomBytes } from 'node:crypto';
import { todayIn } from '@soestainable/shared/calendar';
import { challengeById, type DayChallenge } from '@soestainable/shared/catalogue';
import { dayState, editableDates, type DayState } from '@soestainable/shared/domain/campaignDay';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { Barrier, Idea } from '@soestainable/shared/domain/programme';
import type { CheckIn, IsoDate, Survey, Theme } from '@soestainable/shared/domain/types';
import { estimateCheckInImpact, FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import { ConflictError, isAppError } from '../../errors';
import type { DeferredWork } from '../../platform/deferredWork';
import type { Logger } from '../../platform/logger';
import { newSortableId } from '../../storage/keys';
import { reportDay } from '../../storage/repositories/reports';
import type { Repositories } from '../../storage/repositories';
import { previousOf, type CheckInPending, type PendingReport, type PendingWork, type SavedCheckIn, type StoredCheckIn } from '../../storage/repositories/checkIns';

/**
 * The check-in rules shared by the bot's card and the tab's API: which day may still take a check-in, and how a
 * check-in is stored, counted once, and filed with its reports.
 *
 * Crash safety ("nothing half-written, none twice"): the check-in row is written together with a pending part
 * (checkIns.ts `CheckInPending`): a random token, for an edit what the replaced version counted, and the barrier
 * and idea with ids chosen beforehand. {@link CheckInService.completePending} then counts it (idempotent by the
 * token), files the reports (insert-if-absent by id) and clears the pending part. Whatever stops it half-way (a
 * storage outage, a killed process), running it again finishes the rest and repeats nothing: the next write of the
 * same check-in does so first, and the `repair` job sweeps the rest.
 *
 * The short response path (the bot's card, given `deferred`): the check-in is safe once its row with the pending
 * part is written, so the reports (whose codes the answer shows) are filed before the answer, and the counting and
 * clearing run after it ({@link DeferredWork}). Concurrent countings of one team-day row are written together
 * (DailyAggregatesRepository's combiner), so a burst of one team's check-ins costs about one aggregate write per
 * round trip. Without `deferred` (the tab, the repair job) everything is done before `record` returns.
 */

export type ActiveDay = Extract<DayState, { kind: 'day' }>;

/** What finishing a pending part did: the row's new etag (`undefined` if it changed meanwhile) and the reports filed. */
export interface CompletedPending {
  readonly etag: string | undefined;
  readonly barrier?: Barrier;
  readonly idea?: Idea;
}

/** Why a day cannot take a check-in: before yesterday (`closed`), in the future, or no challenge day of the campaign named (`ended`). */
export type DayRefusal = 'closed' | 'future' | 'ended';

/** The answers of one check-in, already validated (the day's own question read for its kind). */
export type CheckInAnswers = Pick<CheckIn, 'outcome' | 'travelMode' | 'distanceBand' | 'wasteFree' | 'challengeAnswer' | 'cupsAvoided'> & {
  /** Theme of the barrier or idea; the day's theme when absent. */
  readonly theme?: Theme;
  /** Trimmed, not empty, within the length limit. */
  readonly barrierText?: string;
  readonly barrierContact?: boolean;
  readonly ideaText?: string;
};

/** The answers with their optional parts left out where absent (zod gives `undefined` for an absent optional field). */
export function checkInAnswers(
  required: Pick<CheckInAnswers, 'outcome' | 'travelMode' | 'distanceBand' | 'wasteFree' | 'challengeAnswer' | 'cupsAvoided'>,
  optional: { readonly theme?: Theme | undefined; readonly barrierText?: string | undefined; readonly barrierContact?: boolean | undefined; readonly ideaText?: string | undefined },
): CheckInAnswers {
  return {
    outcome: required.outcome,
    travelMode: required.travelMode,
    distanceBand: required.distanceBand,
    wasteFree: required.wasteFree,
    challengeAnswer: required.challengeAnswer,
    cupsAvoided: required.cupsAvoided,
    ...(optional.theme === undefined ? {} : { theme: optional.theme }),
    ...(optional.barrierText === undefined ? {} : { barrierText: optional.barrierText }),
    ...(optional.barrierContact === undefined ? {} : { barrierContact: optional.barrierContact }),
    ...(optional.ideaText === undefined ? {} : { ideaText: optional.ideaText }),
  };
}

export type RecordResult =
  | { readonly kind: 'saved'; readonly checkIn: CheckIn; readonly etag: string; readonly how: 'new' | 'changed'; readonly barrier?: Barrier; readonly idea?: Idea }
  /** A first check-in met one already stored (a double submit): nothing was written. */
  | { readonly kind: 'exists' }
  /** The version being corrected changed meanwhile: nothing was written. */
  | { readonly kind: 'changedMeanwhile' }
  /** The version being corrected is gone: nothing was written. */
  | { readonly kind: 'gone' };

export interface CheckInService {
  /** The coordinator may have edited the day's texts; the built-in catalogue is the fallback. */
  loadChallenge(orgId: string, challengeId: string): Promise<DayChallenge | undefined>;
  baselineOf(userId: string, campaignId: string): Promise<Survey | undefined>;
  /**
   * Whether `date` can still take a check-in on `now`: today or yesterday, a challenge day of a running campaign
   * (of `campaignId`, when the caller names one).
   */
  openDay(orgId: string, now: Date, date: IsoDate, campaignId?: string): Promise<ActiveDay | DayRefusal>;
  /**
   * Stores the check-in of `p` for `day`: `expectedEtag` `null` for a first one (insert-if-absent), else the
   * version corrected. Write order: check-in → team-day aggregate → barrier → idea. Only the request whose
   * check-in write succeeded counts it and files its reports, so a double submit counts once.
   */
  record(p: Participant, day: ActiveDay, answers: CheckInAnswers, expectedEtag: string | null, now: Date): Promise<RecordResult>;
  /** The check-in stored for the day, with its etag (and its pending part while its write is unfinished). */
  stored(p: Participant, day: Pick<ActiveDay, 'campaign' | 'date'>): Promise<StoredCheckIn | undefined>;
  /**
   * {@link stored} with an unfinished write finished first (its counting may still run after an answer): the
   * version a correction must name. `undefined` when there is none.
   */
  settled(p: Participant, day: Pick<ActiveDay, 'campaign' | 'date'>): Promise<StoredCheckIn | undefined>;
  /**
   * Finishes the follow-up work of a check-in write (its pending part): counts it once, files its reports once,
   * then clears the pending part if the row is still that version. Safe to run any number of times, also
   * concurrently. A row without a pending part is returned as it is.
   */
  completePending(stored: StoredCheckIn): Promise<CompletedPending>;
}

/**
 * How long the counting after a check-in's answer holds its team-day row's write back to take in the other countings
 * of that row (DailyAggregatesRepository.apply's `windowMs`): a team's check-ins at the morning peak then cost one
 * aggregate write per window instead of one each. The team figures trail the answers by about this much more; the
 * pending part keeps the counting crash-safe meanwhile, and a drain at shutdown waits for it.
 */
export const COUNTING_WINDOW_MS = 500;

/** A random idempotency token: 9 random bytes as 12 base64url characters. */
export function newApplyToken(): string {
  return randomBytes(9).toString('base64url');
}

export interface CheckInServiceDeps {
  readonly repos: Repositories;
  readonly logger: Logger;
  /** Given: `record` counts a new write after answering (the bot's card). Omitted: before it returns. */
  readonly deferred?: DeferredWork;
}

/** The pending part without its reports: what is left once they are filed. */
function withoutReports(pending: CheckInPending): CheckInPending {
  return { token: pending.token, orgId: pending.orgId, ...(pending.previous ? { previous: pending.previous } : {}) };
}

/** The stored check-in a save just wrote. */
function justSaved(checkIn: CheckIn, saved: SavedCheckIn): StoredCheckIn {
  return { value: checkIn, etag: saved.etag, ...(saved.pending ? { pending: saved.pending } : {}) };
}

/** The check-in as stored for `answers`: counted fields, the day's answer and the impact against the baseline. */
function checkInOf(p: Participant, day: ActiveDay, answers: CheckInAnswers, baseline: Survey | undefined, createdAt: string, now: Date): CheckIn {
  const counted = {
    outcome: answers.outcome,
    travelMode: answers.travelMode,
    distanceBand: answers.distanceBand,
    wasteFree: answers.wasteFree,
    cupsAvoided: answers.cupsAvoided,
  };
  return {
    userId: p.userId,
    teamId: p.teamId,
    campaignId: day.campaign.campaignId,
    date: day.date,
    day: day.day,
    challengeId: day.challengeId,
    ...counted,
    challengeAnswer: answers.challengeAnswer,
    impact: estimateCheckInImpact(counted, baseline),
    factorVersion: FACTOR_TABLE_VERSION,
    createdAt,
    updatedAt: now.toISOString(),
  };
}

/**
 * Everything the write still has to do, with the reports' ids chosen now: stored in the check-in's own write. The
 * reports are anonymous unless the reporter ticked "you may contact me".
 */
function pendingWorkOf(p: Participant, answers: CheckInAnswers, challenge: DayChallenge, now: Date): PendingWork {
  const theme = answers.theme ?? challenge.theme;
  const contact = answers.barrierContact === true;
  // Ids whose time part says only the day (reportDay): the moment of filing would tie a report to this check-in.
  const report = (text: string | undefined): { report?: PendingReport } =>
    text === undefined ? {} : { report: { id: newSortableId(reportDay(now)), theme, text, contact } };
  const barrier = report(answers.barrierText).report;
  const idea = report(answers.ideaText).report;
  return { token: newApplyToken(), orgId: p.orgId, ...(barrier ? { barrier } : {}), ...(idea ? { idea } : {}) };
}

/** What the service's steps share. */
interface ServiceContext {
  readonly repos: Repositories;
  readonly logger: Logger;
  readonly deferred: DeferredWork | undefined;
  readonly completion: Completion;
  loadChallenge(orgId: string, challengeId: string): Promise<DayChallenge | undefined>;
  read(p: Participant, day: Pick<ActiveDay, 'campaign' | 'date'>): Promise<StoredCheckIn | undefined>;
}

export function createCheckInService(deps: CheckInServiceDeps): CheckInService {
  const { repos } = deps;
  const ctx: ServiceContext = {
    repos,
    logger: deps.logger,
    deferred: deps.deferred,
    completion: createCompletion(repos, deps.logger),
    loadChallenge: async (orgId, challengeId) => (await repos.challenges.get(orgId, challengeId)) ?? challengeById(challengeId),
    read: (p, day) => repos.checkIns.get(p.userId, day.campaign.campaignId, day.date),
  };
  const { completePending, finishEarlier } = ctx.completion;
  return {
    loadChallenge: ctx.loadChallenge,
    completePending: (stored) => completePending(stored),
    record: (p, day, answers, expectedEtag, now) => record(ctx, p, day, answers, expectedEtag, now),
    baselineOf: (userId, campaignId) => repos.surveys.recent(userId, campaignId, 'baseline'),
    stored: ctx.read,
    async settled(p, day) {
      const current = await ctx.read(p, day);
      // Cleared meanwhile by another finisher (the deferred counting): read the finished version.
      return current?.pending ? ((await finishEarlier(current)) ?? (await ctx.read(p, day))) : current;
    },

    async openDay(orgId, now, date, campaignId) {
      const today = todayIn(now);
      const [, yesterday] = editableDates(today);
      if (date < yesterday) return 'closed';
      if (date > today) return 'future';
      const state = dayState(await repos.campaigns.list(orgId), date);
      if (state.kind !== 'day' || (campaignId !== undefined && state.campaign.campaignId !== campaignId)) return 'ended';
      return state;
    },
  };
}

/**
 * The version a correction replaces: the stored one if it is still `expectedEtag`, finished first when its own
 * write is unfinished; else why not.
 */
async function versionToCorrect(ctx: ServiceContext, p: Participant, day: ActiveDay, expectedEtag: string): Promise<StoredCheckIn | 'gone' | 'changedMeanwhile'> {
  const { finishEarlier } = ctx.completion;
  const current = await ctx.read(p, day);
  if (!current) return 'gone';
  if (current.etag !== expectedEtag) {
    // A retry of an edit whose write went through but whose follow-up did not lands here: finish that.
    await finishEarlier(current);
    return 'changedMeanwhile';
  }
  // The version being corrected may itself be unfinished (read while its write was cut off): finish it first,
  // then correct the finished version.
  return (await finishEarlier(current)) ?? 'changedMeanwhile';
}

/** The follow-up of a write that went through: all of it now, or the reports now and the counting after the answer. */
async function followUp(ctx: ServiceContext, stored: StoredCheckIn): Promise<CompletedPending> {
  const { completePending, fileReports } = ctx.completion;
  const pending = stored.pending;
  if (!ctx.deferred || !pending) return completePending(stored);
  const reports = await fileReports(stored.value, pending);
  const rest: StoredCheckIn = { value: stored.value, etag: stored.etag, pending: withoutReports(pending) };
  const { userId, campaignId, date } = stored.value;
  ctx.deferred.defer('counting a check-in', () => completePending(rest, COUNTING_WINDOW_MS), { userId, campaignId, date });
  return { etag: stored.etag, ...reports };
}

/** {@link CheckInService.record}. */
async function record(ctx: ServiceContext, p: Participant, day: ActiveDay, answers: CheckInAnswers, expectedEtag: string | null, now: Date): Promise<RecordResult> {
  const { repos, logger } = ctx;
  const [challenge, baseline] = await Promise.all([ctx.loadChallenge(p.orgId, day.challengeId), repos.surveys.recent(p.userId, day.campaign.campaignId, 'baseline')]);
  if (!challenge) throw new Error(`challenge ${day.challengeId} of campaign ${day.campaign.campaignId} is in no catalogue`);
  let stored: StoredCheckIn | undefined;
  if (expectedEtag !== null) {
    const version = await versionToCorrect(ctx, p, day, expectedEtag);
    if (typeof version === 'string') return { kind: version };
    stored = version;
  }
  const checkIn = checkInOf(p, day, answers, baseline, stored?.value.createdAt ?? now.toISOString(), now);
  let saved: SavedCheckIn;
  try {
    saved = await repos.checkIns.save(checkIn, stored ? stored.etag : null, pendingWorkOf(p, answers, challenge, now));
  } catch (err) {
    if (err instanceof ConflictError) {
      logger.info('check-in already recorded', { userId: p.userId, campaignId: checkIn.campaignId, date: checkIn.date, reason: err.reason });
      // A double submit, or a retry of a first check-in whose write went through: finish what that write left.
      if (err.reason === 'exists') await ctx.completion.finishEarlier(await ctx.read(p, day));
      return { kind: err.reason === 'exists' ? 'exists' : 'changedMeanwhile' };
    }
    if (isAppError(err, 'NOT_FOUND')) return { kind: 'gone' };
    throw err;
  }
  // Counted once and filed once, even when this is cut off and finished later by a retry or the repair job.
  const done = await followUp(ctx, justSaved(checkIn, saved));
  logger.info('check-in stored', { userId: p.userId, campaignId: checkIn.campaignId, date: checkIn.date, edit: saved.previous !== undefined });
  return {
    kind: 'saved',
    checkIn,
    // When the row changed between our write and clearing its pending part, the next edit reads it afresh.
    etag: done.etag ?? saved.etag,
    how: stored ? 'changed' : 'new',
    ...(done.barrier ? { barrier: done.barrier } : {}),
    ...(done.idea ? { idea: done.idea } : {}),
  };
}

/** The reports a completion filed. */
type FiledReports = Pick<CompletedPending, 'barrier' | 'idea'>;

/** Finishing a pending part: {@link CheckInService.completePending} and its steps. */
interface Completion {
  /** {@link CheckInService.completePending}; `windowMs` as DailyAggregatesRepository.apply's (after an answer only). */
  completePending(stored: StoredCheckIn, windowMs?: number): Promise<CompletedPending>;
  fileReports(checkIn: CheckIn, pending: CheckInPending): Promise<FiledReports>;
  /** The stored check-in with an unfinished write finished first; `undefined` when another finisher cleared it first. */
  finishEarlier(stored: StoredCheckIn | undefined): Promise<StoredCheckIn | undefined>;
}

function createCompletion(repos: Repositories, logger: Logger): Completion {
  /** Files the pending part's barrier and idea (insert-if-absent by their ids); each is waited for, the first failure thrown. */
  async function fileReports(checkIn: CheckIn, pending: CheckInPending): Promise<FiledReports> {
    const report = (r: PendingReport) => ({
      orgId: pending.orgId,
      campaignId: checkIn.campaignId,
      teamId: checkIn.teamId,
      theme: r.theme,
      text: r.text,
      ...(r.contact ? { contactUserId: checkIn.userId } : {}),
    });
    const [barrierDone, ideaDone] = await Promise.allSettled([
      pending.barrier && repos.barriers.createWithId(report(pending.barrier), pending.barrier.id),
      pending.idea && repos.ideas.createWithId(report(pending.idea), pending.idea.id),
    ]);
    for (const step of [barrierDone, ideaDone]) if (step.status === 'rejected') throw step.reason;
    const barrier = barrierDone.status === 'fulfilled' ? barrierDone.value : undefined;
    const idea = ideaDone.status === 'fulfilled' ? ideaDone.value : undefined;
    return { ...(barrier ? { barrier: barrier.barrier } : {}), ...(idea ? { idea: idea.idea } : {}) };
  }

  async function completePending(stored: StoredCheckIn, windowMs = 0): Promise<CompletedPending> {
    const { pending, value: checkIn } = stored;
    if (!pending) return { etag: stored.etag };
    // Independent, idempotent steps, side by side. Each is waited for even when another failed (no write outlives
    // the call); what landed is skipped by the rerun, the first failure is thrown.
    const [counted, filed] = await Promise.allSettled([
      repos.dailyAggregates.apply(checkIn, previousOf(checkIn, pending), pending.token, windowMs),
      fileReports(checkIn, pending),
    ]);
    if (counted.status === 'rejected') throw counted.reason;
    if (filed.status === 'rejected') throw filed.reason;
    // Cleared only when all of them are done.
    const etag = await repos.checkIns.clearPending(stored);
    logger.info('check-in completed', {
      userId: checkIn.userId,
      campaignId: checkIn.campaignId,
      date: checkIn.date,
      edit: pending.previous !== undefined,
      // Nothing about reports: next to the user id, even "a barrier was filed" (with the day's barriers of the
      // team) would name the reporter of an anonymous barrier or idea to anyone who reads the logs.
      cleared: etag !== undefined,
    });
    return { etag, ...filed.value };
  }

  /** The stored check-in of the day, with an unfinished earlier write finished first (a retry after an outage). */
  async function finishEarlier(stored: StoredCheckIn | undefined): Promise<StoredCheckIn | undefined> {
    if (!stored?.pending) return stored;
    const done = await completePending(stored);
    return done.etag === undefined ? undefined : { value: stored.value, etag: done.etag };
  }

  return { completePending, fileReports, finishEarlier };
}
