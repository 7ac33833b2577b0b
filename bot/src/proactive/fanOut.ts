import type { ConversationOwner, ConversationScope, StoredConversationRef } from '../../../shared/src/domain/conversation';
import type { SendKind, SendRun } from '../../../shared/src/domain/sending';
import { errorFields, type Logger } from '../platform/logger';
import type { ConversationRefsRepository } from '../storage/repositories/conversationRefs';
import type { SendClaimsRepository } from '../storage/repositories/sendClaims';
import type { SendRunsRepository } from '../storage/repositories/sendRuns';
import { RateLimiter, type WindowLimit } from './rateLimits';
import { classifySendError, type OutgoingActivity, type Sender } from './sender';

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
}

export interface FanOutOptions {
  /** Unique per process: stored as the claim's `claimedBy`. */
  readonly instanceId: string;
  /** Sends per second for this process (default 30). Several instances each get their own bucket: divide. */
  readonly tenantRate?: number;
  readonly tenantBurst?: number;
  readonly conversationLimits?: readonly WindowLimit[];
  /** Recipients in progress at once (default 16). */
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
   * At the end of the run, a claim still `claimed` counts as uncertain when it is this instance's, or was taken
   * at least this long before the run started (default 0). Raise it to the longest a live send can take when
   * instances start the same run at different times, so that another instance's live sends are not counted.
   */
  readonly uncertainAfterMs?: number;
  /** Save the run's counters every this many finished recipients (default 500). */
  readonly saveEvery?: number;
  /** Called after each finished recipient with the counters so far (a progress bar). */
  readonly onProgress?: (run: SendRun) => void;
  /** Jitter source in [0, 1) (default Math.random). */
  readonly random?: () => number;
}

export interface FanOutDeps {
  readonly sendClaims: Pick<SendClaimsRepository, 'claim' | 'reclaimFailed' | 'markSent' | 'markFailed' | 'markSkipped' | 'inFlight'>;
  readonly sendRuns: Pick<SendRunsRepository, 'start' | 'save' | 'finish'>;
  readonly conversationRefs: Pick<ConversationRefsRepository, 'get' | 'markInactive'>;
  readonly sender: Sender;
  readonly clock?: Clock;
  readonly logger?: Logger;
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

type SendOutcome = { kind: 'sent'; activityId: string } | { kind: 'gone'; code: string } | { kind: 'failed'; code: string };

/**
 * Sends one message per recipient for a (kind, period), exactly once across retries, restarts and instances:
 *
 * 1. claim (insert-if-absent in `SendClaims`; `taken` means another run or instance has it: skipped);
 * 2. load the recipient's active conversation reference (none or inactive: skipped, with the reason);
 * 3. wait for the tenant bucket and the conversation's windows; send; retry 429/412/502/504 and timeouts with
 *    jittered exponential backoff honouring Retry-After; 403/404 mark the reference inactive and fail;
 * 4. move the claim to `sent` (with the activity id), `failed` or `skipped`.
 *
 * A crash between send and step 4 leaves the claim `claimed`: it is never sent again, and the next run counts
 * it as *uncertain*. A storage error stops the run (workers finish their current recipient), is recorded and
 * thrown: storage errors are never swallowed.
 */
export class FanOutEngine {
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly backoff: { baseDelayMs: number; maxDelayMs: number; maxRetryAfterMs: number; random: () => number };

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
    });
    this.backoff = {
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 300_000,
      random: options.random ?? Math.random,
    };
  }

  /** Runs one fan-out to the end and returns its finished, saved record. */
  async run(request: FanOutRequest): Promise<SendRun> {
    const { kind, period } = request;
    const startedMs = this.clock.now();
    let record = await this.deps.sendRuns.start(kind);
    const counters: Counters = { queued: 0, sent: 0, retried: 0, throttled: 0, failed: 0, skipped: 0, uncertain: 0, skippedByReason: {} };
    const takenIds = new Set<string>();
    const snapshot = (): SendRun => ({ ...record, ...counters, skippedByReason: { ...counters.skippedByReason } });

    let failure: { error: unknown } | undefined;
    // Saves are chained so that an older snapshot never lands after a newer one (save replaces the row).
    let saving: Promise<void> = Promise.resolve();
    let finished = 0;
    const saveEvery = positiveInt(this.options.saveEvery ?? 500, 'saveEvery');
    const progress = (): void => {
      finished++;
      this.options.onProgress?.(snapshot());
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

    const handle = async (recipient: FanOutRecipient): Promise<void> => {
      const { recipientId } = recipient;
      const claims = this.deps.sendClaims;
      let claim = await claims.claim(kind, period, recipientId, this.options.instanceId);
      if (claim === 'taken' && this.options.retryFailed === true) {
        claim = await claims.reclaimFailed(kind, period, recipientId, this.options.instanceId);
      }
      if (claim === 'taken') {
        takenIds.add(recipientId);
        skip(SKIP_REASONS.alreadyClaimed);
        return;
      }
      if (recipient.skipReason !== undefined) {
        await claims.markSkipped(kind, period, recipientId, recipient.skipReason);
        skip(recipient.skipReason);
        return;
      }
      const owner: ConversationOwner = recipient.owner ?? { kind: 'user', userId: recipientId };
      const scope: ConversationScope = recipient.scope ?? (owner.kind === 'user' ? 'personal' : 'channel');
      const ref = await this.deps.conversationRefs.get(owner, scope);
      if (!ref || !ref.active) {
        const reason = ref ? SKIP_REASONS.inactive : SKIP_REASONS.noConversation;
        await claims.markSkipped(kind, period, recipientId, reason);
        skip(reason);
        return;
      }
      let activity: OutgoingActivity;
      try {
        activity = await recipient.build();
      } catch (err) {
        this.deps.logger?.warn('fan-out: building the message failed', { kind, period, ...errorFields(err) });
        await claims.markFailed(kind, period, recipientId, 'BUILD_FAILED');
        counters.failed++;
        return;
      }
      const outcome = await this.sendWithRetries(ref, activity, counters);
      if (outcome.kind === 'sent') {
        await claims.markSent(kind, period, recipientId, outcome.activityId);
        counters.sent++;
        return;
      }
      if (outcome.kind === 'gone') await this.deps.conversationRefs.markInactive(owner, scope);
      await claims.markFailed(kind, period, recipientId, outcome.code);
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
      await Promise.all(Array.from({ length: this.concurrency }, async () => worker().catch((error: unknown) => void (failure ??= { error }))));
      await iterator.return?.();
      if (failure === undefined) await this.countUncertain(kind, period, startedMs, takenIds, counters);
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

  /**
   * Claims of this (kind, period) still `claimed` after our work: ours (a claim we could not finish) or older
   * than the run (a crashed run's). Never resent; counted, and moved out of `already_claimed` if we met them.
   */
  private async countUncertain(kind: SendKind, period: string, startedMs: number, takenIds: Set<string>, counters: Counters): Promise<void> {
    const before = startedMs - (this.options.uncertainAfterMs ?? 0);
    const stuck = await this.deps.sendClaims.inFlight(kind, period);
    for (const claim of stuck) {
      if (claim.claimedBy !== this.options.instanceId && !(Date.parse(claim.claimedAt) < before)) continue;
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
        const { activityId } = await this.deps.sender.send(ref.reference, activity);
        this.limiter.settle(conversationKey, acquiredAt);
        return { kind: 'sent', activityId };
      } catch (err) {
        this.limiter.settle(conversationKey, acquiredAt);
        const failure = classifySendError(err);
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
