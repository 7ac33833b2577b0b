import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { REPORT_TEXT_MAX } from '@soestainable/shared/domain/programme';
import {
  CHECKIN_OUTCOMES,
  DISTANCE_BANDS,
  THEMES,
  TRAVEL_MODES,
  type CheckIn,
  type DistanceBand,
  type IsoDate,
  type Theme,
} from '@soestainable/shared/domain/types';
import { AppError, ConflictError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, prefixRange, splitKey } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { APPLY_TOKEN, type CountedCheckIn } from './dailyAggregates';
import { DEFAULT_RETRY, retryOnConflict, type RetryPolicy, type Versioned } from './optimistic';
import { charCount, idSchema, isoDateSchema, nonEmpty, toJsonProperty, validateInput } from './rowSchemas';

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
  /** JSON of {@link CheckInPending}: present from the check-in write until its follow-up work is done. */
  pending?: string;
};

/** A barrier or idea still to be filed for a check-in, under the id it was given before anything was written. */
export interface PendingReport {
  /** The report's sortable id (keys.ts `newSortableId`), fixed so that filing it twice finds the first one. */
  readonly id: string;
  readonly theme: Theme;
  readonly text: string;
  /** The reporter ticked "you may contact me": the report names the check-in's user. */
  readonly contact: boolean;
}

/** What a check-in write still has to do elsewhere, stored in the same write as the check-in itself. */
export interface PendingWork {
  /** Random (not derived from the user): the idempotency token of the counters' update. */
  readonly token: string;
  /** The organisation the reports belong to (their partition). */
  readonly orgId: string;
  readonly barrier?: PendingReport;
  readonly idea?: PendingReport;
}

/**
 * The pending part of a check-in row: the work above plus, for an edit, the counted contribution of the version
 * it replaced (what the counters must subtract; the rest of `CountedCheckIn` is the row's own user and campaign).
 */
export interface CheckInPending extends PendingWork {
  readonly previous?: Pick<CheckIn, 'teamId' | 'date' | 'outcome' | 'travelMode' | 'wasteFree' | 'cupsAvoided' | 'impact'>;
}

/** A stored check-in with its etag and, until its follow-up work is done, its pending part. */
export interface StoredCheckIn extends Versioned<CheckIn> {
  readonly pending?: CheckInPending;
}

/** A row {@link CheckInsRepository.listPending} found but could not parse: its keys (encoded), for the log. */
export interface UnreadableCheckIn {
  readonly unreadable: string;
}

/** Result of {@link CheckInsRepository.save}: the new etag and, for an edit, the version it replaced. */
export interface SavedCheckIn {
  readonly etag: string;
  readonly previous?: CheckIn;
  /** The pending part written with the check-in, when work was given. */
  readonly pending?: CheckInPending;
}

/** The counted check-in an edit replaced, rebuilt from a pending part for `DailyAggregatesRepository.apply`. */
export function previousOf(checkIn: CheckIn, pending: CheckInPending): CountedCheckIn | undefined {
  const p = pending.previous;
  return p && { userId: checkIn.userId, campaignId: checkIn.campaignId, ...p };
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
  pending: z.string().optional(),
});

const impactSchema = z.object({ low: kg, mid: kg, high: kg }).refine((r) => r.low <= r.mid && r.mid <= r.high, 'need low ≤ mid ≤ high');
const pendingReportSchema = z.object({
  id: z.string().regex(/^[0-9a-z]{10}[0-9a-f]{8}$/, 'expected a sortable id'),
  theme: z.enum(THEMES),
  text: z.string().refine((t) => t.trim().length > 0 && charCount(t) <= REPORT_TEXT_MAX, `1 to ${REPORT_TEXT_MAX} characters`),
  contact: z.boolean(),
});
const pendingSchema = z.object({
  token: z.string().regex(APPLY_TOKEN, 'expected 8 to 64 base64url characters'),
  orgId: idSchema,
  previous: z
    .object({
      teamId: nonEmpty,
      date: isoDateSchema,
      outcome: z.enum(CHECKIN_OUTCOMES),
      travelMode: z.enum(TRAVEL_MODES),
      wasteFree: z.boolean(),
      cupsAvoided: z.number().int().min(0),
      impact: impactSchema,
    })
    .optional(),
  barrier: pendingReportSchema.optional(),
  idea: pendingReportSchema.optional(),
});

/** The pending part as stored: optional parts left out when absent (zod gives `undefined` for them). */
function cleanPending(p: z.infer<typeof pendingSchema>): CheckInPending {
  return {
    token: p.token,
    orgId: p.orgId,
    ...(p.previous === undefined ? {} : { previous: p.previous }),
    ...(p.barrier === undefined ? {} : { barrier: p.barrier }),
    ...(p.idea === undefined ? {} : { idea: p.idea }),
  };
}

function pendingFromRow(row: StoredRow<CheckInRow>): CheckInPending | undefined {
  if (row.pending === undefined || row.pending === '') return undefined;
  return cleanPending(parseRowJson(pendingSchema, row.pending, `CheckIns row ${row.partitionKey}/${row.rowKey} (pending)`));
}

