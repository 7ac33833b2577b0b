import { randomBytes } from 'node:crypto';
import type { ConversationOwner, ConversationScope } from '@soestainable/shared/domain/conversation';
import type { SendKind, SendRun } from '@soestainable/shared/domain/sending';
import type { Logger } from '../platform/logger';
import type { ConversationRefsRepository } from '../storage/repositories/conversationRefs';
import type { SendClaimsRepository } from '../storage/repositories/sendClaims';
import type { SendRunsRepository } from '../storage/repositories/sendRuns';
import { FanOutRun, type RunEnvironment } from './fanOutRun';
import { RateLimiter, type ThrottleBrakeOptions, type WindowLimit } from './rateLimits';
import type { OutgoingActivity, Sender } from './sender';
import { SendAttempts, systemClock, type Clock } from './sendAttempts';

export { SKIP_REASONS } from './fanOutRun';
export { backoffDelayMs, systemClock, type Clock } from './sendAttempts';

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
  /** Read lazily, one `next()` at a time, at most `concurrency` ahead of the sends: a generator over a large partition is fine. */
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
   * Write claims and their outcomes in group transactions (one round trip for a block of claims, one for a group
   * of outcomes) when `sendClaims` offers `claimMany`/`finishMany` (default true).
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
 * Claims are taken in blocks (a quarter of `concurrency`, one transaction each) and outcomes written in groups
 * when the repository offers `claimMany`/`finishMany`; a recipient holds one of `concurrency` slots from its pull
 * until its outcome is stored, so at most `concurrency` claims are ever between steps 1 and 4. A crash there
 * leaves them `claimed`: never sent again, and the next run counts them as *uncertain*. A storage error stops
 * the run (recipients already claimed are finished, no new ones are claimed), is recorded and thrown: storage
 * errors are never swallowed.
 *
 * The engine holds what its runs share (the limiter, in {@link SendAttempts}); each run is a {@link FanOutRun}
 * with its own counters, claim token and claim writer.
 */
export class FanOutEngine {
  private readonly clock: Clock;
  private readonly env: RunEnvironment;

  constructor(deps: FanOutDeps, options: FanOutOptions) {
    if (options.instanceId.trim() === '') throw new RangeError('instanceId must not be empty.');
    this.clock = deps.clock ?? systemClock;
    const concurrency = positiveInt(options.concurrency ?? 16, 'concurrency');
    const maxAttempts = positiveInt(options.maxAttempts ?? 5, 'maxAttempts');
    const limiter = new RateLimiter(() => this.clock.now(), {
      ...(options.tenantRate === undefined ? {} : { tenantRate: options.tenantRate }),
      ...(options.tenantBurst === undefined ? {} : { tenantBurst: options.tenantBurst }),
      ...(options.conversationLimits === undefined ? {} : { conversationLimits: options.conversationLimits }),
      ...(options.throttleBrake === undefined ? {} : { throttleBrake: options.throttleBrake }),
    });
    const attempts = new SendAttempts(
      limiter,
      this.clock,
      deps.sender,
      {
        maxAttempts,
        attemptTimeoutMs: positiveInt(options.attemptTimeoutMs ?? 30_000, 'attemptTimeoutMs'),
        backoff: {
          baseDelayMs: options.baseDelayMs ?? 500,
          maxDelayMs: options.maxDelayMs ?? 30_000,
          maxRetryAfterMs: options.maxRetryAfterMs ?? 300_000,
          random: options.random ?? Math.random,
        },
      },
      deps.logger,
    );
    this.env = {
      deps,
      options,
      clock: this.clock,
      concurrency,
      saveEvery: positiveInt(options.saveEvery ?? 500, 'saveEvery'),
      attempts,
    };
  }

  /** Runs one fan-out to the end and returns its finished, saved record. */
  async run(request: FanOutRequest): Promise<SendRun> {
    const startedMs = this.clock.now();
    const record = await this.env.deps.sendRuns.start(request.kind);
    const token = runClaimToken(this.env.options.instanceId);
    return new FanOutRun(this.env, request, record, startedMs, token).execute();
  }
}

function positiveInt(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer, got ${value}.`);
  return value;
}
