import type { ConversationOwner, ConversationScope, StoredConversationRef } from '@soestainable/shared/domain/conversation';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { errorFields } from '../platform/logger';
import type { ClaimOutcome } from '../storage/repositories/sendClaims';
import { createClaimWriter, type ClaimWriter } from './claimWriter';
import type { FanOutDeps, FanOutOptions, FanOutRecipient, FanOutRequest } from './fanOut';
import { ReferencePages } from './referencePages';
import type { OutgoingActivity } from './sender';
import type { Clock, SendAttempts } from './sendAttempts';

/** Skip reason codes the engine itself writes. */
export const SKIP_REASONS = {
  alreadyClaimed: 'already_claimed',
  noConversation: 'no_conversation',
  inactive: 'conversation_inactive',
} as const;

/** What every run of one engine shares: its dependencies, options and the (rate-limited) sends. */
export interface RunEnvironment {
  readonly deps: FanOutDeps;
  readonly options: FanOutOptions;
  readonly clock: Clock;
  readonly concurrency: number;
  readonly saveEvery: number;
  readonly attempts: SendAttempts;
}

/** The largest claim block (and outcome batch): half a transaction, so one run never needs more. */
const MAX_BLOCK = 50;
/** The longest an outcome waits for others before it is written alone. */
const FINISH_LINGER_MS = 100;

type Counters = { -readonly [K in 'queued' | 'sent' | 'retried' | 'throttled' | 'failed' | 'skipped' | 'uncertain']: number } & {
  skippedByReason: Record<string, number>;
};

/**
 * Recipients on their way (pulled, claimed or being claimed, and their outcome not yet stored): at most `size`,
 * which is what a crash can leave uncertain.
 */
class Slots {
  private used = 0;
  private wake: (() => void) | undefined;

  constructor(readonly size: number) {}

  get inUse(): number {
    return this.used;
  }

  take(count: number): void {
    this.used += count;
  }

  release(count = 1): void {
    this.used -= count;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Resolves when `count` slots are free, or none is in use, or `stop()`. One waiter at a time. */
  async waitFree(count: number, stop: () => boolean): Promise<void> {
    while (!stop() && this.used > 0 && this.size - this.used < count) await new Promise<void>((resolve) => (this.wake = resolve));
  }
}

/**
 * One run of the fan-out engine: its counters, the recipients it has met, its claim writer and the recipients on
 * their way. Made by `FanOutEngine.run` once the run record exists; {@link execute} runs it to the end and saves
 * the record.
 *
 * Recipients are claimed in blocks: whenever a quarter of the `concurrency` slots is free, the run pulls that
 * many from the job's iterator and claims them in one transaction; each claimed recipient is then delivered on
 * its own (reference, message, send) and its outcome queued for a grouped write. A slot is freed only once the
 * outcome is stored, so at most `concurrency` claims are ever between claim and outcome.
 */
export class FanOutRun {
  private readonly counters: Counters = { queued: 0, sent: 0, retried: 0, throttled: 0, failed: 0, skipped: 0, uncertain: 0, skippedByReason: {} };
  /** Recipients this run found claimed by someone else (they may turn out uncertain at the end). */
  private readonly takenIds = new Set<string>();
  /**
   * Recipients this run has handled: a repeated one is skipped before claiming, because a repeated claim with the
   * run's own token would be recognised as ours (see SendClaimsRepository.claim) and sent twice.
   */
  private readonly seenIds = new Set<string>();
  private readonly writer: ClaimWriter;
  private readonly slots: Slots;
  /** Recipients per claim transaction, and outcomes per outcome transaction (unless flushed). */
  private readonly blockSize: number;
  /** Deliveries under way (each settles without throwing). */
  private readonly deliveries = new Set<Promise<void>>();
  /** Outcomes submitted and not yet stored. */
  private finishing = 0;
  private pages: ReferencePages | undefined;
  /** The first error that stops the run. */
  private failure: { error: unknown } | undefined;
  /** Saves are chained so that an older snapshot never lands after a newer one (save replaces the row). */
  private saving: Promise<void> = Promise.resolve();
  private finished = 0;

  constructor(
    private readonly env: RunEnvironment,
    private readonly request: FanOutRequest,
    private readonly record: SendRun,
    private readonly startedMs: number,
    private readonly token: string,
  ) {
    this.slots = new Slots(env.concurrency);
    this.blockSize = Math.max(1, Math.min(MAX_BLOCK, Math.floor(env.concurrency / 4)));
    this.writer = createClaimWriter(env.deps.sendClaims, {
      kind: request.kind,
      period: request.period,
      token,
      grouped: env.options.groupCommit !== false,
      finishBatch: this.blockSize,
      finishLingerMs: FINISH_LINGER_MS,
      sleep: (ms) => env.clock.sleep(ms),
    });
  }

  /** Runs every recipient, counts the uncertain claims and saves the finished record; throws what stopped the run. */
  async execute(): Promise<SendRun> {
    try {
      const scopes = this.request.prefetchReferences;
      if (scopes !== undefined && scopes.length > 0) this.pages = this.readPages(scopes);
      await this.runRecipients();
      await this.pages?.stop();
      if (this.failure === undefined) await this.countUncertain();
    } catch (error) {
      this.fail(error);
    }
    return this.close();
  }

