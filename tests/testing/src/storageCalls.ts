import { AsyncLocalStorage } from 'node:async_hooks';
import type { PipelinePolicy } from '@soestainable/bot/storage/breaker';
import { TABLE_NAMES, type TableClients } from '@soestainable/bot/storage/tables';

/** One scope's count: the storage calls made within it. */
export interface CallScope {
  calls: number;
}

/**
 * Counts the HTTP requests the app's table clients send (each retry too: every one is a round trip), in all and
 * per scope: a request handled inside {@link within} counts in its scope, so what a request waits for (the
 * response path) is told apart from what runs after its answer (DeferredWork runs outside the request's async
 * context). An Azure SDK pipeline policy, added last to each client's pipeline, next to the transport.
 */
export class StorageCallCounter {
  total = 0;
  private readonly scopes = new AsyncLocalStorage<CallScope>();
  private readonly policy: PipelinePolicy = {
    name: 'benchStorageCallCounter',
    sendRequest: (request, next) => {
      this.total++;
      const scope = this.scopes.getStore();
      if (scope) scope.calls++;
      return next(request);
    },
  };

  /** Counts the calls of every table client of `clients` (the same client objects the repositories hold). */
  attach(clients: TableClients): this {
    for (const name of TABLE_NAMES) clients.client(name).pipeline.addPolicy(this.policy);
    return this;
  }

  /** Runs `fn`, and everything it starts, in `scope`. */
  within<T>(scope: CallScope, fn: () => T): T {
    return this.scopes.run(scope, fn);
  }
}
