import { z } from 'zod';
import {
  CHECKIN_OUTCOMES,
  DISTANCE_BANDS,
  TRAVEL_MODES,
  type CheckIn,
  type DistanceBand,
  type IsoDate,
} from '../../../../shared/src/domain/types';
import { AppError, ConflictError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, prefixRange, splitKey } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { DEFAULT_RETRY, retryOnConflict, type RetryPolicy, type Versioned } from './optimistic';
import { isoDateSchema, nonEmpty, validateInput } from './rowSchemas';

/** Row shape of `CheckIns` (PartitionKey userId, RowKey `campaignId|date`): see docs/storage.md. */
export type CheckInRow = {
  teamId: string;
  day: number;
  challengeId: string;
  outcome: string;
  travelMode: string;
  distanceBand: string;
  wasteFree: boolean;
  /** Absent when the day's question was not answered. */
  challengeAnswer?: boolean;
  cupsAvoided: number;
  impactLow: number;
  impactMid: number;
  impactHigh: number;
  factorVersion: string;
  createdAt: string;
  updatedAt: string;
};

/** Result of {@link CheckInsRepository.save}: the new etag and, for an edit, the version it replaced. */
export interface SavedCheckIn {
  readonly etag: string;
  readonly previous?: CheckIn;
}

const distanceBandSchema = z.custom<DistanceBand>(
  (v) => typeof v === 'string' && Object.hasOwn(DISTANCE_BANDS, v),
  'unknown distance band',
);
// Negative when someone travelled less sustainably than their baseline: an honest estimate, not an error.
const kg = z.number().finite();

/** The properties stored as they are, one column each: checked alike before a write and after a read. */
const plainFields = {
  teamId: nonEmpty,
  day: z.number().int().min(1),
  challengeId: nonEmpty,
  outcome: z.enum(CHECKIN_OUTCOMES),
  travelMode: z.enum(TRAVEL_MODES),
  distanceBand: distanceBandSchema,
  wasteFree: z.boolean(),
  challengeAnswer: z.boolean().optional(),
  factorVersion: nonEmpty,
  createdAt: nonEmpty,
  updatedAt: nonEmpty,
};

const checkInSchema = z.object({
  userId: nonEmpty,
  campaignId: nonEmpty,
  date: isoDateSchema,
  ...plainFields,
  cupsAvoided: z.number().int().min(0).max(1000),
  impact: z.object({ low: kg, mid: kg, high: kg }).refine((r) => r.low <= r.mid && r.mid <= r.high, 'need low ≤ mid ≤ high'),
});

const rowSchema = z.object({
  ...plainFields,
  cupsAvoided: z.number().int().min(0),
  impactLow: kg,
  impactMid: kg,
  impactHigh: kg,
});

