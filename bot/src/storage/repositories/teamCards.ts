import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { CHANGED_BY_UNKNOWN, type TeamCardChannel } from '@soestainable/shared/domain/owners';
import { decodeKeyPart, encodeKeyPart } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { changeEachExisting } from './optimistic';
import { idSchema, nonEmpty, validateInput } from './rowSchemas';

/** Row shape of `TeamCards` (PartitionKey orgId, RowKey the Teams team id): see docs/storage.md. */
export type TeamCardRow = {
  orgTeamId: string;
  enabled: boolean;
  changedBy: string;
  changedAt: string;
  inactiveSince?: string;
};

const rowSchema = z.object({
  orgTeamId: nonEmpty,
  enabled: z.boolean(),
  changedBy: nonEmpty,
  changedAt: nonEmpty,
  inactiveSince: nonEmpty.optional(),
});

const channelSchema = z.object({
  orgId: idSchema,
  teamsTeamId: idSchema,
  orgTeamId: idSchema,
  enabled: z.boolean(),
  changedBy: idSchema,
  changedAt: nonEmpty,
  inactiveSince: nonEmpty.optional(),
});

function fromRow(row: StoredRow<TeamCardRow>): TeamCardChannel {
  const r = parseRow(rowSchema, row, `TeamCards row ${row.rowKey}`);
  return {
    orgId: decodeKeyPart(row.partitionKey),
    teamsTeamId: decodeKeyPart(row.rowKey),
    orgTeamId: r.orgTeamId,
    enabled: r.enabled,
    changedBy: r.changedBy,
    changedAt: r.changedAt,
    ...(r.inactiveSince === undefined ? {} : { inactiveSince: r.inactiveSince }),
  };
}

function toEntity(c: z.infer<typeof channelSchema>): TableEntity<TeamCardRow> {
  return {
    partitionKey: encodeKeyPart(c.orgId),
    rowKey: encodeKeyPart(c.teamsTeamId),
    orgTeamId: c.orgTeamId,
    enabled: c.enabled,
    changedBy: c.changedBy,
    changedAt: c.changedAt,
    ...(c.inactiveSince === undefined ? {} : { inactiveSince: c.inactiveSince }),
  };
}

/**
 * The team channels that carry the weekly team card (issue 16, item 3): one row per Teams team in the organisation's
 * partition (a handful of rows). The channel's conversation reference itself is in `ConversationRefs` (owner the
 * Teams team, scope `teamcard`), where the fan-out engine reads it.
 */
export class TeamCardsRepository {
  constructor(private readonly store: TableStore<TeamCardRow>) {}

  async get(orgId: string, teamsTeamId: string): Promise<TeamCardChannel | undefined> {
    const row = await this.store.get(encodeKeyPart(orgId), encodeKeyPart(teamsTeamId));
    return row && fromRow(row);
  }

  /** Every channel of the organisation, switched on or off: one small partition. */
  async list(orgId: string): Promise<TeamCardChannel[]> {
    return (await this.store.listPartition(encodeKeyPart(orgId))).map(fromRow);
  }

  /** Creates or replaces the channel's row (a switch on clears `inactiveSince` by leaving it out). */
  async save(channel: TeamCardChannel): Promise<void> {
    await this.store.upsert(toEntity(validateInput(channelSchema, channel, 'team card channel')));
  }

  /** The organisation's channels that `userId` switched last (their "my data"). */
  async listChangedBy(orgId: string, userId: string): Promise<TeamCardChannel[]> {
    return (await this.list(orgId)).filter((c) => c.changedBy === userId);
  }

  /**
   * Erasure: every channel `userId` switched last gets `changedBy` {@link CHANGED_BY_UNKNOWN}; the switch itself
   * (on or off, when) stays. Idempotent; each row ETag-checked and retried, so a switch at the same time is never
   * lost (a new switcher's id is left alone). Returns how many rows it changed.
   */
  async forgetChanger(orgId: string, userId: string): Promise<number> {
    return changeEachExisting({
      store: this.store,
      partitionKey: encodeKeyPart(orgId),
      rowKeys: (await this.listChangedBy(orgId, userId)).map((channel) => encodeKeyPart(channel.teamsTeamId)),
      parse: fromRow,
      change: (current) => (current.changedBy === userId ? { ...current, changedBy: CHANGED_BY_UNKNOWN } : undefined),
      toEntity,
    });
  }

  /** Marks the channel inactive (Teams answered 403/404): the job sends it nothing until it is switched on again. */
  async markInactive(channel: TeamCardChannel, at: string): Promise<void> {
    if (channel.inactiveSince !== undefined) return;
    await this.save({ ...channel, inactiveSince: at });
  }

  async remove(orgId: string, teamsTeamId: string): Promise<boolean> {
    return this.store.delete(encodeKeyPart(orgId), encodeKeyPart(teamsTeamId));
  }
}
