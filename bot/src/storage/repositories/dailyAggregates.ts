import { z } from 'zod';
import {
  applyDelta,
  checkInContribution,
  emptyAggregate,
  type AggregateDelta,
  type DailyAggregate,
} from '../../../../shared/src/domain/aggregates';
import { TRAVEL_MODES, type CheckIn, type IsoDate, type TravelMode } from '../../../../shared/src/domain/types';
import { AppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, prefixRange, splitKey } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { KeyedCombiner } from './combiner';
import { retryOnConflict, type RetryPolicy } from './optimistic';
import { isoDateSchema } from './rowSchemas';

type TravelColumn = `travel${Capitalize<TravelMode>}`;

/**
 * Row shape of `DailyAggregates` (PartitionKey campaignId, RowKey `teamId|date`): see docs/storage.md. Counts
 * are Int32, CO2 sums Double; one numeric column per travel mode, so the row stays readable in a table browser.
 */
export type DailyAggregateRow = {
  checkIns: number;
  done: number;
  partly: number;
  notToday: number;
  wasteFree: number;
  cupsAvoided: number;
  co2Low: number;
  co2Mid: number;
  co2High: number;
  participants: number;
} & { [C in TravelColumn]: number };

export function travelColumn(mode: TravelMode): TravelColumn {
  return `travel${mode.charAt(0).toUpperCase()}${mode.slice(1)}` as TravelColumn;
}

/**
 * Many writers meet on one team-day row at the morning peak. Measured on Azurite with this backoff (5 runs each):
 * 20 concurrent applies on one row took 0.32–0.38 s, attempts per apply median 5, max 8; 50 concurrent took
 * 0.7–0.95 s, median 7, max 12. 16 attempts leave headroom for the ~5–10 ms round trips of real Azure.
 */
export const AGGREGATE_RETRY: RetryPolicy = { maxAttempts: 16, baseDelayMs: 5, maxDelayMs: 100 };

const count = z.number().int();
const kg = z.number().finite();
// The travel columns are generated from TRAVEL_MODES; the cast gives zod their literal names.
const travelShape = Object.fromEntries(TRAVEL_MODES.map((m) => [travelColumn(m), count])) as Record<TravelColumn, typeof count>;
const rowSchema = z.object({
  checkIns: count,
  done: count,
  partly: count,
  notToday: count,
  wasteFree: count,
  cupsAvoided: count,
  co2Low: kg,
  co2Mid: kg,
  co2High: kg,
  participants: count.min(0),
  ...travelShape,
});

function fromRow(row: StoredRow<DailyAggregateRow>): DailyAggregate {
  const where = `DailyAggregates row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const parts = splitKey(row.rowKey);
  const [teamId, date] = parts;
  if (parts.length !== 2 || teamId === undefined || date === undefined || !isoDateSchema.safeParse(date).success) {
    throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse (RowKey).`);
  }
  const travel = {} as Record<TravelMode, number>;
  for (const mode of TRAVEL_MODES) travel[mode] = r[travelColumn(mode)];
  return {
    campaignId: decodeKeyPart(row.partitionKey),
    teamId,
    date,
    checkIns: r.checkIns,
    done: r.done,
    partly: r.partly,
    notToday: r.notToday,
    wasteFree: r.wasteFree,
    travel,
    cupsAvoided: r.cupsAvoided,
    co2: { low: r.co2Low, mid: r.co2Mid, high: r.co2High },
    participants: r.participants,
  };
}

function toRow(a: DailyAggregate): DailyAggregateRow & { partitionKey: string; rowKey: string } {
  const travel = {} as Record<TravelColumn, number>;
  for (const mode of TRAVEL_MODES) travel[travelColumn(mode)] = a.travel[mode];
  return {
    partitionKey: encodeKeyPart(a.campaignId),
    rowKey: key(a.teamId, a.date),
    checkIns: a.checkIns,
    done: a.done,
    partly: a.partly,
    notToday: a.notToday,
    wasteFree: a.wasteFree,
    cupsAvoided: a.cupsAvoided,
    co2Low: a.co2.low,
    co2Mid: a.co2.mid,
    co2High: a.co2.high,
    participants: a.participants,
    ...travel,
  };
}

function checkDate(date: IsoDate): IsoDate {
  if (!isoDateSchema.safeParse(date).success) throw new AppError('VALIDATION_FAILED', `Date "${date}" is not YYYY-MM-DD.`);
  return date;
}

function sameDelta(a: AggregateDelta, b: AggregateDelta): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Per-team per-day counters. Each change is a read-modify-write of one row with its ETag (insert-if-absent for
 * the first check-in of a day), retried with jittered backoff when another writer got there first, so
 * concurrent check-ins never overwrite each other. These rows hold no personal data and outlive the retention
 * purge: deleting a person's check-ins never touches them.
 */
