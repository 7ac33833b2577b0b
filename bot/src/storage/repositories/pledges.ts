import { z } from 'zod';
import { MAX_FOLLOW_UP_TEXT, MAX_PLEDGES, MIN_PLEDGES, type Pledge } from '@soestainable/shared/domain/followUp';
import { AppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, splitKey } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { rowsOfUsers } from './acrossUsers';
import { charCount, idSchema, nonEmpty, toJsonProperty, validateInput } from './rowSchemas';

/**
 * Row shape of `Pledges` (PartitionKey userId, RowKey campaignId): one row per person per campaign, replaced when the
 * person changes their pledges. See docs/storage.md.
 */
export type PledgeRow = {
  /** JSON array of 1–3 challenge ids. */
  challengeIds: string;
  /** "Wat zou helpen"; `''` when the person wrote nothing. */
  help: string;
  createdAt: string;
  updatedAt: string;
};

const challengeIdsSchema = z
  .array(idSchema)
  .min(MIN_PLEDGES)
  .max(MAX_PLEDGES)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'each habit once' });
const helpSchema = z.string().refine((s) => charCount(s) <= MAX_FOLLOW_UP_TEXT, { error: `at most ${MAX_FOLLOW_UP_TEXT} characters` });
const pledgeSchema = z.object({
  userId: idSchema,
  campaignId: idSchema,
  challengeIds: challengeIdsSchema,
  help: helpSchema.optional(),
  createdAt: nonEmpty,
  updatedAt: nonEmpty,
});
const rowSchema = z.object({ challengeIds: z.string(), help: helpSchema, createdAt: nonEmpty, updatedAt: nonEmpty });

function fromRow(row: StoredRow<PledgeRow>): Pledge {
  const where = `Pledges row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const parts = splitKey(row.rowKey);
  const campaignId = parts[0];
  if (parts.length !== 1 || campaignId === undefined) throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse (RowKey).`);
  return {
    userId: decodeKeyPart(row.partitionKey),
    campaignId,
    challengeIds: parseRowJson(challengeIdsSchema, r.challengeIds, where),
    ...(r.help === '' ? {} : { help: r.help }),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Pledges (voornemens) made on the end survey card, partitioned by user like the surveys. */
export class PledgesRepository {
  constructor(private readonly store: TableStore<PledgeRow>) {}

  async get(userId: string, campaignId: string): Promise<Pledge | undefined> {
    const row = await this.store.get(encodeKeyPart(userId), key(campaignId));
    return row && fromRow(row);
  }

  /**
   * The campaign's pledges of each of `userIds` who made one, by user id, from one range query over their partitions
   * (the followups job's large waves: see {@link rowsOfUsers}). A row that does not parse throws, as {@link get} does.
   */
  async forUsers(campaignId: string, userIds: readonly string[]): Promise<Map<string, Pledge>> {
    const rows = await rowsOfUsers(this.store, userIds, key(campaignId));
    return new Map([...rows].map(([userId, row]) => [userId, fromRow(row)]));
  }

  /** Creates or replaces the person's pledge for the campaign (validated first: nothing invalid is stored). */
  async save(pledge: Pledge): Promise<void> {
    const p = validateInput(pledgeSchema, pledge, 'Pledge');
    await this.store.upsert({
      partitionKey: encodeKeyPart(p.userId),
      rowKey: key(p.campaignId),
      challengeIds: toJsonProperty(p.challengeIds, 'Pledge challengeIds'),
      help: p.help ?? '',
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    });
  }

  /** Every pledge of the person (for their data export). */
  async listAll(userId: string): Promise<Pledge[]> {
    return (await this.store.listPartition(encodeKeyPart(userId))).map(fromRow);
  }

  /** 1 when the person has a pledge for the campaign, else 0 (the retention job's dry run). */
  async countForCampaign(userId: string, campaignId: string): Promise<number> {
    return (await this.store.get(encodeKeyPart(userId), key(campaignId))) ? 1 : 0;
  }

  /** Deletes the person's pledge of one campaign (retention purge); returns how many rows went (0 or 1). */
  async deleteCampaign(userId: string, campaignId: string): Promise<number> {
    return (await this.store.delete(encodeKeyPart(userId), key(campaignId))) ? 1 : 0;
  }

  /** Deletes every pledge of the person; returns how many. */
  async deleteAll(userId: string): Promise<number> {
    return this.store.deletePartition(encodeKeyPart(userId));
  }
}