function fromRow(row: StoredRow<CheckInRow>): CheckIn {
  const where = `CheckIns row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const parts = splitKey(row.rowKey);
  const [campaignId, date] = parts;
  if (parts.length !== 2 || campaignId === undefined || date === undefined || !isoDateSchema.safeParse(date).success) {
    throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse (RowKey).`);
  }
  return {
    userId: decodeKeyPart(row.partitionKey),
    teamId: r.teamId,
    campaignId,
    date,
    day: r.day,
    challengeId: r.challengeId,
    outcome: r.outcome,
    travelMode: r.travelMode,
    distanceBand: r.distanceBand,
    wasteFree: r.wasteFree,
    challengeAnswer: r.challengeAnswer,
    cupsAvoided: r.cupsAvoided,
    impact: { low: r.impactLow, mid: r.impactMid, high: r.impactHigh },
    factorVersion: r.factorVersion,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function toRow(c: CheckIn): CheckInRow & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: encodeKeyPart(c.userId),
    rowKey: key(c.campaignId, c.date),
    teamId: c.teamId,
    day: c.day,
    challengeId: c.challengeId,
    outcome: c.outcome,
    travelMode: c.travelMode,
    distanceBand: c.distanceBand,
    wasteFree: c.wasteFree,
    ...(c.challengeAnswer === undefined ? {} : { challengeAnswer: c.challengeAnswer }),
    cupsAvoided: c.cupsAvoided,
    impactLow: c.impact.low,
    impactMid: c.impact.mid,
    impactHigh: c.impact.high,
    factorVersion: c.factorVersion,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * One check-in per participant per campaign day, partitioned by user: a person's progress is a RowKey range,
 * their export and deletion one partition. Deleting check-ins never touches `DailyAggregates`.
 */
export class CheckInsRepository {
  constructor(
    private readonly store: TableStore<CheckInRow>,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /** The check-in with its ETag (pass it to {@link save} to edit only that version). */
  async get(userId: string, campaignId: string, date: IsoDate): Promise<Versioned<CheckIn> | undefined> {
    const row = await this.store.get(encodeKeyPart(userId), key(campaignId, date));
    return row && { value: fromRow(row), etag: row.etag };
  }

  /** The participant's check-ins of one campaign, by date. */
  async listForCampaign(userId: string, campaignId: string): Promise<CheckIn[]> {
    const rows = await this.store.listPartition(encodeKeyPart(userId), prefixRange(campaignId));
    return rows.map(fromRow);
  }

  /** Every check-in of the participant (for their data export), grouped by campaign, by date within one. */
  async listAll(userId: string): Promise<CheckIn[]> {
    const rows = await this.store.listPartition(encodeKeyPart(userId));
    return rows.map(fromRow);
  }

  /**
   * Stores a check-in and returns the new etag plus the version it replaced (feed both to
   * `DailyAggregatesRepository.apply`). `expectedEtag`:
   * - `null`: a first check-in; ConflictError `exists` if there is one already;
   * - a string: an edit of the version with that etag; ConflictError `changed` if it changed since,
   *   NOT_FOUND if it is gone;
   * - omitted: create or replace, whatever is stored (still reporting exactly the replaced version).
   */
  async save(checkIn: CheckIn, expectedEtag?: string | null): Promise<SavedCheckIn> {
    validateInput(checkInSchema, checkIn, 'Check-in');
    const entity = toRow(checkIn);
    const where = `check-in ${entity.partitionKey}/${entity.rowKey}`;
    if (expectedEtag === null) return { etag: await this.store.create(entity) };
    if (typeof expectedEtag === 'string') {
      const current = await this.store.get(entity.partitionKey, entity.rowKey);
      if (!current) throw new AppError('NOT_FOUND', `${where}: the check-in to edit is gone.`);
      if (current.etag !== expectedEtag) throw new ConflictError('changed', `${where}: changed since it was read.`);
      const previous = fromRow(current);
      return { etag: await this.store.update(entity, expectedEtag), previous };
    }
    return retryOnConflict(`save ${where}`, this.retry, async () => {
      const current = await this.store.get(entity.partitionKey, entity.rowKey);
      if (!current) return { etag: await this.store.create(entity) };
      const previous = fromRow(current);
      return { etag: await this.store.update(entity, current.etag), previous };
    });
  }

  /** Deletes every check-in of the participant; returns how many. Aggregates are not touched. */
  async deleteAll(userId: string): Promise<number> {
    return this.store.deletePartition(encodeKeyPart(userId));
  }

  /**
   * How many check-ins the participant has in one campaign (the retention job's dry run). Counts rows without
   * parsing them, so a row that no longer parses is still counted (and still purged).
   */
  async countForCampaign(userId: string, campaignId: string): Promise<number> {
    return (await this.store.listPartition(encodeKeyPart(userId), prefixRange(campaignId))).length;
  }

  /** Deletes the participant's check-ins of one campaign (retention purge); returns how many. */
  async deleteCampaign(userId: string, campaignId: string): Promise<number> {
    return this.store.deletePartition(encodeKeyPart(userId), prefixRange(campaignId));
  }
}
