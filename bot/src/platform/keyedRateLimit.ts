import { LRUCache } from 'lru-cache';
import { TokenBucket } from '../proactive/rateLimits';

/** What {@link KeyedRateLimit.take} answers. */
export type Admission =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** Whole seconds until the key may send again (at least 1), for `Retry-After`. */
      readonly retryAfterSeconds: number;
      /** The first refusal since the key was last allowed: say why once, not on every refused request. */
      readonly firstRefusal: boolean;
    };

/** Keys are Teams conversation ids and Entra object ids (well under this); longer ones are cut. */
const MAX_KEY_LENGTH = 256;
export const DEFAULT_MAX_KEYS = 10_000;

interface Entry {
  readonly bucket: TokenBucket;
  told: boolean;
}

/**
 * An inbound limit per key (a conversation, a user): `perMinute` requests a minute on average, up to `perMinute`
 * at once after a quiet spell — the proactive sender's token bucket, one per key. In memory and per instance:
 * with N instances a key can get N × `perMinute`. Bounded: at most `maxKeys` keys are remembered, the least
 * recently seen go first (a forgotten key starts again with a full bucket, which is what an idle key has anyway).
 */
export class KeyedRateLimit {
  private readonly entries: LRUCache<string, Entry>;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    maxKeys = DEFAULT_MAX_KEYS,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError(`perMinute must be a whole number of at least 1, got ${perMinute}.`);
    this.entries = new LRUCache<string, Entry>({ max: maxKeys });
  }

  /** Counts one request of `key`: allowed while its bucket has a token. */
  take(key: string): Admission {
    const now = this.now();
    const entry = this.entryOf(key.slice(0, MAX_KEY_LENGTH), now);
    const waitMs = entry.bucket.waitMs(now);
    if (waitMs === 0) {
      entry.bucket.take(now);
      entry.told = false;
      return { allowed: true };
    }
    const firstRefusal = !entry.told;
    entry.told = true;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), firstRefusal };
  }

  /** How many keys are remembered (for tests of the bound). */
  get size(): number {
    return this.entries.size;
  }

  private entryOf(key: string, now: number): Entry {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { bucket: new TokenBucket(this.perMinute / 60, this.perMinute, now), told: false };
      this.entries.set(key, entry);
    }
    return entry;
  }
}
