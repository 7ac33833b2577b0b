import type { ConversationOwner, ConversationScope, StoredConversationRef } from '@soestainable/shared/domain/conversation';
import type { ConversationRefsRepository } from '../storage/repositories/conversationRefs';

type Found = StoredConversationRef | undefined;

/**
 * Every stored conversation reference of some scopes, read page by page in the background while the run claims
 * and sends (`FanOutRequest.prefetchReferences`). A lookup answers as soon as its reference has been read; one
 * that is not among those read so far waits for the reading to end and then answers `undefined` (the caller
 * reads it on its own). A failed reading is reported once through `onError` (the run stops); lookups still
 * waiting then answer `undefined` too.
 */
export class ReferencePages {
  private readonly refs = new Map<string, StoredConversationRef>();
  private readonly waiting = new Map<string, ((ref: Found) => void)[]>();
  private done = false;
  private stopped = false;
  /** Settles (never rejects) when the reading has ended. */
  readonly reading: Promise<void>;

  constructor(
    refs: Pick<ConversationRefsRepository, 'iterateScope'>,
    scopes: readonly ConversationScope[],
    onError: (error: unknown) => void,
  ) {
    this.reading = this.read(refs, scopes).catch(onError).finally(() => this.end());
  }

  get(owner: ConversationOwner, scope: ConversationScope): Found | Promise<Found> {
    const key = refKey(owner, scope);
    const ref = this.refs.get(key);
    if (ref !== undefined || this.done) return ref;
    return new Promise<Found>((resolve) => this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]));
  }

  /** Stops reading (the run needs no more lookups) and waits for the reading to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.reading;
  }

  private async read(refs: Pick<ConversationRefsRepository, 'iterateScope'>, scopes: readonly ConversationScope[]): Promise<void> {
    for (const scope of new Set(scopes)) {
      for await (const ref of refs.iterateScope(scope)) {
        if (this.stopped) return;
        const key = refKey(ref.owner, ref.scope);
        this.refs.set(key, ref);
        const waiters = this.waiting.get(key);
        if (waiters === undefined) continue;
        this.waiting.delete(key);
        for (const resolve of waiters) resolve(ref);
      }
    }
  }

  private end(): void {
    this.done = true;
    for (const waiters of this.waiting.values()) for (const resolve of waiters) resolve(undefined);
    this.waiting.clear();
  }
}

function refKey(owner: ConversationOwner, scope: ConversationScope): string {
  return JSON.stringify(owner.kind === 'user' ? ['user', owner.userId, scope] : ['team', owner.teamId, scope]);
}
