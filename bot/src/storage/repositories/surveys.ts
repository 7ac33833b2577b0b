import { z } from 'zod';
import { DISTANCE_BANDS, FREQUENCIES, TRAVEL_MODES, type DistanceBand, type Survey } from '@soestainable/shared/domain/types';
import { AppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, prefixRange, splitKey } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { nonEmpty, validateInput } from './rowSchemas';

/** Row shape of `Surveys` (PartitionKey userId, RowKey `campaignId|kind`): see docs/storage.md. */
export type SurveyRow = {
  commuteMode: string;
  distanceBand: string;
  disposablePackaging: string;
  screensOffAtNight: boolean;
  lightsOffWhenLeaving: boolean;
  createdAt: string;
};

const SURVEY_KINDS = ['baseline', 'end'] as const satisfies readonly Survey['kind'][];
const distanceBandSchema = z.custom<DistanceBand>(
  (v) => typeof v === 'string' && Object.hasOwn(DISTANCE_BANDS, v),
  'unknown distance band',
);

const fields = {
  commuteMode: z.enum(TRAVEL_MODES),
  distanceBand: distanceBandSchema,
  disposablePackaging: z.enum(FREQUENCIES),
  screensOffAtNight: z.boolean(),
  lightsOffWhenLeaving: z.boolean(),
  createdAt: nonEmpty,
};
const surveySchema = z.object({ userId: nonEmpty, campaignId: nonEmpty, kind: z.enum(SURVEY_KINDS), ...fields });
const rowSchema = z.object(fields);
const kindSchema = z.enum(SURVEY_KINDS);

function fromRow(row: StoredRow<SurveyRow>): Survey {
  const where = `Surveys row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const parts = splitKey(row.rowKey);
  const campaignId = parts[0];
  const kind = kindSchema.safeParse(parts[1]);
  if (parts.length !== 2 || campaignId === undefined || !kind.success) {
    throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse (RowKey).`);
  }
  return {
    userId: decodeKeyPart(row.partitionKey),
    campaignId,
    kind: kind.data,
    commuteMode: r.commuteMode,
    distanceBand: r.distanceBand,
    disposablePackaging: r.disposablePackaging,
    screensOffAtNight: r.screensOffAtNight,
    lightsOffWhenLeaving: r.lightsOffWhenLeaving,
    createdAt: r.createdAt,
  };
}

/** Baseline (nulmeting) and end surveys, partitioned by user. */
export class SurveysRepository {
  constructor(private readonly store: TableStore<SurveyRow>) {}

  async get(userId: string, campaignId: string, kind: Survey['kind']): Promise<Survey | undefined> {
    const row = await this.store.get(encodeKeyPart(userId), key(campaignId, kind));
    return row && fromRow(row);
  }

  /** Creates or replaces the survey (a person answering again replaces their earlier answers). */
  async save(survey: Survey): Promise<void> {
    const s = validateInput(surveySchema, survey, 'Survey');
    await this.store.upsert({
      partitionKey: encodeKeyPart(s.userId),
      rowKey: key(s.campaignId, s.kind),
      commuteMode: s.commuteMode,
      distanceBand: s.distanceBand,
      disposablePackaging: s.disposablePackaging,
      screensOffAtNight: s.screensOffAtNight,
      lightsOffWhenLeaving: s.lightsOffWhenLeaving,
      createdAt: s.createdAt,
    });
  }

  /** Every survey of the participant (for their data export). */
  async listAll(userId: string): Promise<Survey[]> {
    const rows = await this.store.listPartition(encodeKeyPart(userId));
    return rows.map(fromRow);
  }

  /** How many surveys (baseline, end) the participant has in one campaign, counted without parsing them. */
  async countForCampaign(userId: string, campaignId: string): Promise<number> {
    return (await this.store.listPartition(encodeKeyPart(userId), prefixRange(campaignId))).length;
  }

  /** Deletes the participant's surveys of one campaign (retention purge, in batches of ≤ 100); returns how many. */
  async deleteCampaign(userId: string, campaignId: string): Promise<number> {
    return this.store.deletePartition(encodeKeyPart(userId), prefixRange(campaignId));
  }

  /** Deletes every survey of the participant; returns how many. */
  async deleteAll(userId: string): Promise<number> {
    return this.store.deletePartition(encodeKeyPart(userId));
  }
}
