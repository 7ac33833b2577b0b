import { z } from 'zod';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import { decodeKeyPart, encodeKeyPart } from '../keys';
import { parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';

/** Row shape of `OrgTeams` (PartitionKey orgId, RowKey teamId): see docs/storage.md. */
export type OrgTeamRow = {
  name: string;
  managerIds: string;
  demo: boolean;
};

const managerIdsSchema = z.array(z.string());

function fromRow(row: StoredRow<OrgTeamRow>): OrgTeam {
  const managerIds = parseRowJson(managerIdsSchema, row.managerIds, `OrgTeams row ${row.rowKey}`);
  return {
    orgId: decodeKeyPart(row.partitionKey),
    teamId: decodeKeyPart(row.rowKey),
    name: String(row.name),
    managerIds,
    demo: row.demo === true,
  };
}

/** Organisation teams and their managers. */
export class OrgTeamsRepository {
  constructor(private readonly store: TableStore<OrgTeamRow>) {}

  async get(orgId: string, teamId: string): Promise<OrgTeam | undefined> {
    const row = await this.store.get(encodeKeyPart(orgId), encodeKeyPart(teamId));
    return row && fromRow(row);
  }

  /** All teams of the organisation, sorted by name. One small partition. */
  async list(orgId: string): Promise<OrgTeam[]> {
    const rows = await this.store.listPartition(encodeKeyPart(orgId));
    return rows.map(fromRow).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  /** Creates or replaces a team. */
  async save(team: OrgTeam): Promise<void> {
    await this.store.upsert({
      partitionKey: encodeKeyPart(team.orgId),
      rowKey: encodeKeyPart(team.teamId),
      name: team.name,
      managerIds: JSON.stringify(team.managerIds),
      demo: team.demo,
    });
  }

  async remove(orgId: string, teamId: string): Promise<boolean> {
    return this.store.delete(encodeKeyPart(orgId), encodeKeyPart(teamId));
  }
}
