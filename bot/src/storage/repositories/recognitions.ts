import type { TableEntity, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { Recognition } from '@soestainable/shared/domain/recognition';
import { AppError, ConflictError } from '../../errors';
import { encodeKeyPart, key, prefixRange, splitKey } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { DEFAULT_RETRY, retryOnConflict } from './optimistic';
import { idSchema } from './rowSchemas';

/**
 * Row shape of `Recognitions` (PartitionKey orgId): three kinds of row in the organisation's partition, see
 * docs/storage.md.
 * - `b|barrierId|userId` — one per person per barrier (the recognition; its key makes a second insert conflict);
 * - `u|userId|barrierId` — the same, keyed by person (their "mijn gegevens", erasure, the card's buttons);
 * - `c|barrierId` — the barrier's count.
 * The three are written in one entity-group transaction (same partition), the count row first and ETag-checked,
 * so `count` always equals the number of `b|barrierId|…` rows, however many clicks and devices race.
 */
export type RecognitionRow = {
  notify?: boolean;
  createdAt?: string;
  count?: number;
};

const personRowSchema = z.object({ notify: z.boolean(), createdAt: z.string().min(1) });
const countRowSchema = z.object({ count: z.number().int().min(0) });

const ROW = { byBarrier: 'b', byUser: 'u', count: 'c' } as const;

/** What {@link RecognitionsRepository.recognise} and `withdraw` did, and the barrier's count after it. */
export interface RecognitionResult {
  /** False when the call found it done already (a double click, a second device, an old card). */
  readonly changed: boolean;
  readonly count: number;
}

interface Current {
  readonly person: { notify: boolean; createdAt: string } | undefined;
  readonly count: { value: number; etag: string } | undefined;
}

/** Recognitions ("herken ik") of barriers, with an exact count per barrier. One partition per organisation. */
export class RecognitionsRepository {
  constructor(
    private readonly store: TableStore<RecognitionRow>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Counts the person once for the barrier (idempotent: a second call changes nothing but `notify`, when given).
   * Retried when another writer of the same barrier met it (STORAGE_CONFLICT after the attempts run out).
   */
  async recognise(orgId: string, barrierId: string, userId: string, notify?: boolean): Promise<RecognitionResult> {
    check(orgId, barrierId, userId);
    return this.retry(orgId, barrierId, async () => {
      const current = await this.read(orgId, barrierId, userId);
      const count = current.count?.value ?? 0;
      if (current.person) {
        if (notify !== undefined && notify !== current.person.notify) await this.setNotifyRows(orgId, barrierId, userId, notify);
        return { changed: false, count };
      }
      const createdAt = this.now().toISOString();
      const person = { notify: notify ?? false, createdAt };
      await this.store.batch([
        countAction(orgId, barrierId, current.count, count + 1),
        ['create', { partitionKey: encodeKeyPart(orgId), rowKey: key(ROW.byBarrier, barrierId, userId), ...person }],
        ['create', { partitionKey: encodeKeyPart(orgId), rowKey: key(ROW.byUser, userId, barrierId), ...person }],
      ]);
      return { changed: true, count: count + 1 };
    });
  }

  /** Withdraws the person's recognition (idempotent: nothing to withdraw changes nothing). */
  async withdraw(orgId: string, barrierId: string, userId: string): Promise<RecognitionResult> {
    check(orgId, barrierId, userId);
    return this.retry(orgId, barrierId, async () => {
      const current = await this.read(orgId, barrierId, userId);
      const count = current.count?.value ?? 0;
      if (!current.person || !current.count) return { changed: false, count };
      await this.store.batch([
        countAction(orgId, barrierId, current.count, Math.max(0, count - 1)),
        ['delete', { partitionKey: encodeKeyPart(orgId), rowKey: key(ROW.byBarrier, barrierId, userId) }],
        ['delete', { partitionKey: encodeKeyPart(orgId), rowKey: key(ROW.byUser, userId, barrierId) }],
      ]);
      return { changed: true, count: Math.max(0, count - 1) };
    });
  }

  /** Changes "laat me weten" of an existing recognition; false when the person has not recognised the barrier. */
  async setNotify(orgId: string, barrierId: string, userId: string, notify: boolean): Promise<boolean> {
    check(orgId, barrierId, userId);
    const row = await this.store.get(encodeKeyPart(orgId), key(ROW.byBarrier, barrierId, userId));
    if (!row) return false;
    await this.setNotifyRows(orgId, barrierId, userId, notify);
    return true;
  }

  /** The barrier's count (0 when nobody recognised it). */
  async count(orgId: string, barrierId: string): Promise<number> {
    const row = await this.store.get(encodeKeyPart(orgId), key(ROW.count, barrierId));
    return row ? parseCount(row) : 0;
  }

  /** Every barrier's count in the organisation (barriers nobody recognises are left out): one range query. */
  async counts(orgId: string): Promise<Map<string, number>> {
    const rows = await this.store.listPartition(encodeKeyPart(orgId), prefixRange(ROW.count));
    const counts = new Map<string, number>();
    for (const row of rows) {
      const n = parseCount(row);
      const barrierId = splitKey(row.rowKey)[1];
      if (barrierId !== undefined && n > 0) counts.set(barrierId, n);
    }
    return counts;
  }

  /** The person's recognitions in the organisation (their data export, the card's buttons): one range query. */
  async listByUser(orgId: string, userId: string): Promise<Recognition[]> {
    const rows = await this.store.listPartition(encodeKeyPart(orgId), prefixRange(ROW.byUser, userId));
    return rows.map((row) => {
      const [, user, barrierId] = splitKey(row.rowKey);
      return toRecognition(orgId, barrierId, user, row);
    });
  }

  /** Who recognised the barrier: only for "jij zei, wij deden" and merging, never to show. */
  async listByBarrier(orgId: string, barrierId: string): Promise<Recognition[]> {
    const rows = await this.store.listPartition(encodeKeyPart(orgId), prefixRange(ROW.byBarrier, barrierId));
    return rows.map((row) => {
      const [, barrier, userId] = splitKey(row.rowKey);
      return toRecognition(orgId, barrier, userId, row);
    });
  }

  /**
   * Merging: every recognition of `fromId` moves to `intoId`, one per person (someone who recognised both counts
   * once; "laat me weten" is kept when either had it). Per person the new one is made before the old one goes, so a
   * stop half-way leaves someone counted on both, never on neither; running it again finishes. Returns how many
   * people were added to `intoId`.
   */
  async move(orgId: string, fromId: string, intoId: string): Promise<number> {
    if (fromId === intoId) return 0;
    let added = 0;
    for (const r of await this.listByBarrier(orgId, fromId)) {
      const result = await this.recognise(orgId, intoId, r.userId, r.notify ? true : undefined);
      if (result.changed) added++;
      await this.withdraw(orgId, fromId, r.userId);
    }
    return added;
  }

  /** Erasure: withdraws every recognition of the person (the counts go down with them). Returns how many. */
  async forgetUser(orgId: string, userId: string): Promise<number> {
    let removed = 0;
    for (const r of await this.listByUser(orgId, userId)) if ((await this.withdraw(orgId, r.barrierId, userId)).changed) removed++;
    return removed;
  }

  /** Retention: every row of these barriers (recognitions and count) goes; `dryRun` only counts the recognitions. */
  async purgeBarriers(orgId: string, barrierIds: Iterable<string>, dryRun: boolean): Promise<number> {
    let removed = 0;
    for (const barrierId of barrierIds) {
      const people = await this.listByBarrier(orgId, barrierId);
      removed += people.length;
      if (dryRun) continue;
      const pk = encodeKeyPart(orgId);
      await this.store.deleteRows(people.flatMap((r) => [
        { partitionKey: pk, rowKey: key(ROW.byBarrier, barrierId, r.userId) },
        { partitionKey: pk, rowKey: key(ROW.byUser, r.userId, barrierId) },
      ]));
      await this.store.delete(pk, key(ROW.count, barrierId));
    }
    return removed;
  }

  private async read(orgId: string, barrierId: string, userId: string): Promise<Current> {
    const pk = encodeKeyPart(orgId);
    const [person, count] = await Promise.all([this.store.get(pk, key(ROW.byBarrier, barrierId, userId)), this.store.get(pk, key(ROW.count, barrierId))]);
    return {
      person: person && parseRow(personRowSchema, person, `Recognitions row ${person.rowKey}`),
      count: count && { value: parseCount(count), etag: count.etag },
    };
  }

  private async setNotifyRows(orgId: string, barrierId: string, userId: string, notify: boolean): Promise<void> {
    const pk = encodeKeyPart(orgId);
    await this.store.batch([
      ['update', { partitionKey: pk, rowKey: key(ROW.byBarrier, barrierId, userId), notify }, 'Merge'],
      ['update', { partitionKey: pk, rowKey: key(ROW.byUser, userId, barrierId), notify }, 'Merge'],
    ]);
  }

  /**
   * Runs one read-then-transaction attempt until it does not meet another writer. The count row leads each
   * transaction, ETag-checked (or inserted), so any concurrent change of the barrier's recognitions fails it
   * with 412/409 before anything else is touched. A row gone under a delete (404) is a conflict too.
   */
  private retry<R>(orgId: string, barrierId: string, attempt: () => Promise<R>): Promise<R> {
    return retryOnConflict(`recognitions of ${orgId}/${barrierId}`, DEFAULT_RETRY, async () => {
      try {
        return await attempt();
      } catch (err) {
        if (isGone(err)) throw new ConflictError('changed', 'recognitions: a row went while the transaction ran.', { cause: err });
        throw err;
      }
    });
  }
}

function check(orgId: string, barrierId: string, userId: string): void {
  for (const [name, value] of [['orgId', orgId], ['barrierId', barrierId], ['userId', userId]] as const) {
    if (!idSchema.safeParse(value).success) throw new AppError('VALIDATION_FAILED', `recognition: invalid ${name}.`);
  }
}

/** The transaction's first action: the count row, inserted when absent, else replaced only if unchanged. */
function countAction(orgId: string, barrierId: string, current: { etag: string } | undefined, count: number): TransactionAction {
  const entity: TableEntity<RecognitionRow> = { partitionKey: encodeKeyPart(orgId), rowKey: key(ROW.count, barrierId), count };
  return current ? ['update', entity, 'Replace', { etag: current.etag }] : ['create', entity];
}

function parseCount(row: StoredRow<RecognitionRow>): number {
  return parseRow(countRowSchema, row, `Recognitions row ${row.rowKey}`).count;
}

function toRecognition(orgId: string, barrierId: string | undefined, userId: string | undefined, row: StoredRow<RecognitionRow>): Recognition {
  const where = `Recognitions row ${row.rowKey}`;
  if (barrierId === undefined || userId === undefined) throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse (RowKey).`);
  const r = parseRow(personRowSchema, row, where);
  return { orgId, barrierId, userId, notify: r.notify, createdAt: r.createdAt };
}

/** A transaction that failed on a row that is not there (a concurrent withdraw deleted it). */
function isGone(err: unknown): boolean {
  const cause = err instanceof AppError ? (err.cause as { statusCode?: unknown } | undefined) : undefined;
  return err instanceof AppError && err.code === 'STORAGE_FAILED' && cause?.statusCode === 404;
}