  /** Pulls and claims recipients block by block until the iterator ends or the run fails; waits for every delivery. */
  private async runRecipients(): Promise<void> {
    const iterator = toAsyncIterator(this.request.recipients);
    const stopped = (): boolean => this.failure !== undefined;
    try {
      for (let done = false; !done && !stopped(); ) {
        await this.slots.waitFree(this.blockSize, stopped);
        if (stopped()) break;
        let block: FanOutRecipient[];
        ({ block, done } = await this.pullBlock(iterator, this.slots.size - this.slots.inUse));
        if (block.length > 0 && !stopped()) await this.claimBlock(block);
        else this.slots.release(block.length);
      }
    } catch (error) {
      this.fail(error);
    }
    this.writer.flushFinishes();
    await Promise.all(this.deliveries);
    await iterator.return?.();
  }

  /**
   * Up to `room` new recipients from the iterator, each taking a slot. A recipient met before is skipped at once
   * (`already_claimed`) and takes none.
   */
  private async pullBlock(iterator: AsyncIterator<FanOutRecipient>, room: number): Promise<{ block: FanOutRecipient[]; done: boolean }> {
    const block: FanOutRecipient[] = [];
    while (block.length < room && this.failure === undefined) {
      const next = await iterator.next();
      if (next.done === true) return { block, done: true };
      if (this.failure !== undefined) break;
      const recipient = next.value;
      if (this.seenIds.has(recipient.recipientId)) {
        this.counters.queued++;
        this.skip(SKIP_REASONS.alreadyClaimed);
        this.progress();
        continue;
      }
      this.seenIds.add(recipient.recipientId);
      this.slots.take(1);
      block.push(recipient);
    }
    return { block, done: false };
  }

  /** Claims a block in one write, then starts each recipient's delivery. */
  private async claimBlock(block: FanOutRecipient[]): Promise<void> {
    this.counters.queued += block.length;
    let answers: ('claimed' | 'taken')[];
    try {
      answers = await this.writer.claim(block.map((r) => r.recipientId));
    } catch (error) {
      this.slots.release(block.length);
      throw error;
    }
    block.forEach((recipient, i) => {
      const delivery: Promise<void> = this.deliver(recipient, answers[i] ?? 'taken').then(
        () => this.progress(),
        (error: unknown) => this.fail(error),
      );
      this.deliveries.add(delivery);
      void delivery.finally(() => {
        this.deliveries.delete(delivery);
        this.slots.release();
        this.flushIfIdle();
      });
    });
  }

  /** One claimed (or taken) recipient to its outcome. A storage error is thrown (and stops the run). */
  private async deliver(recipient: FanOutRecipient, claim: 'claimed' | 'taken'): Promise<void> {
    const { recipientId } = recipient;
    if (!(await this.owns(recipientId, claim))) return;
    if (recipient.skipReason !== undefined) return this.finishSkipped(recipientId, recipient.skipReason);
    const owner: ConversationOwner = recipient.owner ?? { kind: 'user', userId: recipientId };
    const scope: ConversationScope = recipient.scope ?? (owner.kind === 'user' ? 'personal' : 'channel');
    const ref = (await this.pages?.get(owner, scope)) ?? (await this.env.deps.conversationRefs.get(owner, scope));
    if (!ref || !ref.active) return this.finishSkipped(recipientId, ref ? SKIP_REASONS.inactive : SKIP_REASONS.noConversation);
    const activity = await this.build(recipient);
    if (activity !== undefined) await this.send(recipientId, { owner, scope }, ref, activity);
  }

  /** Whether the claim is ours: taken ones are tried again with `retryFailed` (a failed claim), else skipped. */
  private async owns(recipientId: string, claim: 'claimed' | 'taken'): Promise<boolean> {
    if (claim === 'taken' && this.env.options.retryFailed === true) {
      claim = await this.env.deps.sendClaims.reclaimFailed(this.request.kind, this.request.period, recipientId, this.token);
    }
    if (claim === 'claimed') return true;
    this.takenIds.add(recipientId);
    this.skip(SKIP_REASONS.alreadyClaimed);
    return false;
  }

  /** The recipient's message; undefined (and the claim failed with BUILD_FAILED) when building it threw. */
  private async build(recipient: FanOutRecipient): Promise<OutgoingActivity | undefined> {
    try {
      return await recipient.build();
    } catch (err) {
      const { kind, period } = this.request;
      this.env.deps.logger?.warn('fan-out: building the message failed', { kind, period, ...errorFields(err) });
      await this.finishClaim({ recipientId: recipient.recipientId, state: 'failed', errorCode: 'BUILD_FAILED' });
      this.counters.failed++;
      return undefined;
    }
  }

