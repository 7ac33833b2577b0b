import { randomBytes, timingSafeEqual } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { ConflictError } from '../../errors';
import { encodeKeyPart } from '../keys';
import type { StoredRow, TableStore } from '../tableStore';
import { idSchema, validateInput } from './rowSchemas';

/** Row shape of `ErasureConfirmations` (PartitionKey the encoded user id, RowKey `confirm`): see docs/storage.md. */
export type ErasureConfirmationRow = {
  /** The one-time value on the confirmation card: 18 random bytes, base64url. */
  value: string;
  expiresAt: string;
};

const CONFIRM_ROW = 'confirm';

/** What {@link ErasureConfirmationsRepository.consume} found: the value was open and is now used, or it was not usable. */
export type ConsumeResult = 'ok' | 'expired' | 'unknown';

function sameValue(stored: unknown, given: string): boolean {
  if (typeof stored !== 'string') return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one-time value a delete confirmation card carries. One open value per person: asking again replaces it, so an
 * older card no longer works. {@link consume} deletes the row with its ETag, so of two instances that get the same
 * card at once exactly one succeeds; a replay finds nothing. Expired values are removed by the retention job.
 */
export class ErasureConfirmationsRepository {
  constructor(private readonly store: TableStore<ErasureConfirmationRow>) {}

  /** A new value for `userId`, valid until `expiresAt`, replacing any open one. */
  async issue(userId: string, expiresAt: Date): Promise<string> {
    const value = randomBytes(18).toString('base64url');
    await this.store.upsert({ partitionKey: this.pk(userId), rowKey: CONFIRM_ROW, value, expiresAt: expiresAt.toISOString() });
    return value;
  }

  /**
   * Uses the value once, at `at`: `ok` when it is the open one and not expired (the row is then gone), `expired` when it was
   * the open one but too old (removed too), `unknown` for anything else (replaced, used, never issued, another
   * instance got it first).
   */
  async consume(userId: string, value: string, at: Date): Promise<ConsumeResult> {
    const pk = this.pk(userId);
    const row = await this.store.get(pk, CONFIRM_ROW);
    if (!row || !sameValue(row.value, value)) return 'unknown';
    const removed = await this.deleteExact(row);
    if (!removed) return 'unknown';
    return Date.parse(row.expiresAt) > at.getTime() ? 'ok' : 'expired';
  }

  /** Forgets the open value (cancel, erasure); `false` when there was none. */
  async remove(userId: string): Promise<boolean> {
    return this.store.delete(this.pk(userId), CONFIRM_ROW);
  }

  /** The retention purge: removes (or, `dryRun`, counts) the values that expired before `at`. Returns how many. */
  async purgeExpired(at: Date, dryRun: boolean): Promise<number> {
    let count = 0;
    for await (const row of this.store.query(odata`expiresAt lt ${at.toISOString()}`)) {
      if (dryRun || (await this.deleteExact(row))) count++;
    }
    return count;
  }

  /** Deletes exactly this version of the row: `false` when it changed (a newer value) or went meanwhile. */
  private async deleteExact(row: StoredRow<ErasureConfirmationRow>): Promise<boolean> {
    try {
      return await this.store.delete(row.partitionKey, row.rowKey, row.etag);
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  private pk(userId: string): string {
    return encodeKeyPart(validateInput(idSchema, userId, 'user id'));
  }
}