function storedFromRow(row: StoredRow<CheckInRow>): StoredCheckIn {
  const pending = pendingFromRow(row);
  return { value: fromRow(row), etag: row.etag, ...(pending ? { pending } : {}) };
}

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

function toRow(c: CheckIn, pending?: CheckInPending): CheckInRow & { partitionKey: string; rowKey: string } {
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
    ...(pending === undefined ? {} : { pending: toJsonProperty(validateInput(pendingSchema, pending, 'Check-in pending part'), 'Check-in pending part') }),
  };
}

/** The pending part of a write: the work given plus, for an edit, what the replaced version counted. */
function pendingFor(work: PendingWork | undefined, previous: CheckIn | undefined): CheckInPending | undefined {
  if (work === undefined) return undefined;
  if (previous === undefined) return work;
  const { teamId, date, outcome, travelMode, wasteFree, cupsAvoided, impact } = previous;
  return { ...work, previous: { teamId, date, outcome, travelMode, wasteFree, cupsAvoided, impact } };
}

/** An edit must not replace a row whose earlier write is unfinished: its pending part would be lost. */
function refuseIfPending(current: StoredRow<CheckInRow>, where: string): void {
  if (current.pending !== undefined && current.pending !== '') {
    throw new ConflictError('changed', `${where}: the previous write of this check-in is not finished yet.`);
  }
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

  /**
   * The check-in with its ETag (pass it to {@link save} to edit only that version) and its pending part, if its
   * write is not finished.
   */
  async get(userId: string, campaignId: string, date: IsoDate): Promise<StoredCheckIn | undefined> {
    const row = await this.store.get(encodeKeyPart(userId), key(campaignId, date));
    return row && storedFromRow(row);
  }

  /**
   * Every check-in whose follow-up work is unfinished (the repair job's sweep). A filter on a plain property over
   * the whole table: the table is bounded by the retention purge and the rows that match are few (a write that
   * was cut off). Rows written before pending parts existed lack the column and never match.
   */
  async *listPending(): AsyncGenerator<StoredCheckIn | UnreadableCheckIn> {
    for await (const row of this.store.query(odata`pending gt ${''}`)) {
      try {
        yield storedFromRow(row);
      } catch (err) {
        // One row that does not parse must not stop the sweep of the others.
        if (!(err instanceof AppError && err.code === 'STORAGE_DATA_INVALID')) throw err;
        yield { unreadable: `${row.partitionKey}/${row.rowKey}` };
      }
    }
  }

  /**
   * Marks the check-in's follow-up work as done: rewrites the row without its pending part, only if it is still
   * the version `stored` (its etag). Returns the new etag; `undefined` when the row changed or went meanwhile
   * (another writer finished it first, or the person deleted their data): then there is nothing left to clear.
   */
  async clearPending(stored: StoredCheckIn): Promise<string | undefined> {
    const entity = toRow(stored.value);
    try {
      return await this.store.update(entity, stored.etag, 'Replace');
    } catch (err) {
      if (err instanceof ConflictError || (err instanceof AppError && err.code === 'NOT_FOUND')) return undefined;
      throw err;
    }
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
   *
   * `work`: what the write still has to do elsewhere (count it, file its reports). It is stored in the same write
   * as the check-in (the row's pending part, with the replaced version's contribution for an edit), so a crash
   * after this write loses nothing: the service's `completePending` finishes it, and then clears it. A row whose
   * own pending part is still there is never replaced (ConflictError `changed`): finish it first.
   */
  async save(checkIn: CheckIn, expectedEtag?: string | null, work?: PendingWork): Promise<SavedCheckIn> {
    validateInput(checkInSchema, checkIn, 'Check-in');
    const where = `check-in ${encodeKeyPart(checkIn.userId)}/${key(checkIn.campaignId, checkIn.date)}`;
    const withPending = (pending: CheckInPending | undefined) => (pending ? { pending } : {});
    if (expectedEtag === null) {
      const pending = pendingFor(work, undefined);
      return { etag: await this.store.create(toRow(checkIn, pending)), ...withPending(pending) };
    }
    const entity = toRow(checkIn);
    if (typeof expectedEtag === 'string') {
      const current = await this.store.get(entity.partitionKey, entity.rowKey);
      if (!current) throw new AppError('NOT_FOUND', `${where}: the check-in to edit is gone.`);
      if (current.etag !== expectedEtag) throw new ConflictError('changed', `${where}: changed since it was read.`);
      refuseIfPending(current, where);
      const previous = fromRow(current);
      const pending = pendingFor(work, previous);
      return { etag: await this.store.update(toRow(checkIn, pending), expectedEtag), previous, ...withPending(pending) };
    }
    return retryOnConflict(`save ${where}`, this.retry, async () => {
      const current = await this.store.get(entity.partitionKey, entity.rowKey);
      if (!current) {
        const pending = pendingFor(work, undefined);
        return { etag: await this.store.create(toRow(checkIn, pending)), ...withPending(pending) };
      }
      refuseIfPending(current, where);
      const previous = fromRow(current);
      const pending = pendingFor(work, previous);
      return { etag: await this.store.update(toRow(checkIn, pending), current.etag), previous, ...withPending(pending) };
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
