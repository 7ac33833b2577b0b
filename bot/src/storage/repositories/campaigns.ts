import { z } from 'zod';
import { CAMPAIGN_STATUSES, campaignIncludes, type Campaign } from '@soestainable/shared/domain/campaign';
import { followUpWeeksSchema } from '@soestainable/shared/domain/followUp';
import type { IsoDate } from '@soestainable/shared/domain/types';
import { AppError, isAppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import type { Versioned } from './optimistic';
import { PartitionCache } from './partitionCache';
import { isoDateSchema, localizedSchema, nonEmpty, toJsonProperty, validateInput } from './rowSchemas';

/** Row shape of `Campaigns` (PartitionKey orgId, RowKey campaignId): see docs/storage.md. */
export type CampaignRow = {
  /** `{nl, en}` as JSON. */
  name: string;
  startDate: string;
  endDate: string;
  /** JSON list of challenge ids. */
  dayPlan: string;
  /** JSON list of ISO dates. */
  closingDays: string;
  status: string;
  demo: boolean;
  /** JSON list of whole weeks (the follow-up waves); absent = the default +2/+6/+12 (rows from before issue 15). */
  followUpWeeks?: string;
};

const campaignSchema = z
  .object({
    orgId: nonEmpty,
    campaignId: nonEmpty,
    name: localizedSchema,
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    dayPlan: z.array(nonEmpty),
    closingDays: z.array(isoDateSchema),
    status: z.enum(CAMPAIGN_STATUSES),
    demo: z.boolean(),
    followUpWeeks: followUpWeeksSchema.optional(),
  })
  .refine((c) => c.startDate <= c.endDate, { error: 'startDate must not be after endDate', path: ['endDate'] });

const rowSchema = z.object({
  name: z.string(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  dayPlan: z.string(),
  closingDays: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  demo: z.boolean(),
  followUpWeeks: z.string().optional(),
});

function fromRow(row: StoredRow<CampaignRow>): Campaign {
  const where = `Campaigns row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  return {
    orgId: decodeKeyPart(row.partitionKey),
    campaignId: decodeKeyPart(row.rowKey),
    name: parseRowJson(localizedSchema, r.name, where),
    startDate: r.startDate,
    endDate: r.endDate,
    dayPlan: parseRowJson(z.array(nonEmpty), r.dayPlan, where),
    closingDays: parseRowJson(z.array(isoDateSchema), r.closingDays, where),
    status: r.status,
    demo: r.demo,
    ...(r.followUpWeeks === undefined ? {} : { followUpWeeks: parseRowJson(followUpWeeksSchema, r.followUpWeeks, where) }),
  };
}

function toRow(c: Campaign): CampaignRow & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: encodeKeyPart(c.orgId),
    rowKey: encodeKeyPart(c.campaignId),
    name: JSON.stringify({ nl: c.name.nl, en: c.name.en }),
    startDate: c.startDate,
    endDate: c.endDate,
    dayPlan: toJsonProperty(c.dayPlan, 'Campaign day plan'),
    closingDays: toJsonProperty(c.closingDays, 'Campaign closing days'),
    status: c.status,
    demo: c.demo,
    ...(c.followUpWeeks === undefined ? {} : { followUpWeeks: toJsonProperty(c.followUpWeeks, 'Campaign follow-up weeks') }),
  };
}

function byStart(a: Campaign, b: Campaign): number {
  return a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.campaignId < b.campaignId ? -1 : 1;
}

/** {@link CampaignsRepository.listReadable}: the campaigns that parse, and the ids of those that do not. */
export interface ReadableCampaigns {
  readonly campaigns: Campaign[];
  /** Campaign ids (sorted) whose rows do not parse: left out, for the caller to log. */
  readonly unreadable: string[];
}

/** Campaigns of an organisation: one small partition per org. */
export class CampaignsRepository {
  /** The org's rows as stored: `list` parses them strictly, `listReadable` leniently. */
  private readonly rows: PartitionCache<StoredRow<CampaignRow>>;

  /** @param cacheTtlMs how long `list`/`active`/`listReadable` may serve a cached partition (0: never; see PartitionCache). */
  constructor(
    private readonly store: TableStore<CampaignRow>,
    cacheTtlMs = 0,
  ) {
    this.rows = new PartitionCache<StoredRow<CampaignRow>>(cacheTtlMs);
  }

  private partition(orgId: string): Promise<readonly StoredRow<CampaignRow>[]> {
    return this.rows.get(orgId, () => this.store.listPartition(encodeKeyPart(orgId)));
  }

  /**
   * Each cached row parsed once: every check-in lists the campaigns, and the same (readonly) campaign object lets
   * the calendar keep its days (`campaignDaysOf`). A row that does not parse throws every time, as before.
   */
  private readonly parsed = new WeakMap<StoredRow<CampaignRow>, Campaign>();

  private campaignOf(row: StoredRow<CampaignRow>): Campaign {
    let campaign = this.parsed.get(row);
    if (campaign === undefined) {
      campaign = fromRow(row);
      this.parsed.set(row, campaign);
    }
    return campaign;
  }

  /** The campaign with its ETag (pass it to {@link save} to update only an unchanged row). */
  async get(orgId: string, campaignId: string): Promise<Versioned<Campaign> | undefined> {
    const row = await this.store.get(encodeKeyPart(orgId), encodeKeyPart(campaignId));
    return row && { value: fromRow(row), etag: row.etag };
  }

  /** Every campaign of the organisation, oldest start first. One row that does not parse: STORAGE_DATA_INVALID. */
  async list(orgId: string): Promise<Campaign[]> {
    return (await this.partition(orgId)).map((row) => this.campaignOf(row)).sort(byStart);
  }

  /**
   * Every campaign of the organisation that parses, oldest start first, and the ids of the rows that do not: for
   * the background jobs, where one bad row must cost only its own campaign (skipped and logged by id), not the
   * organisation's nudges, digests and retention. Storage errors are thrown as everywhere.
   */
  async listReadable(orgId: string): Promise<ReadableCampaigns> {
    const campaigns: Campaign[] = [];
    const unreadable: string[] = [];
    for (const row of await this.partition(orgId)) {
      try {
        campaigns.push(this.campaignOf(row));
      } catch (err) {
        if (!isAppError(err, 'STORAGE_DATA_INVALID')) throw err;
        unreadable.push(decodeKeyPart(row.rowKey));
      }
    }
    return { campaigns: campaigns.sort(byStart), unreadable: unreadable.sort() };
  }

  /**
   * The campaign running on `today`: status `active` and `startDate ≤ today ≤ endDate`. Should two overlap (a
   * coordinator's mistake), the one that started last wins, so the answer is at least deterministic.
   */
  async active(orgId: string, today: IsoDate): Promise<Campaign | undefined> {
    const running = (await this.list(orgId)).filter((c) => c.status === 'active' && campaignIncludes(c, today));
    return running.at(-1);
  }

  /**
   * Writes the campaign and returns its new ETag. `expectedEtag`: omitted = create or replace; `null` = create
   * only (ConflictError `exists`); a string = replace only that version (ConflictError `changed`; NOT_FOUND
   * when the campaign is gone).
   */
  async save(campaign: Campaign, expectedEtag?: string | null): Promise<string> {
    validateInput(campaignSchema, campaign, 'Campaign');
    const entity = toRow(campaign);
    if (expectedEtag === '' || expectedEtag === '*') {
      throw new AppError('VALIDATION_FAILED', 'An expected etag must be the etag of a version read before.');
    }
    return this.rows.writing(campaign.orgId, () => {
      if (expectedEtag === undefined) return this.store.upsert(entity);
      if (expectedEtag === null) return this.store.create(entity);
      return this.store.update(entity, expectedEtag);
    });
  }

  /** `false` when there was none. With an etag, only that version is deleted (else ConflictError `changed`). */
  async remove(orgId: string, campaignId: string, expectedEtag?: string): Promise<boolean> {
    return this.rows.writing(orgId, () => this.store.delete(encodeKeyPart(orgId), encodeKeyPart(campaignId), expectedEtag));
  }
}
