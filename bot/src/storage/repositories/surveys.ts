import { z } from 'zod';
import { DISTANCE_BANDS, FREQUENCIES, TRAVEL_MODES, type DistanceBand, type Survey } from '@soestainable/shared/domain/types';
import { AppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, prefixRange, splitKey } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { RecentCache } from './recentCache';
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

/** {@link SurveysRepository.recent}'s cache key: the user first, so that all of one person's entries can be dropped. */
function cacheKey(userId: string, campaignId: string, kind: string): string {
  return JSON.stringify([userId, campaignId, kind]);
}

function isOf(userId: string): (key: string) => boolean {
  const prefix = JSON.stringify([userId]).slice(0, -1) + ',';
  return (key) => key.startsWith(prefix);
}

/** Baseline (nulmeting) and end surveys, partitioned by user. */
export class SurveysRepository {
  /** {@link recent}'s surveys; every write of a survey below keeps it in step. */
  private readonly surveys: RecentCache<Survey | undefined>;

  /** @param cacheTtlMs how long {@link recent} may serve a survey from memory (0: never; see RecentCache). */
  constructor(
    private readonly store: TableStore<SurveyRow>,
    cacheTtlMs = 0,
  ) {
    this.surveys = new RecentCache<Survey | undefined>(cacheTtlMs);
  }

  async get(userId: string, campaignId: string, kind: Survey['kind']): Promise<Survey | undefined> {
    const row = await this.store.get(encodeKeyPart(userId), key(campaignId, kind));
    return row && fromRow(row);
  }

  /**
   * {@link get}, served for a short while from this instance's memory (the check-in reads the baseline on every
   * submit). A save or deletion through this instance updates or drops the entry at once; a change through another
   * instance shows after at most the cache's lifetime.
   */
  async recent(userId: string, campaignId: string, kind: Survey['kind']): Promise<Survey | undefined> {
    return this.surveys.get(cacheKey(userId, campaignId, kind), () => this.get(userId, campaignId, kind));
  }

  /** Creates or replaces the survey (a person answering again replaces their earlier answers). */
  async save(survey: Survey): Promise<void> {
    const s = validateInput(surveySchema, survey, 'Survey');
    await this.surveys.write(cacheKey(s.userId, s.campaignId, s.kind), () => this.store.upsert({
      partitionKey: encodeKeyPart(s.userId),
      rowKey: key(s.campaignId, s.kind),
      commuteMode: s.commuteMode,
      distanceBand: s.distanceBand,
      disposablePackaging: s.disposablePackaging,
      screensOffAtNight: s.screensOffAtNight,
      lightsOffWhenLeaving: s.lightsOffWhenLeaving,
      createdAt: s.createdAt,
    }), () => s);
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
    return this.forgetAround(userId, () => this.store.deletePartition(encodeKeyPart(userId), prefixRange(campaignId)));
  }

  /** Deletes every survey of the participant; returns how many. */
  async deleteAll(userId: string): Promise<number> {
    return this.forgetAround(userId, () => this.store.deletePartition(encodeKeyPart(userId)));
  }

  /** Runs a deletion of the person's surveys with their cached ones dropped before and after it. */
  private async forgetAround<T>(userId: string, deletion: () => Promise<T>): Promise<T> {
    this.surveys.invalidateWhere(isOf(userId));
    try {
      return await deletion();
    } finally {
      this.surveys.invalidateWhere(isOf(userId));
    }
  }
}
