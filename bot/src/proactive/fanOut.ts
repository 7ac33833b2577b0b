import { randomBytes } from 'node:crypto';
import type { ConversationOwner, ConversationScope, StoredConversationRef } from '@soestainable/shared/domain/conversation';
import type { SendKind, SendRun } from '@soestainable/shared/domain/sending';
import { errorFields, type Logger } from '../platform/logger';
import type { ConversationRefsRepository } from '../storage/repositories/conversationRefs';
import type { ClaimOutcome, SendClaimsRepository } from '../storage/repositories/sendClaims';
import { MAX_BATCH } from '../storage/tableStore';
import type { SendRunsRepository } from '../storage/repositories/sendRuns';
import { GroupCommit } from './groupCommit';
import { RateLimiter, type ThrottleBrakeOptions, type WindowLimit } from './rateLimits';
import { classifySendError, SendError, type OutgoingActivity, type Sender } from './sender';

/** Time for the engine: milliseconds since the epoch, and a sleep. Tests pass a fake. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** One recipient of a run. */
export interface FanOutRecipient {
  /** The claim's RowKey: a user id, or e.g. `team:<id>` for a team digest. */
  readonly recipientId: string;
  /** Whose conversation reference to use (default: the user `recipientId`). */
  readonly owner?: ConversationOwner;
  /** Which of the owner's references (default: `personal` for a user, `channel` for a team). */
  readonly scope?: ConversationScope;
  /** Claim the recipient but send nothing, recording this reason code (e.g. `paused`). */
  readonly skipReason?: string;
  /** The message; called only once the claim is ours and a reference is active. */
  build(): OutgoingActivity | Promise<OutgoingActivity>;
}

export interface FanOutRequest {
  readonly kind: SendKind;
  /** e.g. `2026-12-07` for a day's nudges, `2026-W50` for a digest week. */
  readonly period: string;
  /** Read lazily, by at most `concurrency` workers: a generator over a large partition is fine. */
  readonly recipients: AsyncIterable<FanOutRecipient> | Iterable<FanOutRecipient>;
  /**
   * Read every stored reference of these scopes in pages before sending, instead of one point read per
   * recipient (default: none). Worth it when the run reaches a good part of everyone with a reference (a nudge
   * slot, a digest); a recipient missing from the pages is still looked up on its own. Needs
   * `conversationRefs.iterateScope`.
   */
  readonly prefetchReferences?: readonly ConversationScope[];
  /** Called after each finished recipient with this run's counters so far (besides `FanOutOptions.onProgress`). */
  readonly onProgress?: (run: SendRun) => void;
}

export interface FanOutOptions {
  /**
   * Unique per process. Each run claims with its own token, `<instanceId>.<random nonce>` (the claim's
   * `claimedBy`), so that neither another process nor another run of this one is ever mistaken for it.
   */
  readonly instanceId: string;
  /** Sends per second for this process (default 30). Several instances each get their own bucket: divide. */
  readonly tenantRate?: number;
  readonly tenantBurst?: number;
  readonly conversationLimits?: readonly WindowLimit[];
  /**
   * Recipients in progress at once (default 16), and so the most a crash can leave uncertain. A run sends at most
   * concurrency ÷ time per recipient: raise it with the rate (16 at 200 ms a recipient is 80/s).
   */
  readonly concurrency?: number;
  /** Tries per send, the first included (default 5). */
  readonly maxAttempts?: number;
  /** Backoff: the first retry waits about `baseDelayMs` (default 500), doubling, at most `maxDelayMs` (30 s). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A Retry-After longer than this (default 5 min) is cut to it. */
  readonly maxRetryAfterMs?: number;
  /** Take `failed` claims of an earlier run again (default false: a failed send stays failed). */
  readonly retryFailed?: boolean;
  /**
   * At the end of the run, a claim still `claimed` counts as uncertain when it is this run's, or was taken
   * at least this long before the run started (default 0). Raise it to the longest a live send can take when
   * instances start the same run at different times, so that another instance's live sends are not counted.
   */
  readonly uncertainAfterMs?: number;
  /** Save the run's counters every this many finished recipients (default 500). */
  readonly saveEvery?: number;
  /**
   * Called after each finished recipient of **every** run of this engine with that run's counters. For one run's
   * progress (a progress bar), use `FanOutRequest.onProgress`.
   */
  readonly onProgress?: (run: SendRun) => void;
  /** Jitter source in [0, 1) (default Math.random). */
  readonly random?: () => number;
  /**
   * The longest wait for one send's answer, in real milliseconds (default 30 s). A send that times out may still
   * have been delivered, so it is **not** retried: its claim stays `claimed` and the run counts it as uncertain.
   */
  readonly attemptTimeoutMs?: number;
  /** Slows the tenant bucket when many recent answers are 429s (see `ThrottleBrake`); `false` turns it off. */
  readonly throttleBrake?: ThrottleBrakeOptions | false;
  /**
   * Write claims and their outcomes in group transactions (one round trip for the claims of several workers)
   * when `sendClaims` offers `claimMany`/`finishMany` (default true).
   */
  readonly groupCommit?: boolean;
}

