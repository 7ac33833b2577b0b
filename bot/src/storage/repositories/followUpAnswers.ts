import { z } from 'zod';
import { KEPT_ANSWERS, MAX_FOLLOW_UP_TEXT, MAX_FOLLOW_UP_WAVES, MAX_PLEDGES, type FollowUpAnswers } from '@soestainable/shared/domain/followUp';
import { AppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, prefixRange, splitKey } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { rowsOfUsers } from './acrossUsers';
import { charCount, idSchema, nonEmpty, toJsonProperty, validateInput } from './rowSchemas';

/**
 * Row shape of `FollowUpAnswers` (PartitionKey userId, RowKey `campaignId|w<wave>`): one row per person per campaign
 * and follow-up wave, written once (the first answer counts). See docs/storage.md.
 */
export type FollowUpAnswersRow = {
  /** JSON array of `{challengeId, kept: ja|soms|nee, holdsBack?}`, one per pledged challenge (1–3). */
  answers: string;
  answeredAt: string;
};

const answerSchema = z.strictObject({
  challengeId: idSchema,
  kept: z.enum(KEPT_ANSWERS),
  holdsBack: z.string().refine((s) => charCount(s) <= MAX_FOLLOW_UP_TEXT, { error: `at most ${MAX_FOLLOW_UP_TEXT} characters` }).optional(),
});
const answersSchema = z
  .array(answerSchema)
  .min(1)
  .max(MAX_PLEDGES)
  .refine((a) => new Set(a.map((x) => x.challengeId)).size === a.length, { error: 'each habit once' });
const waveSchema = z.number().int().min(1).max(MAX_FOLLOW_UP_WAVES);
const inputSchema = z.object({ userId: idSchema, campaignId: idSchema, wave: waveSchema, answers: answersSchema, answeredAt: nonEmpty });
const rowSchema = z.object({ answers: z.string(), answeredAt: nonEmpty });

const waveKey = (wave: number): string => `w${wave}`;

function fromRow(row: StoredRow<FollowUpAnswersRow>): FollowUpAnswers {
  const where = `FollowUpAnswers row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const [campaignId, w, ...extra] = splitKey(row.rowKey);
  const wave = waveSchema.safeParse(Number(/^w(\d+)$/.exec(w ?? '')?.[1]));
  if (campaignId === undefined || extra.length > 0 || !wave.success) throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse (RowKey).`);
  return {
    userId: decodeKeyPart(row.partitionKey),
    campaignId,
    wave: wave.data,
    answers: parseRowJson(answersSchema, r.answers, where),
    answeredAt: r.answeredAt,
  };
}

/** Answers to the follow-up pulses (issue 15), partitioned by user like the pledges. */
export class FollowUpAnswersRepository {
  constructor(private readonly store: TableStore<FollowUpAnswersRow>) {}

  async get(userId: string, campaignId: string, wave: number): Promise<FollowUpAnswers | undefined> {
    const row = await this.store.get(encodeKeyPart(userId), key(campaignId, waveKey(wave)));
    return row && fromRow(row);
  }

  /**
   * Which of `userIds` answered the campaign's wave, from one range query over their partitions (the followups job's
   * large waves: see {@link rowsOfUsers}). Only whether the row is there: the answers (and their texts) are not parsed.
   */
  async answeredBy(campaignId: string, wave: number, userIds: readonly string[]): Promise<Set<string>> {
    const rows = await rowsOfUsers(this.store, userIds, key(campaignId, waveKey(wave)));
    return new Set(rows.keys());
  }

  /**
   * Stores one wave's answers, validated first (nothing invalid is stored). Insert only: a second answer to the same
   * wave (a double click, a second device) throws a ConflictError (`exists`) and changes nothing.
   */
  async create(answers: FollowUpAnswers): Promise<void> {
    const a = validateInput(inputSchema, answers, 'FollowUpAnswers');
    await this.store.create({
      partitionKey: encodeKeyPart(a.userId),
      rowKey: key(a.campaignId, waveKey(a.wave)),
      answers: toJsonProperty(a.answers, 'FollowUpAnswers answers'),
      answeredAt: a.answeredAt,
    });
  }

  /** Every answer of the person (their data export). */
  async listAll(userId: string): Promise<FollowUpAnswers[]> {
    return (await this.store.listPartition(encodeKeyPart(userId))).map(fromRow);
  }

  /** How many of the person's rows belong to the campaign (the retention job's dry run). */
  async countForCampaign(userId: string, campaignId: string): Promise<number> {
    return (await this.store.listPartition(encodeKeyPart(userId), prefixRange(campaignId))).length;
  }

  /** Deletes the person's answers of one campaign (retention purge); returns how many rows went. */
  async deleteCampaign(userId: string, campaignId: string): Promise<number> {
    return this.store.deletePartition(encodeKeyPart(userId), prefixRange(campaignId));
  }

  /** Deletes every answer of the person; returns how many. */
  async deleteAll(userId: string): Promise<number> {
    return this.store.deletePartition(encodeKeyPart(userId));
  }
}
