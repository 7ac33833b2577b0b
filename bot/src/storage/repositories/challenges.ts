import type { TransactionAction } from '@azure/data-tables';
import { PartitionCache } from './partitionCache';
import { z } from 'zod';
import { THEMES } from '@soestainable/shared/domain/types';
import { AppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import { MAX_BATCH, type StoredRow, type TableStore } from '../tableStore';
import { localizedSchema, nonEmpty, toJsonProperty, validateInput } from './rowSchemas';

/** Row shape of `Challenges` (PartitionKey orgId, RowKey challengeId): see docs/storage.md. */
export type ChallengeRow = {
  /** The entry as JSON, validated by {@link challengeContentSchema}. */
  payload: string;
};

/**
 * One editable catalogue entry: the challenge of a campaign day in both languages, with the day's own question.
 * The schema is the contract for both writing and reading the stored JSON.
 */
export const challengeContentSchema = z.object({
  day: z.number().int().min(1),
  theme: z.enum(THEMES),
  title: localizedSchema,
  action: localizedSchema,
  tip: localizedSchema,
  question: z.object({
    id: nonEmpty,
    kind: z.enum(['yesno', 'count']),
    text: localizedSchema,
  }),
});
export type ChallengeContent = z.infer<typeof challengeContentSchema>;

/**
 * A stored catalogue entry of one organisation; `id` is the challenge id (the RowKey). Same shape as the
 * built-in catalogue's `Challenge` (shared/src/catalogue), which is assignable to it, so the built-in programme
 * can be seeded as is. Storage checks structure only: the editing API applies the catalogue's stricter rules
 * (text lengths, slugs) before saving, so tightening those rules never makes stored rows unreadable.
 */
export type CatalogueChallenge = ChallengeContent & { readonly id: string };

const rowSchema = z.object({ payload: z.string() });

function fromRow(row: StoredRow<ChallengeRow>): CatalogueChallenge {
  const where = `Challenges row ${row.partitionKey}/${row.rowKey}`;
  const content = parseRowJson(challengeContentSchema, parseRow(rowSchema, row, where).payload, where);
  return { id: decodeKeyPart(row.rowKey), ...content };
}

function byDay(a: CatalogueChallenge, b: CatalogueChallenge): number {
  return a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The organisation's editable challenge catalogue: one small partition per org. */
export class ChallengesRepository {
  private readonly lists: PartitionCache<CatalogueChallenge>;

  /** @param cacheTtlMs how long reads may come from a cached catalogue (0: never; see PartitionCache). */
  constructor(
    private readonly store: TableStore<ChallengeRow>,
    private readonly cacheTtlMs = 0,
  ) {
    this.lists = new PartitionCache<CatalogueChallenge>(cacheTtlMs);
  }

  async get(orgId: string, challengeId: string): Promise<CatalogueChallenge | undefined> {
    if (this.cacheTtlMs > 0) return (await this.list(orgId)).find((c) => c.id === challengeId);
    const row = await this.store.get(encodeKeyPart(orgId), encodeKeyPart(challengeId));
    return row && fromRow(row);
  }

  /** The whole catalogue, by day then id. */
  async list(orgId: string): Promise<CatalogueChallenge[]> {
    const items = await this.lists.get(orgId, async () => {
      const rows = await this.store.listPartition(encodeKeyPart(orgId));
      return rows.map(fromRow).sort(byDay);
    });
    return [...items];
  }

  /**
   * Creates or replaces the given entries in one atomic transaction: either all are stored or none. Entries not
   * named are left alone. At most 100 entries (one entity-group transaction), each id once; every entry is
   * validated before anything is written (VALIDATION_FAILED).
   */
  async saveAll(orgId: string, items: readonly CatalogueChallenge[]): Promise<void> {
    if (items.length > MAX_BATCH) {
      throw new AppError('VALIDATION_FAILED', `At most ${MAX_BATCH} challenges can be saved at once (got ${items.length}).`);
    }
    const pk = encodeKeyPart(orgId);
    const seen = new Set<string>();
    const actions = items.map((item, i): TransactionAction => {
      const rk = encodeKeyPart(item.id);
      if (seen.has(rk)) throw new AppError('VALIDATION_FAILED', `Challenge "${item.id}" is listed twice.`);
      seen.add(rk);
      const content = validateInput(challengeContentSchema, item, `Challenge ${i + 1} ("${item.id}")`);
      const entity: ChallengeRow & { partitionKey: string; rowKey: string } = {
        partitionKey: pk,
        rowKey: rk,
        payload: toJsonProperty(content, `Challenge "${item.id}"`),
      };
      return ['upsert', entity, 'Replace'];
    });
    await this.lists.writing(orgId, () => this.store.batch(actions));
  }

  /** `false` when there was none. */
  async remove(orgId: string, challengeId: string): Promise<boolean> {
    return this.lists.writing(orgId, () => this.store.delete(encodeKeyPart(orgId), encodeKeyPart(challengeId)));
  }
}
