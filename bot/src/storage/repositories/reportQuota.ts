import { createHmac, randomBytes } from 'node:crypto';
import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { AppError, ConflictError } from '../../errors';
import { encodeKeyPart } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { KeyedCombiner } from './combiner';
import { retryOnConflict, type RetryPolicy } from './optimistic';
import { idSchema, isoDateSchema, validateInput } from './rowSchemas';

/**
 * How many barriers and ideas each person filed today, kept without keeping who filed what (docs/storage.md,
 * "ReportQuota"). Anonymous reports are stored without their reporter, so a counter must not link the two: there is
 * no row per person (its Timestamp would say when that person last reported, next to the report's own time) and no
 * report id anywhere. Instead one row per organisation and local day holds a count-min sketch: {@link QUOTA_CELLS}
 * small counters and a random salt drawn with the row. A person's report adds 1 to the {@link CELLS_PER_PERSON}
 * cells an HMAC of their user id (keyed with the day's salt) picks; their count is the smallest of those cells.
 * Other people can share a cell, so the count can only be too high (never too low), and only by a collision on every
 * one of the person's cells. The first report of a new day deletes the earlier days' rows.
 */

/** Row shape of `ReportQuota` (PartitionKey orgId, RowKey the local date `YYYY-MM-DD`). */
export type ReportQuotaRow = {
  /** 16 random bytes, base64: the HMAC key of the day. */
  salt: string;
  /** {@link QUOTA_CELLS} counters of one byte each (saturating at 255), base64. */
  cells: string;
};

export const QUOTA_CELLS = 4096;
export const CELLS_PER_PERSON = 4;
const SALT_BYTES = 16;
const CELL_MAX = 255;

/** Every report of the organisation meets on one row: more attempts than an edit, with short waits. */
export const QUOTA_RETRY: RetryPolicy = { maxAttempts: 16, baseDelayMs: 5, maxDelayMs: 100 };

const rowSchema = z.object({ salt: z.string().min(1), cells: z.string().min(1) });
const takeSchema = z.object({ orgId: idSchema, date: isoDateSchema, userId: idSchema, n: z.number().int().min(0).max(100), limit: z.number().int().min(1).max(100) });

/** One day's sketch, decoded. */
interface Day {
  readonly salt: Buffer;
  readonly cells: Uint8Array;
}

function newDay(): Day {
  return { salt: randomBytes(SALT_BYTES), cells: new Uint8Array(QUOTA_CELLS) };
}

function fromRow(row: StoredRow<ReportQuotaRow>): Day {
  const r = parseRow(rowSchema, row, `ReportQuota row ${row.partitionKey}/${row.rowKey}`);
  const salt = Buffer.from(r.salt, 'base64');
  const cells = Buffer.from(r.cells, 'base64');
  if (salt.length !== SALT_BYTES || cells.length !== QUOTA_CELLS) {
    throw new AppError('STORAGE_DATA_INVALID', `ReportQuota row ${row.partitionKey}/${row.rowKey} does not parse.`);
  }
  return { salt, cells: new Uint8Array(cells) };
}

function toEntity(orgId: string, date: string, day: Day): TableEntity<ReportQuotaRow> {
  return { partitionKey: encodeKeyPart(orgId), rowKey: date, salt: day.salt.toString('base64'), cells: Buffer.from(day.cells).toString('base64') };
}

/** The distinct cells of one person on one day: 16-bit slices of HMAC-SHA256(salt, userId), modulo the cell count. */
export function personCells(salt: Uint8Array, userId: string): number[] {
  const mac = createHmac('sha256', salt).update(userId, 'utf8').digest();
  return [...new Set(Array.from({ length: CELLS_PER_PERSON }, (_, i) => mac.readUInt16BE(2 * i) % QUOTA_CELLS))];
}

function countOf(day: Day, cells: readonly number[]): number {
  return Math.min(...cells.map((i) => day.cells[i] ?? 0));
}

/** A day's sketch while a batch of takes and give-backs is applied to it (see {@link KeyedCombiner}). */
interface QuotaState {
  readonly day: Day;
  /** Whether the last change applied was a take that fitted. */
  readonly granted: boolean;
  /** Whether any change of the batch changed a cell (else nothing is written). */
  readonly changed: boolean;
}