export interface FanOutDeps {
  readonly sendClaims: Pick<SendClaimsRepository, 'claim' | 'reclaimFailed' | 'markSent' | 'markFailed' | 'markSkipped' | 'inFlight'> &
    Partial<Pick<SendClaimsRepository, 'claimMany' | 'finishMany'>>;
  readonly sendRuns: Pick<SendRunsRepository, 'start' | 'save' | 'finish'>;
  readonly conversationRefs: Pick<ConversationRefsRepository, 'get' | 'markInactive'> & Partial<Pick<ConversationRefsRepository, 'iterateScope'>>;
  readonly sender: Sender;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/**
 * A run's claim token: the instance id and 48 random bits. It tells this run's own claim, committed although the
 * storage SDK's retry of the insert answered 409, from another run's (see `SendClaimsRepository.claim`).
 */
export function runClaimToken(instanceId: string): string {
  return `${instanceId}.${randomBytes(6).toString('hex')}`;
}

/** Skip reason codes the engine itself writes. */
export const SKIP_REASONS = {
  alreadyClaimed: 'already_claimed',
  noConversation: 'no_conversation',
  inactive: 'conversation_inactive',
} as const;

/**
 * The wait before retry `attempt` (1 = the first retry): "equal jitter" exponential backoff, half fixed and
 * half random, so instances that were throttled together do not come back together. A Retry-After is honoured
 * as a minimum, plus up to 10 % jitter.
 */
export function backoffDelayMs(
  attempt: number,
  options: { baseDelayMs: number; maxDelayMs: number; maxRetryAfterMs: number; random: () => number },
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) {
    const honoured = Math.min(retryAfterMs, options.maxRetryAfterMs);
    return Math.round(honoured + options.random() * honoured * 0.1);
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

type Counters = { -readonly [K in 'queued' | 'sent' | 'retried' | 'throttled' | 'failed' | 'skipped' | 'uncertain']: number } & {
  skippedByReason: Record<string, number>;
};

type SendOutcome =
  | { kind: 'sent'; activityId: string }
  | { kind: 'gone'; code: string }
  | { kind: 'failed'; code: string }
  | { kind: 'uncertain'; code: string };

/** How one run writes its claims: one by one, or grouped (see {@link GroupCommit}). */
interface ClaimWriter {
  claim(recipientId: string): Promise<'claimed' | 'taken'>;
  finish(outcome: ClaimOutcome): Promise<void>;
}

/**
 * Sends one message per recipient for a (kind, period), exactly once across retries, restarts and instances:
 *
 * 1. claim with the run's own token (insert-if-absent in `SendClaims`; `taken` means another run or instance has
 *    it: skipped; our own insert answered 409 by a storage retry is recognised as ours);
 * 2. load the recipient's active conversation reference (none or inactive: skipped, with the reason);
 * 3. wait for the tenant bucket and the conversation's windows; send; retry 429/412/502/504 and requests that
 *    never left with jittered exponential backoff honouring Retry-After; 403/404 mark the reference inactive
 *    and fail; a timeout (or a reset after the request went out) is *uncertain* and never resent;
 * 4. move the claim to `sent` (with the activity id), `failed` or `skipped`.
 *
 * Claims and outcomes of concurrent workers are written together in group transactions when the repository
 * offers them; each worker still waits for its own write, so at most `concurrency` claims are ever between
 * steps 1 and 4. A crash there leaves them `claimed`: never sent again, and the next run counts them as
 * *uncertain*. A storage error stops the run (workers finish their current recipient), is recorded and
 * thrown: storage errors are never swallowed.
 */
export class FanOutEngine {
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly backoff: { baseDelayMs: number; maxDelayMs: number; maxRetryAfterMs: number; random: () => number };
  private readonly attemptTimeoutMs: number;

  constructor(
    private readonly deps: FanOutDeps,
    private readonly options: FanOutOptions,
  ) {
    if (options.instanceId.trim() === '') throw new RangeError('instanceId must not be empty.');
    this.clock = deps.clock ?? systemClock;
    this.concurrency = positiveInt(options.concurrency ?? 16, 'concurrency');
    this.maxAttempts = positiveInt(options.maxAttempts ?? 5, 'maxAttempts');
    this.limiter = new RateLimiter(() => this.clock.now(), {
      ...(options.tenantRate === undefined ? {} : { tenantRate: options.tenantRate }),
      ...(options.tenantBurst === undefined ? {} : { tenantBurst: options.tenantBurst }),
      ...(options.conversationLimits === undefined ? {} : { conversationLimits: options.conversationLimits }),
      ...(options.throttleBrake === undefined ? {} : { throttleBrake: options.throttleBrake }),
    });
    this.attemptTimeoutMs = positiveInt(options.attemptTimeoutMs ?? 30_000, 'attemptTimeoutMs');
    this.backoff = {
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 300_000,
      random: options.random ?? Math.random,
    };
  }

  /** Runs one fan-out to the end and returns its finished, saved record. */
  // eslint-disable-next-line max-lines-per-function -- being rewritten (issue 14 item 6, branch perf-fanout)
  async run(request: FanOutRequest): Promise<SendRun> {
    const { kind, period } = request;
    const startedMs = this.clock.now();
    let record = await this.deps.sendRuns.start(kind);
    const counters: Counters = { queued: 0, sent: 0, retried: 0, throttled: 0, failed: 0, skipped: 0, uncertain: 0, skippedByReason: {} };
    const takenIds = new Set<string>();
    // Recipients this run has handled: a repeated one is skipped before claiming, because a repeated claim with
    // the run's own token would be recognised as ours (see SendClaimsRepository.claim) and sent twice.
    const seenIds = new Set<string>();
    const token = runClaimToken(this.options.instanceId);
    const snapshot = (): SendRun => ({ ...record, ...counters, skippedByReason: { ...counters.skippedByReason } });

    let failure: { error: unknown } | undefined;
    // Saves are chained so that an older snapshot never lands after a newer one (save replaces the row).
    let saving: Promise<void> = Promise.resolve();
    let finished = 0;
    const saveEvery = positiveInt(this.options.saveEvery ?? 500, 'saveEvery');
    const progress = (): void => {
      finished++;
      if (this.options.onProgress !== undefined || request.onProgress !== undefined) {
        const run = snapshot();
        this.options.onProgress?.(run);
        request.onProgress?.(run);
      }
      if (finished % saveEvery === 0) {
        const run = snapshot();
        // A failed save stops the run like any storage error (and is never left as an unhandled rejection).
        saving = saving.then(() => this.deps.sendRuns.save(run)).catch((error: unknown) => void (failure ??= { error }));
      }
    };

    const skip = (reason: string): void => {
      counters.skipped++;
      counters.skippedByReason[reason] = (counters.skippedByReason[reason] ?? 0) + 1;
    };

    const claims = this.deps.sendClaims;
    const writer = this.claimWriter(kind, period, token);
    let prefetched: Map<string, StoredConversationRef> | undefined;
    const lookUp = async (owner: ConversationOwner, scope: ConversationScope): Promise<StoredConversationRef | undefined> =>
      prefetched?.get(refKey(owner, scope)) ?? (await this.deps.conversationRefs.get(owner, scope));
    const handle = async (recipient: FanOutRecipient): Promise<void> => {
      const { recipientId } = recipient;
      if (seenIds.has(recipientId)) {
        skip(SKIP_REASONS.alreadyClaimed);
        return;
      }
      seenIds.add(recipientId);
      let claim = await writer.claim(recipientId);
      if (claim === 'taken' && this.options.retryFailed === true) {
        claim = await claims.reclaimFailed(kind, period, recipientId, token);
      }
      if (claim === 'taken') {
        takenIds.add(recipientId);
        skip(SKIP_REASONS.alreadyClaimed);
        return;
      }
      if (recipient.skipReason !== undefined) {
        await writer.finish({ recipientId, state: 'skipped', reason: recipient.skipReason });
        skip(recipient.skipReason);
        return;
      }
      const owner: ConversationOwner = recipient.owner ?? { kind: 'user', userId: recipientId };
      const scope: ConversationScope = recipient.scope ?? (owner.kind === 'user' ? 'personal' : 'channel');
      const ref = await lookUp(owner, scope);
      if (!ref || !ref.active) {
        const reason = ref ? SKIP_REASONS.inactive : SKIP_REASONS.noConversation;
        await writer.finish({ recipientId, state: 'skipped', reason });
        skip(reason);
        return;
      }
      let activity: OutgoingActivity;
      try {
        activity = await recipient.build();
      } catch (err) {
        this.deps.logger?.warn('fan-out: building the message failed', { kind, period, ...errorFields(err) });
        await writer.finish({ recipientId, state: 'failed', errorCode: 'BUILD_FAILED' });
        counters.failed++;
        return;
      }
      const outcome = await this.sendWithRetries(ref, activity, counters);
      if (outcome.kind === 'sent') {
        await writer.finish({ recipientId, state: 'sent', activityId: outcome.activityId });
        counters.sent++;
        return;
      }
      if (outcome.kind === 'uncertain') {
        // Maybe delivered: the claim stays `claimed`, never resent; counted as uncertain at the end of the run.
        this.deps.logger?.warn('fan-out: no answer to a send, left uncertain', { kind, period, code: outcome.code });
        return;
      }
      if (outcome.kind === 'gone') await this.deps.conversationRefs.markInactive(owner, scope);
      await writer.finish({ recipientId, state: 'failed', errorCode: outcome.code });
      counters.failed++;
    };

    // Bounded concurrency: `concurrency` workers pull from one iterator, one next() at a time.
    const iterator = toAsyncIterator(request.recipients);
    let pulling: Promise<unknown> = Promise.resolve();
    const pull = (): Promise<IteratorResult<FanOutRecipient>> => {
      const next = pulling.then(() => iterator.next());
      pulling = next.catch(() => undefined);
      return next;
    };
    const worker = async (): Promise<void> => {
      while (failure === undefined) {
        const next = await pull();
        if (next.done === true || failure !== undefined) return;
        counters.queued++;
        try {
          await handle(next.value);
        } catch (error) {
          failure ??= { error };
          return;
        }
        progress();
      }
    };
    try {
      if (request.prefetchReferences !== undefined && request.prefetchReferences.length > 0) {
        prefetched = await this.prefetch(request.prefetchReferences);
      }
      await Promise.all(Array.from({ length: this.concurrency }, async () => worker().catch((error: unknown) => void (failure ??= { error }))));
      await iterator.return?.();
      if (failure === undefined) await this.countUncertain(kind, period, token, startedMs, takenIds, counters);
    } catch (error) {
      failure ??= { error };
    }

    await saving;
    record = snapshot();
    try {
      record = await this.deps.sendRuns.finish(record);
    } catch (error) {
      if (failure === undefined) throw error;
      this.deps.logger?.error('fan-out: could not record the failed run', { kind, period, ...errorFields(error) });
    }
    if (failure !== undefined) {
      this.deps.logger?.error('fan-out: run stopped', { kind, period, ...counters, skippedByReason: undefined, ...errorFields(failure.error) });
      throw failure.error;
    }
    return record;
  }

  /** Every stored reference of the scopes, by owner and scope. */
  private async prefetch(scopes: readonly ConversationScope[]): Promise<Map<string, StoredConversationRef>> {
    const refs = this.deps.conversationRefs;
    const iterateScope = refs.iterateScope;
    if (iterateScope === undefined) throw new RangeError('prefetchReferences needs conversationRefs.iterateScope.');
    const map = new Map<string, StoredConversationRef>();
    for (const scope of new Set(scopes)) {
      for await (const ref of iterateScope.call(refs, scope)) map.set(refKey(ref.owner, ref.scope), ref);
    }
    return map;
  }

  private claimWriter(kind: SendKind, period: string, token: string): ClaimWriter {
    const claims = this.deps.sendClaims;
    const single: ClaimWriter = {
      claim: (recipientId) => claims.claim(kind, period, recipientId, token),
      finish: async (o) => {
        if (o.state === 'sent') await claims.markSent(kind, period, o.recipientId, o.activityId);
        else if (o.state === 'failed') await claims.markFailed(kind, period, o.recipientId, o.errorCode);
        else await claims.markSkipped(kind, period, o.recipientId, o.reason);
      },
    };
    const { claimMany, finishMany } = claims;
    if (this.options.groupCommit === false || claimMany === undefined || finishMany === undefined) return single;
    const maxBatch = Math.min(MAX_BATCH, this.concurrency);
    const claimGroup = new GroupCommit<string, 'claimed' | 'taken'>(async (ids) => {
      // A recipient listed twice: its first entry claims, the others find it taken (as one by one they would).
      const unique = [...new Set(ids)];
      const answers = await claimMany.call(claims, kind, period, unique, token);
      const byId = new Map(unique.map((id, i) => [id, answers[i] ?? 'taken']));
      return ids.map((id) => {
        const answer = byId.get(id) ?? 'taken';
        byId.set(id, 'taken');
        return answer;
      });
    }, maxBatch);
    const finishGroup = new GroupCommit<ClaimOutcome, undefined>(async (outcomes) => {
      await finishMany.call(claims, kind, period, outcomes);
      return outcomes.map(() => undefined);
    }, maxBatch);
    return { claim: (id) => claimGroup.submit(id), finish: (o) => finishGroup.submit(o) };
  }

  /**
   * Claims of this (kind, period) still `claimed` after our work: this run's (a claim it could not finish) or
   * older than the run (a crashed or stopped run's). Never resent; counted, and moved out of `already_claimed` if
   * we met them. Another live run's claims, in this process or another, are not counted.
   */
  private async countUncertain(kind: SendKind, period: string, token: string, startedMs: number, takenIds: Set<string>, counters: Counters): Promise<void> {
    const before = startedMs - (this.options.uncertainAfterMs ?? 0);
    const stuck = await this.deps.sendClaims.inFlight(kind, period);
    for (const claim of stuck) {
      if (claim.claimedBy !== token && !(Date.parse(claim.claimedAt) < before)) continue;
      counters.uncertain++;
      if (takenIds.has(claim.recipientId)) {
        counters.skipped--;
        const { [SKIP_REASONS.alreadyClaimed]: taken = 1, ...others } = counters.skippedByReason;
        counters.skippedByReason = taken > 1 ? { ...others, [SKIP_REASONS.alreadyClaimed]: taken - 1 } : others;
      }
    }
  }

  private async sendWithRetries(ref: StoredConversationRef, activity: OutgoingActivity, counters: Counters): Promise<SendOutcome> {
    const conversationKey = conversationKeyOf(ref);
    let retried = false;
    for (let attempt = 1; ; attempt++) {
      let acquiredAt = this.clock.now();
      for (let wait = this.limiter.tryAcquire(conversationKey, acquiredAt); wait > 0; wait = this.limiter.tryAcquire(conversationKey, acquiredAt)) {
        await this.clock.sleep(wait);
        acquiredAt = this.clock.now();
      }
      try {
        const { activityId } = await this.withTimeout(this.deps.sender.send(ref.reference, activity));
        this.limiter.settle(conversationKey, acquiredAt);
        this.limiter.recordAnswer(false);
        return { kind: 'sent', activityId };
      } catch (err) {
        this.limiter.settle(conversationKey, acquiredAt);
        const failure = classifySendError(err);
        if (failure.kind === 'unknown') return { kind: 'uncertain', code: failure.code };
        // Every answer feeds the brake (a 403 or 500 counts as "not throttled"); no answer (above) does not.
        const throttled = failure.kind === 'retry' && failure.throttled;
        if (this.limiter.recordAnswer(throttled, failure.kind === 'retry' ? failure.retryAfterMs : undefined)) {
          this.deps.logger?.warn('fan-out: many 429s, slowing the tenant rate', { factor: this.limiter.tenantFactor() });
        }
        if (failure.kind === 'gone') return { kind: 'gone', code: failure.code };
        if (failure.kind === 'fatal') {
          this.deps.logger?.warn('fan-out: send failed', { code: failure.code, ...errorFields(err) });
          return { kind: 'failed', code: failure.code };
        }
        if (failure.throttled) counters.throttled++;
        if (attempt >= this.maxAttempts) return { kind: 'failed', code: failure.code };
        if (!retried) {
          retried = true;
          counters.retried++;
        }
        await this.clock.sleep(backoffDelayMs(attempt, this.backoff, failure.retryAfterMs));
      }
    }
  }

  /**
   * The send, or a `timedOut` SendError after `attemptTimeoutMs` of real time. The abandoned request is not
   * cancelled (the SDK offers no way): it may still land, which is exactly why a timeout is uncertain.
   */
  private async withTimeout<T>(sending: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SendError('no answer in time', { timedOut: true })), this.attemptTimeoutMs);
    });
    sending.catch(() => undefined); // a late failure of an abandoned send is not an unhandled rejection
    try {
      return await Promise.race([sending, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function refKey(owner: ConversationOwner, scope: ConversationScope): string {
  return JSON.stringify(owner.kind === 'user' ? ['user', owner.userId, scope] : ['team', owner.teamId, scope]);
}

/** The conversation the per-conversation limits apply to: the reference's conversation id when it has one. */
function conversationKeyOf(ref: StoredConversationRef): string {
  const id = (ref.reference as { conversation?: { id?: unknown } } | null)?.conversation?.id;
  if (typeof id === 'string' && id !== '') return id;
  return ref.owner.kind === 'user' ? `user:${ref.owner.userId}|${ref.scope}` : `team:${ref.owner.teamId}|${ref.scope}`;
}

function positiveInt(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer, got ${value}.`);
  return value;
}

function toAsyncIterator<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  async function* wrap(): AsyncGenerator<T> {
    yield* source as Iterable<T>;
  }
  return wrap();
}
