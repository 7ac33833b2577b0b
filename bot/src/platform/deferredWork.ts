import { AsyncLocalStorage } from 'node:async_hooks';
import { errorFields, type Logger } from './logger';

/**
 * Work that finishes after a request was answered (a check-in's counting): started at once, never awaited by the
 * request, and drained before the process exits. Only for work that is durable before it is handed over (stored
 * as a check-in's pending part, which the `repair` job finishes when a crash cuts this off): a failure is logged
 * by its code and left to that sweep. The one exception is named as such (`ifLost: 'dropped'`): follow-up
 * messages whose loss costs a convenience, never data. One per instance, made by the composition root.
 */
export class DeferredWork {
  private readonly running = new Set<Promise<void>>();
  /**
   * Runs work in the async context this runner was made in, not in the request's: it outlives the request, and
   * what is scoped to the request (a per-request storage call count, say) must not count it.
   */
  private readonly outsideRequest = AsyncLocalStorage.snapshot();

  constructor(private readonly logger: Logger) {}

  /**
   * Starts `work` (named `what` in the log) without waiting for it. `ifLost` says in the log what a failure means:
   * `repaired` (the default: durable work the `repair` job finishes) or `dropped` (a convenience nobody repairs,
   * such as the look-alike barriers offered after a report).
   */
  defer(what: string, work: () => Promise<unknown>, fields: Readonly<Record<string, string>> = {}, ifLost: 'repaired' | 'dropped' = 'repaired'): void {
    const after = ifLost === 'repaired' ? 'the repair job finishes it' : 'it is not sent again';
    const done: Promise<void> = this.outsideRequest(() => Promise.resolve().then(work))
      .then(
        () => undefined,
        (err: unknown) => this.logger.warn(`${what} failed after the answer; ${after}`, { ...fields, ...errorFields(err) }),
      )
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  /** How much is still running. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves when everything deferred so far, and whatever that deferred in turn, has settled. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