export class ReportQuotaRepository {
  /**
   * Every report of the organisation meets on one row a day. Inside one instance, concurrent takes and give-backs
   * of that row are applied together in one ETag write per round trip (as the DailyAggregates rows are), so a
   * morning peak does not exhaust the retries; between instances the ETag retry still guards the row.
   */
  private readonly combiner = new KeyedCombiner<QuotaState>((key, change) => this.writeCombined(key, change));

  constructor(
    private readonly store: TableStore<ReportQuotaRow>,
    private readonly retry: RetryPolicy = QUOTA_RETRY,
  ) {}

  /** How many reports the person filed on `date`, as the sketch counts them (never fewer than they filed). */
  async count(orgId: string, date: string, userId: string): Promise<number> {
    const row = await this.store.get(encodeKeyPart(orgId), date);
    if (!row) return 0;
    const day = fromRow(row);
    return countOf(day, personCells(day.salt, userId));
  }

  /**
   * Adds `n` reports to the person's count of `date` when that stays within `limit`, and answers true; answers
   * false and changes nothing otherwise (a batch of refusals writes nothing). `n` 0 reads nothing.
   */
  async take(orgId: string, date: string, userId: string, n: number, limit: number): Promise<boolean> {
    validateInput(takeSchema, { orgId, date, userId, n, limit }, 'report quota');
    if (n === 0) return true;
    const after = await this.combiner.apply(JSON.stringify([orgId, date]), (s) => {
      const cells = personCells(s.day.salt, userId);
      if (countOf(s.day, cells) + n > limit) return { ...s, granted: false };
      return { day: withCells(s.day, cells, (v) => Math.min(CELL_MAX, v + n)), granted: true, changed: true };
    });
    return after.granted;
  }

  /**
   * Takes `n` back from the person's count of `date` (reports taken but not filed: a check-in submitted twice).
   * Each of their cells goes down by `n`, never below 0; a day without a row has nothing to give back.
   */
  async giveBack(orgId: string, date: string, userId: string, n: number): Promise<void> {
    validateInput(takeSchema, { orgId, date, userId, n, limit: 1 }, 'report quota');
    if (n === 0) return;
    await this.combiner.apply(JSON.stringify([orgId, date]), (s) => {
      const cells = personCells(s.day.salt, userId);
      if (cells.every((i) => (s.day.cells[i] ?? 0) === 0)) return { ...s, granted: false };
      return { day: withCells(s.day, cells, (v) => Math.max(0, v - n)), granted: false, changed: true };
    });
  }

  /** One ETag read-modify-write of a day's row with a batch's combined change, retried when another instance wrote. */
  private async writeCombined(key: string, change: (current: QuotaState) => QuotaState): Promise<QuotaState> {
    const [orgId, date] = JSON.parse(key) as [string, string];
    const partitionKey = encodeKeyPart(orgId);
    return retryOnConflict(`update ReportQuota ${partitionKey}/${date}`, this.retry, async () => {
      const row = await this.store.get(partitionKey, date);
      const after = change({ day: row ? fromRow(row) : newDay(), granted: false, changed: false });
      if (!after.changed) return after;
      if (row) {
        await this.write(orgId, date, after.day, row.etag);
      } else {
        // The day's first report: the earlier days' rows go first, so no day outlives the next one with reports.
        await this.store.deletePartition(partitionKey, { to: date });
        await this.store.create(toEntity(orgId, date, after.day));
      }
      return after;
    });
  }

  /** An ETag update; a row deleted meanwhile (the next day began on another instance) is met like a change. */
  private async write(orgId: string, date: string, day: Day, etag: string): Promise<void> {
    try {
      await this.store.update(toEntity(orgId, date, day), etag);
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') throw new ConflictError('changed', `ReportQuota ${date}: the row is gone.`, { cause: err });
      throw err;
    }
  }
}

/** A copy of `day` with `cells` changed by `f` (changes stay pure: a retry applies them again to a fresh read). */
function withCells(day: Day, cells: readonly number[], f: (value: number) => number): Day {
  const next = new Uint8Array(day.cells);
  for (const i of cells) next[i] = f(next[i] ?? 0);
  return { salt: day.salt, cells: next };
}
