import type { SendRun } from '@soestainable/shared/domain/sending';
import { SKIP_REASONS, type FanOutRecipient, type FanOutRequest } from '../proactive/fanOut';
import type { ConversationRefsRepository } from '../storage/repositories/conversationRefs';
import type { SendClaimsRepository } from '../storage/repositories/sendClaims';

/** Recipients looked at in parallel by a dry run (reads only). */
const DRY_RUN_CONCURRENCY = 8;

export interface DryRunDeps {
  readonly sendClaims: Pick<SendClaimsRepository, 'get'>;
  readonly conversationRefs: Pick<ConversationRefsRepository, 'get'>;
  readonly now?: () => number;
}

/**
 * A fan-out that only reads: for each recipient it says what the engine would do (already claimed, skipped with
 * the recipient's reason, no or inactive conversation, or a send) and builds the message to prove it can be
 * built. It takes no claims, sends nothing and writes no run record. `queued − skipped − failed` is the number of
 * messages a real run would send now; `failed` counts messages that could not be built.
 */
export async function dryRunFanOut(request: FanOutRequest, deps: DryRunDeps, onProgress?: (run: SendRun) => void): Promise<SendRun> {
  const now = deps.now ?? Date.now;
  const started = now();
  const counters = { queued: 0, failed: 0, skipped: 0, skippedByReason: {} as Record<string, number> };
  const snapshot = (finished: boolean): SendRun => ({
    kind: request.kind,
    runId: 'dry-run',
    startedAt: new Date(started).toISOString(),
    ...(finished ? { finishedAt: new Date(now()).toISOString() } : {}),
    queued: counters.queued,
    sent: 0,
    retried: 0,
    throttled: 0,
    failed: counters.failed,
    skipped: counters.skipped,
    skippedByReason: { ...counters.skippedByReason },
    uncertain: 0,
    durationMs: Math.max(0, now() - started),
  });
  const skip = (reason: string): void => {
    counters.skipped++;
    counters.skippedByReason[reason] = (counters.skippedByReason[reason] ?? 0) + 1;
  };

  const inspect = async (recipient: FanOutRecipient): Promise<void> => {
    if (await deps.sendClaims.get(request.kind, request.period, recipient.recipientId)) return skip(SKIP_REASONS.alreadyClaimed);
    if (recipient.skipReason !== undefined) return skip(recipient.skipReason);
    const owner = recipient.owner ?? { kind: 'user' as const, userId: recipient.recipientId };
    const ref = await deps.conversationRefs.get(owner, recipient.scope ?? (owner.kind === 'user' ? 'personal' : 'channel'));
    if (!ref) return skip(SKIP_REASONS.noConversation);
    if (!ref.active) return skip(SKIP_REASONS.inactive);
    try {
      await recipient.build();
    } catch {
      counters.failed++;
    }
  };

  // Bounded: a few recipients at a time (for await reads sync and async sources alike).
  let batch: FanOutRecipient[] = [];
  const flush = async (): Promise<void> => {
    const current = batch;
    batch = [];
    counters.queued += current.length;
    await Promise.all(current.map(inspect));
    onProgress?.(snapshot(false));
  };
  for await (const recipient of request.recipients) {
    batch.push(recipient);
    if (batch.length >= DRY_RUN_CONCURRENCY) await flush();
  }
  await flush();
  return snapshot(true);
}
