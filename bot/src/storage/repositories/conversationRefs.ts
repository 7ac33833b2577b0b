import { odata } from '@azure/data-tables';
import { z } from 'zod';
import {
  CONVERSATION_SCOPES,
  type ConversationOwner,
  type ConversationScope,
  type StoredConversationRef,
} from '@soestainable/shared/domain/conversation';
import { AppError, ConflictError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, splitKey } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { DEFAULT_RETRY, retryOnConflict, type RetryPolicy } from './optimistic';
import { nonEmpty, toJsonProperty } from './rowSchemas';

/** Row shape of `ConversationRefs` (PartitionKey owner, RowKey scope): see docs/storage.md. */
export type ConversationRefRow = {
  /** The serialised conversation reference, at most 32 KiB of JSON. */
  reference: string;
  active: boolean;
  updatedAt: string;
};

const TEAM_PREFIX = 'team';
const rowSchema = z.object({ reference: z.string(), active: z.boolean(), updatedAt: nonEmpty });
const referenceSchema = z.json();

/**
 * A user's partition is their encoded user id; a team's is `team|<encoded team id>`. Encoded parts never hold a
 * raw `|`, so the two kinds can never meet.
 */
export function ownerPartitionKey(owner: ConversationOwner): string {
  return owner.kind === 'user' ? encodeKeyPart(owner.userId) : key(TEAM_PREFIX, owner.teamId);
}

function ownerOf(partitionKey: string): ConversationOwner {
  if (partitionKey.startsWith(TEAM_PREFIX + '|')) {
    const [, teamId] = splitKey(partitionKey);
    return { kind: 'team', teamId: teamId ?? '' };
  }
  return { kind: 'user', userId: decodeKeyPart(partitionKey) };
}

function scopeKey(scope: ConversationScope): string {
  if (!CONVERSATION_SCOPES.includes(scope)) throw new AppError('VALIDATION_FAILED', `Unknown conversation scope "${String(scope)}".`);
  return scope;
}

function fromRow(row: StoredRow<ConversationRefRow>): StoredConversationRef {
  const where = `ConversationRefs row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const scope = z.enum(CONVERSATION_SCOPES).safeParse(row.rowKey);
  if (!scope.success) throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse.`);
  return {
    owner: ownerOf(row.partitionKey),
    scope: scope.data,
    reference: parseRowJson(referenceSchema, r.reference, where),
    active: r.active,
    updatedAt: r.updatedAt,
  };
}

/** Conversation references for proactive messages: one per person (1:1 chat) and per team (channel). */
export class ConversationRefsRepository {
  constructor(
    private readonly store: TableStore<ConversationRefRow>,
    private readonly now: () => Date = () => new Date(),
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /** Creates or replaces the reference. `reference` must serialise to at most 32 KiB of JSON (else VALIDATION_FAILED). */
  async save(owner: ConversationOwner, scope: ConversationScope, reference: unknown, active = true): Promise<void> {
    await this.store.upsert({
      partitionKey: ownerPartitionKey(owner),
      rowKey: scopeKey(scope),
      reference: toJsonProperty(reference, 'Conversation reference'),
      active,
      updatedAt: this.now().toISOString(),
    });
  }

  /**
   * Stores the reference and says whether it is **new** for this owner: there was none, it was inactive, or it
   * belonged to another conversation. Decided by the write itself (insert-if-absent, or an ETag update), so of
   * two events of one install arriving together (Teams sends installationUpdate and conversationUpdate
   * milliseconds apart) exactly one gets `true` — and the user exactly one welcome.
   */
  async saveIfNew(owner: ConversationOwner, scope: ConversationScope, reference: { conversation?: { id?: string } }): Promise<boolean> {
    const pk = ownerPartitionKey(owner);
    const rk = scopeKey(scope);
    const entity = {
      partitionKey: pk,
      rowKey: rk,
      reference: toJsonProperty(reference, 'Conversation reference'),
      active: true,
      updatedAt: this.now().toISOString(),
    };
    const row = await this.store.get(pk, rk);
    try {
      if (!row) {
        await this.store.create(entity);
        return true;
      }
      const previous = fromRow(row);
      const sameConversation = (previous.reference as { conversation?: { id?: unknown } } | null)?.conversation?.id === reference.conversation?.id;
      await this.store.update(entity, row.etag);
      return !(previous.active && sameConversation);
    } catch (err) {
      // Another event of the same install wrote first: it is the one that welcomes.
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  async get(owner: ConversationOwner, scope: ConversationScope): Promise<StoredConversationRef | undefined> {
    const row = await this.store.get(ownerPartitionKey(owner), scopeKey(scope));
    return row && fromRow(row);
  }

  /**
   * Marks the reference inactive (Teams answered 403/404, or the app was uninstalled); keeps it for a later
   * reinstall to overwrite. `false` when there is none. Read-modify-write with the ETag, so a reinstall that
   * saves a fresh active reference at the same moment is not undone blindly.
   */
  async markInactive(owner: ConversationOwner, scope: ConversationScope): Promise<boolean> {
    const pk = ownerPartitionKey(owner);
    const rk = scopeKey(scope);
    return retryOnConflict(`mark ConversationRefs ${pk}/${rk} inactive`, this.retry, async () => {
      const row = await this.store.get(pk, rk);
      if (!row) return false;
      const r = parseRow(rowSchema, row, `ConversationRefs row ${pk}/${rk}`);
      if (!r.active) return true;
      await this.store.update(
        { partitionKey: pk, rowKey: rk, reference: r.reference, active: false, updatedAt: this.now().toISOString() },
        row.etag,
      );
      return true;
    });
  }

  /**
   * Every stored reference of one scope, page by page (1,000 a page): a scan of the table, which holds one or two
   * rows per owner. For a large fan-out this replaces one point read per recipient by one read per thousand
   * (10,000 recipients: 10 requests instead of 10,000); for a handful of recipients, use {@link get}.
   */
  async *iterateScope(scope: ConversationScope): AsyncGenerator<StoredConversationRef> {
    for await (const row of this.store.query(odata`RowKey eq ${scopeKey(scope)}`)) yield fromRow(row);
  }

  /** `false` when there was none. */
  async remove(owner: ConversationOwner, scope: ConversationScope): Promise<boolean> {
    return this.store.delete(ownerPartitionKey(owner), scopeKey(scope));
  }

  /** Every reference of one owner (for a person's data export). */
  async listAll(owner: ConversationOwner): Promise<StoredConversationRef[]> {
    const rows = await this.store.listPartition(ownerPartitionKey(owner));
    return rows.map(fromRow);
  }

  /** Deletes every reference of one owner; returns how many were removed. */
  async deleteAll(owner: ConversationOwner): Promise<number> {
    return this.store.deletePartition(ownerPartitionKey(owner));
  }
}
