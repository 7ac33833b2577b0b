import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import {
  applyDelta,
  checkInContribution,
  emptyAggregate,
  type AggregateDelta,
  type DailyAggregate,
} from '@soestainable/shared/domain/aggregates';
import { TRAVEL_MODES, type CheckIn, type IsoDate, type TravelMode } from '@soestainable/shared/domain/types';
import { AppError, ConflictError, isAppError } from '../../errors';
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
  /**
   * The idempotency tokens of the latest check-in writes counted here, space separated, oldest first (at most
   * {@link APPLIED_TOKENS_KEPT}). Random, so nothing personal. Absent in rows written before tokens existed.
   */
  applied?: string;
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

/**
 * How many applied tokens a team-day row remembers. A retried write is recognised as long as fewer than this many
 * other writes reached the same team-day row since: a team-day row sees about one write per member and edit, so
 * 500 covers a team of a few hundred retrying within the day. 500 tokens of 12 characters are ~6.5 KB of the
 * 64 KiB a string property may hold.
 */
export const APPLIED_TOKENS_KEPT = 500;

/** An idempotency token: 8 to 64 base64url characters (no space, our separator in the `applied` column). */
export const APPLY_TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

/** What of a check-in the counters need; a `CheckIn` is one. */
export type CountedCheckIn = Pick<
  CheckIn,
  'userId' | 'campaignId' | 'teamId' | 'date' | 'outcome' | 'travelMode' | 'wasteFree' | 'cupsAvoided' | 'impact'
>;

/** A team-day row as the writers see it: the counters plus the tokens already counted. */
interface AggregateState {
  readonly aggregate: DailyAggregate;
  readonly applied: readonly string[];
}

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
  applied: z.string().optional(),
  ...travelShape,
});

function fromRow(row: StoredRow<DailyAggregateRow>): DailyAggregate {
  return stateFromRow(row).aggregate;
}

