import { z } from 'zod';
import type { TeamCardChannel } from '@soestainable/shared/domain/owners';
import { decodeKeyPart, encodeKeyPart } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
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
    const c = validateInput(channelSchema, channel, 'team card channel');
    await this.store.upsert({
      partitionKey: encodeKeyPart(c.orgId),
      rowKey: encodeKeyPart(c.teamsTeamId),
      orgTeamId: c.orgTeamId,
      enabled: c.enabled,
      changedBy: c.changedBy,
      changedAt: c.changedAt,
      ...(c.inactiveSince === undefined ? {} : { inactiveSince: c.inactiveSince }),
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