export class DailyAggregatesRepository {
  /** Concurrent changes to one team-day row in this process become one write (see combiner.ts). */
  private readonly combiner = new KeyedCombiner<DailyAggregate>((rowKey, change) => this.write(rowKey, change));

  constructor(
    private readonly store: TableStore<DailyAggregateRow>,
    private readonly retry: RetryPolicy = AGGREGATE_RETRY,
  ) {}

  async get(campaignId: string, teamId: string, date: IsoDate): Promise<DailyAggregate | undefined> {
    const row = await this.store.get(encodeKeyPart(campaignId), key(teamId, date));
    return row && fromRow(row);
  }

  /** A team's days of the campaign, by date (one RowKey range). */
  async listTeam(campaignId: string, teamId: string): Promise<DailyAggregate[]> {
    const rows = await this.store.listPartition(encodeKeyPart(campaignId), prefixRange(teamId));
    return rows.map(fromRow);
  }

  /** Every team-day of the campaign (the organisation overview: one partition), by team then date. */
  async listCampaign(campaignId: string): Promise<DailyAggregate[]> {
    const rows = await this.store.listPartition(encodeKeyPart(campaignId));
    return rows.map(fromRow);
  }

  /**
   * Counts a stored check-in. For an edit pass the version it replaced (`CheckInsRepository.save` returns it):
   * its contribution is subtracted first, from its own team-day row when team or date changed, so a correction
   * never counts twice. Throws STORAGE_CONFLICT if a row stays contended after the retries.
   *
   * Not atomic with the check-in write nor, when the row moves, across the two rows: a crash in between leaves
   * the counters off by that one check-in.
   */
  async apply(checkIn: CheckIn, previous?: CheckIn): Promise<void> {
    checkDate(checkIn.date);
    const added = checkInContribution(checkIn);
    if (previous === undefined) {
      await this.mutate(checkIn.campaignId, checkIn.teamId, checkIn.date, (agg) => applyDelta(agg, added, 1));
      return;
    }
    if (previous.userId !== checkIn.userId) {
      throw new AppError('VALIDATION_FAILED', 'The previous version of a check-in must belong to the same user.');
    }
    checkDate(previous.date);
    const removed = checkInContribution(previous);
    const sameRow =
      previous.campaignId === checkIn.campaignId && previous.teamId === checkIn.teamId && previous.date === checkIn.date;
    if (sameRow) {
      if (sameDelta(added, removed)) return; // nothing the counters see has changed
      await this.mutate(checkIn.campaignId, checkIn.teamId, checkIn.date, (agg) =>
        applyDelta(applyDelta(agg, removed, -1), added, 1),
      );
      return;
    }
    await this.mutate(previous.campaignId, previous.teamId, previous.date, (agg) => applyDelta(agg, removed, -1));
    await this.mutate(checkIn.campaignId, checkIn.teamId, checkIn.date, (agg) => applyDelta(agg, added, 1));
  }

  /** Records how many active participants the team had that day (the participation denominator). */
  async recordParticipants(campaignId: string, teamId: string, date: IsoDate, participants: number): Promise<DailyAggregate> {
    if (!Number.isInteger(participants) || participants < 0 || participants > 2 ** 31 - 1) {
      throw new AppError('VALIDATION_FAILED', 'Participants must be a non-negative whole number.');
    }
    return this.mutate(campaignId, teamId, checkDate(date), (agg) => ({ ...agg, participants }));
  }

  /** Queues a change of one team-day row; concurrent changes of the same row are written together. */
  private mutate(
    campaignId: string,
    teamId: string,
    date: IsoDate,
    change: (current: DailyAggregate) => DailyAggregate,
  ): Promise<DailyAggregate> {
    const rowId = JSON.stringify([campaignId, teamId, date]);
    return this.combiner.apply(rowId, change);
  }

  /** One read-modify-write of one team-day row with its ETag, retried when another instance wrote in between. */
  private async write(rowId: string, change: (current: DailyAggregate) => DailyAggregate): Promise<DailyAggregate> {
    const [campaignId, teamId, date] = JSON.parse(rowId) as [string, string, IsoDate];
    const pk = encodeKeyPart(campaignId);
    const rk = key(teamId, date);
    return retryOnConflict(`update DailyAggregates ${pk}/${rk}`, this.retry, async () => {
      const row = await this.store.get(pk, rk);
      const next = change(row ? fromRow(row) : emptyAggregate(campaignId, teamId, date));
      const entity = toRow(next);
      if (row) await this.store.update(entity, row.etag);
      else await this.store.create(entity);
      return next;
    });
  }
}