function stateFromRow(row: StoredRow<DailyAggregateRow>): AggregateState {
  const where = `DailyAggregates row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const parts = splitKey(row.rowKey);
  const [teamId, date] = parts;
  if (parts.length !== 2 || teamId === undefined || date === undefined || !isoDateSchema.safeParse(date).success) {
    throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse (RowKey).`);
  }
  const travel = {} as Record<TravelMode, number>;
  for (const mode of TRAVEL_MODES) travel[mode] = r[travelColumn(mode)];
  const applied = r.applied === undefined ? [] : r.applied.split(' ').filter((t) => t.length > 0);
  if (!applied.every((t) => APPLY_TOKEN.test(t))) throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse (applied).`);
  const aggregate: DailyAggregate = {
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
  return { aggregate, applied };
}

function toRow(state: AggregateState): DailyAggregateRow & { partitionKey: string; rowKey: string } {
  const a = state.aggregate;
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
    ...(state.applied.length === 0 ? {} : { applied: state.applied.join(' ') }),
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
 * A counter change that runs at most once per token: when the row already lists `token`, the row stays as it is;
 * otherwise the change is applied and the token listed (the oldest dropped beyond {@link APPLIED_TOKENS_KEPT}).
 * Without a token the change always applies (callers that never retry: the demo seed, tests).
 */
function once(token: string | undefined, change: (agg: DailyAggregate) => DailyAggregate): (s: AggregateState) => AggregateState {
  return (s) => {
    if (token === undefined) return { aggregate: change(s.aggregate), applied: s.applied };
    if (s.applied.includes(token)) return s;
    return { aggregate: change(s.aggregate), applied: [...s.applied, token].slice(-APPLIED_TOKENS_KEPT) };
  };
}

/**
 * Per-team per-day counters. Each change is a read-modify-write of one row with its ETag (insert-if-absent for
 * the first check-in of a day), retried with jittered backoff when another writer got there first, so
 * concurrent check-ins never overwrite each other. These rows hold no personal data and outlive the retention
 * purge: deleting a person's check-ins never touches them.
 */
export class DailyAggregatesRepository {
  /** Concurrent changes to one team-day row in this process become one write (see combiner.ts). */
  private readonly combiner = new KeyedCombiner<AggregateState>((rowKey, change) => this.write(rowKey, change));
  /**
   * The version of each team-day row this instance last read or wrote, with its etag: the next change of the row
   * is written against it without reading first (one round trip instead of two). Another writer in between makes
   * that write fail its etag condition; then the row is read and the change applied again, as without it.
   */
  private readonly known = new LRUCache<string, { readonly state: AggregateState; readonly etag: string }>({ max: 5000 });

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
   * its contribution is subtracted first, from its own team-day row when the team changed, so a correction never
   * counts twice. Throws STORAGE_CONFLICT if a row stays contended after the retries.
   *
   * `token` makes the call idempotent: each row it changes records the token in the same ETag write as the
   * counters, and a row that lists it already is left alone. So a retry after a crash (also one between the two
   * rows of a moved check-in) finishes the work without counting anything twice. Pass the token stored with the
   * check-in (its pending part, see CheckInsRepository); without one the call counts every time.
   *
   * `windowMs`: for a caller nobody waits for (the counting after a check-in's answer), how long the write of a row
   * may be held back to take in other changes of it (combiner.ts); 0 (the default) writes at once.
   */
  async apply(checkIn: CheckIn, previous?: CountedCheckIn, token?: string, windowMs = 0): Promise<void> {
    checkDate(checkIn.date);
    if (token !== undefined && !APPLY_TOKEN.test(token)) throw new AppError('VALIDATION_FAILED', 'An apply token must be 8 to 64 base64url characters.');
    const added = checkInContribution(checkIn);
    if (previous === undefined) {
      await this.mutate(checkIn.campaignId, checkIn.teamId, checkIn.date, once(token, (agg) => applyDelta(agg, added, 1)), windowMs);
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
      await this.mutate(checkIn.campaignId, checkIn.teamId, checkIn.date, once(token, (agg) =>
        applyDelta(applyDelta(agg, removed, -1), added, 1),
      ), windowMs);
      return;
    }
    await this.mutate(previous.campaignId, previous.teamId, previous.date, once(token, (agg) => applyDelta(agg, removed, -1)), windowMs);
    await this.mutate(checkIn.campaignId, checkIn.teamId, checkIn.date, once(token, (agg) => applyDelta(agg, added, 1)), windowMs);
  }

  /** Whether the team-day row lists `token` as applied (for tests and the repair job's checks). */
  async hasApplied(campaignId: string, teamId: string, date: IsoDate, token: string): Promise<boolean> {
    const row = await this.store.get(encodeKeyPart(campaignId), key(teamId, date));
    return row !== undefined && stateFromRow(row).applied.includes(token);
  }

  /** Records how many active participants the team had that day (the participation denominator). */
  async recordParticipants(campaignId: string, teamId: string, date: IsoDate, participants: number): Promise<DailyAggregate> {
    if (!Number.isInteger(participants) || participants < 0 || participants > 2 ** 31 - 1) {
      throw new AppError('VALIDATION_FAILED', 'Participants must be a non-negative whole number.');
    }
    return this.mutate(campaignId, teamId, checkDate(date), (s) => ({ aggregate: { ...s.aggregate, participants }, applied: s.applied }));
  }

  /**
   * Raises the people recorded for the team that day to `participants` when that is more (the headcount job: the
   * group the disclosure rule judges the day by is the largest the team had that day). Never lowers it.
   */
  async raiseParticipants(campaignId: string, teamId: string, date: IsoDate, participants: number): Promise<DailyAggregate> {
    if (!Number.isInteger(participants) || participants < 0 || participants > 2 ** 31 - 1) {
      throw new AppError('VALIDATION_FAILED', 'Participants must be a non-negative whole number.');
    }
    return this.mutate(campaignId, teamId, checkDate(date), (s) =>
      s.aggregate.participants >= participants ? s : { aggregate: { ...s.aggregate, participants }, applied: s.applied },
    );
  }

  /** Queues a change of one team-day row; concurrent changes of the same row are written together. */
  private async mutate(
    campaignId: string,
    teamId: string,
    date: IsoDate,
    change: (current: AggregateState) => AggregateState,
    windowMs = 0,
  ): Promise<DailyAggregate> {
    const rowId = JSON.stringify([campaignId, teamId, date]);
    return (await this.combiner.apply(rowId, change, windowMs)).aggregate;
  }

  /**
   * One read-modify-write of one team-day row with its ETag, retried when another instance wrote in between. The
   * read is skipped when this instance knows the row's latest version (see {@link known}).
   */
  private async write(rowId: string, change: (current: AggregateState) => AggregateState): Promise<AggregateState> {
    const [campaignId, teamId, date] = JSON.parse(rowId) as [string, string, IsoDate];
    const pk = encodeKeyPart(campaignId);
    const rk = key(teamId, date);
    return retryOnConflict(`update DailyAggregates ${pk}/${rk}`, this.retry, async () => {
      const version = this.known.get(rowId) ?? (await this.read(pk, rk, () => emptyAggregate(campaignId, teamId, date)));
      const next = change(version.state);
      if (next === version.state) return next; // every change of the batch was a retry already counted: no write
      this.known.delete(rowId);
      const entity = toRow(next);
      let etag: string;
      try {
        etag = version.etag === '' ? await this.store.create(entity) : await this.store.update(entity, version.etag);
      } catch (err) {
        // Gone meanwhile (a version known here, deleted elsewhere): read again, like any other change in between.
        if (isAppError(err, 'NOT_FOUND')) throw new ConflictError('changed', `DailyAggregates ${pk}/${rk}: the row is gone.`, { cause: err });
        throw err;
      }
      if (etag !== '') this.known.set(rowId, { state: next, etag });
      return next;
    });
  }

  /** The row's stored version (`etag` '' when there is none yet: the write creates it). */
  private async read(pk: string, rk: string, empty: () => DailyAggregate): Promise<{ state: AggregateState; etag: string }> {
    const row = await this.store.get(pk, rk);
    return row ? { state: stateFromRow(row), etag: row.etag } : { state: { aggregate: empty(), applied: [] }, etag: '' };
  }
}