  /** Sends (with retries) and records the outcome; a 403/404 also marks the reference inactive. */
  private async send(
    recipientId: string,
    target: { owner: ConversationOwner; scope: ConversationScope },
    ref: StoredConversationRef,
    activity: OutgoingActivity,
  ): Promise<void> {
    const outcome = await this.env.attempts.send(ref, activity, this.counters);
    if (outcome.kind === 'sent') {
      await this.finishClaim({ recipientId, state: 'sent', activityId: outcome.activityId });
      this.counters.sent++;
      return;
    }
    if (outcome.kind === 'uncertain') {
      // Maybe delivered: the claim stays `claimed`, never resent; counted as uncertain at the end of the run.
      const { kind, period } = this.request;
      this.env.deps.logger?.warn('fan-out: no answer to a send, left uncertain', { kind, period, code: outcome.code });
      return;
    }
    if (outcome.kind === 'gone') await this.env.deps.conversationRefs.markInactive(target.owner, target.scope);
    await this.finishClaim({ recipientId, state: 'failed', errorCode: outcome.code });
    this.counters.failed++;
  }

  private async finishSkipped(recipientId: string, reason: string): Promise<void> {
    await this.finishClaim({ recipientId, state: 'skipped', reason });
    this.skip(reason);
  }

  /** Queues the outcome for a grouped write and waits until it is stored. */
  private async finishClaim(outcome: ClaimOutcome): Promise<void> {
    this.finishing++;
    const stored = this.writer.finish(outcome);
    this.flushIfIdle();
    try {
      await stored;
    } finally {
      this.finishing--;
    }
  }

  /** Writes the waiting outcomes now when no other recipient can join them soon (all wait for theirs) or the run failed. */
  private flushIfIdle(): void {
    if (this.writer.waitingFinishes > 0 && (this.finishing >= this.slots.inUse || this.failure !== undefined)) this.writer.flushFinishes();
  }

  private skip(reason: string): void {
    this.counters.skipped++;
    this.counters.skippedByReason[reason] = (this.counters.skippedByReason[reason] ?? 0) + 1;
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    this.writer.flushFinishes();
  }

  private snapshot(): SendRun {
    return { ...this.record, ...this.counters, skippedByReason: { ...this.counters.skippedByReason } };
  }

  /** After each finished recipient: the progress callbacks, and every `saveEvery` recipients a save of the record. */
  private progress(): void {
    this.finished++;
    const { options, deps, saveEvery } = this.env;
    if (options.onProgress !== undefined || this.request.onProgress !== undefined) {
      const run = this.snapshot();
      options.onProgress?.(run);
      this.request.onProgress?.(run);
    }
    if (this.finished % saveEvery === 0) {
      const run = this.snapshot();
      // A failed save stops the run like any storage error (and is never left as an unhandled rejection).
      this.saving = this.saving.then(() => deps.sendRuns.save(run)).catch((error: unknown) => this.fail(error));
    }
  }

  /** Starts reading every stored reference of the scopes in pages, beside the claims and sends. */
  private readPages(scopes: readonly ConversationScope[]): ReferencePages {
    const refs = this.env.deps.conversationRefs;
    const iterateScope = refs.iterateScope;
    if (iterateScope === undefined) throw new RangeError('prefetchReferences needs conversationRefs.iterateScope.');
    return new ReferencePages({ iterateScope: (scope) => iterateScope.call(refs, scope) }, scopes, (error) => this.fail(error));
  }

  /**
   * Claims of this (kind, period) still `claimed` after our work: this run's (a claim it could not finish) or
   * older than the run (a crashed or stopped run's). Never resent; counted, and moved out of `already_claimed` if
   * we met them. Another live run's claims, in this process or another, are not counted.
   */
  private async countUncertain(): Promise<void> {
    const counters = this.counters;
    const before = this.startedMs - (this.env.options.uncertainAfterMs ?? 0);
    const stuck = await this.env.deps.sendClaims.inFlight(this.request.kind, this.request.period);
    for (const claim of stuck) {
      if (claim.claimedBy !== this.token && !(Date.parse(claim.claimedAt) < before)) continue;
      counters.uncertain++;
      if (this.takenIds.has(claim.recipientId)) {
        counters.skipped--;
        const { [SKIP_REASONS.alreadyClaimed]: taken = 1, ...others } = counters.skippedByReason;
        counters.skippedByReason = taken > 1 ? { ...others, [SKIP_REASONS.alreadyClaimed]: taken - 1 } : others;
      }
    }
  }

  /** Waits for the last save, saves the finished record and answers it; or logs and throws what stopped the run. */
  private async close(): Promise<SendRun> {
    const { kind, period } = this.request;
    const logger = this.env.deps.logger;
    await this.saving;
    let record = this.snapshot();
    try {
      record = await this.env.deps.sendRuns.finish(record);
    } catch (error) {
      if (this.failure === undefined) throw error;
      logger?.error('fan-out: could not record the failed run', { kind, period, ...errorFields(error) });
    }
    if (this.failure !== undefined) {
      logger?.error('fan-out: run stopped', { kind, period, ...this.counters, skippedByReason: undefined, ...errorFields(this.failure.error) });
      throw this.failure.error;
    }
    return record;
  }
}

function toAsyncIterator<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  async function* wrap(): AsyncGenerator<T> {
    yield* source as Iterable<T>;
  }
  return wrap();
}
