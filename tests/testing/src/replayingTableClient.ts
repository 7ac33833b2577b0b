import type { TableClient } from '@azure/data-tables';

/** The SDK calls that write, and so can commit before their answer is lost. */
export type ReplayedCall = 'createEntity' | 'submitTransaction' | 'updateEntity';
const REPLAYED: ReadonlySet<string> = new Set<ReplayedCall>(['createEntity', 'submitTransaction', 'updateEntity']);

export interface ReplayingTableClient {
  /** Hand this to a `TableStore`: every call goes to the real table. */
  readonly client: TableClient;
  /** How many writes were sent a second time, by call. */
  readonly replays: Record<ReplayedCall, number>;
}

/**
 * A table client at the SDK boundary that behaves like the storage SDK's retry policy on a loaded machine: the write
 * reaches the table and commits, its answer is "lost" (a timeout), and the SDK sends the very same request again,
 * whose answer — 409 for an insert or a transaction of inserts, 412 for an ETag update — is what the caller sees.
 * `replay` picks the calls that get this treatment (default: every write). Tests and benchmarks only.
 */
export function replayingTableClient(client: TableClient, replay: (call: ReplayedCall) => boolean = () => true): ReplayingTableClient {
  const replays: Record<ReplayedCall, number> = { createEntity: 0, submitTransaction: 0, updateEntity: 0 };
  const proxy = new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof prop !== 'string' || !REPLAYED.has(prop)) return method.bind(target);
      const call = prop as ReplayedCall;
      return async (...args: unknown[]): Promise<unknown> => {
        const first = await method.apply(target, args);
        if (!replay(call)) return first;
        replays[call]++;
        return method.apply(target, args);
      };
    },
  });
  return { client: proxy, replays };
}
