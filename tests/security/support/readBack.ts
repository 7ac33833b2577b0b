import type { SendKind } from '@soestainable/shared/domain/sending';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import { decodeKeyPart, splitKey } from '@soestainable/bot/storage/keys';
import type { TableClients, TableName } from '@soestainable/bot/storage/tables';
import { rawRows } from '../../helpers/storage';

/**
 * "No stored garbage": reads every row of the given tables back through the repositories, whose row schemas throw
 * STORAGE_DATA_INVALID on a row that does not parse (a value out of range, a broken JSON column, an unknown status).
 * Answers how many rows were read, per table; throws on the first row a repository refuses.
 */
export async function readEverythingBack(repos: Repositories, clients: TableClients, orgId: string, tables: readonly TableName[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const partitions = async (name: TableName) => [...new Set((await rawRows(clients.client(name))).map((r) => String(r['partitionKey'])))];
  for (const table of tables) {
    const rows = await rawRows(clients.client(table));
    counts[table] = rows.length;
    if (rows.length === 0) continue;
    switch (table) {
      case 'Participants':
        for (const pk of await partitions(table)) await repos.participants.get(decodeKeyPart(pk));
        break;
      case 'TeamMembers':
        for (const pk of await partitions(table)) await repos.participants.listTeamMembers(decodeKeyPart(pk));
        break;
      case 'NudgeSlots':
        for (const pk of await partitions(table)) await repos.participants.listNudgeSlot(`${pk.slice(0, 2)}:${pk.slice(2)}`);
        break;
      case 'ConversationRefs':
        for (const pk of await partitions(table)) {
          const [first, teamId] = splitKey(pk);
          await repos.conversationRefs.listAll(first === 'team' && teamId !== undefined ? { kind: 'team', teamId } : { kind: 'user', userId: decodeKeyPart(pk) });
        }
        break;
      case 'CheckIns':
        for (const pk of await partitions(table)) await repos.checkIns.listAll(decodeKeyPart(pk));
        break;
      case 'Surveys':
        for (const pk of await partitions(table)) await repos.surveys.listAll(decodeKeyPart(pk));
        break;
      case 'Pledges':
        for (const pk of await partitions(table)) await repos.pledges.listAll(decodeKeyPart(pk));
        break;
      case 'FollowUpAnswers':
        for (const pk of await partitions(table)) await repos.followUpAnswers.listAll(decodeKeyPart(pk));
        break;
      case 'DailyAggregates':
        for (const pk of await partitions(table)) await repos.dailyAggregates.listCampaign(decodeKeyPart(pk));
        break;
      case 'Barriers':
        await repos.barriers.list(orgId);
        for (const r of rows.filter((row) => String(row['rowKey']).startsWith('~ref|'))) {
          const [, reference] = splitKey(String(r['rowKey']));
          if (reference !== undefined && (await repos.barriers.getByReference(orgId, reference)) === undefined) throw new Error(`barrier reference ${reference} points nowhere`);
        }
        break;
      case 'Ideas':
        await repos.ideas.list(orgId);
        for (const r of rows.filter((row) => String(row['rowKey']).startsWith('~ref|'))) {
          const [, reference] = splitKey(String(r['rowKey']));
          if (reference !== undefined && (await repos.ideas.getByReference(orgId, reference)) === undefined) throw new Error(`idea reference ${reference} points nowhere`);
        }
        break;
      case 'Actions':
        for (const action of await repos.actions.list(orgId)) await repos.actions.timeline(action.action.actionId);
        break;
      case 'ActionUpdates':
        for (const pk of await partitions(table)) await repos.actions.timeline(decodeKeyPart(pk));
        break;
      case 'SendClaims':
        for (const pk of await partitions(table)) {
          const [kind, period] = splitKey(pk);
          if (kind !== undefined && period !== undefined) await repos.sendClaims.listRun(kind as SendKind, period);
        }
        break;
      case 'SendRuns':
        for (const pk of await partitions(table)) await repos.sendRuns.latest(decodeKeyPart(pk) as SendKind, 1000);
        break;
      case 'Campaigns':
        await repos.campaigns.list(orgId);
        break;
      case 'Challenges':
        await repos.challenges.list(orgId);
        break;
      case 'OrgTeams':
        await repos.orgTeams.list(orgId);
        break;
      case 'ReportQuota':
        for (const r of rows) await repos.reportQuota.count(decodeKeyPart(String(r['partitionKey'])), String(r['rowKey']), 'read-back');
        break;
      case 'AuditLog':
        for (const pk of await partitions(table)) {
          const [org, month] = splitKey(pk);
          if (org !== undefined && month !== undefined) await repos.auditLog.list(org, month);
        }
        break;
      case 'ErasureConfirmations':
        // Nothing reads these back but the one-time check itself: hold each row to the shape `issue` writes.
        for (const r of rows) {
          const ok = r['rowKey'] === 'confirm' && /^[A-Za-z0-9_-]{24}$/.test(String(r['value'])) && !Number.isNaN(Date.parse(String(r['expiresAt'])));
          if (!ok) throw new Error(`erasure confirmation row ${String(r['partitionKey'])} does not parse`);
        }
        break;
      case 'Recognitions':
        // Each organisation's counts, and every barrier's and person's recognitions ("herken ik"), through the repository.
        for (const pk of await partitions(table)) {
          const org = decodeKeyPart(pk);
          await repos.recognitions.counts(org);
          const keys = rows.filter((r) => r['partitionKey'] === pk).map((r) => splitKey(String(r['rowKey'])));
          for (const id of new Set(keys.filter(([kind]) => kind === 'b').map(([, barrierId]) => barrierId))) if (id !== undefined) await repos.recognitions.listByBarrier(org, id);
          for (const id of new Set(keys.filter(([kind]) => kind === 'u').map(([, userId]) => userId))) if (id !== undefined) await repos.recognitions.listByUser(org, id);
        }
        break;
      default:
        throw new Error(`readEverythingBack does not know how to read ${table}`);
    }
  }
  return counts;
}
